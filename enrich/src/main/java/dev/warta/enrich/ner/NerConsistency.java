package dev.warta.enrich.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes the entities of one sentence agree with each other, after the model and the rules: an acronym defined in
 * the text ("Badan Narkotika Nasional (BNN)", "BNN (Badan Narkotika Nasional)") has its expansion's type, there
 * and wherever else the sentence uses it; the members of one coordinated list ("Bogor, Depok, Tangerang dan
 * Bekasi") share the type most of them have. Reads only the sentence, so a sentence's tags never depend on the
 * rest of the input. Stateless.
 */
final class NerConsistency {
    /** Tokens that join the members of a coordinated list. */
    private static final Set<String> LIST_JOINERS =
            Set.of(",", "dan", "serta", "atau", "maupun", "and", "or", "&", "/");

    private NerConsistency() {}

    static void apply(NerFeatures.Sentence s, int[] labels) {
        acronyms(s, labels);
        lists(s, labels);
    }

    private record Span(int start, int end, int type) {}

    private static List<Span> spans(int[] labels) {
        List<Span> out = new ArrayList<>();
        NerLabels.forEachSpan(labels, false, (i, j, type) -> out.add(new Span(i, j, type)));
        return out;
    }

    /**
     * "Expansion ( ACRONYM )" or "ACRONYM ( Expansion )": the acronym, tagged or not, gets the expansion's type, and
     * so does every other lone use of it in the sentence.
     */
    private static void acronyms(NerFeatures.Sentence s, int[] labels) {
        String[] t = s.tokens;
        int n = t.length;
        for (Span e : spans(labels)) {
            if (e.end() - e.start() < 2) {
                continue;
            }
            int a = -1;
            // expansion ( ACRONYM )
            if (e.end() + 2 < n
                    && t[e.end()].equals("(")
                    && t[e.end() + 2].equals(")")
                    && isAcronymOf(t[e.end() + 1], t, e)) {
                a = e.end() + 1;
            } else if (e.start() >= 2
                    && e.end() < n
                    && t[e.start() - 1].equals("(")
                    && t[e.end()].equals(")")
                    && isAcronymOf(t[e.start() - 2], t, e)) {
                a = e.start() - 2;
            }
            if (a < 0) {
                continue;
            }
            int b = 1 + 2 * e.type();
            for (int i = 0; i < n; i++) {
                boolean lone = i + 1 >= n || !NerLabels.isInside(labels[i + 1]);
                if (t[i].equals(t[a]) && lone && (labels[i] == 0 || NerLabels.isBegin(labels[i]))) {
                    labels[i] = b;
                }
            }
        }
    }

    /**
     * Whether {@code acronym} is an upper-case short form of the expansion's words: at least two letters, all of
     * them capitals (digits and dashes allowed), its first letter the expansion's first letter.
     */
    private static boolean isAcronymOf(String acronym, String[] t, Span e) {
        int letters = 0;
        for (int i = 0; i < acronym.length(); i++) {
            char c = acronym.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (!Character.isDigit(c) && c != '-') {
                return false;
            }
        }
        return letters >= 2 && letters <= 10 && Character.toUpperCase(t[e.start()].charAt(0)) == acronym.charAt(0);
    }

    /**
     * Runs of at least three entities joined only by commas and conjunctions, the last by a conjunction
     * ("A , B , C dan D"): when one type
     * holds a clear majority of the members (more than half, and at least two), every member takes it.
     */
    private static void lists(NerFeatures.Sentence s, int[] labels) {
        List<Span> spans = spans(labels);
        int k = 0;
        while (k < spans.size()) {
            int m = k;
            while (m + 1 < spans.size()
                    && joined(s, spans.get(m).end(), spans.get(m + 1).start())) {
                m++;
            }
            int members = m - k + 1;
            // a real coordination ends in a conjunction ("A , B dan C"); "A , B , C" is as often an apposition
            if (members >= 3
                    && conjunction(s, spans.get(m - 1).end(), spans.get(m).start())) {
                int[] votes = new int[NerLabels.TYPES.size()];
                for (int x = k; x <= m; x++) {
                    votes[spans.get(x).type()]++;
                }
                int best = 0;
                for (int t = 1; t < votes.length; t++) {
                    if (votes[t] > votes[best]) {
                        best = t;
                    }
                }
                if (votes[best] >= 2 && votes[best] * 2 > members) {
                    for (int x = k; x <= m; x++) {
                        Span sp = spans.get(x);
                        labels[sp.start()] = 1 + 2 * best;
                        for (int i = sp.start() + 1; i < sp.end(); i++) {
                            labels[i] = 2 + 2 * best;
                        }
                    }
                }
            }
            k = m + 1;
        }
    }

    private static final Set<String> CONJUNCTIONS = Set.of("dan", "serta", "atau", "maupun", "and", "or", "&");

    private static boolean conjunction(NerFeatures.Sentence s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CONJUNCTIONS.contains(s.lower[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether tokens {@code [from, to)} between two entities are one or two list joiners (", dan"). */
    private static boolean joined(NerFeatures.Sentence s, int from, int to) {
        if (to - from < 1 || to - from > 2) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!LIST_JOINERS.contains(s.lower[i])) {
                return false;
            }
        }
        return true;
    }
}
