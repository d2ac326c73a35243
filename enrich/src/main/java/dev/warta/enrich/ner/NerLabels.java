package dev.warta.enrich.ner;

import java.util.List;

/** The BIO label set of the tagger and helpers to move between label ids, names and entity types. */
public final class NerLabels {
    /** Entity types the tagger predicts, in label-id order. */
    public static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION", "EVENT");
    /** Label names; id 0 is O, then B-/I- per type. */
    public static final List<String> NAMES;
    /** Number of labels. */
    public static final int SIZE;

    static {
        String[] names = new String[1 + 2 * TYPES.size()];
        names[0] = "O";
        for (int t = 0; t < TYPES.size(); t++) {
            names[1 + 2 * t] = "B-" + TYPES.get(t);
            names[2 + 2 * t] = "I-" + TYPES.get(t);
        }
        NAMES = List.of(names);
        SIZE = names.length;
    }

    private NerLabels() {}

    /** Label id of {@code B-type} (or -1 when the type is unknown). */
    public static int begin(String type) {
        int t = TYPES.indexOf(type);
        return t < 0 ? -1 : 1 + 2 * t;
    }

    /** Whether the label id is an inside (I-) label. */
    public static boolean isInside(int label) {
        return label > 0 && label % 2 == 0;
    }

    /** Whether the label id is a begin (B-) label. */
    public static boolean isBegin(int label) {
        return label > 0 && label % 2 == 1;
    }

    /** Type index of a non-O label. */
    public static int typeOf(int label) {
        return (label - 1) / 2;
    }

    /** Whether label {@code next} may follow {@code prev} (-1 = sentence start) in valid BIO. */
    public static boolean allowed(int prev, int next) {
        if (!isInside(next)) {
            return true;
        }
        return prev > 0 && typeOf(prev) == typeOf(next);
    }

    /** Receives the entity spans of a label sequence: tokens {@code [start, end)} of type index {@code type}. */
    @FunctionalInterface
    public interface SpanConsumer {
        void span(int start, int end, int type);
    }

    /**
     * Walks the entity spans of a label sequence in order: a span starts at any non-O label and runs over the
     * inside labels after it, of any type ({@code sameType} false: as decoded, valid BIO has no other) or of its own
     * type only ({@code sameType} true: for gold annotations, where a stray inside label of another type starts a
     * new span).
     */
    public static void forEachSpan(int[] labels, boolean sameType, SpanConsumer consumer) {
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == 0) {
                i++;
                continue;
            }
            int type = typeOf(labels[i]);
            int j = i + 1;
            while (j < labels.length && isInside(labels[j]) && (!sameType || typeOf(labels[j]) == type)) {
                j++;
            }
            consumer.span(i, j, type);
            i = j;
        }
    }

    /** Label id for a name such as {@code B-PERSON}; unknown names map to O. */
    public static int id(String name) {
        int i = NAMES.indexOf(name);
        return Math.max(i, 0);
    }
}
