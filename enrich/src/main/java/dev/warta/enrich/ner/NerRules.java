package dev.warta.enrich.ner;

import java.util.List;
import java.util.Set;

/**
 * Rules applied over the model's labels for Indonesian and English news patterns: gazetteer names the model
 * missed, names after person titles and honorifics ("Presiden", "Menlu AS", "kata", "Bapak", "Dr"), and
 * organisation names headed by "Kementerian", "Partai", "Universitas", "PT", "Bank", ... Rules only fill gaps
 * (tokens the model left O); they never overwrite a model entity. Stateless.
 */
final class NerRules {
    /** Words after which a capitalised run is a person's name. */
    private static final Set<String> PERSON_TITLES = Set.of("presiden", "wapres", "menlu", "menhan", "mendagri",
            "menkeu", "kata", "ujar", "tutur", "ucap", "jelas", "bapak", "ibu", "pak", "bu", "dr", "drs", "prof",
            "h", "hj", "ir", "kh", "mr", "mrs", "ms", "sir", "president", "said", "says", "senator", "sen",
            "jubir", "dubes", "gubernur", "bupati", "wali", "kapolri", "panglima", "rep", "gov", "premier",
            "pm", "kanselir", "chancellor", "secretary", "spokesperson", "spokesman", "spokeswoman", "minister");
    /** Words that start an organisation name when followed by capitalised words. */
    private static final Set<String> ORG_HEADS = Set.of("kementerian", "kemenko", "dewan", "partai", "universitas",
            "institut", "pt", "bank", "komisi", "badan", "majelis", "mahkamah", "kepolisian", "kejaksaan",
            "lembaga", "yayasan", "perusahaan", "organisasi", "ministry", "department", "university", "council",
            "party", "commission", "agency", "bureau", "institute", "federation", "association", "corporation",
            "persatuan", "asosiasi", "ikatan", "serikat", "kantor", "kedutaan", "pemerintah", "pengadilan");
    /** Single words that are titles or demonyms, not names, when tagged alone. */
    private static final Set<String> NOT_NAMES = Set.of("general", "president", "presiden", "minister", "menteri",
            "secretary", "senator", "governor", "gubernur", "chancellor", "prime", "foreign", "deputy", "chief",
            "spokesman", "spokeswoman", "spokesperson", "the", "german", "russian", "american", "chinese",
            "indonesian", "turkish", "ukrainian", "british", "french", "indian", "japanese", "european", "western",
            "israeli", "iranian", "swedish", "swiss", "korean", "soviet", "advertisement", "advertiser", "foto",
            "editor", "reporter", "baca", "klik");
    /** Lowercase words that end an entity in cased text (an entity does not run through them). */
    private static final Set<String> BREAKERS = Set.of("in", "at", "on", "from", "to", "with", "said", "says",
            "di", "ke", "dari", "kata", "ujar", "pada", "yang");
    /** Lowercase words allowed inside an organisation name. */
    private static final Set<String> ORG_CONNECTORS = Set.of("dan", "of", "for", "the", "and", "untuk", "&");

    private NerRules() {
    }

    static void apply(NerFeatures.Sentence s, List<Gazetteer.Match> gaz, int[] labels) {
        if (!s.cased) {
            applyGazetteer(gaz, labels);
            return;
        }
        cleanSpans(s, labels);
        splitAdjacentNames(gaz, labels);
        overrideWithLongNames(gaz, labels);
        applyGazetteer(gaz, labels);
        String[] t = s.tokens;
        int n = t.length;
        for (int i = 0; i < n; i++) {
            String lw = s.lower[i];
            if (PERSON_TITLES.contains(lw)) {
                int j = i + 1;
                if (j < n && t[j].equals(".")) {
                    j++;
                }
                // "Menlu AS Blinken": skip a country / org right after the title
                while (j < n && labels[j] != 0 && NerLabels.typeOf(labels[j]) != 0) {
                    j++;
                }
                if (j > i + 1 && (j >= n || labels[j] != 0)) {
                    continue;
                }
                fillCapitalised(t, labels, j, NerLabels.begin("PERSON"), false);
            } else if (ORG_HEADS.contains(lw) && Character.isUpperCase(t[i].charAt(0)) && labels[i] == 0
                    && i + 1 < n && capitalised(t[i + 1]) && labels[i + 1] == 0) {
                fillCapitalised(t, labels, i, NerLabels.begin("ORGANIZATION"), true);
            }
        }
        cleanSpans(s, labels);
    }

    /** Drops leading "The", lone titles and demonyms; splits spans at prepositions and speech verbs. */
    private static void cleanSpans(NerFeatures.Sentence s, int[] labels) {
        int n = labels.length;
        for (int i = 0; i < n; i++) {
            if (labels[i] == 0) {
                continue;
            }
            String lw = s.lower[i];
            if (NerLabels.isInside(labels[i]) && BREAKERS.contains(s.tokens[i])) {
                labels[i] = 0;
                if (i + 1 < n && NerLabels.isInside(labels[i + 1])) {
                    labels[i + 1] = labels[i + 1] - 1;
                }
                continue;
            }
            if (NerLabels.isBegin(labels[i])) {
                boolean single = i + 1 >= n || !NerLabels.isInside(labels[i + 1]);
                if (single && NOT_NAMES.contains(lw)) {
                    labels[i] = 0;
                } else if (!single && lw.equals("the")) {
                    labels[i + 1] = labels[i];
                    labels[i] = 0;
                }
            }
        }
    }

    /** Two adjacent gazetteer names of different types inside one span are two entities ("AS Blinken"). */
    private static void splitAdjacentNames(List<Gazetteer.Match> gaz, int[] labels) {
        for (int k = 0; k + 1 < gaz.size(); k++) {
            Gazetteer.Match a = gaz.get(k);
            Gazetteer.Match b = gaz.get(k + 1);
            if (a.end() != b.start() || a.entry().type().equals(b.entry().type())
                    || !NerLabels.isInside(labels[b.start()])) {
                continue;
            }
            int end = b.end();
            boolean inside = true;
            for (int i = a.start() + 1; i < end; i++) {
                inside &= NerLabels.isInside(labels[i]);
            }
            if (labels[a.start()] == 0 || !inside || (end < labels.length && NerLabels.isInside(labels[end]))) {
                continue;
            }
            int ba = NerLabels.begin(a.entry().type());
            int bb = NerLabels.begin(b.entry().type());
            if (ba < 0 || bb < 0) {
                continue;
            }
            for (int i = a.start(); i < a.end(); i++) {
                labels[i] = i == a.start() ? ba : ba + 1;
            }
            for (int i = b.start(); i < b.end(); i++) {
                labels[i] = i == b.start() ? bb : bb + 1;
            }
        }
    }

    /** Multi-word gazetteer names win over partly overlapping model spans ("Recep Tayyip" + "Erdogan in"). */
    private static void overrideWithLongNames(List<Gazetteer.Match> gaz, int[] labels) {
        for (Gazetteer.Match m : gaz) {
            int b = NerLabels.begin(m.entry().type());
            if (m.end() - m.start() < 2 || b < 0) {
                continue;
            }
            int from = m.start();
            while (from > 0 && labels[from] != 0 && NerLabels.isInside(labels[from])) {
                from--;
            }
            int to = m.end();
            while (to < labels.length && NerLabels.isInside(labels[to])) {
                to++;
            }
            boolean exact = labels[m.start()] != 0 && NerLabels.isBegin(labels[m.start()]) && to == m.end()
                    && from == m.start();
            if (exact) {
                continue;
            }
            for (int i = from; i < to; i++) {
                labels[i] = 0;
            }
            labels[m.start()] = b;
            for (int i = m.start() + 1; i < m.end(); i++) {
                labels[i] = b + 1;
            }
        }
    }

    private static void applyGazetteer(List<Gazetteer.Match> gaz, int[] labels) {
        for (Gazetteer.Match m : gaz) {
            boolean free = true;
            for (int i = m.start(); i < m.end(); i++) {
                free &= labels[i] == 0;
            }
            boolean bordersEntity = (m.start() > 0 && labels[m.start() - 1] != 0 && m.end() < labels.length
                    && NerLabels.isInside(labels[m.end()]));
            int b = NerLabels.begin(m.entry().type());
            if (free && !bordersEntity && b > 0) {
                labels[m.start()] = b;
                for (int i = m.start() + 1; i < m.end(); i++) {
                    labels[i] = b + 1;
                }
                if (m.end() < labels.length && NerLabels.isInside(labels[m.end()])) {
                    labels[m.end()] = labels[m.end()] - 1;
                }
            }
        }
    }

    private static void fillCapitalised(String[] t, int[] labels, int from, int begin, boolean connectors) {
        int n = t.length;
        int j = from;
        int last = -1;
        while (j < n && labels[j] == 0 && j - from < 8) {
            if (capitalised(t[j])) {
                last = j;
            } else if (!(connectors && ORG_CONNECTORS.contains(t[j]) && j + 1 < n && capitalised(t[j + 1]))) {
                break;
            }
            j++;
        }
        if (last < 0 || (connectors && last == from)) {
            return;
        }
        labels[from] = begin;
        for (int k = from + 1; k <= last; k++) {
            labels[k] = begin + 1;
        }
    }

    static boolean capitalised(String tok) {
        if (tok.isEmpty() || !Character.isUpperCase(tok.charAt(0))) {
            return false;
        }
        return tok.length() == 1 || Character.isLetter(tok.charAt(1));
    }
}
