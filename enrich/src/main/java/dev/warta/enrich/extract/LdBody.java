package dev.warta.enrich.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Uses the JSON-LD {@code articleBody} as a second opinion on the DOM's main text. When the DOM paragraphs that
 * occur in the long {@code articleBody} cover most of it (the two sources agree), paragraphs after the last such
 * paragraph, when that one ends the {@code articleBody} (not a truncated teaser body), are boilerplate the DOM scoring let in (teasers, bios, "next article" feeds) and are cut; paragraphs
 * before and between them stay (a lead or DOM-only subheadings are often missing from {@code articleBody}). When
 * the DOM found little text and almost none of a long {@code articleBody}, the DOM picked the wrong block and the
 * {@code articleBody} is used instead.
 * Stateless; linear in the text sizes (bounded substring checks).
 */
final class LdBody {
    /** Minimum articleBody length (normalised characters) to be trusted at all. */
    static final int MIN_BODY = 400;

    private static final int MAX_BODY = 200_000;

    private LdBody() {}

    static List<String> trim(List<String> paragraphs, String articleBody) {
        if (articleBody == null || articleBody.length() > MAX_BODY) {
            return paragraphs;
        }
        String body = key(articleBody);
        if (body.length() < MIN_BODY) {
            return paragraphs;
        }
        int first = -1;
        int last = -1;
        long covered = 0;
        long domChars = 0;
        int lastEnd = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            String k = key(paragraphs.get(i));
            domChars += k.length();
            if (k.length() >= 20 && body.contains(k)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
                lastEnd = body.lastIndexOf(k) + k.length();
                covered += k.length();
            }
        }
        if (covered >= body.length() * 0.6 && lastEnd >= body.length() - 40) {
            return last == paragraphs.size() - 1 ? paragraphs : new ArrayList<>(paragraphs.subList(0, last + 1));
        }
        if (covered < body.length() * 0.2 && body.length() >= 1000 && domChars < body.length() * 0.5) {
            List<String> out = new ArrayList<>();
            for (String p : articleBody.split("\\s*\\n\\s*")) {
                String t = MainText.norm(p);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return out;
        }
        return paragraphs;
    }

    /** Lower-case letters and digits, other runs collapsed to one space. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int n = sb.length();
        return n > 0 && sb.charAt(n - 1) == ' ' ? sb.substring(0, n - 1) : sb.toString();
    }
}
