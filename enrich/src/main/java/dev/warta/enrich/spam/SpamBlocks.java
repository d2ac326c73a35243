package dev.warta.enrich.spam;

import java.util.List;
import java.util.Set;

/**
 * Injected text comes as a block: once a paragraph is spam, its neighbours are judged by the model without the
 * keyword gate, and an off-topic neighbour written in a sales voice (second person, form fields, bonus / deposit
 * terms) that shares little with the story goes with it. Spreads outwards until a neighbour is clean; a paragraph
 * that reads as reporting (police, court, regulator words) stops it.
 */
final class SpamBlocks {
    /** Score at which an ungated neighbour of a spam paragraph joins the block. */
    static final double BLOCK = 0.35;

    private static final Set<String> SECOND_PERSON = Set.of(
            "anda",
            "kamu",
            "kalian",
            "you",
            "your",
            "awak",
            "korang",
            "kau",
            "lu",
            "loe",
            "bosku",
            "gan",
            "agan",
            "sobat",
            "bro",
            "kak",
            "kakak",
            "yourself");
    private static final Set<String> SALES = Set.of(
            "username",
            "password",
            "email",
            "rekening",
            "whatsapp",
            "wa",
            "telegram",
            "livechat",
            "chat",
            "cs",
            "hp",
            "daftar",
            "register",
            "registrasi",
            "login",
            "akun",
            "account",
            "bonus",
            "deposit",
            "depo",
            "withdraw",
            "wd",
            "saldo",
            "promo",
            "cashback",
            "rollingan",
            "referral",
            "member",
            "minimal",
            "minimum",
            "klik",
            "click",
            "link",
            "situs",
            "website",
            "platform",
            "gabung",
            "bergabung",
            "join",
            "sign",
            "free",
            "gratis",
            "hadiah",
            "jackpot",
            "menang",
            "kemenangan",
            "win",
            "winning",
            "withdrawal",
            "transaksi",
            "aman",
            "terpercaya",
            "resmi",
            "official",
            "layanan",
            "nonstop",
            "24",
            "jam",
            "pemain",
            "player",
            "players",
            "game",
            "games",
            "permainan",
            "provider",
            "pulsa",
            "penarikan",
            "ewallet",
            "wallet",
            "ovo",
            "gopay",
            "topup",
            "otp",
            "verifikasi",
            "konfirmasi",
            "formulir",
            "ponsel",
            "mendaftar",
            "support",
            "turnover",
            "claim",
            "klaim",
            "bank");
    private static final int MAX_ROUNDS = 64;
    /** Reason of a neighbour the model scores as spam once the keyword gate is off. */
    static final String JOINED = "spam-block";
    /** Reason of an off-topic sales-voice neighbour. */
    static final String VOICE = "sales-voice-neighbour";

    private SpamBlocks() {}

    /** Marks the neighbours of spam paragraphs that belong to the same injected block (updates {@code js}). */
    static void extend(
            SpamDetector detector,
            List<String> paragraphs,
            SpamDetector.Judgement[] js,
            Story story,
            double extraGuard) {
        int count = js.length;
        boolean[] tried = new boolean[count];
        boolean changed = true;
        for (int round = 0; changed && round < MAX_ROUNDS; round++) {
            changed = false;
            for (int i = 0; i < count; i++) {
                if (!js[i].spam()) {
                    continue;
                }
                for (int j : new int[] {neighbour(paragraphs, count, i, -1), neighbour(paragraphs, count, i, 1)}) {
                    if (j < 0 || js[j].spam() || tried[j]) {
                        continue;
                    }
                    tried[j] = true;
                    SpamDetector.Judgement joined = join(detector, paragraphs.get(j), j, story, extraGuard);
                    if (joined != null) {
                        js[j] = joined;
                        changed = true;
                    }
                }
            }
        }
    }

    private static SpamDetector.Judgement join(
            SpamDetector detector, String text, int index, Story story, double extraGuard) {
        SpamDetector.Judgement u = detector.judgeUngated(text, extraGuard);
        if (u.cues() == null || u.cues().guard() >= 1.5) {
            return null; // reporting language: not part of an injected block
        }
        if (u.score() >= BLOCK) {
            return new SpamDetector.Judgement(
                    Math.max(u.score(), SpamDetector.THRESHOLD),
                    u.category(),
                    SpamDetector.append(u.reasons(), JOINED),
                    u.cues());
        }
        int voice = salesVoice(text);
        double overlap = voice == 0 ? 1 : story.overlap(text, index);
        if (extraGuard == 0 && (voice == 2 && overlap < 0.5 || voice == 1 && overlap < 0.3)) {
            return new SpamDetector.Judgement(
                    SpamDetector.THRESHOLD,
                    u.cues().gambling() > 0 ? "gambling" : "promo",
                    SpamDetector.append(u.reasons(), VOICE),
                    u.cues());
        }
        return null;
    }

    /**
     * Second person, form fields, bonus / deposit terms: how promotion talks, not how news does. 0: none, 1: some,
     * 2: strong (second person with three sales terms, or sales terms in one word of four).
     */
    static int salesVoice(String text) {
        List<String> tokens = TextNormalizer.normalize(text).tokens();
        int you = 0;
        int sales = 0;
        for (String t : tokens) {
            you += SECOND_PERSON.contains(t) ? 1 : 0;
            sales += SALES.contains(t) ? 1 : 0;
        }
        if (you >= 1 && sales >= 3 || sales >= 4 && sales * 4 >= tokens.size()) {
            return 2;
        }
        return (you >= 1 && sales >= 2) || sales >= 4 && sales * 8 >= tokens.size() ? 1 : 0;
    }

    private static int neighbour(List<String> paragraphs, int count, int i, int step) {
        for (int j = i + step; j >= 0 && j < count; j += step) {
            String p = paragraphs.get(j);
            if (p != null && !p.isBlank()) {
                return j;
            }
        }
        return -1;
    }
}
