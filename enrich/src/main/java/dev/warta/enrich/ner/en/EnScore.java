package dev.warta.enrich.ner.en;

import java.util.HashSet;
import java.util.Set;

/**
 * Exact-span entity precision, recall and F1 over PERSON, ORGANIZATION and LOCATION (MISC ignored on both
 * sides, as in the CoNLL-2003 measure).
 */
final class EnScore {
    private final int[] tp = new int[3];
    private final int[] fp = new int[3];
    private final int[] fn = new int[3];

    void add(int[] gold, int[] pred) {
        Set<Long> g = spans(gold);
        Set<Long> p = spans(pred);
        for (long s : p) {
            int t = (int) (s & 3);
            if (g.contains(s)) {
                tp[t]++;
            } else {
                fp[t]++;
            }
        }
        for (long s : g) {
            if (!p.contains(s)) {
                fn[(int) (s & 3)]++;
            }
        }
    }

    private static Set<Long> spans(int[] labels) {
        Set<Long> out = new HashSet<>();
        EnLabels.forEachSpan(labels, (i, j, type) -> {
            if (type != EnLabels.MISC) {
                out.add(((long) i << 32) | ((long) j << 2) | type);
            }
        });
        return out;
    }

    double f1(int type) {
        int t = type < 0 ? sum(tp) : tp[type];
        int p = t + (type < 0 ? sum(fp) : fp[type]);
        int g = t + (type < 0 ? sum(fn) : fn[type]);
        return p + g == 0 ? 0 : 2.0 * t / (p + g);
    }

    double precision() {
        int t = sum(tp);
        return t == 0 ? 0 : t / (double) (t + sum(fp));
    }

    double recall() {
        int t = sum(tp);
        return t == 0 ? 0 : t / (double) (t + sum(fn));
    }

    private static int sum(int[] a) {
        return a[0] + a[1] + a[2];
    }

    @Override
    public String toString() {
        return String.format(
                "F1 %.4f (P %.4f R %.4f; PER %.4f ORG %.4f LOC %.4f)",
                f1(-1), precision(), recall(), f1(0), f1(1), f1(2));
    }
}
