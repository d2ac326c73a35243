package dev.warta.sink;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import dev.warta.schemas.Language;
import dev.warta.schemas.Spam;
import dev.warta.schemas.SpamSegment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test articles, fingerprinted as enrich would. Texts are written for these tests. */
public final class Articles {
    static final Fingerprinter FP = new Fingerprinter();

    public static final String FLOOD =
            "Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Cibeunying, "
                    + "Kota Bandung, sejak Minggu malam setelah hujan deras mengguyur selama enam jam tanpa henti. "
                    + "Petugas pemadam kebakaran dan relawan mengevakuasi warga lanjut usia menggunakan perahu karet. "
                    + "Kepala badan penanggulangan bencana daerah menyebut tanggul sungai jebol di dua titik sehingga air "
                    + "meluap ke permukiman. Pemerintah kota membuka tiga posko pengungsian di sekolah dan masjid terdekat. "
                    + "Warga diminta tetap waspada karena hujan diperkirakan masih turun hingga akhir pekan.";

    /** FLOOD, lightly edited: punctuation changed and a closing sentence added. */
    static final String FLOOD_EDITED = FLOOD.replace("Kota Bandung,", "Kota Bandung -")
            + " Bantuan makanan siap saji mulai disalurkan Senin siang.";

    static final String MARKET = "Harga cabai rawit di pasar tradisional Surabaya melonjak hingga dua kali lipat "
            + "menjelang hari raya. Pedagang mengaku pasokan dari petani di Kediri dan Blitar berkurang karena "
            + "cuaca buruk sepanjang bulan lalu. Dinas perdagangan berencana menggelar operasi pasar pekan depan "
            + "untuk menekan harga di tingkat konsumen.";

    static final String ELECTION = "Komisi pemilihan umum daerah Sulawesi Selatan mulai mendistribusikan logistik "
            + "pemilihan ke pulau-pulau terluar menggunakan kapal motor. Kotak suara dan surat suara dikawal aparat "
            + "keamanan hingga tiba di tempat pemungutan suara. Distribusi ditargetkan selesai tiga hari sebelum "
            + "hari pencoblosan.";

    private Articles() {}

    public static EnrichedArticle article(String id, String text) {
        return article(id, text, "id", false);
    }

    static EnrichedArticle article(String id, String text, String lang, boolean wholePageSpam) {
        List<Integer> sig = new ArrayList<>();
        for (int v : FP.minhash(text)) {
            sig.add(v);
        }
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setUrl("https://berita.example/" + id)
                .setSourceType("text")
                .setSource("test")
                .setProvenance("test#" + id)
                .setFetchedAt(Instant.parse("2026-01-05T08:00:00Z"))
                .setEnrichedAt(Instant.parse("2026-01-05T08:00:01Z"))
                .setEnrichmentVersion("test")
                .setTitle("Judul " + id)
                .setText(text)
                .setPublishedAt("2026-01-05T07:30:00+07:00")
                .setAuthors(List.of("Rina"))
                .setLanguage(new Language(lang, 0.97))
                .setSegments(List.of())
                .setSpam(new Spam(
                        wholePageSpam,
                        wholePageSpam ? 0.99 : 0.01,
                        wholePageSpam,
                        wholePageSpam
                                ? List.of(new SpamSegment("gambling", 0.99, "daftar slot gacor", List.of("kw")))
                                : List.<SpamSegment>of()))
                .setEntities(List.of(new Entity("Bandung", "LOCATION", 0, 7, "Kota Bandung", null)))
                .setTextHash(FP.textHash(text))
                .setMinhash(sig)
                .setFieldProvenance(Map.of())
                .build();
    }
}
