package dev.warta.enrich.ner;

import java.util.List;
import java.util.Set;

/**
 * Rules applied over the model's labels in cased running text (Indonesian and English news patterns): lone
 * titles, demonyms and function words dropped; spans cut at prepositions and speech verbs; adjacent gazetteer
 * names of different types split ("Menlu AS Blinken"); multi-word gazetteer names win over partial model spans;
 * gazetteer names the model missed; names after speech verbs and honorifics ("kata", "ujar", "Bapak", "Dr")
 * unless a role follows ("kata Menko Polhukam ..."); organisation names headed by "Kementerian", "Partai",
 * "Universitas", "PT", "Bank", ... Gap-filling rules only touch tokens the model left O. Lowercased text gets no
 * rules (they cost F1 there). Stateless.
 */
final class NerRules {
    /** Speech verbs and honorifics after which a capitalised run is a person's name ("kata Hartanto"). */
    private static final Set<String> PERSON_CUES = Set.of(
            "kata", "ujar", "tutur", "ucap", "bapak", "ibu", "pak", "bu", "dr", "drs", "prof", "h", "hj", "ir", "kh",
            "mr", "mrs", "ms", "sir", "said", "says");
    /** Titles and roles: never the start of the name that follows a cue ("kata Menko Polhukam Mahfud"). */
    private static final Set<String> ROLES = Set.of(
            "presiden",
            "wapres",
            "menlu",
            "menteri",
            "menko",
            "menhan",
            "mendagri",
            "menkeu",
            "mensos",
            "jubir",
            "dubes",
            "gubernur",
            "bupati",
            "wali",
            "walikota",
            "kapolri",
            "kapolda",
            "kapolres",
            "panglima",
            "ketua",
            "wakil",
            "direktur",
            "kepala",
            "sekjen",
            "juru",
            "president",
            "minister",
            "secretary",
            "senator",
            "governor",
            "chancellor",
            "prime",
            "chief",
            "director",
            "head",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "kota",
            "kabupaten",
            "provinsi",
            "perdana",
            "kantor");
    /**
     * Words that start an organisation name when followed by capitalised words. Not "Komisi", "Dewan", "Badan":
     * "Komisi VII", "Dewan Pertimbangan" are parts of a body the corpora leave unannotated (dev F1 idner-news and
     * nerugm +0.01 without them).
     */
    private static final Set<String> ORG_HEADS = Set.of(
            "kementerian",
            "partai",
            "universitas",
            "pt",
            "bank",
            "majelis",
            "mahkamah",
            "kepolisian",
            "kejaksaan",
            "institut",
            "ministry",
            "university");
    /** Single words that are titles or demonyms, not names, when tagged alone. */
    private static final Set<String> NOT_NAMES = Set.of(
            "general",
            "president",
            "presiden",
            "minister",
            "menteri",
            "secretary",
            "senator",
            "governor",
            "gubernur",
            "chancellor",
            "prime",
            "foreign",
            "deputy",
            "chief",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "the",
            "german",
            "russian",
            "american",
            "chinese",
            "indonesian",
            "turkish",
            "ukrainian",
            "british",
            "french",
            "indian",
            "japanese",
            "european",
            "western",
            "israeli",
            "iranian",
            "swedish",
            "swiss",
            "korean",
            "soviet",
            "advertisement",
            "advertiser",
            "foto",
            "editor",
            "reporter",
            "baca",
            "klik",
            "last",
            "next",
            "this",
            "that",
            "these",
            "those",
            "but",
            "however",
            "in",
            "on",
            "at",
            "after",
            "before",
            "according",
            "when",
            "while",
            "if",
            "we",
            "he",
            "she",
            "they",
            "it",
            "our",
            "his",
            "her",
            "their",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "senin",
            "selasa",
            "rabu",
            "kamis",
            "jumat",
            "sabtu",
            "minggu",
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "januari",
            "februari",
            "maret",
            "juni",
            "juli",
            "agustus",
            "oktober",
            "desember",
            "namun",
            "selain",
            "sementara",
            "dia",
            "ia",
            "kami",
            "kita",
            "mereka",
            "saya",
            "anda");
    /** Imperatives of page furniture ("Klik Allow", "Download App"): a span they open is an instruction, not a name. */
    private static final Set<String> UI_VERBS =
            Set.of("klik", "click", "tap", "unduh", "download", "subscribe", "bagikan", "share", "akses", "read");
    /** Words of page furniture ("List Sites Notifications", "Newsletter"): a span holding one is no name. */
    private static final Set<String> UI_NOUNS =
            Set.of("notifications", "notification", "newsletter", "advertisement", "cookies");
    /** Lowercase words that end an entity in cased text (an entity does not run through them). */
    private static final Set<String> BREAKERS = Set.of(
            "in", "at", "on", "from", "to", "with", "said", "says", "di", "ke", "dari", "kata", "ujar", "pada", "yang");
    /** Last words of an organisation name that a place name completes ("Kepolisian Daerah" Sumatera Utara). */
    private static final Set<String> REGIONAL_UNITS =
            Set.of("daerah", "resor", "sektor", "provinsi", "kabupaten", "kota", "wilayah");
    /** Lowercase words allowed inside an organisation name. */
    private static final Set<String> ORG_CONNECTORS = Set.of("dan", "of", "for", "the", "and", "untuk", "&");

    private NerRules() {}

    static void apply(NerFeatures.Sentence s, List<Gazetteer.Match> gaz, int[] labels) {
        if (!s.cased) {
            // without letter case the model (with gazetteer features) does better alone
            return;
        }
        cleanSpans(s, labels);
        splitAdjacentNames(gaz, labels);
        overrideWithLongNames(gaz, labels);
        applyGazetteer(s, gaz, labels);
        String[] t = s.tokens;
        int n = t.length;
        for (int i = 0; i < n; i++) {
            String lw = s.lower[i];
            if (PERSON_CUES.contains(lw)) {
                int j = i + 1;
                if (j < n && t[j].equals(".")) {
                    j++;
                }
                // "Prof . Dr . Haryono": the name comes after the last honorific
                if (j < n
                        && labels[j] == 0
                        && !ROLES.contains(s.lower[j])
                        && !NOT_NAMES.contains(s.lower[j])
                        && !PERSON_CUES.contains(s.lower[j])
                        && !allCaps(t[j])) {
                    fillCapitalised(t, labels, j, NerLabels.begin("PERSON"), false);
                }
            } else if (ORG_HEADS.contains(lw)
                    && Character.isUpperCase(t[i].charAt(0))
                    && labels[i] == 0
                    && i + 1 < n
                    && capitalised(t[i + 1])
                    && labels[i + 1] == 0) {
                fillCapitalised(t, labels, i, NerLabels.begin("ORGANIZATION"), true);
            }
        }
        cleanSpans(s, labels);
        joinRegionalUnits(s, labels);
    }

    /**
     * The long form of a regional organisation and the region's name are one organisation (the outermost name):
     * "Kepolisian Daerah" + "Sumatera Utara", "Pemerintah Kota" + "Samarinda". Acronyms ("Polda Jabar", "Pemkot
     * Surabaya") keep the place apart, as the annotated news corpora do.
     */
    private static void joinRegionalUnits(NerFeatures.Sentence s, int[] labels) {
        int org = NerLabels.begin("ORGANIZATION");
        int loc = NerLabels.begin("LOCATION");
        int n = labels.length;
        for (int i = 0; i + 1 < n; i++) {
            if (labels[i + 1] != loc) {
                continue;
            }
            boolean inOrg = labels[i] == org || labels[i] == org + 1;
            if (!inOrg || !REGIONAL_UNITS.contains(s.lower[i])) {
                continue;
            }
            int j = i + 1;
            labels[j++] = org + 1;
            while (j < n && labels[j] == loc + 1) {
                labels[j++] = org + 1;
            }
        }
    }

    /**
     * Drops lone titles and demonyms (a leading "The" stays: the Indonesian corpora annotate "The Jakarta Post"),
     * and spans opened by a page-furniture imperative; splits spans
     * at prepositions and speech verbs.
     */
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
            if (NerLabels.isBegin(labels[i]) && (UI_VERBS.contains(lw) || holdsUiNoun(s, labels, i))) {
                labels[i] = 0;
                for (int j = i + 1; j < n && NerLabels.isInside(labels[j]); j++) {
                    labels[j] = 0;
                }
                continue;
            }
            if (NerLabels.isBegin(labels[i])) {
                boolean single = i + 1 >= n || !NerLabels.isInside(labels[i + 1]);
                // a lone word written almost always in lowercase, capitalised only as the first word of the sentence
                // or of a quote ("“Akhiri perang ini,” kata Blinken"), is no name
                boolean opening = i == 0 || NerFeatures.isQuote(s.tokens[i - 1]);
                if (single && (NOT_NAMES.contains(lw) || (opening && s.caps[i] == 1))) {
                    labels[i] = 0;
                }
            }
        }
    }

    private static boolean holdsUiNoun(NerFeatures.Sentence s, int[] labels, int begin) {
        for (int j = begin; j < labels.length && (j == begin || NerLabels.isInside(labels[j])); j++) {
            if (UI_NOUNS.contains(s.lower[j])) {
                return true;
            }
        }
        return false;
    }

    /** Two adjacent gazetteer names of different types inside one span are two entities ("AS Blinken"). */
    private static void splitAdjacentNames(List<Gazetteer.Match> gaz, int[] labels) {
        for (int k = 0; k + 1 < gaz.size(); k++) {
            Gazetteer.Match a = gaz.get(k);
            Gazetteer.Match b = gaz.get(k + 1);
            if (a.end() != b.start()
                    || a.entry().type().equals(b.entry().type())
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
            // a model span that holds the whole name and more is kept: the corpora annotate "PT Pertamina (Persero)",
            // "Gedung DPR RI", "PKB Indonesia" as one name (dev F1 +0.01 to +0.02 on idner-news and nerugm)
            boolean covered = labels[from] != 0 && from <= m.start() && to >= m.end();
            if (covered) {
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

    /** Currency words: the place after them names a currency ("dolar AS"), not a place. */
    private static final Set<String> CURRENCIES = Set.of(
            "dolar",
            "dollar",
            "dollars",
            "yen",
            "yuan",
            "euro",
            "won",
            "ringgit",
            "rupee",
            "peso",
            "poundsterling",
            "pound");

    private static void applyGazetteer(NerFeatures.Sentence s, List<Gazetteer.Match> gaz, int[] labels) {
        for (Gazetteer.Match m : gaz) {
            if (m.start() > 0 && CURRENCIES.contains(s.lower[m.start() - 1])) {
                continue;
            }
            boolean free = true;
            for (int i = m.start(); i < m.end(); i++) {
                free &= labels[i] == 0;
            }
            boolean bordersEntity = (m.start() > 0
                    && labels[m.start() - 1] != 0
                    && m.end() < labels.length
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

    private static boolean allCaps(String tok) {
        for (int i = 0; i < tok.length(); i++) {
            if (Character.isLowerCase(tok.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean capitalised(String tok) {
        if (tok.isEmpty() || !Character.isUpperCase(tok.charAt(0))) {
            return false;
        }
        return tok.length() == 1 || Character.isLetter(tok.charAt(1));
    }
}
