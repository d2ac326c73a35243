package dev.warta.app.bench;

import java.util.SplittableRandom;

/**
 * Generates news-like articles (Indonesian or English, a title line, paragraphs separated by blank lines) from
 * word lists written for warta: deterministic for a seed and an index, diverse enough that two articles are not
 * near-duplicates. For benchmarks only; the text is plausible, not true.
 */
public final class ArticleGenerator {
    private static final String[] PERSONS = {"Budi Santoso", "Siti Rahmawati", "Agus Wibowo", "Dewi Lestari",
        "Joko Susilo", "Rina Marlina", "Hendra Gunawan", "Maria Fernandez", "John Carter", "Emily Watson",
        "Ahmad Fauzi", "Putri Ayu", "Bambang Hartono", "Lukas Wijaya", "Sarah Mitchell", "Yusuf Hidayat"};
    private static final String[] ORGS = {"Kementerian Keuangan", "Bank Indonesia", "Pertamina", "DPR",
        "Kementerian Kesehatan", "PT Kereta Api Indonesia", "Badan Pusat Statistik", "Universitas Gadjah Mada",
        "the World Bank", "the Ministry of Transport", "Garuda Indonesia", "the central bank", "KPK", "BMKG"};
    private static final String[] PLACES = {"Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Yogyakarta",
        "Semarang", "Denpasar", "Balikpapan", "Palembang", "Pontianak", "Manado", "Kupang", "Jayapura", "Singapore"};
    private static final String[] ID_TOPICS = {"harga beras", "proyek jalan tol", "banjir musiman", "inflasi",
        "ekspor batu bara", "vaksinasi anak", "tarif listrik", "pembangunan bandara", "program makan siang",
        "subsidi bahan bakar", "pariwisata", "transportasi umum", "pendidikan vokasi", "kebakaran hutan"};
    private static final String[] EN_TOPICS = {"rice prices", "the toll road project", "seasonal flooding",
        "inflation", "coal exports", "child vaccination", "electricity tariffs", "the new airport", "school meals",
        "fuel subsidies", "tourism", "public transport", "vocational schools", "forest fires"};
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
        "Hujan deras yang mengguyur %L sejak pagi membuat sejumlah ruas jalan tergenang hingga %N sentimeter."};
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
        "Heavy rain that hit %L since the morning left several roads under %N centimetres of water."};
    private static final String[] DAYS_ID = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
    private static final String[] DAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final long seed;
    private final int targetChars;

    /** Articles of about {@code targetChars} characters. */
    public ArticleGenerator(long seed, int targetChars) {
        this.seed = seed;
        this.targetChars = Math.max(200, targetChars);
    }

    /** A generated article: title and body (the body starts with the title line). */
    public record Article(String title, String body, boolean indonesian) {
    }

    /** Article number {@code index}: Indonesian for three in four, English otherwise. */
    public Article article(long index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        boolean id = index % 4 != 3;
        String[] sentences = id ? ID_SENTENCES : EN_SENTENCES;
        String[] topics = id ? ID_TOPICS : EN_TOPICS;
        String topic = topics[r.nextInt(topics.length)];
        String place = PLACES[r.nextInt(PLACES.length)];
        String title = id
                ? capitalize(topic) + " di " + place + " jadi sorotan, " + PERSONS[r.nextInt(PERSONS.length)] + " angkat bicara"
                : capitalize(topic) + " in " + place + " under scrutiny, says " + PERSONS[r.nextInt(PERSONS.length)];
        StringBuilder sb = new StringBuilder(targetChars + 400).append(title).append(" (").append(index).append(")\n\n");
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
                case 'T' -> out.append(r.nextInt(4) == 0 ? (id ? ID_TOPICS : EN_TOPICS)[r.nextInt(ID_TOPICS.length)] : topic);
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
