package dev.warta.enrich.spam;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds obfuscated text to plain lowercase ASCII-ish tokens before matching: NFKD compatibility folding
 * (mathematical alphanumerics, full-width and enclosed forms, superscripts), stripping of combining marks,
 * zero-width and format characters, emoji and symbols, a small table of Cyrillic / Greek / small-capital
 * lookalikes, joining of spaced single letters ({@code s l o t} → {@code slot}) and leetspeak decoding inside
 * tokens that mix letters and digits ({@code g4c0r} → {@code gacor}); brand-like tokens ({@code mega88},
 * {@code visi4d}) are kept as they are. Stateless and thread-safe.
 *
 * <p>{@code TextNormalizer.normalize("𝐒𝐋𝐎𝐓 g4c0r").text()} is {@code "slot gacor"}.
 */
public final class TextNormalizer {
    /** Longest input looked at; the rest of a huge segment is ignored (bounded cost). */
    public static final int MAX_CHARS = 20_000;

    private static final Map<Integer, Character> CONFUSABLES = confusables();
    /** NFKD of each BMP character that has one (null: the character is its own decomposition). */
    private static final String[] NFKD_BMP = nfkdTable();

    /** Result of normalisation: the folded text, its tokens and counts of the obfuscation tricks seen. */
    public record Normalized(
            List<String> tokens,
            int obfuscatedChars,
            int spacedRuns,
            int leetTokens,
            List<String> brandTokens,
            List<String> leetWords) {
        /** The folded tokens joined by single spaces. */
        public String text() {
            return String.join(" ", tokens);
        }

        /** Total obfuscation signals (leetspeak counts only when it spells a known spam word, see SpamCues). */
        public int obfuscation() {
            return obfuscatedChars + 3 * spacedRuns;
        }
    }

    private TextNormalizer() {}

    /** Normalises {@code s} (null is treated as empty). */
    public static Normalized normalize(String s) {
        if (s == null || s.isEmpty()) {
            return new Normalized(List.of(), 0, 0, 0, List.of(), List.of());
        }
        int limit = Math.min(s.length(), MAX_CHARS);
        StringBuilder sb = new StringBuilder(limit + 16);
        int obfuscated = 0;
        int prevScript = 0; // 1: an ASCII letter or digit was just seen, 2: another letter
        int fullWidth = 0;
        boolean cjk = false;
        for (int i = 0; i < limit; ) {
            char ch = s.charAt(i);
            int cp = ch < 128 || !Character.isHighSurrogate(ch) ? ch : s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                if (cp >= 'A' && cp <= 'Z') {
                    sb.append((char) (cp + 32));
                    prevScript = 1;
                } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                    sb.append((char) cp);
                    prevScript = 1;
                } else {
                    // dots end abbreviations ("S.H." is not spaced letters); symbols between a name and its digits glue
                    sb.append(cp == '.' ? '.' : GLUE_SYMBOLS.indexOf(cp) >= 0 ? GLUE : ' ');
                    prevScript = 0;
                }
                continue;
            }
            if (cp >= 0xFF10 && cp <= 0xFF5A) {
                fullWidth++; // obfuscation unless the text is CJK, where full-width forms are ordinary
            } else if (isObfuscationCodePoint(cp)) {
                obfuscated++;
            } else if (!cjk
                    && ((cp >= 0x3000 && cp <= 0x30FF)
                            || (cp >= 0x4E00 && cp <= 0x9FFF)
                            || (cp >= 0xAC00 && cp <= 0xD7AF))) {
                cjk = true;
            }
            if (cp == 0x20E3) {
                if (i >= limit || !isAsciiLetter(s.charAt(i))) {
                    sb.append(GLUE); // keycap: 8️⃣8️⃣ after a name is its number (4️⃣D stays 4d)
                }
                prevScript = 0;
                continue;
            }
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT
                    || type == Character.COMBINING_SPACING_MARK) {
                if (prevScript == 1 && type != Character.FORMAT) {
                    obfuscated++; // marks stacked on ASCII letters: P͟U͟L͟A͟U͟
                }
                continue;
            }
            Character folded = CONFUSABLES.get(cp);
            if (folded != null) {
                if (cp >= 0x0370 && (prevScript == 1 || (i < limit && isAsciiLetter(s.charAt(i))))) {
                    obfuscated++; // Cyrillic, Greek, Hangul... lookalike inside a Latin word
                }
                sb.append(folded.charValue());
                prevScript = 2;
                continue;
            }
            if (!Character.isLetterOrDigit(cp) && type != Character.OTHER_NUMBER && !isObfuscationCodePoint(cp)) {
                sb.append(Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? ' ' : GLUE); // emoji, stars
                prevScript = 0;
                continue;
            }
            String d = decompose(cp);
            if (d == null) { // no compatibility decomposition: an ordinary letter of another script
                sb.appendCodePoint(Character.toLowerCase(cp));
                prevScript = 2;
                continue;
            }
            for (int j = 0; j < d.length(); ) {
                int c = d.codePointAt(j);
                j += Character.charCount(c);
                int t = Character.getType(c);
                if (t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.FORMAT) {
                    continue;
                }
                Character f = CONFUSABLES.get(c);
                if (f != null) {
                    sb.append(f.charValue());
                } else if (c < 128) {
                    sb.append(Character.isLetterOrDigit(c) ? Character.toLowerCase((char) c) : ' ');
                } else if (Character.isLetterOrDigit(c)) {
                    sb.appendCodePoint(Character.toLowerCase(c));
                } else {
                    sb.append(' ');
                }
            }
            prevScript = 2;
        }
        return tokenize(sb, cjk ? obfuscated : obfuscated + fullWidth);
    }

    private static Normalized tokenize(CharSequence folded, int obfuscated) {
        int n = folded.length();
        List<String> raw = new ArrayList<>(n / 5 + 4);
        boolean[] dotted = new boolean[n / 2 + 2];
        boolean[] glued = new boolean[n / 2 + 2]; // a symbol between this token and the next
        boolean[] tight = new boolean[n / 2 + 2]; // a dot and nothing else between this token and the next
        int start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i == n ? ' ' : folded.charAt(i);
            boolean sep = c == ' ' || c == '.' || c == GLUE;
            if (sep) {
                if (start >= 0) {
                    raw.add(folded.subSequence(start, i).toString());
                    start = -1;
                }
                if (c == '.' && !raw.isEmpty()) {
                    dotted[raw.size() - 1] = true;
                    tight[raw.size() - 1] = start < 0
                            && i + 1 < n
                            && isAsciiLetterOrDigit(folded.charAt(i + 1))
                            && i > 0
                            && isAsciiLetterOrDigit(folded.charAt(i - 1));
                }
                if (c == GLUE && !raw.isEmpty()) {
                    glued[raw.size() - 1] = true;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        int joins = joinNameAndNumber(raw, glued, dotted, tight);
        List<String> tokens = new ArrayList<>(raw.size());
        List<String> brands = new ArrayList<>(2);
        List<String> leetWords = new ArrayList<>(2);
        int spacedRuns = 0;
        int leet = 0;
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i);
            if (t.length() <= 2 && isAsciiLetters(t)) {
                int j = i;
                int pairs = 0;
                while (j < raw.size()
                        && raw.get(j).length() <= 2
                        && isAsciiLetters(raw.get(j))
                        && (j == i || !dotted[j - 1])) {
                    pairs += raw.get(j).length() == 2 ? 1 : 0;
                    j++;
                }
                // "GA RU DA HO KI": a name cut into syllables (mostly two-letter pieces)
                if (j - i >= 4 && j - i < 12 && pairs * 2 >= j - i && endsLikeBrand(raw, j - 1)) {
                    StringBuilder joined = new StringBuilder(2 * (j - i));
                    for (int k = i; k < j; k++) {
                        joined.append(raw.get(k));
                    }
                    if (joined.length() > j - i) { // not only single letters (handled below)
                        tokens.add(joined.toString());
                        spacedRuns++;
                        i = j - 1;
                        continue;
                    }
                }
            }
            if (t.length() == 1 && t.charAt(0) < 128) {
                int j = i;
                boolean letters = false;
                boolean sameDigit = true;
                boolean dottedRun = dottedRun(raw, tight, i);
                while (j < raw.size()
                        && raw.get(j).length() == 1
                        && raw.get(j).charAt(0) < 128
                        && (j == i || !dotted[j - 1] || dottedRun)) {
                    char c = raw.get(j).charAt(0);
                    letters |= !Character.isDigit(c);
                    sameDigit &= c == t.charAt(0);
                    j++;
                }
                // "s l o t", "P U L A U 7 7 7", "7 7 7" — but not a list like "1, 2, 3"
                if (j - i >= 3 && (letters || sameDigit)) {
                    StringBuilder joined = new StringBuilder(j - i);
                    for (int k = i; k < j; k++) {
                        joined.append(raw.get(k));
                    }
                    t = joined.toString();
                    spacedRuns++;
                    i = j - 1;
                }
            }
            if (!mixesLettersAndDigits(t) || isQuantity(t)) {
                tokens.add(t); // plain words, and quantities like 4d, 10km, 5g
            } else if (isBrandLike(t)) {
                brands.add(t);
                tokens.add(t);
            } else {
                // t0gel62: decode the letters part, keep a numeric brand suffix
                int end = t.length();
                while (end > 0 && Character.isDigit(t.charAt(end - 1))) {
                    end--;
                }
                String plain = unleet(t.substring(0, end)) + t.substring(end);
                if (end < t.length() && isBrandLike(plain)) {
                    brands.add(plain);
                    String stem = plain.substring(0, end);
                    if (leetWords.size() < 8) {
                        leetWords.add(stem);
                    }
                } else if (leetWords.size() < 8) {
                    leetWords.add(plain);
                }
                tokens.add(plain);
                leet++;
            }
        }
        return new Normalized(tokens, obfuscated + joins, spacedRuns, leet, brands, leetWords);
    }

    /** Separator written between a name and its number: stars, emoji, keycaps, bars. */
    private static final char GLUE = '\u0001';

    private static final String GLUE_SYMBOLS = "*_~^";
    private static final List<String> DIGIT_WORDS =
            List.of("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan");
    /** Words that a spelled-out number ordinarily follows in news ("nomor satu dua", "pukul tujuh"). */
    private static final Set<String> COUNTED = Set.of(
            "nomor",
            "nomer",
            "angka",
            "pukul",
            "jam",
            "tanggal",
            "halaman",
            "juara",
            "peringkat",
            "kelas",
            "tahun",
            "lantai",
            "babak",
            "ronde",
            "pasal",
            "ayat",
            "antara",
            "sekitar",
            "hanya",
            "sebanyak",
            "sejumlah",
            "ada",
            "dari",
            "atau",
            "dan",
            "sampai",
            "hingga");

    /**
     * Joins a name and its number written apart: {@code MEGA*88}, {@code MEGA 🔥 88}, {@code MEGA 8️⃣8️⃣} (a symbol
     * between the parts), and {@code MEGA delapan delapan} (two or more Indonesian digit words after a name).
     * Updates {@code raw} in place; returns the number of joins (each is an obfuscation signal).
     */
    private static int joinNameAndNumber(List<String> raw, boolean[] glued, boolean[] dotted, boolean[] tight) {
        int joins = 0;
        for (int i = 0; i + 1 < raw.size(); i++) {
            String name = raw.get(i);
            if (name.length() < 3 || !isAsciiLetter(name.charAt(0)) || !isAsciiLetter(name.charAt(2))) {
                continue;
            }
            StringBuilder digits = new StringBuilder();
            int j = i + 1;
            boolean symbol = glued[i];
            while (j < raw.size()
                    && digits.length() < 5
                    && isDigits(raw.get(j))
                    && (glued[j - 1] || glued[j] || symbol && raw.get(j).length() == 1)) {
                symbol |= glued[j];
                digits.append(raw.get(j));
                j++;
            }
            if (digits.length() == 0 && !COUNTED.contains(name) && DIGIT_WORDS.indexOf(name) < 0) {
                while (j < raw.size() && digits.length() < 5 && DIGIT_WORDS.indexOf(raw.get(j)) >= 0) {
                    digits.append((char) ('0' + DIGIT_WORDS.indexOf(raw.get(j))));
                    j++;
                }
                if (digits.length() < 2) {
                    continue;
                }
            }
            if (digits.length() < 1 || digits.length() > 4 || j == i + 1) {
                continue;
            }
            raw.set(i, name + digits);
            for (int k = j - 1; k > i; k--) {
                raw.remove(k);
                System.arraycopy(glued, k + 1, glued, k, glued.length - k - 1);
                System.arraycopy(dotted, k + 1, dotted, k, dotted.length - k - 1);
                System.arraycopy(tight, k + 1, tight, k, tight.length - k - 1);
            }
            joins++;
        }
        return joins;
    }

    private static boolean isDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return !t.isEmpty() && t.length() <= 4;
    }

    /** Four or more single letters or digits separated by dots only: M.E.G.A.8.8 (S.H., M.H. and U.S.A. stay apart). */
    private static boolean dottedRun(List<String> raw, boolean[] tight, int i) {
        int j = i;
        while (j < raw.size() && raw.get(j).length() == 1 && raw.get(j).charAt(0) < 128 && (j == i || tight[j - 1])) {
            j++;
        }
        return j - i >= 4;
    }

    /** Letters followed by a numeric suffix, like {@code mega88}, {@code visi4d}, {@code alexis17}, {@code slot777}. */
    static boolean isBrandLike(String t) {
        if (t.startsWith("rp") || t.startsWith("usd") || t.startsWith("idr")) {
            return false; // Rp400, USD100
        }
        int n = t.length();
        int i = 0;
        while (i < n && isAsciiLetter(t.charAt(i))) {
            i++;
        }
        if (i < 3 || i == n) {
            return false; // GA193, LQ45: flight numbers and index codes, not brands
        }
        int digitsStart = i;
        while (i < n && Character.isDigit(t.charAt(i))) {
            i++;
        }
        int digits = i - digitsStart;
        if (i == n) {
            return digits >= 2 && digits <= 4 && i >= 4;
        }
        return i == n - 1 && t.charAt(i) == 'd' && digits == 1;
    }

    /** Digits followed by a short letter suffix: a quantity or unit (4d, 10km, 2x), not leetspeak. */
    private static boolean isQuantity(String t) {
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0 || t.length() - i > 3) {
            return false;
        }
        for (int j = i; j < t.length(); j++) {
            if (!isAsciiLetter(t.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    private static boolean mixesLettersAndDigits(String t) {
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (isAsciiLetter(c)) {
                letter = true;
            }
        }
        return letter && digit;
    }

    private static String unleet(String t) {
        char[] out = t.toCharArray();
        for (int i = 0; i < out.length; i++) {
            switch (out[i]) {
                case '0' -> out[i] = 'o';
                case '1' -> out[i] = 'i';
                case '3' -> out[i] = 'e';
                case '4' -> out[i] = 'a';
                case '5' -> out[i] = 's';
                case '6', '9' -> out[i] = 'g';
                case '7' -> out[i] = 't';
                case '8' -> out[i] = 'b';
                case '2' -> out[i] = 'z';
                default -> {}
            }
        }
        return new String(out);
    }

    /** Endings of compound gambling brand names without digits: pulauwin, vikingtoto, mamajitu, garudahoki. */
    static final List<String> BRAND_ENDINGS = List.of("toto", "win", "jitu", "hoki", "slot", "gacor", "qq", "wd");

    /** Whether the syllable run ending at {@code last} spells a brand-like name (GA RU DA HO KI). */
    private static boolean endsLikeBrand(List<String> raw, int last) {
        String tail = raw.get(last);
        String before = last > 0 ? raw.get(last - 1) : "";
        String joined = before + tail;
        for (String e : BRAND_ENDINGS) {
            if (joined.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiLetters(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (!isAsciiLetter(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Code points spammers use to dodge filters and that real news text practically never contains. */
    static boolean isObfuscationCodePoint(int cp) {
        return (cp >= 0x1D400 && cp <= 0x1D7FF) // mathematical alphanumerics
                || (cp >= 0xFF10 && cp <= 0xFF5A) // full-width digits and letters
                || (cp >= 0x2460 && cp <= 0x24FF) // enclosed alphanumerics
                || (cp >= 0x1F100 && cp <= 0x1F1AF) // enclosed alphanumeric supplement (not flags)
                || (cp >= 0x1D00 && cp <= 0x1D2B) // small capitals
                || (cp >= 0x2070 && cp <= 0x209F) // super/subscripts
                || cp == 0x20E3; // keycap
    }

    private static String decompose(int cp) {
        if (cp < NFKD_BMP.length) {
            return NFKD_BMP[cp];
        }
        String one = new String(Character.toChars(cp));
        String d = Normalizer.normalize(one, Normalizer.Form.NFKD);
        return d.equals(one) ? null : d;
    }

    private static String[] nfkdTable() {
        String[] table = new String[0x10000];
        for (int c = 0x80; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String one = String.valueOf((char) c);
            String d = Normalizer.normalize(one, Normalizer.Form.NFKD);
            if (!d.equals(one)) {
                table[c] = d;
            }
        }
        return table;
    }

    private static Map<Integer, Character> confusables() {
        Map<Integer, Character> m = new HashMap<>();
        // Cyrillic lowercase and uppercase lookalikes
        put(
                m,
                "аa бb вb гr дd еe ёe жx зz иu йu кk лn мm нh оo пn рp сc тt уy фf хx цu чy шw щw ъb ыb ьb эe юo яr"
                        + " іi їi јj ѕs ԁd ԛq ԝw һh ӏl ғf ҡk ҫc үy");
        put(
                m,
                "АA БB ВB ГR ДD ЕE ЁE ЖX ЗZ ИU ЙU КK ЛN МM НH ОO ПN РP СC ТT УY ФF ХX ЦU ЧY ШW ЩW ЪB ЫB ЬB ЭE ЮO ЯR"
                        + " ІI ЇI ЈJ ЅS ԀD ԚQ ԜW ҺH ӀL");
        // Greek
        put(m, "αa βb γy δd εe ζz ηn θo ιi κk λl μu νv ξe οo πn ρp σo ςc τt υu φf χx ψw ωw");
        put(m, "ΑA ΒB ΓR ΔA ΕE ΖZ ΗH ΘO ΙI ΚK ΛA ΜM ΝN ΞE ΟO ΠN ΡP ΣE ΤT ΥY ΦF ΧX ΨW ΩW");
        // Latin small capitals and other IPA lookalikes that NFKD leaves alone
        put(m, "ᴀa ʙb ᴄc ᴅd ᴇe ꜰf ɢg ʜh ɪi ᴊj ᴋk ʟl ᴍm ɴn ᴏo ᴘp ʀr ꜱs ᴛt ᴜu ᴠv ᴡw ʏy ᴢz ɑa ɡg ɩi ʋv ıi ȷj ꞵb ɓb ɗd");
        // Hangul letters (compatibility and conjoining jamo) that look like Latin ones
        put(m, "ㅇo ㅁo ㅣi ㄴl ㄷc ㅌe ㅅa ㅜt ᄋo ᄆo ᅵi ᄂl ᄃc ᄐe ᄉa ᅮt ᆼo ᆫl");
        // Armenian and Cherokee lookalikes
        put(m, "օo սu հh ոn ցg զq աw Օo Սu Ꭺa Ᏼb Ꮯc Ꭼe Ꮐg Ꮋh Ꭻj Ꮶk Ꮮl Ꮇm Ꮲp Ꮪs Ꭲt Ꮩv Ꮃw Ꮓz");
        Map<Integer, Character> lower = new HashMap<>();
        for (Map.Entry<Integer, Character> e : m.entrySet()) {
            lower.put(e.getKey(), Character.toLowerCase(e.getValue()));
        }
        return Map.copyOf(lower);
    }

    private static void put(Map<Integer, Character> m, String pairs) {
        for (String p : pairs.split(" ")) {
            if (p.codePointCount(0, p.length()) == 2) {
                int cp = p.codePointAt(0);
                m.put(cp, p.charAt(p.length() - 1));
            }
        }
    }
}
