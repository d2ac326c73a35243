package dev.warta.tools.jmh;

import dev.warta.schemas.RawArticle;
import java.time.Instant;
import java.util.Map;

/**
 * Benchmark inputs written for warta (not taken from any corpus): a ~4 KB Indonesian article with an English
 * quote block, a ~4 KB English article, and a news page in HTML (navigation, scripts, an injected gambling link
 * block, a footer) whose article body is the Indonesian text.
 */
public final class BenchArticles {
    static final String TITLE_ID = "Pemerintah Kota Surabaya Percepat Perbaikan Drainase Jelang Musim Hujan";
    static final String TITLE_EN = "Bandung Opens New Bus Rapid Transit Corridor as Commuters Return";

    private static final String[] ID_PARAGRAPHS = {
        "SURABAYA - Pemerintah Kota Surabaya mempercepat perbaikan saluran drainase di sejumlah kawasan rawan genangan "
                + "menjelang musim hujan. Wali Kota Surabaya mengatakan pekerjaan di 42 titik ditargetkan selesai pada akhir "
                + "bulan depan, sehingga warga tidak lagi mengalami banjir setinggi lutut seperti tahun lalu.",
        "Kepala Dinas Sumber Daya Air dan Bina Marga, Hendra Wijaya, menjelaskan bahwa sebagian besar saluran lama "
                + "berukuran terlalu kecil untuk menampung debit air saat hujan deras. \"Kami mengganti box culvert di jalan "
                + "utama dan menambah pompa di rumah pompa Kenjeran,\" ujarnya kepada wartawan di Balai Kota, Senin (3/11).",
        "Menurut catatan Badan Meteorologi, Klimatologi, dan Geofisika (BMKG), puncak musim hujan di Jawa Timur "
                + "diperkirakan terjadi pada Januari hingga Februari. Curah hujan di wilayah pesisir utara bisa mencapai "
                + "300 milimeter per bulan, lebih tinggi dari rata-rata lima tahun terakhir.",
        "Anggaran perbaikan drainase tahun ini mencapai Rp 415 miliar, naik sekitar 18 persen dibandingkan tahun "
                + "sebelumnya. Dewan Perwakilan Rakyat Daerah (DPRD) Surabaya meminta agar pengerjaan diawasi ketat supaya "
                + "tidak ada proyek yang molor dan mengganggu arus lalu lintas di pusat kota.",
        "Sejumlah warga di Kecamatan Rungkut dan Gubeng menyambut baik langkah tersebut. Siti Aminah, pedagang di "
                + "Pasar Pucang, mengaku tokonya sempat terendam tiga kali pada musim hujan lalu. \"Kalau salurannya sudah "
                + "lebar, semoga air cepat surut dan kami bisa tetap berjualan,\" katanya.",
        "Selain drainase, pemkot juga menyiapkan 150 petugas satgas banjir yang siaga selama 24 jam. Mereka dilengkapi "
                + "perahu karet, pompa portabel, dan kendaraan operasional yang ditempatkan di setiap kecamatan. Warga dapat "
                + "melapor melalui layanan darurat 112 apabila terjadi genangan atau pohon tumbang.",
        "In a statement, the provincial disaster agency said it would coordinate closely with the city: \"Early "
                + "warning and clear drainage are the cheapest flood protection we have,\" the agency's head told reporters.",
        "Pengamat tata kota dari Institut Teknologi Sepuluh Nopember, Dr. Ratna Kusuma, menilai perbaikan drainase "
                + "harus dibarengi dengan penambahan ruang terbuka hijau. Menurut dia, daerah resapan di Surabaya terus "
                + "berkurang karena alih fungsi lahan menjadi perumahan dan kawasan komersial.",
        "Pemerintah kota berjanji akan mengevaluasi hasil pekerjaan setelah hujan pertama turun. Jika masih ada titik "
                + "genangan, tim teknis akan memetakan ulang aliran air dan menyiapkan solusi jangka panjang, termasuk "
                + "pembangunan kolam retensi di wilayah barat kota.",
        "Baca juga: Jadwal Pemadaman Listrik di Surabaya Pekan Ini. Editor: Budi Santoso. Reporter: Dewi Lestari."
    };

    private static final String[] EN_PARAGRAPHS = {
        "BANDUNG - The West Java provincial government on Monday opened a new bus rapid transit corridor linking the "
                + "eastern suburbs with the city centre, as commuters return to offices after the long holiday weekend.",
        "Governor Ahmad Fauzi said the 18-kilometre corridor would carry up to 40,000 passengers a day once all 60 "
                + "buses are in service. \"People should not need a private car to get to work,\" he said at the opening "
                + "ceremony at Cicaheum terminal.",
        "The Ministry of Transportation contributed 35 percent of the 520 billion rupiah budget, with the rest coming "
                + "from the provincial and city governments. Fares are set at 3,500 rupiah, with free rides for students "
                + "and the elderly during the first three months.",
        "Traffic in Bandung has worsened over the past decade as the number of registered vehicles grew faster than "
                + "the road network. A survey by Padjadjaran University found average speeds in the city centre fell to "
                + "14 kilometres per hour at peak times.",
        "Some residents welcomed the new service but said feeder routes were still lacking. \"The bus is great, but I "
                + "still need a motorcycle taxi to reach the stop,\" said Rina Marlina, a nurse who commutes from Ujungberung.",
        "Officials said feeder minibuses would be integrated into the same card payment system by March, and that two "
                + "more corridors, to Cimahi and to Soreang, are being designed with support from the World Bank.",
        "Transport analyst Joko Susilo said the project's success would depend on dedicated lanes being kept clear. "
                + "\"Without enforcement, buses get stuck in the same jams as everyone else,\" he said.",
        "The city police said they would deploy officers at the busiest intersections during the first weeks of "
                + "operation and fine drivers who enter the bus lanes.",
        "The corridor is part of a wider plan to cut emissions from road transport in the Bandung metropolitan area "
                + "by a fifth by 2030, the governor said."
    };

    private BenchArticles() {}

    /** About 4 KB of Indonesian news text (with a short English block), paragraphs separated by blank lines. */
    public static String indonesianText() {
        return String.join("\n\n", ID_PARAGRAPHS);
    }

    /** About 4 KB of English news text. */
    public static String englishText() {
        return String.join("\n\n", EN_PARAGRAPHS);
    }

    /** A news page around the Indonesian article: head metadata, navigation, scripts, a spam block, footer. */
    public static String indonesianHtml() {
        StringBuilder sb = new StringBuilder(12_000);
        sb.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">")
                .append("<title>")
                .append(TITLE_ID)
                .append(" | Warta Kota Contoh</title>")
                .append("<meta property=\"og:title\" content=\"")
                .append(TITLE_ID)
                .append("\">")
                .append("<meta property=\"og:site_name\" content=\"Warta Kota Contoh\">")
                .append("<meta property=\"article:published_time\" content=\"2025-11-03T10:15:00+07:00\">")
                .append("<meta name=\"author\" content=\"Dewi Lestari\">")
                .append("<link rel=\"canonical\" href=\"https://contoh.example/kota/2025/11/03/drainase-surabaya\">")
                .append("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"")
                .append(TITLE_ID)
                .append(
                        "\",\"datePublished\":\"2025-11-03T10:15:00+07:00\",\"author\":{\"name\":\"Dewi Lestari\"}}</script>")
                .append(
                        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}</script>")
                .append("<style>.nav{display:flex}.ad{min-height:250px}</style></head><body>")
                .append("<header><nav class=\"nav\"><a href=\"/\">Beranda</a><a href=\"/nasional\">Nasional</a>")
                .append(
                        "<a href=\"/ekonomi\">Ekonomi</a><a href=\"/olahraga\">Olahraga</a><a href=\"/tekno\">Tekno</a></nav></header>")
                .append("<main><article><h1>")
                .append(TITLE_ID)
                .append("</h1>")
                .append("<div class=\"byline\">Dewi Lestari - Senin, 3 November 2025 10:15 WIB</div>");
        for (int i = 0; i < ID_PARAGRAPHS.length; i++) {
            sb.append("<p>").append(ID_PARAGRAPHS[i].replace("\"", "&quot;")).append("</p>");
            if (i == 3) {
                sb.append("<div class=\"ad\"><a href=\"https://slot.example/daftar\">Situs slot gacor hari ini, ")
                        .append("deposit 10 ribu langsung maxwin! Daftar sekarang bonus 100%</a></div>");
            }
        }
        sb.append("</article><aside><h3>Terpopuler</h3><ul>");
        for (int i = 1; i <= 5; i++) {
            sb.append("<li><a href=\"/berita/")
                    .append(i)
                    .append("\">Berita terpopuler nomor ")
                    .append(i)
                    .append(" hari ini di kota</a></li>");
        }
        sb.append("</ul></aside></main><footer><p>&copy; 2025 Warta Kota Contoh. Semua hak dilindungi.</p>")
                .append(
                        "<a href=\"/redaksi\">Redaksi</a> <a href=\"/pedoman\">Pedoman Media Siber</a></footer></body></html>");
        return sb.toString();
    }

    /** A text/plain RawArticle of the Indonesian article (body starts with the title line). */
    public static RawArticle rawText() {
        return raw("bench-text", "text/plain", TITLE_ID + "\n\n" + indonesianText(), TITLE_ID);
    }

    /** A text/html RawArticle of the news page. */
    public static RawArticle rawHtml() {
        return raw("bench-html", "text/html", indonesianHtml(), null);
    }

    private static RawArticle raw(String id, String type, String body, String title) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://contoh.example/" + id)
                .setSourceType("bench")
                .setSource("jmh")
                .setProvenance("jmh#" + id)
                .setFetchedAt(Instant.parse("2025-11-03T04:00:00Z"))
                .setContentType(type)
                .setBody(body)
                .setTitle(title)
                .setContentHash(id)
                .setMetadata(Map.of())
                .build();
    }
}
