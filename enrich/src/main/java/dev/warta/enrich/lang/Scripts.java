package dev.warta.enrich.lang;

/**
 * Writing-system shortcut: counts letters per script and names the language of a text written mostly in a script
 * used by one main language (Arabic, Cyrillic, Han, kana, Hangul, Thai, Devanagari, ...). Latin text is left to the
 * n-gram model. Allocates nothing; looks at most {@code to - from} chars.
 */
final class Scripts {

    /** Script verdict: {@code latin} letters, {@code other} letters, and the language the dominant non-Latin script suggests. */
    record Tally(int latin, int other, String otherCode) {
        static final Tally EMPTY = new Tally(0, 0, null);
    }

    private Scripts() {}

    static Tally tally(CharSequence text, int from, int to) {
        int latin = 0;
        int arabic = 0, persian = 0, urdu = 0;
        int cyrillic = 0, ukrainian = 0;
        int han = 0, kana = 0, hangul = 0;
        int other = 0;
        int otherBest = 0;
        Character.UnicodeScript best = null;
        // small fixed histogram for the remaining scripts: index by ordinal
        int[] counts = null;
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            if (ch < 0x250) {
                if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= 0xC0 && ch != 0xD7 && ch != 0xF7)) {
                    latin++;
                }
                continue;
            }
            if (Character.isHighSurrogate(ch) || Character.isLowSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < to) {
                    int cp = Character.toCodePoint(ch, text.charAt(i + 1));
                    i++;
                    if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                        han++;
                    }
                }
                continue;
            }
            if (ch >= 0x0600 && ch <= 0x06FF || ch >= 0x0750 && ch <= 0x077F || ch >= 0xFB50 && ch <= 0xFEFF) {
                if (!Character.isLetter(ch)) {
                    continue;
                }
                arabic++;
                if (ch == 0x067E || ch == 0x0686 || ch == 0x0698 || ch == 0x06AF || ch == 0x06A9 || ch == 0x06CC) {
                    persian++;
                }
                if (ch == 0x0679 || ch == 0x0688 || ch == 0x0691 || ch == 0x06BA || ch == 0x06D2 || ch == 0x06BE) {
                    urdu++;
                }
                continue;
            }
            if (ch >= 0x0400 && ch <= 0x04FF) {
                cyrillic++;
                if (ch == 'і' || ch == 'ї' || ch == 'є' || ch == 'ґ' || ch == 'І' || ch == 'Ї' || ch == 'Є'
                        || ch == 'Ґ') {
                    ukrainian++;
                }
                continue;
            }
            if (ch >= 0x3040 && ch <= 0x30FF) {
                kana++;
                continue;
            }
            if (ch >= 0x4E00 && ch <= 0x9FFF || ch >= 0x3400 && ch <= 0x4DBF) {
                han++;
                continue;
            }
            if (ch >= 0xAC00 && ch <= 0xD7AF || ch >= 0x1100 && ch <= 0x11FF || ch >= 0x3130 && ch <= 0x318F) {
                hangul++;
                continue;
            }
            if (!Character.isLetter(ch)) {
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(ch);
            if (s == Character.UnicodeScript.LATIN) {
                latin++;
                continue;
            }
            if (counts == null) {
                counts = new int[Character.UnicodeScript.values().length];
            }
            int n = ++counts[s.ordinal()];
            other++;
            if (n > otherBest) {
                otherBest = n;
                best = s;
            }
        }
        int cjk = han + kana;
        int nonLatin = arabic + cyrillic + cjk + hangul + other;
        if (nonLatin == 0) {
            return latin == 0 ? Tally.EMPTY : new Tally(latin, 0, null);
        }
        String code;
        int max = Math.max(Math.max(arabic, cyrillic), Math.max(Math.max(cjk, hangul), otherBest));
        if (max == arabic) {
            code = urdu > 0 && urdu * 50 >= arabic ? "ur" : persian > 0 && persian * 30 >= arabic ? "fa" : "ar";
        } else if (max == cyrillic) {
            code = ukrainian > 0 ? "uk" : "ru";
        } else if (max == cjk) {
            code = kana > 0 && kana * 10 >= cjk ? "ja" : "zh";
        } else if (max == hangul) {
            code = "ko";
        } else {
            code = codeOf(best);
        }
        return new Tally(latin, nonLatin, code);
    }

    private static String codeOf(Character.UnicodeScript s) {
        if (s == null) {
            return "und";
        }
        return switch (s) {
            case GREEK -> "el";
            case HEBREW -> "he";
            case THAI -> "th";
            case DEVANAGARI -> "hi";
            case BENGALI -> "bn";
            case TAMIL -> "ta";
            case TELUGU -> "te";
            case KANNADA -> "kn";
            case MALAYALAM -> "ml";
            case GUJARATI -> "gu";
            case GURMUKHI -> "pa";
            case SINHALA -> "si";
            case GEORGIAN -> "ka";
            case ARMENIAN -> "hy";
            case KHMER -> "km";
            case LAO -> "lo";
            case MYANMAR -> "my";
            case ETHIOPIC -> "am";
            case TIBETAN -> "bo";
            case JAVANESE -> "jv";
            case SUNDANESE -> "su";
            case BALINESE -> "ban";
            case BUGINESE -> "bug";
            case SYRIAC -> "syr";
            case THAANA -> "dv";
            default -> "und";
        };
    }
}
