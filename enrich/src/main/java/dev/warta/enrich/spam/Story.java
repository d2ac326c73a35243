package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of an article's story (its title and the paragraphs not judged spam), to tell a paragraph that
 * belongs to the story from an off-topic one: a paragraph is on topic when enough of its content words occur
 * elsewhere in the story. Built only for articles that carry spam; not shared between threads.
 */
final class Story {
    private static final double ON_TOPIC = 0.2;
    private static final Set<String> FUNCTION = Set.of(
            "yang",
            "dengan",
            "untuk",
            "dari",
            "dalam",
            "pada",
            "akan",
            "tidak",
            "juga",
            "bahwa",
            "atau",
            "telah",
            "sudah",
            "saat",
            "karena",
            "kerana",
            "bahawa",
            "lebih",
            "oleh",
            "para",
            "kata",
            "this",
            "that",
            "with",
            "from",
            "have",
            "were",
            "will",
            "their",
            "they",
            "which",
            "been",
            "about",
            "more",
            "also",
            "said",
            "ialah",
            "tersebut",
            "secara",
            "menjadi",
            "bisa",
            "dapat",
            "boleh",
            "masih",
            "hanya",
            "namun",
            "seperti",
            "kepada",
            "hari",
            "tahun",
            "mereka",
            "kami",
            "kita",
            "anda",
            "kamu",
            "there",
            "what",
            "when",
            "your",
            "into",
            "than",
            "then",
            "these",
            "those",
            "would",
            "could",
            "ketika",
            "setelah",
            "selepas",
            "sebagai",
            "adalah",
            "merupakan",
            "sangat",
            "semua",
            "banyak",
            "lagi",
            "sini",
            "sana",
            "begitu",
            "agar",
            "supaya",
            "jika",
            "kalau",
            "apabila",
            "antara",
            "hingga",
            "sampai",
            "serta");

    private final Map<String, Integer> frequency = new HashMap<>();
    private final List<Set<String>> words;

    Story(String title, List<String> paragraphs, SpamDetector.Judgement[] judgements, int count) {
        words = new ArrayList<>(count);
        if (title != null) {
            for (String w : contentWords(title)) {
                frequency.merge(w, 1, Integer::sum);
            }
        }
        for (int i = 0; i < count; i++) {
            Set<String> ws = null;
            if (!judgements[i].spam() && paragraphs.get(i) != null) {
                ws = contentWords(paragraphs.get(i));
                for (String w : ws) {
                    frequency.merge(w, 1, Integer::sum);
                }
            }
            words.add(ws);
        }
    }

    /** Whether {@code text} (part of paragraph {@code index}) shares enough content words with the rest of the story. */
    boolean onTopic(String text, int index) {
        return overlap(text, index) >= ON_TOPIC;
    }

    /**
     * The share of {@code text}'s content words (part of paragraph {@code index}) found elsewhere in the story;
     * 1 when there is no other story to compare with (a one-paragraph item).
     */
    double overlap(String text, int index) {
        Set<String> own = index >= 0 && index < words.size() ? words.get(index) : null;
        int others = 0;
        for (Map.Entry<String, Integer> e : frequency.entrySet()) {
            if (e.getValue() - (own != null && own.contains(e.getKey()) ? 1 : 0) > 0) {
                others++;
                break;
            }
        }
        if (others == 0) {
            return 1;
        }
        Set<String> ws = contentWords(text);
        if (ws.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String w : ws) {
            int f = frequency.getOrDefault(w, 0) - (own != null && own.contains(w) ? 1 : 0);
            shared += f > 0 ? 1 : 0;
        }
        return shared / (double) ws.size();
    }

    /** Lower-cased words of four letters or more, function words left out. */
    static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        int n = text.length();
        int start = -1;
        for (int i = 0; i <= n; i++) {
            boolean letter = i < n && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start >= 4) {
                    String w = text.substring(start, i).toLowerCase(Locale.ROOT);
                    if (!FUNCTION.contains(w)) {
                        out.add(w);
                    }
                }
                start = -1;
            }
        }
        return out;
    }
}
