package dev.warta.enrich.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses publication dates written by machines (JSON-LD, meta tags, {@code <time datetime>}) and by people
 * (Indonesian and English day and month names, {@code (29/7/2022)}, {@code 28/07/2022 15:44}, {@code WIB}/{@code
 * WITA}/{@code WIT}, {@code GMT+7}). Output is ISO-8601 with offset, e.g. {@code 2022-07-28T15:44:00+07:00}.
 *
 * <p>Conventions: a value is only produced when the date, the time of day and the offset are all known. The
 * offset is the one written with the date, or else the page's own zone passed by the caller ({@code pageZone}:
 * evidence found elsewhere on the same page, see {@link #statedZone}). A time without any known zone, and a date
 * without a time ({@code Jumat (29/7/2022)}, {@code 2022-07-28}), give null rather than an invented midnight or UTC:
 * the publishedAt field promises ISO-8601 <em>with offset</em>, so a guessed instant would be a wrong fact.
 * {@link #find} still reports the span of such a date (with a null {@code iso}) so callers can strip date lines.
 * Numeric dates are day-first ({@code 5/7/2022} is 5 July) unless the second number cannot be a month
 * ({@code 7/28/2022} is 28 July). Years outside 1990..2100 are rejected. Unparsable input gives null, never an
 * exception. Only the first 20,000 characters of a text are scanned.
 *
 * <p>Stateless and thread-safe: {@code DateParser.parseMachine("2022-07-28T15:44:00+0700")}.
 */
public final class DateParser {
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final int MAX_SCAN = 20_000;

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, ZoneOffset> ZONES = new HashMap<>();

    static {
        String[][] months = {
            {"januari", "january", "jan"},
            {"februari", "february", "feb", "pebruari"},
            {"maret", "march", "mar"},
            {"april", "apr"},
            {"mei", "may"},
            {"juni", "june", "jun"},
            {"juli", "july", "jul"},
            {"agustus", "august", "aug", "agu", "agt", "ags"},
            {"september", "sep", "sept"},
            {"oktober", "october", "oct", "okt"},
            {"november", "nov", "nop", "nopember"},
            {"desember", "december", "dec", "des"}
        };
        for (int i = 0; i < months.length; i++) {
            for (String m : months[i]) {
                MONTHS.put(m, i + 1);
            }
        }
        ZONES.put("wib", ZoneOffset.ofHours(7));
        ZONES.put("wita", ZoneOffset.ofHours(8));
        ZONES.put("wit", ZoneOffset.ofHours(9));
        ZONES.put("utc", ZoneOffset.UTC);
        ZONES.put("gmt", ZoneOffset.UTC);
        ZONES.put("z", ZoneOffset.UTC);
        ZONES.put("est", ZoneOffset.ofHours(-5));
        ZONES.put("edt", ZoneOffset.ofHours(-4));
        ZONES.put("cst", ZoneOffset.ofHours(-6));
        ZONES.put("cdt", ZoneOffset.ofHours(-5));
        ZONES.put("pst", ZoneOffset.ofHours(-8));
        ZONES.put("pdt", ZoneOffset.ofHours(-7));
        ZONES.put("bst", ZoneOffset.ofHours(1));
        ZONES.put("cet", ZoneOffset.ofHours(1));
        ZONES.put("cest", ZoneOffset.ofHours(2));
        ZONES.put("ist", ZoneOffset.ofHoursMinutes(5, 30));
        ZONES.put("sgt", ZoneOffset.ofHours(8));
        ZONES.put("myt", ZoneOffset.ofHours(8));
        ZONES.put("aest", ZoneOffset.ofHours(10));
        ZONES.put("aedt", ZoneOffset.ofHours(11));
    }

    private static final String MONTH_RE =
            "(januari|january|februari|february|pebruari|maret|march|april|mei|may|juni|june|"
                    + "juli|july|agustus|august|september|oktober|october|nopember|november|desember|december|"
                    + "jan|feb|mar|apr|jun|jul|aug|agu|agt|ags|sept|sep|oct|okt|nov|nop|dec|des)\\.?";
    private static final String DAY_RE =
            "(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
                    + "thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\\.?";
    private static final String TIME_RE =
            "(?:[,\\s\\-|/•·]+(?:pukul|pkl\\.?|jam|at|um)?\\s*(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?"
                    + "(?:\\s*([ap])\\.?m\\.?)?)?";
    private static final String ZONE_RE =
            "(?:\\s*\\(?\\s*(wib|wita|wit|utc|gmt|est|edt|cst|cdt|pst|pdt|bst|cest|cet|ist|sgt|myt|aest|aedt)"
                    + "\\s*([+-]\\s*\\d{1,2}(?::?\\d{2})?)?\\)?(?![\\p{L}]))?";

    /** 29 Juli 2022, Jumat, 29 Juli 2022 15:44 WIB, 3 Dec 2021 20:16 WIB. */
    private static final Pattern DMY_NAME = Pattern.compile(
            "(?<![\\p{L}\\d])(?:" + DAY_RE + "[,\\s]*)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_RE
                    + ",?\\s+(\\d{4})(?!\\d)" + TIME_RE + ZONE_RE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** July 28, 2022 3:44 PM EDT. */
    private static final Pattern MDY_NAME = Pattern.compile(
            "(?<![\\p{L}\\d])(?:" + DAY_RE + "[,\\s]*)?" + MONTH_RE
                    + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)" + TIME_RE + ZONE_RE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** 28/07/2022 15:44, (29/7/2022), 28-07-2022, 28.07.2022. */
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d/.\\-])(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})(?![\\d/])" + TIME_RE + ZONE_RE,
            Pattern.CASE_INSENSITIVE);
    /** 2022-07-28 15:44 in running text. */
    private static final Pattern ISO_TEXT =
            Pattern.compile("(?<![\\d])(\\d{4})-(\\d{2})-(\\d{2})(?:[T\\s](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?"
                    + "\\s*(Z|[+-]\\d{2}:?\\d{2})?(?![\\d])");
    /** 2022-07-28T15:44:00.000+0700 and friends (machine dates). */
    private static final Pattern ISO_MACHINE =
            Pattern.compile("\\s*(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?\\s*");

    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    /** A time of day followed by a numeric offset or Z: 10:15:00+07:00, 10:15Z. */
    private static final Pattern STATED_OFFSET =
            Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,9})?\\s?(Z|[+-]\\d{2}:?\\d{2})(?![\\d:])");
    /** Indonesian zone names, which also tell the zone of other times on the same page. */
    private static final Pattern STATED_NAME = Pattern.compile("(?<![\\p{L}])(WIB|WITA|WIT)(?![\\p{L}])");
    /** Marks a date that is valid but lacks a time or a zone (internal; never returned). */
    private static final String UNRESOLVED = "";

    private DateParser() {}

    /** A date found in text: ISO-8601 value and its character span. */
    public record Found(String iso, int start, int end) {}

    /**
     * Parses a machine-written date: ISO-8601 variants ({@code 2022-07-28T15:44:00Z}, {@code 2022-07-28 15:44:00+0700},
     * {@code 20220728}), epoch seconds or millis, or else any human form {@link #find} understands (RFC 1123 too).
     * Returns null when nothing parses.
     */
    public static String parseMachine(String s) {
        return parseMachine(s, null);
    }

    /**
     * As {@link #parseMachine(String)}, taking {@code pageZone} (may be null) as the offset of a date-time that does
     * not state one.
     */
    public static String parseMachine(String s, ZoneOffset pageZone) {
        if (s == null) {
            return null;
        }
        String v = s.strip();
        if (v.isEmpty() || v.length() > 200) {
            return null;
        }
        Matcher m = ISO_MACHINE.matcher(v);
        if (m.matches()) {
            String iso = build(
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    null,
                    m.group(7),
                    isoZone(m.group(7)),
                    pageZone);
            return iso == null || iso.isEmpty() ? null : iso;
        }
        if (EPOCH.matcher(v).matches()) {
            long n = Long.parseLong(v);
            long secs = v.length() == 13 ? n / 1000 : n;
            OffsetDateTime t = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(secs), ZoneOffset.UTC);
            return t.getYear() >= 1990 && t.getYear() <= 2100 ? OUT.format(t) : null;
        }
        Found f = find(v, pageZone);
        return f == null ? null : f.iso();
    }

    /** Parses the first date in {@code text} or returns null (also when that date lacks a time or a zone). */
    public static String parseText(String text) {
        return parseText(text, null);
    }

    /** As {@link #parseText(String)}, with {@code pageZone} (may be null) for a time written without a zone. */
    public static String parseText(String text, ZoneOffset pageZone) {
        Found f = find(text, pageZone);
        return f == null ? null : f.iso();
    }

    /**
     * The first (leftmost) date written in {@code text} (scans at most the first 20,000 characters), or null. Its
     * {@code iso} is null when the date has no time or no stated zone.
     */
    public static Found find(String text) {
        return find(text, null);
    }

    /** As {@link #find(String)}, with {@code pageZone} (may be null) for a time written without a zone. */
    public static Found find(String text, ZoneOffset pageZone) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        CharSequence s = text.length() > MAX_SCAN ? text.subSequence(0, MAX_SCAN) : text;
        Found best = null;
        best = earlier(best, findDmy(s, pageZone));
        best = earlier(best, findMdy(s, pageZone));
        best = earlier(best, findNumeric(s, pageZone));
        best = earlier(best, findIso(s, pageZone));
        return best;
    }

    /**
     * The zone stated in {@code text}: the offset after a time ({@code 10:15:00+07:00}, {@code 10:15Z}) or an
     * Indonesian zone name ({@code WIB}, {@code WITA}, {@code WIT}); null when none (first 20,000 characters).
     * Used to gather a page's own zone evidence from its meta tags and date lines.
     */
    public static ZoneOffset statedZone(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        CharSequence s = text.length() > MAX_SCAN ? text.subSequence(0, MAX_SCAN) : text;
        Matcher m = STATED_OFFSET.matcher(s);
        if (m.find()) {
            ZoneOffset z = isoZone(m.group(1));
            if (z != null) {
                return z;
            }
        }
        Matcher n = STATED_NAME.matcher(s);
        return n.find() ? ZONES.get(n.group(1).toLowerCase(Locale.ROOT)) : null;
    }

    private static Found found(String iso, Matcher m) {
        return new Found(iso.isEmpty() ? null : iso, m.start(), m.end());
    }

    private static Found earlier(Found a, Found b) {
        if (a == null) {
            return b;
        }
        return b != null && b.start() < a.start() ? b : a;
    }

    private static Found findDmy(CharSequence s, ZoneOffset pageZone) {
        Matcher m = DMY_NAME.matcher(s);
        while (m.find()) {
            String iso = human(m.group(3), month(m.group(2)), m.group(1), m, 4, pageZone);
            if (iso != null) {
                return found(iso, m);
            }
        }
        return null;
    }

    private static Found findMdy(CharSequence s, ZoneOffset pageZone) {
        Matcher m = MDY_NAME.matcher(s);
        while (m.find()) {
            String iso = human(m.group(3), month(m.group(1)), m.group(2), m, 4, pageZone);
            if (iso != null) {
                return found(iso, m);
            }
        }
        return null;
    }

    private static Found findNumeric(CharSequence s, ZoneOffset pageZone) {
        Matcher m = NUMERIC.matcher(s);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int day = a;
            int month = b;
            if (b > 12 && a <= 12) {
                day = b;
                month = a;
            }
            String iso = human(m.group(4), month, Integer.toString(day), m, 5, pageZone);
            if (iso != null) {
                return found(iso, m);
            }
        }
        return null;
    }

    private static Found findIso(CharSequence s, ZoneOffset pageZone) {
        Matcher m = ISO_TEXT.matcher(s);
        while (m.find()) {
            String iso = build(
                    m.group(1),
                    m.group(2),
                    m.group(3),
                    m.group(4),
                    m.group(5),
                    m.group(6),
                    null,
                    m.group(7),
                    isoZone(m.group(7)),
                    pageZone);
            if (iso != null) {
                return found(iso, m);
            }
        }
        return null;
    }

    private static int month(String name) {
        Integer m = MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
        return m == null ? -1 : m;
    }

    /** Groups from {@code first}: hour, minute, second, am/pm, zone name, zone offset. */
    private static String human(String year, int month, String day, Matcher m, int first, ZoneOffset pageZone) {
        if (month < 1) {
            return null;
        }
        ZoneOffset zone = null;
        String zoneName = m.group(first + 4);
        if (zoneName != null) {
            zone = ZONES.getOrDefault(zoneName.toLowerCase(Locale.ROOT), ZoneOffset.UTC);
            String extra = m.group(first + 5);
            if (extra != null) {
                ZoneOffset off = offset(extra.replace(" ", ""));
                if (off == null) {
                    return null;
                }
                zone = ZoneOffset.ofTotalSeconds(zone.getTotalSeconds() + off.getTotalSeconds());
            }
        }
        return build(
                year,
                Integer.toString(month),
                day,
                m.group(first),
                m.group(first + 1),
                m.group(first + 2),
                m.group(first + 3),
                zoneName,
                zone,
                pageZone);
    }

    private static ZoneOffset isoZone(String z) {
        if (z == null) {
            return null;
        }
        if (z.equalsIgnoreCase("Z") || z.equalsIgnoreCase("UTC") || z.equalsIgnoreCase("GMT")) {
            return ZoneOffset.UTC;
        }
        return offset(z);
    }

    /** +7, +07, +0700, +07:00, -05:30. */
    private static ZoneOffset offset(String z) {
        try {
            int sign = z.charAt(0) == '-' ? -1 : 1;
            String digits = z.substring(1).replace(":", "");
            int h;
            int min = 0;
            if (digits.length() <= 2) {
                h = Integer.parseInt(digits);
            } else {
                h = Integer.parseInt(digits.substring(0, digits.length() - 2));
                min = Integer.parseInt(digits.substring(digits.length() - 2));
            }
            return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The ISO value, null for an impossible date or a stated zone that does not parse, {@link #UNRESOLVED} for a valid
     * date without a time or without any zone ({@code zoneText} is the zone as written, null when none).
     */
    private static String build(
            String year,
            String month,
            String day,
            String hour,
            String minute,
            String second,
            String ampm,
            String zoneText,
            ZoneOffset stated,
            ZoneOffset pageZone) {
        if (zoneText != null && stated == null) {
            return null;
        }
        ZoneOffset zone = zoneText != null ? stated : pageZone;
        try {
            int y = Integer.parseInt(year);
            if (y < 1990 || y > 2100) {
                return null;
            }
            LocalDate date = LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
            int h = hour == null ? 0 : Integer.parseInt(hour);
            int mi = minute == null ? 0 : Integer.parseInt(minute);
            int se = second == null ? 0 : Integer.parseInt(second);
            if (ampm != null) {
                if (h < 1 || h > 12) {
                    return null;
                }
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                h = h % 12 + (pm ? 12 : 0);
            }
            LocalDateTime t = date.atTime(h, mi, se);
            if (hour == null || zone == null) {
                return UNRESOLVED;
            }
            return OUT.format(t.atOffset(zone));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
