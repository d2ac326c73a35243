package dev.warta.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Text after boilerplate removal: {@code text} paragraphs separated by a blank line, the editor/photo credits
 * that were cut, and a publication time found in the page text (ISO-8601 with offset, or null) with its rule.
 * {@code lines} are the non-empty input lines in their order, each with the reason the cleaner dropped it (null
 * when kept), so that what was cut can still be judged and shown.
 */
public record Cleaned(String text, List<String> credits, String publishedAt, String publishedAtRule, List<Line> lines) {
    /** One non-empty input line and why it was dropped ({@code null}: kept in {@code text}). */
    public record Line(String text, String dropped) {
        public boolean kept() {
            return dropped == null;
        }
    }

    /** A result that kept every paragraph of {@code text}. */
    public Cleaned(String text, List<String> credits, String publishedAt, String publishedAtRule) {
        this(text, credits, publishedAt, publishedAtRule, keptLines(text));
    }

    /** The dropped lines, in input order. */
    public List<Line> droppedLines() {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            if (!l.kept()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<Line> keptLines(String text) {
        List<Line> out = new ArrayList<>();
        if (text != null) {
            for (String p : text.split("\\n\\s*\\n")) {
                if (!p.isBlank()) {
                    out.add(new Line(p.strip(), null));
                }
            }
        }
        return List.copyOf(out);
    }
}
