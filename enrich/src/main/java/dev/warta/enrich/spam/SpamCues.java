package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.HashMap;
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
    record Cue(String reason, double weight, String category) {
    }

    /** The cues of one text. */
    record Hits(double gambling, double promo, double guard, int urls, int brands, int obfuscation,
                boolean trigger, boolean strong, boolean topic, int heavy, List<String> reasons) {
        double total() {
            return gambling + promo;
        }
    }

    private static final String G = "gambling";
    /** Tokens that only occur in web addresses ("https", "www", top-level domains spammers favour). */
    private static final Set<String> URL_PARTS = Set.of("http", "https", "www", "com", "net", "xyz", "vip",
            "org");
    /** Words naming gambling as a subject (what an article reporting on gambling talks about). */
    private static final List<String> TOPIC = List.of("judi", "judol", "togel", "slot", "casino", "kasino",
            "taruhan", "judi online", "situs judi");
    private static final String P = "promo";
    private static final String S = "scam";

    private static final Map<String, Cue> WORDS = new HashMap<>();
    private static final Map<String, Cue> PAIRS = new HashMap<>();
    private static final Set<String> PAIR_FIRST = new java.util.HashSet<>();
    /** Endings of compound brand names without digits (pulauwin, vikingtoto, mamajitu), with the shortest stem. */
    private static final String[][] BRAND_ENDINGS = {{"toto", "3"}, {"win", "4"}, {"jitu", "3"}, {"hoki", "3"},
        {"slot", "2"}, {"gacor", "2"}, {"qq", "3"}, {"wd", "4"}, {"maxwin", "1"}};
    private static final Map<String, Double> GUARD = new HashMap<>();
    /** Words that only wake the model up (weight 0): ordinary words spam comments lean on. */
    private static final Set<String> TRIGGERS = Set.of("main", "menang", "kaya", "rezeki", "rejeki", "ketagihan",
            "seru", "asyik", "asik", "untung", "modal", "sultan", "petir", "pulau", "bosku", "gaes", "receh",
            "spin", "situs", "bet", "taruhan", "judi", "bandar", "agen", "pasang", "angka", "jitu", "mantap",
            "gas", "gasken", "gaskeun", "pasti", "auto", "hadiah", "pola", "jam", "akun", "vip", "pro");

    static {
        word(G, 2.5, "gacor", "maxwin", "togel", "jepe", "jepee", "jpe", "rungkad", "scatter", "pgsoft", "sbobet",
                "parlay", "dominoqq", "bandarqq", "pkv", "sgp", "sdy", "olympus", "mahjong", "bonanza", "wede",
                "slotter", "depo", "deposit", "sensational", "cuaan", "cuannya", "jackpot", "freebet", "toto",
                "pragmatic", "habanero", "joker123", "spaceman", "zeus");
        word(G, 1.2, "slot", "jp", "wd", "rtp", "bocoran", "casino", "kasino", "cuan", "hoki", "4d", "hk", "pools",
                "keluaran", "pengeluaran", "prediksi", "tarik", "winrate", "x500", "x1000", "bet88", "jekpot");
        word(G, 0.4, "judi", "judol", "taruhan", "bandar");
        word(P, 1.0, "daftar", "gabung", "buruan", "login", "terpercaya", "bonus", "promo", "member", "klik",
                "cus", "kuy", "dijamin");
        word(S, 1.0, "pesugihan", "dukun", "pinjol", "transfer", "whatsapp", "wa");
        pair(G, 3.0, "slot gacor", "slot online", "link alternatif", "rtp live", "rtp slot", "bonus new",
                "new member", "situs gacor", "agen slot", "bandar togel", "togel online", "data sgp", "pola gacor",
                "anti rungkad", "akun pro", "server thailand", "modal receh", "pasti menang", "gampang menang",
                "mudah menang", "pasti jp", "langsung jp", "situs slot", "judi slot", "pg soft", "live casino",
                "casino online", "poker online", "togel hari", "keluaran hk", "keluaran sgp", "pengeluaran hk",
                "pengeluaran sgp", "toto macau", "wd terus", "auto wd", "auto jp", "menang terus", "bocoran slot",
                "gates of", "sweet bonanza", "starlight princess", "mahjong ways", "kakek zeus", "scatter hitam",
                "togel sgp", "togel sdy", "togel hk", "togel singapore", "togel hongkong", "togel sidney",
                "live draw", "result sgp", "result hk", "angka jitu");
        pair(G, 1.2, "menang besar", "member baru", "daftar sekarang", "main di", "gabung di", "main slot",
                "situs judi", "judi online", "agen judi", "bandar judi", "judi bola", "menang banyak");
        guard(1.0, "polisi", "polri", "polda", "polres", "polresta", "polsek", "bareskrim", "kapolri", "kapolda",
                "kapolres", "tersangka", "ditangkap", "menangkap", "penangkapan", "diamankan", "ditahan", "diblokir",
                "memblokir", "pemblokiran", "blokir", "kominfo", "komdigi", "kemkomdigi", "ppatk", "satgas",
                "pemberantasan", "memberantas", "berantas", "pidana", "penjara", "pasal", "hukuman", "terjerat",
                "kecanduan", "dampak", "bahaya", "pengadilan", "jaksa", "kejaksaan", "penyidik", "penyelidikan",
                "rehabilitasi", "larangan", "ilegal", "tppu", "pencucian", "razia", "ojk", "kementerian", "dpr",
                "pemerintah", "menteri", "undang", "regulasi", "korban", "terlibat", "diduga", "kasus", "sidang",
                "jpu", "terdakwa", "dakwaan", "didakwa", "vonis", "hakim", "dipromosikan", "mempromosikan",
                "selebgram", "influencer", "endorse", "tuntutan", "barang", "bukti");
        guard(0.5, "mengatakan", "ujar", "ujarnya", "katanya", "menurut", "jelasnya", "tegasnya", "ungkapnya",
                "menjelaskan", "menyebut", "menegaskan", "imbau", "mengimbau", "pelaku", "warga", "masyarakat",
                "transaksi", "triliun", "miliar", "persen", "data", "laporan", "rp");
    }

    /** Everything known about one word, so that each token costs one hash lookup. */
    private record Entry(Cue cue, double guard, boolean trigger, boolean pairFirst, boolean url) {
    }

    private static final Map<String, Entry> LEXICON = lexicon();
    private static final QuickFilter QUICK = quickFilter();

    private SpamCues() {
    }

    private static QuickFilter quickFilter() {
        Set<String> words = new java.util.HashSet<>(WORDS.keySet());
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
        Set<String> all = new java.util.HashSet<>(WORDS.keySet());
        all.addAll(GUARD.keySet());
        all.addAll(TRIGGERS);
        all.addAll(PAIR_FIRST);
        all.addAll(URL_PARTS);
        Map<String, Entry> m = new HashMap<>();
        for (String w : all) {
            m.put(w, new Entry(WORDS.get(w), GUARD.getOrDefault(w, 0.0), TRIGGERS.contains(w), PAIR_FIRST.contains(w),
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
        List<String> tokens = n.tokens();
        Set<String> seen = new LinkedHashSet<>();
        double gambling = 0;
        double promo = 0;
        double guard = 0;
        boolean trigger = false;
        boolean heavy = false;
        int heavyCount = 0;
        Set<String> guardSeen = null;
        String prev = null;
        boolean prevFirst = false;
        int brands = 0;
        int urls = 0;
        for (String t : tokens) {
            Entry e = LEXICON.get(t);
            Cue c = e == null ? null : e.cue();
            if (c != null && seen.add(c.reason())) {
                heavy |= c.weight() >= 2.5;
                heavyCount += c.weight() >= 2.5 ? 1 : 0;
                if (c.category().equals(G)) {
                    gambling += c.weight();
                } else {
                    promo += c.weight();
                }
            }
            if (prev != null && prevFirst) {
                Cue pc = PAIRS.get(prev + ' ' + t);
                if (pc != null && seen.add(pc.reason())) {
                    heavy |= pc.weight() >= 2.5;
                    heavyCount += pc.weight() >= 2.5 ? 1 : 0;
                    gambling += pc.weight();
                }
            }
            if (e == null && t.length() >= 5) {
                if (hasDoubledLetter(t)) {
                    Cue sq = WORDS.get(squeeze(t)); // gacoorr, maxwinnn
                    if (sq != null && sq.category().equals(G) && seen.add(sq.reason())) {
                        gambling += sq.weight();
                        heavy |= sq.weight() >= 2.5;
                        heavyCount += sq.weight() >= 2.5 ? 1 : 0;
                        seen.add("elongated-word");
                    }
                }
                if (t.length() >= 6 && hasBrandEnding(t)) {
                    brands++;
                }
            }
            if (e != null && e.guard() > 0) {
                if (guardSeen == null) {
                    guardSeen = new java.util.HashSet<>();
                }
                if (guardSeen.add(t)) {
                    guard += e.guard();
                }
            }
            trigger |= e != null && e.trigger();
            if (e != null && e.url()) {
                urls++;
            }
            prevFirst = e != null && e.pairFirst();
            prev = t;
        }
        for (String b : n.brandTokens()) {
            if (!isNewsyCode(b)) {
                brands++;
                int d = 0;
                while (d < b.length() && !Character.isDigit(b.charAt(d))) {
                    d++;
                }
                Cue stem = WORDS.get(b.substring(0, d)); // slot88, togel62
                if (stem != null && stem.category().equals(G) && seen.add(stem.reason())) {
                    gambling += stem.weight();
                    heavyCount += stem.weight() >= 2.5 ? 1 : 0;
                }
            }
        }
        int leet = 0;
        for (String w : n.leetWords()) {
            if (WORDS.containsKey(w) || TRIGGERS.contains(w)) {
                leet++;
            }
        }
        if (brands > 0) {
            seen.add("brand-like-token");
        }

        if (urls > 0) {
            seen.add("url");
        }
        int obf = n.obfuscation() + 2 * leet;
        if (n.obfuscatedChars() > 0) {
            seen.add("unicode-obfuscation");
        }
        if (n.spacedRuns() > 0) {
            seen.add("spaced-letters");
        }
        if (leet > 0) {
            seen.add("leetspeak");
        }
        // ordinary words like "daftar", "slot", "pengeluaran" alone are common in news: not enough to wake the model
        int wordLike = 0;
        for (String t : tokens) {
            if (t.length() >= 3 && Character.isLetter(t.charAt(0)) && Character.isLetter(t.charAt(t.length() - 1))) {
                wordLike++;
            }
        }
        if (tokens.size() >= 8 && wordLike * 10 < tokens.size() * 4) {
            // binary garbage or symbol soup: nothing to read, nothing to judge
            return new Hits(0, 0, 0, 0, 0, 0, false, false, false, 0, List.of());
        }
        boolean strong = heavy || gambling >= 2.4 || brands > 0 || urls > 1 || obf > 0;
        boolean topic = false;
        for (String t : TOPIC) {
            if (seen.contains(t)) {
                topic = true;
                break;
            }
        }
        return new Hits(gambling, promo, Math.min(guard, 8.0), urls, brands, obf, strong || trigger, strong, topic,
                heavyCount, new ArrayList<>(seen));
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
            if (t.endsWith(e[0]) && t.length() - e[0].length() >= e[1].charAt(0) - '0' && !WORDS.containsKey(t)
                    && isAsciiWord(t)) {
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
        return b.startsWith("covid") || b.startsWith("rp") || b.startsWith("lrt") || b.startsWith("krl") || b.startsWith("pasal") || b.startsWith("uu") || b.startsWith("tahun")
                || b.startsWith("km") || b.startsWith("rt") || b.startsWith("rw") || b.startsWith("no")
                || b.startsWith("nomor") || b.startsWith("ke") || b.startsWith("pp") || b.startsWith("kf");
    }
}
