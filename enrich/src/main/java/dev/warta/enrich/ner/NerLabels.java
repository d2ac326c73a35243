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

    private NerLabels() {
    }

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

    /** Label id for a name such as {@code B-PERSON}; unknown names map to O. */
    public static int id(String name) {
        int i = NAMES.indexOf(name);
        return Math.max(i, 0);
    }
}
