package dev.warta.enrich.ner;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Entity-level exact-match precision / recall / F1 per type, accumulated over sentences. Not thread-safe. */
public final class NerScore {
    /** Types scored (EVENT is predicted but not scored). */
    static final List<String> SCORED = List.of("PERSON", "ORGANIZATION", "LOCATION");

    private final long[] tp = new long[NerLabels.TYPES.size()];
    private final long[] fp = new long[NerLabels.TYPES.size()];
    private final long[] fn = new long[NerLabels.TYPES.size()];

    public void add(int[] gold, int[] pred) {
        Set<Long> g = spans(gold);
        Set<Long> p = spans(pred);
        for (long s : p) {
            int type = (int) (s & 0xFF);
            if (g.contains(s)) {
                tp[type]++;
            } else {
                fp[type]++;
            }
        }
        for (long s : g) {
            if (!p.contains(s)) {
                fn[(int) (s & 0xFF)]++;
            }
        }
    }

    private static Set<Long> spans(int[] labels) {
        Set<Long> out = new HashSet<>();
        NerLabels.forEachSpan(
                labels, true, (start, end, type) -> out.add(((long) start << 40) | ((long) end << 16) | type));
        return out;
    }

    /** F1 of one type, or of all scored types (micro) when {@code type} is null. */
    public double f1(String type) {
        long t = 0;
        long p = 0;
        long n = 0;
        for (String s : SCORED) {
            if (type == null || type.equals(s)) {
                int k = NerLabels.TYPES.indexOf(s);
                t += tp[k];
                p += fp[k];
                n += fn[k];
            }
        }
        return t == 0 ? 0 : 2.0 * t / (2.0 * t + p + n);
    }

    /** One line per scored type plus a micro-average line. */
    public String report(String family) {
        StringBuilder sb = new StringBuilder();
        long at = 0;
        long ap = 0;
        long an = 0;
        for (String s : SCORED) {
            int k = NerLabels.TYPES.indexOf(s);
            sb.append(line(family, s, tp[k], fp[k], fn[k]));
            at += tp[k];
            ap += fp[k];
            an += fn[k];
        }
        sb.append(line(family, "ALL", at, ap, an));
        return sb.toString();
    }

    private static String line(String family, String type, long t, long p, long n) {
        double prec = t + p == 0 ? 0 : (double) t / (t + p);
        double rec = t + n == 0 ? 0 : (double) t / (t + n);
        double f = prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec);
        return String.format(
                Locale.ROOT, "%-12s %-13s P=%.3f R=%.3f F1=%.3f (gold %d)%n", family, type, prec, rec, f, t + n);
    }
}
