package dev.warta.enrich.clean;

import dev.warta.enrich.extract.DateParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boilerplate removal on page text (seed-style text pages and text extracted from HTML). Cuts navigation and
 * section labels, share / subscribe / app-download prompts, related-article links ("Baca juga", "Read next"),
 * advertisement and "scroll to continue" markers (also glued inside a paragraph), editor / photo / reporter
 * credits (returned in {@link Cleaned#credits()}), photo captions, comment widgets, browser-notification
 * instructions, religious or promotional blocks ("Yuk Ngaji" verses), footers and repeated title lines, and
 * keeps every story sentence. It finds the publication time the page states (a date line or byline near the top,
 * a "Diterbitkan"/"Published" label, a dateline prefix, or a title that is only a date) and never guesses from a
 * date inside a story sentence.
 *
 * <p>Works on lines with structural cues (short lines without sentence punctuation in runs before and after the
 * story, lines next to a photo credit) and Indonesian + English lexicons; no site-specific strings. Stateless and
 * thread-safe: {@code new TextCleaner().clean("Title", pageText).text()}.
 */
public final class TextCleaner {
    private static final int MAX_CHARS = 300_000;
    /** Line patterns are written in lower case and matched against the lower-cased line (much faster). */
    private static final int FLAGS = 0;

    private static final int GLUED_FLAGS = Pattern.CASE_INSENSITIVE;

    /** Markers that may be glued inside a paragraph; replaced by a line break. */
    private static final Pattern GLUED = Pattern.compile(
            "(?:(?:advertisement|iklan)\\s*[.·:|-]?\\s*)?scroll\\s+(?:down\\s+)?to\\s+(?:see|continue|read|view)"
                    + "(?:\\s+with)?(?:\\s+the)?(?:\\s+(?:content|reading|article|story))?",
            GLUED_FLAGS);

    private static final Pattern GLUED_AD = Pattern.compile(
            "(?<=[.!?\"”’)])[ \\t]*(?:ADVERTISEMENT|Advertisement|IKLAN|Iklan)[ \\t]*(?=\\p{Lu}|$)", Pattern.MULTILINE);
    private static final Pattern GLUED_RELATED = Pattern.compile(
            "(?<=[.!?\"”’)])[ \\t]*(?=(?:baca juga|read also|also read|read next|read more|lihat juga|simak juga)\\s*:)",
            GLUED_FLAGS);

    /** Whole lines that are never story text. */
    private static final Pattern JUNK_LINE = Pattern.compile(
            "^(?:"
                    + "advertisement|advertisment|iklan|ads?|sponsored|loading|memuat\\.*|comscore|aa text|aa|text|share|"
                    + "share this( article| story)?|bagikan|bagikan artikel ini|share on \\w+|tweet|email|print|cetak|"
                    + "copy link|salin link|komentar|comments?|\\d+ (komentar|comments?)|tulis komentar|lihat komentar|"
                    + "load more( comments)?|leave a (comment|reply)|berita lainnya|berita terkait|artikel terkait|"
                    + "related( articles| stories| news)?|more stories|recommended|trending|terpopuler|populer|"
                    + "most read|baca juga|read next|read more|lihat juga|selengkapnya|tag|tags|topik|topics|kanal|network|"
                    + "news update|live tv|follow|ikuti|follow us|ikuti kami|subscribe|berlangganan|newsletter|home|beranda|"
                    + "menu|search|cari|login|masuk|daftar|sign in|sign up|register|next|previous|sebelumnya|berikutnya|"
                    + "anda selesai\\.?|you('| a)re done\\.?|back to top|kembali ke atas|halaman \\d+|page \\d+( of \\d+)?|"
                    + "\\d+ / \\d+|video|foto|photo|gallery|galeri|scroll to continue with content|scroll to see content|"
                    + "reaksi|bagaimana reaksi anda\\??|bagaimana tanggapan anda mengenai artikel ini\\??|"
                    + "what do you think\\??|rate this article|beri rating"
                    + ")[\\s.:!|]*$",
            FLAGS);
    /** Prompts and footers anywhere in a line (share, subscribe, app download, notices, copyright). */
    private static final Pattern PROMO = Pattern.compile(
            "\\b(?:get|download|unduh|install|pasang)\\b.{0,40}\\b(?:app|apps|aplikasi)\\b"
                    + "|\\bfollow\\b.{0,40}\\b(?:whatsapp|telegram|google news|channel|instagram|twitter)\\b"
                    + "|\\bikuti\\b.{0,40}\\b(?:whatsapp|telegram|google news|saluran|channel|instagram)\\b"
                    + "|\\bklik (?:lebih lanjut|di ?sini|selengkapnya)\\b|\\bclick here\\b"
                    + "|\\bpowered by\\b|\\ball rights reserved\\b|\\bhak cipta\\b|©|\\bcopyright\\b"
                    + "|disajikan oleh advertiser|\\bsponsored content\\b|\\bkonten (?:ini )?(?:disponsori|bersponsor)\\b"
                    + "|\\b(?:sign up|subscribe) (?:for|to) (?:our|the)\\b|\\bberlangganan (?:newsletter|gratis)\\b"
                    + "|\\bsaksikan live\\b|\\bsimak video\\b|\\bsaksikan video\\b|\\btonton video\\b|\\bwatch (?:the )?video\\b"
                    + "|\\bmembuka kesempatan bagi anda yang ingin menjadi\\b|\\bdownload (?:now|sekarang)\\b"
                    + "|\\bcookie(?:s)? (?:policy|settings)\\b|\\bterms of (?:use|service)\\b|\\bprivacy policy\\b"
                    + "|\\bkebijakan privasi\\b|\\bpedoman media siber\\b"
                    + "|\\b(?:dapatkan|mendapatkan) (?:berita|update|info|notifikasi)\\w*\\b.{0,20}\\bterbaru\\b"
                    + "|\\bget the latest (?:news|updates|stories)\\b",
            FLAGS);
    /** Cheap substring checks before running {@link #PROMO} (a long alternation) on a line. */
    private static final String[] PROMO_TRIGGERS = {
        "app",
        "aplikasi",
        "follow",
        "ikuti",
        "klik",
        "click",
        "powered",
        "rights reserved",
        "hak cipta",
        "©",
        "copyright",
        "advertiser",
        "sponsor",
        "konten",
        "subscribe",
        "sign up",
        "berlangganan",
        "saksikan",
        "simak video",
        "tonton",
        "watch",
        "membuka kesempatan",
        "download",
        "cookie",
        "terms of",
        "privacy",
        "privasi",
        "pedoman",
        "terbaru",
        "latest"
    };

    private static final String[] GLUED_RELATED_TRIGGERS = {
        "baca juga", "read also", "also read", "read next", "read more", "lihat juga", "simak juga"
    };
    /** Related-article links: "Baca Juga: headline", "Read Next : headline". */
    private static final Pattern RELATED = Pattern.compile(
            "^(?:baca juga|read also|also read|read next|read more|lihat juga|simak juga|baca selengkapnya|berita terkait"
                    + "|artikel terkait|related|see also|baca|more)\\s*[:：-]\\s*(.*)$",
            FLAGS);
    /** Editor / reporter / photo / source credit lines. */
    private static final Pattern CREDIT = Pattern.compile(
            "^(?:\\(?(?:editor|editing|penyunting|penulis|reporter|pewarta|redaktur|fotografer|foto|photo|photos|"
                    + "image|gambar|video|videografer|kontributor|contributor|sumber|source|laporan|writer|"
                    + "reporting|writing|additional reporting|editor's note|catatan redaksi|copy ?editor|"
                    + "penerjemah|translator|ilustrasi|grafis|infografis|dok(?:umentasi)?)\\b(?:\\s+by)?\\s*[:：,]\\s*"
                    + "\\S.{0,160})$",
            FLAGS);

    private static final Pattern CREDIT_BY = Pattern.compile(
            "^(?:\\(?(?:reporting|writing|editing|additional reporting|compiled|photos?|video) by\\b.{1,200})$", FLAGS);
    /** Editor initials at the end of Indonesian articles: (FJR), (rdn/rdn), (nwy/ega). */
    private static final Pattern INITIALS =
            Pattern.compile("^\\(\\s*[A-Za-z]{2,5}(?:\\s*/\\s*[A-Za-z]{2,5}){0,3}\\s*\\)$");
    /** An inline photo credit at the end of a caption: "(Foto: Reuters)", "./AFP", "Foto: X/Y". */
    private static final Pattern INLINE_PHOTO = Pattern.compile(
            "(?:\\((?:foto|photo|image|gambar|dok|ilustrasi)\\s*:\\s*([^()]{1,80})\\)\\s*$)"
                    + "|(?:[.!?]\\s*/\\s*([\\p{L}][\\p{L} .&]{1,30})$)",
            FLAGS);

    private static final Pattern LIST_ITEM = Pattern.compile("^(?:\\(?\\d{1,3}[.)]|[-•*–])\\s*\\S.*");
    private static final Pattern PHOTO_CREDIT_LINE =
            Pattern.compile("^(?:foto|photo|image|gambar|ilustrasi|dok)\\s*[:：].*");
    private static final Pattern NOTIFICATION = Pattern.compile(
            "notifikasi|notification|push notif|izinkan notifikasi|allow notifications|setting browser|pengaturan/setting",
            FLAGS);
    private static final Pattern RELIGIOUS_HEADING = Pattern.compile(
            "^(?:yuk ngaji|ngaji hari ini|ayat hari ini|hadits? hari ini|hadis hari ini|doa hari ini|renungan hari ini"
                    + "|kutipan ayat|ayat pilihan|verse of the day|quote of the day|kata mutiara)\\b.*",
            FLAGS);
    private static final Pattern CITATION =
            Pattern.compile("^\\(?\\s*(?:qs|q\\.s|hr|h\\.r)\\.?\\s*[\\p{L}\\-' ]{1,40}.{0,40}\\)?$", FLAGS);
    private static final Pattern PUBLISHED_LABEL = Pattern.compile(
            "(?:diterbitkan|dipublikasikan|dipublikasi|terbit|published|posted|first published|publish|tayang)"
                    + "\\s*(?:on|pada|:)?\\s*:?",
            FLAGS);
    private static final Pattern UPDATED_LABEL =
            Pattern.compile("(?:updated|diperbarui|update|last modified)\\s*:?", FLAGS);
    private static final Pattern PERSON_NAME =
            Pattern.compile("^\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}$");
    private static final Pattern DASH_SPLIT = Pattern.compile("\\s+[-–—|]\\s+");
    private static final Set<String> FUNCTION_WORDS = Set.of(
            "dan", "di", "ke", "dari", "untuk", "yang", "dengan", "ini", "itu", "soal", "usai", "jadi", "atau", "pada",
            "dalam", "oleh", "akan", "the", "of", "and", "to", "in", "for", "on", "a", "an", "at", "by", "with", "vs",
            "hingga", "saat", "bagi", "tak", "tidak", "jelang");

    /** STORY: reads as prose; SHORT: heading-like line; LIST: numbered or bulleted item; DROP: cut. */
    private enum Kind {
        STORY,
        SHORT,
        LIST,
        DROP
    }

    /**
     * Removes what is not the article from the text of a plain-text page ({@code title} may be null): every rule,
     * the structural ones included (lines before the first and short lines after the last story line, runs of
     * short lines, repeated lines, captions next to photo credits). Never throws.
     */
    public Cleaned clean(String title, String text) {
        return clean(title, text, true);
    }

    /**
     * Removes what is not the article from text the HTML extractor already chose (paragraphs of the article
     * block): only line-by-line decisions (ads, prompts, credits, related links, notification and verse blocks,
     * date and byline lines at the top). The structural rules are left to the DOM, which sees lists, headings and
     * tables for what they are; here they would delete bullet lists, short headings and leads. Never throws.
     */
    public Cleaned cleanExtracted(String title, String text) {
        return clean(title, text, false);
    }

    private Cleaned clean(String title, String text, boolean plain) {
        try {
            return doClean(title, text, plain);
        } catch (RuntimeException | StackOverflowError e) {
            return new Cleaned(text == null ? "" : text.strip(), List.of(), null, null);
        }
    }

    /** The page text split into squeezed lines, their lower-case forms and each line's {@link Kind}. */
    private static final class Page {
        final String[] lines;
        final String[] lower;
        final Kind[] kind;
        /** Why a dropped line was dropped (null: kept, or dropped for no named reason). */
        final String[] why;

        final List<String> credits = new ArrayList<>();
        final String normTitle;
        int first = -1;
        int last = -1;
        String published;
        String rule;

        Page(String text, String title) {
            String[] raw = text.split("\n", -1);
            int n = raw.length;
            lines = new String[n];
            lower = new String[n];
            for (int i = 0; i < n; i++) {
                lines[i] = squeeze(raw[i]);
                lower[i] = lower(lines[i]);
            }
            kind = new Kind[n];
            why = new String[n];
            normTitle = title == null ? "" : key(title);
        }

        int size() {
            return lines.length;
        }

        void drop(int i, String reason) {
            kind[i] = Kind.DROP;
            why[i] = reason;
        }

        void findStory() {
            for (int i = 0; i < size(); i++) {
                if (kind[i] == Kind.STORY) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
        }
    }

    private Cleaned doClean(String title, String text, boolean plain) {
        if (text == null || text.isBlank()) {
            return new Cleaned("", List.of(), titleDate(title), titleDate(title) == null ? null : "title-line");
        }
        String t = unglue(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text);
        Page page = new Page(t, title);
        classifyLines(page, mostlyLatin(t));
        if (plain) {
            dropCaptionsBesidePhotoCredits(page);
        }
        page.findStory();
        String fromTitle = titleDate(title);
        if (fromTitle != null) {
            page.published = fromTitle;
            page.rule = "title-line";
        }
        findPublishedLabel(page);
        dropTop(page, plain);
        findDatelinePrefix(page);
        if (plain) {
            dropShortLinesAfterStory(page);
            dropShortRunsInStory(page);
        }
        List<Cleaned.Line> all = new ArrayList<>();
        return new Cleaned(
                join(page, plain, all), List.copyOf(dedupe(page.credits)), page.published, page.rule, List.copyOf(all));
    }

    /** Puts markers glued inside a paragraph (scroll prompts, ads, "Baca juga:") on lines of their own. */
    private static String unglue(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        String lowText = t.toLowerCase(Locale.ROOT);
        if (lowText.contains("scroll")) {
            t = GLUED.matcher(t).replaceAll("\n");
        }
        if (lowText.contains("advertisement") || lowText.contains("iklan")) {
            t = GLUED_AD.matcher(t).replaceAll("\n");
        }
        if (containsAny(lowText, GLUED_RELATED_TRIGGERS)) {
            t = GLUED_RELATED.matcher(t).replaceAll("\n");
        }
        return t;
    }

    /** Line by line: verse blocks, notification instructions, then {@link #classify} for the rest. */
    private void classifyLines(Page page, boolean latin) {
        boolean religious = false;
        boolean notification = false;
        String[] lines = page.lines;
        for (int i = 0; i < page.size(); i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                page.kind[i] = null;
                if (religious && nextNonEmptyIsStoryBlock(lines, i) && !nextIsCitation(lines, i)) {
                    religious = false;
                }
                continue;
            }
            if (RELIGIOUS_HEADING.matcher(page.lower[i]).matches()) {
                religious = true;
            }
            if (religious
                    || (latin && mostlyArabic(l))
                    || CITATION.matcher(page.lower[i]).matches()) {
                page.drop(i, "religious-block");
                continue;
            }
            if (l.length() < 200 && NOTIFICATION.matcher(page.lower[i]).find()) {
                notification = true;
                page.drop(i, "notification-prompt");
                continue;
            }
            if (notification) {
                if (l.length() < 120 && (LIST_ITEM.matcher(l).matches() || !isSentence(l) || l.contains("http"))) {
                    page.drop(i, "notification-prompt");
                    continue;
                }
                notification = false;
            }
            page.kind[i] = classify(l, page.lower[i], page.normTitle, page.credits, page.why, i);
        }
    }

    /** A short line right before or after a "Foto: ..." credit line is that photo's caption. */
    private static void dropCaptionsBesidePhotoCredits(Page page) {
        String[] lines = page.lines;
        int n = page.size();
        for (int i = 0; i < n; i++) {
            if (lines[i].isEmpty() || !isPhotoCredit(lines[i])) {
                continue;
            }
            for (int d = -1; d <= 1; d += 2) {
                int j = i + d;
                if (j >= 0
                        && j < n
                        && !lines[j].isEmpty()
                        && page.kind[j] != Kind.DROP
                        && lines[j].length() < 220
                        && !isPhotoCredit(lines[j])) {
                    page.drop(j, "photo-caption");
                }
            }
        }
    }

    /** A labelled publication line ("Diterbitkan: ...", "Published ...") in the first part of the page. */
    private static void findPublishedLabel(Page page) {
        int limit = Math.min(page.size(), page.first < 0 ? page.size() : Math.max(page.first + 15, 40));
        for (int i = 0; i < limit; i++) {
            String l = page.lines[i];
            if (l.isEmpty() || l.length() > 160) {
                continue;
            }
            Matcher lab = PUBLISHED_LABEL.matcher(page.lower[i]);
            if (lab.lookingAt()
                    || (lab.find()
                            && lab.start() < 40
                            && !UPDATED_LABEL.matcher(page.lower[i]).lookingAt())) {
                String d = DateParser.parseText(l.substring(lab.end()));
                if (d != null) {
                    page.published = d;
                    page.rule = "published-label";
                    page.drop(i, "dateline");
                    return;
                }
            }
        }
    }

    /**
     * Lines before the first story line: date lines (the first full one is the publication time) and bylines
     * are dropped; on a plain-text page every other line there (navigation, section labels) goes too.
     */
    private static void dropTop(Page page, boolean plain) {
        int topEnd = page.first < 0 ? page.size() : page.first;
        for (int i = 0; i < topEnd; i++) {
            if (page.lines[i].isEmpty() || page.kind[i] == Kind.DROP) {
                continue;
            }
            String l = page.lines[i];
            DateParser.Found f = l.length() <= 160 ? DateParser.find(l) : null;
            if (f != null && isDateLine(l, f, page.credits)) {
                if (page.published == null && f.iso() != null) {
                    page.published = f.iso();
                    page.rule = "dateline";
                }
                page.drop(i, "dateline");
                continue;
            }
            if (!plain) {
                continue;
            }
            if (PERSON_NAME.matcher(l).matches() && l.length() < 50 && !key(l).equals(page.normTitle)) {
                page.credits.add(l);
            }
            page.drop(i, "before-story");
        }
    }

    /** A date before the first dash of the lead ("Jakarta, 3/11/2025 - ...") is the publication time. */
    private static void findDatelinePrefix(Page page) {
        if (page.published != null || page.first < 0) {
            return;
        }
        String lead = page.lines[page.first];
        Matcher dash = DASH_SPLIT.matcher(lead);
        if (dash.find() && dash.start() < 100) {
            String d = DateParser.parseText(lead.substring(0, dash.start()));
            if (d != null) {
                page.published = d;
                page.rule = "dateline";
            }
        }
    }

    private static void dropShortLinesAfterStory(Page page) {
        if (page.last < 0) {
            return;
        }
        for (int i = page.last + 1; i < page.size(); i++) {
            if (page.kind[i] == Kind.SHORT) {
                page.drop(i, "after-story");
            }
        }
    }

    /** Runs of four or more short lines inside the story are navigation or link lists. */
    private static void dropShortRunsInStory(Page page) {
        Kind[] kind = page.kind;
        int last = page.last;
        for (int i = Math.max(0, page.first); i <= last && i >= 0; i++) {
            if (kind[i] != Kind.SHORT) {
                continue;
            }
            int j = i;
            int shortCount = 0;
            while (j <= last && (kind[j] == Kind.SHORT || page.lines[j].isEmpty() || kind[j] == Kind.DROP)) {
                if (kind[j] == Kind.SHORT) {
                    shortCount++;
                }
                j++;
            }
            if (shortCount >= 4) {
                for (int k = i; k < j; k++) {
                    if (kind[k] == Kind.SHORT) {
                        page.drop(k, "link-list");
                    }
                }
            }
            i = j;
        }
    }

    /**
     * The kept lines, one paragraph each; on a plain-text page a line seen before (the title repeated, a caption
     * twice) is dropped.
     */
    private static String join(Page page, boolean plain, List<Cleaned.Line> all) {
        Set<String> seen = new HashSet<>();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < page.size(); i++) {
            if (page.lines[i].isEmpty()) {
                continue;
            }
            if (page.kind[i] == Kind.DROP) {
                all.add(new Cleaned.Line(page.lines[i], page.why[i] == null ? "boilerplate" : page.why[i]));
                continue;
            }
            if (plain && !seen.add(page.lower[i]) && page.lines[i].length() < 300) {
                all.add(new Cleaned.Line(page.lines[i], "repeated-line"));
                continue;
            }
            all.add(new Cleaned.Line(page.lines[i], null));
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append(page.lines[i]);
        }
        return out.toString();
    }

    private Kind classify(String l, String low, String normTitle, List<String> credits, String[] why, int i) {
        if (!normTitle.isEmpty() && low.equals(normTitle)) {
            return drop(why, i, "title-repeat");
        }
        if (JUNK_LINE.matcher(low).matches()) {
            return drop(why, i, "page-furniture");
        }
        if (l.length() < 250 && RELATED.matcher(low).matches()) {
            return drop(why, i, "related-link");
        }
        if (l.length() < 220
                && (CREDIT.matcher(low).matches() || CREDIT_BY.matcher(low).matches())) {
            credits.add(l);
            return drop(why, i, "credit");
        }
        if (INITIALS.matcher(l).matches()) {
            credits.add(l);
            return drop(why, i, "credit");
        }
        Matcher photo = INLINE_PHOTO.matcher(low);
        if (l.length() < 300 && photo.find()) {
            int g = photo.group(1) != null ? 1 : 2;
            credits.add("Foto: " + l.substring(photo.start(g), photo.end(g)).strip());
            return drop(why, i, "photo-credit");
        }
        if (l.length() < (isSentence(l) ? 220 : 400)
                && containsAny(low, PROMO_TRIGGERS)
                && PROMO.matcher(low).find()) {
            return drop(why, i, "promo-prompt");
        }
        if (isSectionLabel(l)) {
            return drop(why, i, "section-label");
        }
        if (isSentence(l)) {
            return Kind.STORY;
        }
        return LIST_ITEM.matcher(l).matches() || l.startsWith("-") ? Kind.LIST : Kind.SHORT;
    }

    private static Kind drop(String[] why, int i, String reason) {
        why[i] = reason;
        return Kind.DROP;
    }

    private static boolean isSectionLabel(String l) {
        if (l.length() > 30 || !Character.isLetter(l.charAt(0)) || l.indexOf(' ') > 0 && l.split(" ").length > 3) {
            return false;
        }
        boolean letters = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters && !endsSentence(l);
    }

    /** A line that reads as story text: enough words and sentence punctuation. */
    private static boolean isSentence(String l) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < l.length() && words < 8; i++) {
            boolean w = Character.isLetterOrDigit(l.charAt(i));
            if (w && !inWord) {
                words++;
            }
            inWord = w;
        }
        if (words < 6) {
            words += ideographs(l) / 2;
        }
        boolean punct = endsSentence(l) || l.indexOf(". ") > 0;
        return punct && (words >= 6 || (words >= 2 && (l.startsWith("\"") || l.startsWith("“"))));
    }

    private static boolean endsSentence(String l) {
        int i = l.length() - 1;
        while (i >= 0 && Character.isWhitespace(l.charAt(i))) {
            i--;
        }
        return i >= 0 && ".!?…\"”’)»:;。！？」।॥؟".indexOf(l.charAt(i)) >= 0;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static int ideographs(String l) {
        int n = 0;
        for (int i = 0; i < l.length(); i++) {
            Character.UnicodeScript sc = Character.UnicodeScript.of(l.charAt(i));
            if (sc == Character.UnicodeScript.HAN
                    || sc == Character.UnicodeScript.HIRAGANA
                    || sc == Character.UnicodeScript.KATAKANA
                    || sc == Character.UnicodeScript.THAI) {
                n++;
            }
        }
        return n;
    }

    private static boolean isPhotoCredit(String l) {
        return l.length() < 200 && PHOTO_CREDIT_LINE.matcher(lower(l)).matches();
    }

    private static boolean isDateLine(String l, DateParser.Found f, List<String> credits) {
        String rest = (l.substring(0, f.start()) + " " + l.substring(f.end())).strip();
        rest = rest.replaceAll("^[\\s,|•·:\\-–—]+|[\\s,|•·:\\-–—]+$", "");
        if (rest.isEmpty()) {
            return true;
        }
        String lowRest = lower(rest);
        Matcher label = PUBLISHED_LABEL.matcher(lowRest);
        String noLabel = label.find() ? (rest.substring(0, label.start()) + rest.substring(label.end())).strip() : rest;
        if (noLabel.isEmpty() || UPDATED_LABEL.matcher(lowRest).matches()) {
            return true;
        }
        if (PERSON_NAME.matcher(noLabel).matches() && noLabel.length() < 60) {
            credits.add(noLabel);
            return true;
        }
        return rest.length() < 25 && !isSentence(l);
    }

    private static String titleDate(String title) {
        if (title == null || title.isBlank() || title.length() > 80) {
            return null;
        }
        DateParser.Found f = DateParser.find(title);
        if (f == null) {
            return null;
        }
        String rest = (title.substring(0, f.start()) + title.substring(f.end())).replaceAll("[\\s,|•·:\\-–—()]", "");
        return rest.length() <= 3 ? f.iso() : null;
    }

    private static boolean nextNonEmptyIsStoryBlock(String[] lines, int blank) {
        for (int i = blank + 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                return isSentence(lines[i])
                        && !CITATION.matcher(lower(lines[i])).matches()
                        && !mostlyArabic(lines[i]);
            }
        }
        return false;
    }

    private static boolean nextIsCitation(String[] lines, int blank) {
        for (int i = blank + 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                return CITATION.matcher(lower(lines[i])).matches();
            }
        }
        return false;
    }

    private static boolean mostlyLatin(String t) {
        int latin = 0;
        int letters = 0;
        int limit = Math.min(t.length(), 20_000);
        for (int i = 0; i < limit; i++) {
            char c = t.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (c < 0x250) {
                    latin++;
                }
            }
        }
        return letters > 0 && latin * 2 > letters;
    }

    private static boolean mostlyArabic(String l) {
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isLetter(c) || (c >= 0x0600 && c <= 0x06FF)) {
                letters++;
                if ((c >= 0x0600 && c <= 0x06FF)
                        || (c >= 0x0750 && c <= 0x077F)
                        || (c >= 0x08A0 && c <= 0x08FF)
                        || (c >= 0xFB50 && c <= 0xFDFF)
                        || (c >= 0xFE70 && c <= 0xFEFF)) {
                    arabic++;
                }
            }
        }
        return letters > 0 && arabic * 2 > letters;
    }

    /** Collapses runs of spaces (no-break and zero-width ones too) to one space and strips. */
    private static String squeeze(String s) {
        StringBuilder sb = null;
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = c == ' '
                    || c == '\t'
                    || c == '\u00A0'
                    || (c >= '\u2000' && c <= '\u200B')
                    || c == '\u202F'
                    || c == '\u205F'
                    || c == '\u3000'
                    || c == '\uFEFF'
                    || Character.isWhitespace(c);
            if (ws) {
                space = true;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
            } else if (space) {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        return sb == null ? "" : sb.toString();
    }

    /** Lower case, char by char, so positions match the original string. */
    private static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    private static String key(String s) {
        return lower(squeeze(s));
    }

    private static List<String> dedupe(List<String> in) {
        List<String> out = new ArrayList<>();
        for (String s : in) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
