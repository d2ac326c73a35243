package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lexical and shape cues over normalised tokens: gambling vocabulary (single words and word pairs), promotion
 * calls to action, brand-like tokens ({@code xxx88}, {@code xxx4d}), obfuscation, URLs; and counter-cues of news
 * reporting about gambling (police, blocking, courts, reporting verbs) that pull the score down. Also tells
 * whether a text is worth running the model on at all (the cheap pre-filter). Immutable and thread-safe.
 */
final class SpamCues {

    /** A cue that fired: its reason label, weight and category. */
    record Cue(String reason, double weight, String category) {}

    /** The cues of one text. */
    record Hits(
            double gambling,
            double promo,
            double guard,
            int urls,
            int brands,
            int obfuscation,
            boolean trigger,
            boolean strong,
            boolean topic,
            int heavy,
            List<String> reasons) {
        double total() {
            return gambling + promo;
        }
    }

    private static final String G = "gambling";
    /** Tokens that only occur in web addresses ("https", "www", top-level domains spammers favour). */
    private static final Set<String> URL_PARTS = Set.of("http", "https", "www", "com", "net", "xyz", "vip", "org");
    /** Words naming gambling as a subject (what an article reporting on gambling talks about). */
    private static final List<String> TOPIC = List.of(
            "judi",
            "judol",
            "togel",
            "slot",
            "casino",
            "kasino",
            "taruhan",
            "judi online",
            "situs judi",
            "gambling",
            "perjudian",
            "betting");

    private static final String P = "promo";
    private static final String S = "scam";

    private static final Set<String> TOPIC_ONLY = Set.of("gambling", "perjudian", "betting");
    private static final Map<String, Cue> WORDS = new HashMap<>();
    private static final Map<String, Cue> PAIRS = new HashMap<>();
    private static final Set<String> PAIR_FIRST = new HashSet<>();
    /** Endings of compound brand names without digits (pulauwin, vikingtoto, mamajitu), with the shortest stem. */
    private static final String[][] BRAND_ENDINGS = {
        {"toto", "3"},
        {"win", "4"},
        {"jitu", "3"},
        {"hoki", "3"},
        {"slot", "2"},
        {"gacor", "2"},
        {"qq", "3"},
        {"wd", "4"},
        {"maxwin", "1"},
        {"bet", "3"},
        {"jp", "4"}
    };
    /** Ordinary words with a brand-like ending. */
    private static final Set<String> NOT_BRANDS = Set.of(
            "alphabet",
            "alfabet",
            "sherbet",
            "gibbet",
            "barbet",
            "darwin",
            "erwin",
            "edwin",
            "irwin",
            "kevin",
            "marwin",
            "godwin",
            "baldwin",
            "goodwin",
            "twin",
            "unwin");
    /** Heavy gambling words that spammers glue into brand names. */
    private static final List<String> GLUED_CUES = List.of("gacor", "maxwin", "togel", "judol", "sbobet", "jackpot");

    private static final Map<String, Double> GUARD = new HashMap<>();
    /** Words that only wake the model up (weight 0): ordinary words spam comments lean on. */
    private static final Set<String> TRIGGERS = Set.of(
            "main",
            "menang",
            "kaya",
            "rezeki",
            "rejeki",
            "ketagihan",
            "seru",
            "asyik",
            "asik",
            "untung",
            "modal",
            "sultan",
            "petir",
            "pulau",
            "bosku",
            "gaes",
            "receh",
            "spin",
            "situs",
            "bet",
            "taruhan",
            "judi",
            "bandar",
            "agen",
            "pasang",
            "angka",
            "jitu",
            "mantap",
            "gas",
            "gasken",
            "gaskeun",
            "pasti",
            "auto",
            "hadiah",
            "pola",
            "jam",
            "akun",
            "vip",
            "pro");

    static {
        word(
                G,
                2.5,
                "gacor",
                "maxwin",
                "togel",
                "jepe",
                "jepee",
                "jpe",
                "rungkad",
                "scatter",
                "pgsoft",
                "sbobet",
                "parlay",
                "dominoqq",
                "bandarqq",
                "pkv",
                "sgp",
                "sdy",
                "olympus",
                "mahjong",
                "bonanza",
                "wede",
                "slotter",
                "depo",
                "deposit",
                "sensational",
                "cuaan",
                "cuannya",
                "jackpot",
                "freebet",
                "toto",
                "pragmatic",
                "habanero",
                "joker123",
                "spaceman",
                "zeus");
        word(
                G,
                1.2,
                "slot",
                "jp",
                "wd",
                "rtp",
                "bocoran",
                "casino",
                "kasino",
                "cuan",
                "hoki",
                "4d",
                "hk",
                "pools",
                "keluaran",
                "pengeluaran",
                "prediksi",
                "tarik",
                "winrate",
                "x500",
                "x1000",
                "bet88",
                "jekpot");
        word(G, 0.4, "judi", "judol", "taruhan", "bandar");
        word(
                P,
                1.0,
                "daftar",
                "gabung",
                "buruan",
                "login",
                "terpercaya",
                "bonus",
                "promo",
                "member",
                "klik",
                "cus",
                "kuy",
                "dijamin");
        word(S, 1.0, "pesugihan", "dukun", "pinjol", "transfer", "whatsapp", "wa");
        pair(
                G,
                3.0,
                "slot gacor",
                "slot online",
                "link alternatif",
                "rtp live",
                "rtp slot",
                "bonus new",
                "new member",
                "situs gacor",
                "agen slot",
                "bandar togel",
                "togel online",
                "data sgp",
                "pola gacor",
                "anti rungkad",
                "akun pro",
                "server thailand",
                "modal receh",
                "pasti menang",
                "gampang menang",
                "mudah menang",
                "pasti jp",
                "langsung jp",
                "situs slot",
                "judi slot",
                "pg soft",
                "live casino",
                "casino online",
                "poker online",
                "togel hari",
                "keluaran hk",
                "keluaran sgp",
                "pengeluaran hk",
                "pengeluaran sgp",
                "toto macau",
                "wd terus",
                "auto wd",
                "auto jp",
                "menang terus",
                "bocoran slot",
                "gates of",
                "sweet bonanza",
                "starlight princess",
                "mahjong ways",
                "kakek zeus",
                "scatter hitam",
                "togel sgp",
                "togel sdy",
                "togel hk",
                "togel singapore",
                "togel hongkong",
                "togel sidney",
                "live draw",
                "result sgp",
                "result hk",
                "angka jitu");
        pair(
                G,
                1.2,
                "menang besar",
                "member baru",
                "daftar sekarang",
                "main di",
                "gabung di",
                "main slot",
                "situs judi",
                "judi online",
                "agen judi",
                "bandar judi",
                "judi bola",
                "menang banyak");
        guard(
                1.0,
                "polisi",
                "polri",
                "polda",
                "polres",
                "polresta",
                "polsek",
                "bareskrim",
                "kapolri",
                "kapolda",
                "kapolres",
                "tersangka",
                "ditangkap",
                "menangkap",
                "penangkapan",
                "diamankan",
                "ditahan",
                "diblokir",
                "memblokir",
                "pemblokiran",
                "blokir",
                "kominfo",
                "komdigi",
                "kemkomdigi",
                "ppatk",
                "satgas",
                "pemberantasan",
                "memberantas",
                "berantas",
                "pidana",
                "penjara",
                "pasal",
                "hukuman",
                "terjerat",
                "kecanduan",
                "dampak",
                "bahaya",
                "pengadilan",
                "jaksa",
                "kejaksaan",
                "penyidik",
                "penyelidikan",
                "rehabilitasi",
                "larangan",
                "ilegal",
                "tppu",
                "pencucian",
                "razia",
                "ojk",
                "kementerian",
                "dpr",
                "pemerintah",
                "menteri",
                "undang",
                "regulasi",
                "korban",
                "terlibat",
                "diduga",
                "kasus",
                "sidang",
                "jpu",
                "terdakwa",
                "dakwaan",
                "didakwa",
                "vonis",
                "hakim",
                "dipromosikan",
                "mempromosikan",
                "selebgram",
                "influencer",
                "endorse",
                "tuntutan",
                "barang",
                "bukti",
                "diretas",
                "peretas",
                "meretas",
                "disisipi",
                "sisipan",
                "iklan",
                "mengiklankan",
                "slogan",
                "menjanjikan",
                "bernama",
                "dikenal",
                "tergiur",
                "terjerat",
                "penyidikan",
                "tersangkut",
                "buronan",
                "disita",
                "menyita",
                "penyitaan",
                "police",
                "arrested",
                "arrest",
                "suspects",
                "suspect",
                "court",
                "prosecutors",
                "prosecutor",
                "judge",
                "sentenced",
                "jailed",
                "prison",
                "blocked",
                "regulator",
                "authority",
                "authorities",
                "illegal",
                "charged",
                "investigators",
                "addiction",
                "ministry",
                "advertised",
                "promoted",
                "promoting",
                "polis",
                "mahkamah",
                "pendakwa",
                "disyaki",
                "suspek",
                "reman",
                "siasatan",
                "menyekat",
                "disekat",
                "sekatan",
                "suruhanjaya",
                "haram",
                "dirampas",
                "rampasan",
                "ditahan",
                "tahanan",
                "dinasihatkan",
                "perjudian",
                "sindiket",
                "serbuan");
        guard(
                0.5,
                "mengatakan",
                "ujar",
                "ujarnya",
                "katanya",
                "menurut",
                "jelasnya",
                "tegasnya",
                "ungkapnya",
                "menjelaskan",
                "menyebut",
                "menegaskan",
                "imbau",
                "mengimbau",
                "pelaku",
                "warga",
                "masyarakat",
                "transaksi",
                "triliun",
                "miliar",
                "persen",
                "data",
                "laporan",
                "rp",
                "disebut",
                "menyebutkan",
                "said",
                "told",
                "according",
                "reporters",
                "spokesman",
                "spokeswoman",
                "officials",
                "berkata",
                "menurut",
                "kenyataan",
                "dimaklumkan",
                "didapati",
                "dikenali",
                "known",
                "called",
                "named",
                "seperti",
                "misalnya",
                "termasuk",
                "kepala",
                "direktur",
                "juru",
                "bicara");
    }

    /** Everything known about one word, so that each token costs one hash lookup. */
    private record Entry(Cue cue, double guard, boolean trigger, boolean pairFirst, boolean url) {}

    private static final Map<String, Entry> LEXICON = lexicon();
    private static final QuickFilter QUICK = quickFilter();

    private SpamCues() {}

    private static QuickFilter quickFilter() {
        Set<String> words = new HashSet<>(WORDS.keySet());
        words.addAll(URL_PARTS);
        List<String> endings = new ArrayList<>();
        for (String[] e : BRAND_ENDINGS) {
            endings.add(e[0]);
        }
        return new QuickFilter(words, TRIGGERS, PAIRS.keySet(), endings, SpamDetector.SHORT_TEXT);
    }

    /** The allocation-free pre-filter: true when {@code text} certainly carries no spam cue. */
    static boolean certainlyClean(String text) {
        return QUICK.certainlyClean(text);
    }

    private static Map<String, Entry> lexicon() {
        Set<String> all = new HashSet<>(WORDS.keySet());
        all.addAll(GUARD.keySet());
        all.addAll(TRIGGERS);
        all.addAll(PAIR_FIRST);
        all.addAll(URL_PARTS);
        Map<String, Entry> m = new HashMap<>();
        for (String w : all) {
            m.put(
                    w,
                    new Entry(
                            WORDS.get(w),
                            GUARD.getOrDefault(w, 0.0),
                            TRIGGERS.contains(w),
                            PAIR_FIRST.contains(w),
                            URL_PARTS.contains(w)));
        }
        return m;
    }

    private static void word(String category, double weight, String... words) {
        for (String w : words) {
            WORDS.put(w, new Cue(w, weight, category));
        }
    }

    private static void pair(String category, double weight, String... pairs) {
        for (String p : pairs) {
            PAIRS.put(p, new Cue(p, weight, category));
            PAIR_FIRST.add(p.substring(0, p.indexOf(' ')));
        }
    }

    private static void guard(double weight, String... words) {
        for (String w : words) {
            GUARD.put(w, weight);
        }
    }

    /** Cues of a normalised text; {@code original} is the raw text (for URLs), may be null. */
    static Hits of(TextNormalizer.Normalized n, String original) {
        Tally tally = new Tally();
        tally.words(n.tokens());
        tally.brands(n.brandTokens());
        int obf = tally.obfuscation(n);
        if (isSymbolSoup(n.tokens())) {
            // binary garbage or symbol soup: nothing to read, nothing to judge
            return new Hits(0, 0, 0, 0, 0, 0, false, false, false, 0, List.of());
        }
        // ordinary words like "daftar", "slot", "pengeluaran" alone are common in news: not enough to wake the model
        boolean strong = tally.heavy || tally.gambling >= 2.4 || tally.brands > 0 || tally.urls > 1 || obf > 0;
        boolean topic = tally.topicWord;
        for (String t : TOPIC) {
            if (tally.seen.contains(t)) {
                topic = true;
                break;
            }
        }
        return new Hits(
                tally.gambling,
                tally.promo,
                Math.min(tally.guard, 8.0),
                tally.urls,
                tally.brands,
                obf,
                strong || tally.trigger,
                strong,
                topic,
                tally.heavyCount,
                new ArrayList<>(tally.seen));
    }

    /** The running sums of one text's cues, filled step by step by {@link #of}. */
    private static final class Tally {
        final Set<String> seen = new LinkedHashSet<>();
        double gambling;
        double promo;
        double guard;
        boolean trigger;
        boolean heavy;
        int heavyCount;
        int brands;
        int urls;
        boolean topicWord;
        private Set<String> guardSeen;

        /** Word and word-pair cues, brand-like compounds, elongated words, reporting words, URL parts. */
        void words(List<String> tokens) {
            String prev = null;
            boolean prevFirst = false;
            for (String t : tokens) {
                Entry e = LEXICON.get(t);
                if (e != null && e.cue() != null) {
                    add(e.cue());
                }
                if (prev != null && prevFirst) {
                    Cue pc = PAIRS.get(prev + ' ' + t);
                    if (pc != null) {
                        add(pc);
                    }
                }
                if (e == null && t.length() >= 5) {
                    unknownWord(t);
                }
                if (e != null && e.guard() > 0) {
                    if (guardSeen == null) {
                        guardSeen = new HashSet<>();
                    }
                    if (guardSeen.add(t)) {
                        guard += e.guard();
                    }
                }
                trigger |= e != null && e.trigger();
                topicWord |= e == null && TOPIC_ONLY.contains(t);
                urls += e != null && e.url() ? 1 : 0;
                prevFirst = e != null && e.pairFirst();
                prev = t;
            }
            if (urls > 0) {
                seen.add("url");
            }
        }

        /** A word the lexicon does not know: an elongated cue word (gacoorr) or a glued brand (pulauwin, hokibet). */
        private void unknownWord(String t) {
            if (hasDoubledLetter(t)) {
                Cue sq = WORDS.get(squeeze(t));
                if (sq != null && sq.category().equals(G) && !seen.contains(sq.reason())) {
                    add(sq);
                    seen.add("elongated-word");
                }
            }
            if (t.length() >= 6 && (hasBrandEnding(t) || hasGluedCue(t))) {
                brands++;
            }
        }

        /** Letter+digit brand tokens (slot88, togel62 also count their stem as a cue word). */
        void brands(List<String> brandTokens) {
            for (String b : brandTokens) {
                if (isNewsyCode(b)) {
                    continue;
                }
                brands++;
                int d = 0;
                while (d < b.length() && !Character.isDigit(b.charAt(d))) {
                    d++;
                }
                Cue stem = WORDS.get(b.substring(0, d));
                if (stem != null && stem.category().equals(G) && !seen.contains(stem.reason())) {
                    add(stem);
                }
            }
            if (brands > 0) {
                seen.add("brand-like-token");
            }
        }

        /** Obfuscation signals: unicode tricks, spaced letters, leetspeak spelling a cue word. */
        int obfuscation(TextNormalizer.Normalized n) {
            int leet = 0;
            for (String w : n.leetWords()) {
                if (WORDS.containsKey(w) || TRIGGERS.contains(w)) {
                    leet++;
                }
            }
            if (n.obfuscatedChars() > 0) {
                seen.add("unicode-obfuscation");
            }
            if (n.spacedRuns() > 0) {
                seen.add("spaced-letters");
            }
            if (leet > 0) {
                seen.add("leetspeak");
            }
            return n.obfuscation() + 2 * leet;
        }

        private void add(Cue c) {
            if (!seen.add(c.reason())) {
                return;
            }
            heavy |= c.weight() >= 2.5;
            heavyCount += c.weight() >= 2.5 ? 1 : 0;
            if (c.category().equals(G)) {
                gambling += c.weight();
            } else {
                promo += c.weight();
            }
        }
    }

    /** Mostly tokens that are not words (binary garbage, symbol soup). */
    private static boolean isSymbolSoup(List<String> tokens) {
        int wordLike = 0;
        for (String t : tokens) {
            if (t.length() >= 3 && Character.isLetter(t.charAt(0)) && Character.isLetter(t.charAt(t.length() - 1))) {
                wordLike++;
            }
        }
        return tokens.size() >= 8 && wordLike * 10 < tokens.size() * 4;
    }

    /** A heavy gambling word glued inside a longer unknown token: slotgacormega, rajamaxwin. */
    private static boolean hasGluedCue(String t) {
        if (!isAsciiWord(t)) {
            return false;
        }
        for (String g : GLUED_CUES) {
            int at = t.indexOf(g);
            if (at >= 0 && t.length() >= g.length() + 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDoubledLetter(String t) {
        for (int i = 1; i < t.length(); i++) {
            if (t.charAt(i) == t.charAt(i - 1)) {
                return true;
            }
        }
        return false;
    }

    private static String squeeze(String t) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            if (i == 0 || t.charAt(i) != t.charAt(i - 1)) {
                sb.append(t.charAt(i));
            }
        }
        return sb.toString();
    }

    private static boolean hasBrandEnding(String t) {
        for (String[] e : BRAND_ENDINGS) {
            if (t.endsWith(e[0])
                    && t.length() - e[0].length() >= e[1].charAt(0) - '0'
                    && !WORDS.containsKey(t)
                    && isAsciiWord(t)
                    && !NOT_BRANDS.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWord(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** Letter+digit codes common in news that are not brands (covid19, g20, pasal303...). */
    private static boolean isNewsyCode(String b) {
        return b.startsWith("covid")
                || b.startsWith("rp")
                || b.startsWith("lrt")
                || b.startsWith("krl")
                || b.startsWith("pasal")
                || b.startsWith("uu")
                || b.startsWith("tahun")
                || b.startsWith("km")
                || b.startsWith("rt")
                || b.startsWith("rw")
                || b.startsWith("no")
                || b.startsWith("nomor")
                || b.startsWith("ke")
                || b.startsWith("pp")
                || b.startsWith("kf");
    }
}
