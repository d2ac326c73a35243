package dev.warta.enrich.ner.en;

import java.util.List;

/**
 * The English tagger's BIO labels: PERSON, ORGANIZATION, LOCATION and MISC (CoNLL-2003's nationalities, events,
 * products...). MISC is learnt so that its words do not pull the other types, and is never reported.
 */
final class EnLabels {
    static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    /** Index of MISC in {@link #TYPES}. */
    static final int MISC = 3;

    static final int SIZE = 1 + 2 * TYPES.size();
    static final List<String> NAMES;

    static {
        String[] names = new String[SIZE];
        names[0] = "O";
        for (int t = 0; t < TYPES.size(); t++) {
            names[1 + 2 * t] = "B-" + TYPES.get(t);
            names[2 + 2 * t] = "I-" + TYPES.get(t);
        }
        NAMES = List.of(names);
    }

    private EnLabels() {}

    static boolean isInside(int label) {
        return label > 0 && label % 2 == 0;
    }

    static int typeOf(int label) {
        return (label - 1) / 2;
    }

    /** Whether {@code next} may follow {@code prev} (-1: sentence start) in valid BIO. */
    static boolean allowed(int prev, int next) {
        return !isInside(next) || prev > 0 && typeOf(prev) == typeOf(next);
    }

    /**
     * Label id of a CoNLL tag: {@code B-PER}, {@code I-ORG}, {@code B-LOC}, {@code I-MISC}, or the long type names;
     * IOB1 inside tags count as they are (the reader repairs them to begin labels where a span starts).
     */
    static int parse(String tag) {
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return 0;
        }
        String t = tag.substring(2);
        int type = switch (t) {
            case "PER", "PERSON" -> 0;
            case "ORG", "ORGANIZATION", "ORGANISATION" -> 1;
            case "LOC", "LOCATION", "GPE" -> 2;
            case "MISC" -> 3;
            default -> -1;
        };
        if (type < 0) {
            return 0;
        }
        return (tag.charAt(0) == 'I' ? 2 : 1) + 2 * type;
    }

    /** Receives spans {@code [start, end)} of type index {@code type}. */
    @FunctionalInterface
    interface SpanConsumer {
        void span(int start, int end, int type);
    }

    /** The entity spans of a valid label sequence, in order. */
    static void forEachSpan(int[] labels, SpanConsumer consumer) {
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == 0) {
                i++;
                continue;
            }
            int type = typeOf(labels[i]);
            int j = i + 1;
            while (j < labels.length && isInside(labels[j]) && typeOf(labels[j]) == type) {
                j++;
            }
            consumer.span(i, j, type);
            i = j;
        }
    }
}
