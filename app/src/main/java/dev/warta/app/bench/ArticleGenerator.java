package dev.warta.app.bench;

import java.util.SplittableRandom;

/**
 * Generates news-like articles (Indonesian or English, a title line, paragraphs separated by blank lines) from
 * word lists written for warta: deterministic for a seed and an index, diverse enough that two articles are not
 * near-duplicates. For benchmarks only; the text is plausible, not true.
 */
public final class ArticleGenerator {
    private static final String[] PERSONS = {
        "Budi Santoso",
        "Siti Rahmawati",
        "Agus Wibowo",
        "Dewi Lestari",
        "Joko Susilo",
        "Rina Marlina",
        "Hendra Gunawan",
        "Maria Fernandez",
        "John Carter",
        "Emily Watson",
        "Ahmad Fauzi",
        "Putri Ayu",
        "Bambang Hartono",
        "Lukas Wijaya",
        "Sarah Mitchell",
        "Yusuf Hidayat"
    };
    private static final String[] ORGS = {
        "Kementerian Keuangan",
        "Bank Indonesia",
        "Pertamina",
        "DPR",
        "Kementerian Kesehatan",
        "PT Kereta Api Indonesia",
        "Badan Pusat Statistik",
        "Universitas Gadjah Mada",
        "the World Bank",
        "the Ministry of Transport",
        "Garuda Indonesia",
        "the central bank",
        "KPK",
        "BMKG"
    };
    private static final String[] PLACES = {
        "Jakarta",
        "Surabaya",
        "Bandung",
        "Medan",
        "Makassar",
        "Yogyakarta",
        "Semarang",
        "Denpasar",
        "Balikpapan",
        "Palembang",
        "Pontianak",
        "Manado",
        "Kupang",
        "Jayapura",
        "Singapore"
    };
    private static final String[] ID_TOPICS = {
        "harga beras",
        "proyek jalan tol",
        "banjir musiman",
        "inflasi",
        "ekspor batu bara",
        "vaksinasi anak",
        "tarif listrik",
        "pembangunan bandara",
        "program makan siang",
        "subsidi bahan bakar",
        "pariwisata",
        "transportasi umum",
        "pendidikan vokasi",
        "kebakaran hutan"
    };
    private static final String[] EN_TOPICS = {
        "rice prices",
        "the toll road project",
        "seasonal flooding",
        "inflation",
        "coal exports",
        "child vaccination",
        "electricity tariffs",
        "the new airport",
        "school meals",
        "fuel subsidies",
        "tourism",
        "public transport",
        "vocational schools",
        "forest fires"
    };
    private static final String[] ID_SENTENCES = {
        "%P dari %O mengatakan bahwa %T di %L akan menjadi prioritas pada tahun %Y.",
        "Menurut data %O, angka tersebut naik %N persen dibandingkan periode yang sama tahun lalu.",
        "Warga %L mengeluhkan %T yang dinilai belum ditangani secara serius oleh pemerintah daerah.",
        "\"Kami akan terus memantau perkembangan di lapangan,\" kata %P kepada wartawan di %L, %D.",
        "Rapat koordinasi antara %O dan pemerintah provinsi digelar selama %N jam di kantor gubernur.",
        "Sejumlah pengamat menilai kebijakan %T perlu dievaluasi agar tidak membebani masyarakat kecil.",
        "Anggaran sebesar Rp %N triliun telah disiapkan untuk mendukung program tersebut hingga akhir tahun.",
        "%P menambahkan bahwa pihaknya membuka ruang dialog dengan para pelaku usaha di %L.",
        "Di sisi lain, %O mencatat ada %N laporan masyarakat terkait %T sepanjang bulan lalu.",
        "Pemerintah berharap langkah ini dapat meningkatkan kepercayaan investor terhadap ekonomi nasional.",
        "Kepala dinas setempat memastikan layanan publik di %L tetap berjalan normal selama masa transisi.",
        "Hujan deras yang mengguyur %L sejak pagi membuat sejumlah ruas jalan tergenang hingga %N sentimeter."
    };
    private static final String[] EN_SENTENCES = {
        "%P of %O said on %D that %T in %L would remain a priority through %Y.",
        "Figures from %O show the number rose %N percent from the same period last year.",
        "Residents of %L complained that %T had not been taken seriously by the local government.",
        "\"We will keep monitoring the situation on the ground,\" %P told reporters in %L.",
        "A coordination meeting between %O and the provincial government lasted %N hours.",
        "Analysts said the policy on %T should be reviewed so that it does not burden low-income households.",
        "A budget of %N trillion rupiah has been set aside to support the programme until the end of the year.",
        "%P added that the agency was open to talks with business owners in %L.",
        "Meanwhile, %O recorded %N public complaints about %T last month.",
        "The government hopes the move will strengthen investor confidence in the national economy.",
        "The head of the local office said public services in %L would run normally during the transition.",
        "Heavy rain that hit %L since the morning left several roads under %N centimetres of water."
    };
    private static final String[] DAYS_ID = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
    private static final String[] DAYS_EN = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
    };

    private final long seed;
    private final int targetChars;

    /** Articles of about {@code targetChars} characters. */
    public ArticleGenerator(long seed, int targetChars) {
        this.seed = seed;
        this.targetChars = Math.max(200, targetChars);
    }

    /** A generated article: title and body (the body starts with the title line). */
    public record Article(String title, String body, boolean indonesian) {}

    /** Article number {@code index}: Indonesian for three in four, English otherwise. */
    public Article article(long index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        boolean id = index % 4 != 3;
        String[] sentences = id ? ID_SENTENCES : EN_SENTENCES;
        String[] topics = id ? ID_TOPICS : EN_TOPICS;
        String topic = topics[r.nextInt(topics.length)];
        String place = PLACES[r.nextInt(PLACES.length)];
        String title = title(id, topic, place, r);
        StringBuilder sb = new StringBuilder(targetChars + 400)
                .append(title)
                .append(" (")
                .append(index)
                .append(")\n\n");
        sb.append(place.toUpperCase(java.util.Locale.ROOT)).append(" - ");
        int inParagraph = 0;
        while (sb.length() < targetChars) {
            String s = sentences[r.nextInt(sentences.length)];
            sb.append(fill(s, r, id, topic, place)).append(' ');
            if (++inParagraph >= 3 + r.nextInt(3)) {
                sb.setLength(sb.length() - 1);
                sb.append("\n\n");
                inParagraph = 0;
            }
        }
        return new Article(title + " (" + index + ")", sb.toString().strip(), id);
    }

    private static final String[] NAV_ID = {
        "Beranda",
        "Nasional",
        "Ekonomi",
        "Olahraga",
        "Teknologi",
        "Hiburan",
        "Otomotif",
        "Gaya Hidup",
        "Kesehatan",
        "Internasional",
        "Video",
        "Foto",
        "Indeks",
        "Opini"
    };
    private static final String[] COMMENTS = {
        "Semoga cepat ditangani, warga sudah lama menunggu.",
        "Beritanya bagus, tapi datanya kurang lengkap.",
        "Setuju dengan pendapat narasumber di atas.",
        "Great reporting, thanks for the update.",
        "Kapan realisasinya? Tahun lalu juga dijanjikan hal yang sama.",
        "Mohon redaksi menindaklanjuti kabar ini.",
        "Pemerintah daerah harus lebih transparan soal anggaran."
    };

    /**
     * Article number {@code index} as a news web page: the same text as {@link #article} in
     * {@code <article><p>}, wrapped in the cruft of real pages (head metadata, navigation, ads, a related-links
     * list, reader comments, footer) so that extraction is part of what a benchmark measures.
     */
    public String htmlPage(long index) {
        Article a = article(index);
        SplittableRandom r = new SplittableRandom(seed * 7_000_003L + index);
        String lang = a.indonesian() ? "id" : "en";
        StringBuilder sb = new StringBuilder(a.body().length() * 2 + 4000);
        sb.append("<!DOCTYPE html>\n<html lang=\"")
                .append(lang)
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<title>")
                .append(escape(a.title()))
                .append(" | Warta Contoh</title>")
                .append("<meta property=\"og:title\" content=\"")
                .append(escape(a.title()))
                .append("\">")
                .append("<meta property=\"article:published_time\" content=\"2026-0")
                .append(1 + r.nextInt(9))
                .append("-1")
                .append(r.nextInt(10))
                .append("T0")
                .append(r.nextInt(10))
                .append(":15:00+07:00\">")
                .append("<link rel=\"canonical\" href=\"https://warta.example/berita/")
                .append(index)
                .append("\">")
                .append(
                        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}</script>")
                .append("</head><body><header class=\"site-header\"><a class=\"logo\" href=\"/\">Warta Contoh</a>")
                .append("<nav class=\"main-nav\"><ul>");
        for (String n : NAV_ID) {
            sb.append("<li><a href=\"/")
                    .append(n.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
                    .append("\">")
                    .append(n)
                    .append("</a></li>");
        }
        sb.append("</ul></nav></header><div class=\"ad ad-leaderboard\"><a href=\"https://ads.example/c?")
                .append(r.nextInt(1_000_000))
                .append("\">Iklan: Promo akhir pekan, diskon hingga 50%</a></div>")
                .append("<main><article class=\"post\"><h1>")
                .append(escape(a.title()))
                .append("</h1>")
                .append("<div class=\"byline\">Oleh <span class=\"author\">")
                .append(PERSONS[r.nextInt(PERSONS.length)])
                .append("</span></div>");
        String[] paragraphs = a.body().split("\n\n");
        for (int i = 1; i < paragraphs.length; i++) { // paragraph 0 is the title line
            sb.append("<p>").append(escape(paragraphs[i])).append("</p>");
            if (i == 2) {
                sb.append("<div class=\"ad ad-inline\">Baca juga: <a href=\"/berita/")
                        .append(index + 1)
                        .append("\">")
                        .append(escape(title(index + 1)))
                        .append("</a></div>");
            }
        }
        sb.append("<div class=\"share\">Bagikan: Facebook Twitter WhatsApp</div></article>")
                .append("<section class=\"related\"><h2>Berita Terkait</h2><ul>");
        for (int i = 0; i < 8; i++) {
            long other = index + 2 + i;
            sb.append("<li><a href=\"/berita/")
                    .append(other)
                    .append("\">")
                    .append(escape(title(other)))
                    .append("</a></li>");
        }
        sb.append("</ul></section><section class=\"comments\"><h2>Komentar</h2>");
        int comments = 2 + r.nextInt(4);
        for (int i = 0; i < comments; i++) {
            sb.append("<div class=\"comment\"><span class=\"user\">pembaca")
                    .append(r.nextInt(10_000))
                    .append("</span><p>")
                    .append(COMMENTS[r.nextInt(COMMENTS.length)])
                    .append("</p></div>");
        }
        sb.append("</section></main><aside class=\"sidebar\"><h3>Terpopuler</h3><ol>");
        for (int i = 0; i < 5; i++) {
            sb.append("<li><a href=\"/populer/")
                    .append(i)
                    .append("\">")
                    .append(escape(title(index + 20 + i)))
                    .append("</a></li>");
        }
        sb.append("</ol></aside><footer><p>&copy; 2026 Warta Contoh. Hak cipta dilindungi.</p>")
                .append(
                        "<a href=\"/tentang\">Tentang</a> <a href=\"/kontak\">Kontak</a> <a href=\"/privasi\">Privasi</a>")
                .append("</footer></body></html>\n");
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** The title of article {@code index} (without generating its text), as in {@link #article}. */
    public String title(long index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        boolean id = index % 4 != 3;
        String topic = (id ? ID_TOPICS : EN_TOPICS)[r.nextInt(ID_TOPICS.length)];
        String place = PLACES[r.nextInt(PLACES.length)];
        return title(id, topic, place, r) + " (" + index + ")";
    }

    private static String title(boolean id, String topic, String place, SplittableRandom r) {
        return id
                ? capitalize(topic) + " di " + place + " jadi sorotan, " + PERSONS[r.nextInt(PERSONS.length)]
                        + " angkat bicara"
                : capitalize(topic) + " in " + place + " under scrutiny, says " + PERSONS[r.nextInt(PERSONS.length)];
    }

    private static String fill(String template, SplittableRandom r, boolean id, String topic, String mainPlace) {
        StringBuilder out = new StringBuilder(template.length() + 40);
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '%' || i + 1 >= template.length()) {
                out.append(c);
                continue;
            }
            char k = template.charAt(++i);
            switch (k) {
                case 'P' -> out.append(PERSONS[r.nextInt(PERSONS.length)]);
                case 'O' -> out.append(ORGS[r.nextInt(ORGS.length)]);
                case 'L' -> out.append(r.nextInt(3) == 0 ? PLACES[r.nextInt(PLACES.length)] : mainPlace);
                case 'T' ->
                    out.append(r.nextInt(4) == 0 ? (id ? ID_TOPICS : EN_TOPICS)[r.nextInt(ID_TOPICS.length)] : topic);
                case 'N' -> out.append(1 + r.nextInt(250));
                case 'Y' -> out.append(2024 + r.nextInt(4));
                case 'D' -> out.append((id ? DAYS_ID : DAYS_EN)[r.nextInt(7)]);
                default -> out.append('%').append(k);
            }
        }
        return out.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
