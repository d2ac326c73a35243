package dev.warta.enrich.ner.en;

import dev.warta.enrich.lang.LanguageDetector;
import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Gazetteer;
import dev.warta.enrich.ner.Mention;
import dev.warta.enrich.ner.names.WorldNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes text to the tagger of its language (English: {@link EnglishTagger}; anything else: the Indonesian
 * {@link EntityTagger}) and gives each entity of an article one canonical name across languages and taggers: the
 * gazetteer's name ("AS", "U.S." → "United States"; "Sergei Lavrov" → "Sergey Lavrov"), else the English name
 * of a country, capital or city ({@link WorldNames}: "Jenewa" → "Geneva"), else within the article the fullest
 * form of a person ("Blinken" → "Antony Blinken"), with possessives dropped and capitals (datelines) in their
 * ordinary spelling.
 */
public final class Bilingual {
    private Bilingual() {}

    /**
     * Whether one tokenized sentence goes to the English tagger. The choice is between two taggers, so common
     * function words of English and Indonesian/Malay decide first (short sentences fool a 75-language detector:
     * "LONDON 1996-08-30" reads as Tagalog), an Indonesian one counting double (Indonesian text quotes English titles
     * and names: "Descendants of the Sun" tayang di KBS); without them, the language detector's verdict: English
     * unless it says Indonesian, Malay or a regional language of Indonesia. Text without capitals goes to the
     * Indonesian tagger, which learnt lowercased news; the English one knows only cased text.
     */
    public static boolean english(List<String> tokens) {
        int en = 0;
        int id = 0;
        boolean upper = false;
        for (String t : tokens) {
            String l = t.toLowerCase(Locale.ROOT);
            upper |= !l.equals(t);
            en += EN_WORDS.contains(l) ? 1 : 0;
            id += ID_WORDS.contains(l) ? 2 : 0;
        }
        if (!upper) {
            return false;
        }
        if (en != id) {
            return en > id;
        }
        return !INDONESIAN.contains(
                LanguageDetector.load().detect(String.join(" ", tokens)).code());
    }

    private static final Set<String> EN_WORDS = Set.of(
            "the", "of", "and", "to", "in", "is", "was", "for", "on", "with", "said", "at", "by", "from", "that", "it",
            "he", "his", "has", "have", "are", "were", "be", "will", "after", "an", "as", "which", "who", "their",
            "this", "would", "not", "but", "they", "its", "been", "had", "she", "her", "we", "than", "against", "over",
            "into", "won", "beat", "told");
    private static final Set<String> ID_WORDS = Set.of(
            "yang",
            "dan",
            "di",
            "dengan",
            "untuk",
            "adalah",
            "dari",
            "ini",
            "itu",
            "pada",
            "dalam",
            "ke",
            "tidak",
            "akan",
            "juga",
            "oleh",
            "sebagai",
            "karena",
            "atau",
            "saat",
            "usai",
            "menurut",
            "bagi",
            "para",
            "seorang",
            "sebuah",
            "telah",
            "sudah",
            "bisa",
            "dapat",
            "tersebut",
            "kata",
            "mereka",
            "kami",
            "kita",
            "ia",
            "dia",
            "namun",
            "tetapi",
            "bahwa",
            "ada",
            "lebih",
            "hingga",
            "sejak",
            "antara",
            "tahun",
            "bulan",
            "masih",
            "setelah",
            "kepada",
            "serta",
            "jadi",
            "bukan",
            "seperti",
            "ketika",
            "merupakan",
            "lalu",
            "sekaligus",
            "tengah",
            "yakni",
            "yaitu",
            "kemudian",
            "sementara",
            "agar",
            "jika",
            "kalau",
            "maka",
            "pun",
            "sangat",
            "hanya",
            "baru",
            "tak",
            "belum",
            "pernah",
            "terhadap",
            "tentang",
            "melalui",
            "secara",
            "sampai",
            "bersama",
            "akibat",
            "sehingga",
            "setiap",
            "semua",
            "banyak",
            "salah",
            "satu",
            "milik",
            "tayang");
    /** Languages the Indonesian tagger serves. */
    private static final Set<String> INDONESIAN =
            Set.of("id", "ms", "jv", "su", "min", "bug", "bbc", "nij", "ban", "ace", "bjn", "mad");

    /**
     * Entities of an article's paragraphs (joined by blank lines, as {@code String.join("\n\n", paragraphs)}): each
     * run of consecutive paragraphs in one language is tagged by that language's tagger; a paragraph without a
     * language of its own ({@code und}) takes {@code documentLanguage}. Offsets are into the joined text.
     */
    public static List<Mention> tag(
            EntityTagger indonesian, List<String> paragraphs, List<String> languages, String documentLanguage) {
        List<Mention> out = new ArrayList<>();
        int offset = 0;
        int i = 0;
        while (i < paragraphs.size()) {
            boolean en = isEnglish(languages, i, documentLanguage);
            int j = i + 1;
            while (j < paragraphs.size() && isEnglish(languages, j, documentLanguage) == en) {
                j++;
            }
            String run = String.join("\n\n", paragraphs.subList(i, j));
            List<Mention> found = en ? EnglishTagger.load().tag(run) : indonesian.tag(run);
            for (Mention m : found) {
                out.add(new Mention(
                        m.text(), m.type(), m.start() + offset, m.end() + offset, m.canonical(), m.wikidataId()));
            }
            offset += run.length() + 2;
            i = j;
        }
        return canonical(out, indonesian.gazetteer());
    }

    private static boolean isEnglish(List<String> languages, int i, String documentLanguage) {
        String code = i < languages.size() ? languages.get(i) : null;
        if (code == null || code.equals("und")) {
            code = documentLanguage;
        }
        return "en".equals(code);
    }

    /** One canonical name per entity across the mentions of one article (see the class comment). */
    public static List<Mention> canonical(List<Mention> mentions, Gazetteer gazetteer) {
        List<Mention> named = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String surface = withoutPossessive(m.canonical());
            Gazetteer.Entry e = gazetteer.lookup(surface);
            if (e != null) {
                named.add(new Mention(m.text(), e.type(), m.start(), m.end(), e.canonical(), e.wikidataId()));
                continue;
            }
            String world = WorldNames.shared().canonical(surface);
            String canonical =
                    world != null ? world : allCaps(surface) && letters(surface) > 4 ? titleCase(surface) : surface;
            named.add(new Mention(m.text(), m.type(), m.start(), m.end(), canonical, m.wikidataId()));
        }
        // a person's single name part is that person's fullest name in the article ("Blinken" -> "Antony Blinken")
        Map<String, Mention> byPart = new HashMap<>();
        for (Mention m : named) {
            if (m.type().equals("PERSON") && m.canonical().indexOf(' ') > 0) {
                String[] parts = m.canonical().split(" ");
                byPart.putIfAbsent(parts[parts.length - 1].toLowerCase(Locale.ROOT), m);
                byPart.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), m);
            }
        }
        List<Mention> out = new ArrayList<>(named.size());
        for (Mention m : named) {
            Mention full = m.canonical().indexOf(' ') < 0
                            && m.wikidataId() == null
                            && !m.type().equals("LOCATION")
                    ? byPart.get(m.canonical().toLowerCase(Locale.ROOT))
                    : null;
            out.add(
                    full == null
                            ? m
                            : new Mention(m.text(), "PERSON", m.start(), m.end(), full.canonical(), full.wikidataId()));
        }
        return out;
    }

    static String withoutPossessive(String s) {
        if (s.length() > 2 && (s.endsWith("'s") || s.endsWith("’s") || s.endsWith("'S") || s.endsWith("’S"))) {
            return s.substring(0, s.length() - 2).strip();
        }
        return s;
    }

    private static boolean allCaps(String s) {
        return s.chars().noneMatch(Character::isLowerCase) && s.chars().anyMatch(Character::isUpperCase);
    }

    private static int letters(String s) {
        return (int) s.chars().filter(Character::isLetter).count();
    }

    /** "NEW YORK" → "New York". */
    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }
}
