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
                boolean trigger, List<String> reasons) {
        double total() {
            return gambling + promo;
        }
    }

    private static final String G = "gambling";
    private static final String P = "promo";
    private static final String S = "scam";

    private static final Map<String, Cue> WORDS = new HashMap<>();
    private static final Map<String, Cue> PAIRS = new HashMap<>();
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
                "link", "cus", "kuy", "dijamin", "terbaik", "rekomendasi", "recommended", "rekomended");
        word(S, 1.0, "pesugihan", "dukun", "pinjol", "transfer", "whatsapp", "wa");
        pair(G, 3.0, "slot gacor", "slot online", "link alternatif", "rtp live", "rtp slot", "bonus new",
                "new member", "situs gacor", "agen slot", "bandar togel", "togel online", "data sgp", "pola gacor",
                "anti rungkad", "akun pro", "server thailand", "modal receh", "pasti menang", "gampang menang",
                "mudah menang", "pasti jp", "langsung jp", "situs slot", "judi slot", "pg soft", "live casino",
                "casino online", "poker online", "togel hari", "keluaran hk", "keluaran sgp", "pengeluaran hk",
                "pengeluaran sgp", "toto macau", "wd terus", "auto wd", "auto jp", "menang terus", "bocoran slot",
                "gates of", "sweet bonanza", "starlight princess", "mahjong ways", "kakek zeus", "scatter hitam");
        pair(G, 1.2, "menang besar", "member baru", "daftar sekarang", "main di", "gabung di", "main slot",
                "situs judi", "judi online", "agen judi", "bandar judi", "judi bola", "menang banyak");
        guard(1.0, "polisi", "polri", "polda", "polres", "polresta", "polsek", "bareskrim", "kapolri", "kapolda",
                "kapolres", "tersangka", "ditangkap", "menangkap", "penangkapan", "diamankan", "ditahan", "diblokir",
                "memblokir", "pemblokiran", "blokir", "kominfo", "komdigi", "kemkomdigi", "ppatk", "satgas",
                "pemberantasan", "memberantas", "berantas", "pidana", "penjara", "pasal", "hukuman", "terjerat",
                "kecanduan", "dampak", "bahaya", "pengadilan", "jaksa", "kejaksaan", "penyidik", "penyelidikan",
                "rehabilitasi", "larangan", "ilegal", "tppu", "pencucian", "razia", "ojk", "kementerian", "dpr",
                "pemerintah", "menteri", "undang", "regulasi", "korban", "terlibat", "diduga", "kasus");
        guard(0.5, "mengatakan", "ujar", "ujarnya", "katanya", "menurut", "jelasnya", "tegasnya", "ungkapnya",
                "menjelaskan", "menyebut", "menegaskan", "imbau", "mengimbau", "pelaku", "warga", "masyarakat",
                "transaksi", "triliun", "miliar", "persen", "data", "laporan", "rp");
    }

    private SpamCues() {
    }

    private static void word(String category, double weight, String... words) {
        for (String w : words) {
            WORDS.put(w, new Cue(w, weight, category));
        }
    }

    private static void pair(String category, double weight, String... pairs) {
        for (String p : pairs) {
            PAIRS.put(p, new Cue(p, weight, category));
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
        Set<String> guardSeen = null;
        String prev = null;
        for (String t : tokens) {
            Cue c = WORDS.get(t);
            if (c != null && seen.add(c.reason())) {
                if (c.category().equals(G)) {
                    gambling += c.weight();
                } else {
                    promo += c.weight();
                }
            }
            if (prev != null) {
                Cue pc = PAIRS.get(prev + ' ' + t);
                if (pc != null && seen.add(pc.reason())) {
                    gambling += pc.weight();
                }
            }
            Double g = GUARD.get(t);
            if (g != null) {
                if (guardSeen == null) {
                    guardSeen = new java.util.HashSet<>();
                }
                if (guardSeen.add(t)) {
                    guard += g;
                }
            }
            if (!trigger && TRIGGERS.contains(t)) {
                trigger = true;
            }
            prev = t;
        }
        int brands = 0;
        for (String b : n.brandTokens()) {
            if (!isNewsyCode(b)) {
                brands++;
            }
        }
        if (brands > 0) {
            seen.add("brand-like-token");
        }
        int urls = original == null ? 0 : countUrls(original);
        if (urls > 0) {
            seen.add("url");
        }
        int obf = n.obfuscation();
        if (n.obfuscatedChars() > 0) {
            seen.add("unicode-obfuscation");
        }
        if (n.spacedRuns() > 0) {
            seen.add("spaced-letters");
        }
        if (n.leetTokens() > 0) {
            seen.add("leetspeak");
        }
        boolean fire = trigger || gambling > 0 || promo > 0 || brands > 0 || urls > 0 || obf > 0;
        return new Hits(gambling, promo, Math.min(guard, 8.0), urls, brands, obf, fire, new ArrayList<>(seen));
    }

    /** Letter+digit codes common in news that are not brands (covid19, g20, pasal303...). */
    private static boolean isNewsyCode(String b) {
        return b.startsWith("covid") || b.startsWith("pasal") || b.startsWith("uu") || b.startsWith("tahun")
                || b.startsWith("km") || b.startsWith("rt") || b.startsWith("rw") || b.startsWith("no")
                || b.startsWith("nomor") || b.startsWith("ke") || b.startsWith("pp") || b.startsWith("kf");
    }

    /** Counts URL-looking spans without regex: {@code http}, {@code www.} and {@code .com/.net/...} hosts. */
    static int countUrls(String s) {
        int count = 0;
        int limit = Math.min(s.length(), TextNormalizer.MAX_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if ((c == 'h' || c == 'H') && s.regionMatches(true, i, "http", 0, 4)
                    && (i + 4 < limit) && (s.charAt(i + 4) == ':' || s.charAt(i + 4) == 's')) {
                count++;
                i += 8;
            } else if ((c == 'w' || c == 'W') && s.regionMatches(true, i, "www.", 0, 4)) {
                count++;
                i += 4;
            } else if (c == '.' && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))
                    && (s.regionMatches(true, i, ".com", 0, 4) || s.regionMatches(true, i, ".net", 0, 4)
                    || s.regionMatches(true, i, ".xyz", 0, 4) || s.regionMatches(true, i, ".vip", 0, 4)
                    || s.regionMatches(true, i, ".org", 0, 4) || s.regionMatches(true, i, ".site", 0, 5)
                    || s.regionMatches(true, i, ".online", 0, 7) || s.regionMatches(true, i, ".info", 0, 5))) {
                count++;
            }
        }
        return count;
    }
}
