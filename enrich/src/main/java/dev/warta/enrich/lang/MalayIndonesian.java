package dev.warta.enrich.lang;

/**
 * Word-level evidence for Malay against Indonesian: standard-spelling and vocabulary differences that the n-gram
 * model, trained on news of each country, can drown in topic words ({@code bahawa}/{@code bahwa},
 * {@code kerana}/{@code karena}, {@code boleh}/{@code bisa}, {@code wang}/{@code uang}, {@code kualiti}/{@code
 * kualitas}, month and day names, ...). Positive scores favour Malay. Looks words up by the same hash the features
 * use, so it allocates nothing; immutable and thread-safe.
 */
final class MalayIndonesian {

    /** Words far more common in Malaysian Malay than in Indonesian. */
    private static final String[] MALAY_STRONG = {
        "bahawa", "kerana", "iaitu", "sahaja", "mahu", "wang", "pejabat", "selepas", "manakala", "sebarang",
        "kualiti", "universiti", "aktiviti", "komuniti", "identiti", "fakulti", "kapasiti", "prioriti", "realiti",
        "integriti", "sekuriti", "majoriti", "minoriti", "populariti", "kreativiti", "produktiviti", "fasiliti",
        "eksport", "projek", "kes", "polis", "teksi", "stesen", "filem", "muzik", "televisyen", "telefon", "pakej",
        "peratus", "bilion", "trilion", "minit", "ogos", "julai", "disember", "isnin", "khamis", "jumaat",
        "syarikat", "kakitangan", "mesyuarat", "peguam", "kemalangan", "lebuhraya", "berjaya", "sokongan",
        "cadangan", "tempatan", "antarabangsa", "sempadan", "sukan", "jurulatih", "pelancongan", "pelancong",
        "lawatan", "kedai", "perniagaan", "pelaburan", "pelabur", "kewangan", "pengarah", "timbalan", "parlimen",
        "akhbar", "kenderaan", "kanak", "faham", "fikir", "berfikir", "fikiran", "difikirkan", "menerusi", "tempoh",
        "soalan", "jawapan", "memberitahu", "diberitahu", "susulan", "justeru", "sentiasa", "adakah", "pelbagai",
        "sesetengah", "sebahagian", "bahagian", "majlis", "percutian", "siasatan", "dianggarkan", "basikal",
        "motosikal", "doktor", "ubat", "mengikut", "baharu", "kasut", "cuba", "mencuba", "dicuba", "cubaan",
        "setiausaha", "naib", "jurucakap", "dadah", "saman", "lesen", "pasport", "bajet", "belanjawan", "cukai",
        "memandangkan", "perlembagaan", "kerajaan", "ringgit", "dimulakan", "memulakan", "mengurangkan",
        "mempertingkatkan", "kempen", "nombor", "bisnes", "berbanding", "apatah", "mangsa", "cedera", "ekar",
        "parti", "pembangkang", "perkauman", "rm", "umno", "pkr", "putrajaya", "selangor", "sarawak", "johor",
        "kelantan", "terengganu", "kedah", "pahang", "melaka", "agong", "datuk", "datin",
        "dijangka", "menjangkakan", "memaklumkan", "dimaklumkan", "pertuduhan", "tertuduh",
        "pengerusi", "sesyen", "rasmi", "jambatan", "skim", "peniaga", "perbelanjaan", "kerusi", "pesara",
    };

    /** Words clearly more common in Malaysian Malay, but also seen in Indonesian. */
    private static final String[] MALAY_WEAK = {
        "seolah", "dipercayai", "merancang", "rancangan", "bersalah", "maut", "hospital", "emak", "bapa", "dah",
        "nak", "boleh", "beliau", "perkara", "tiada", "bagaimanapun", "semasa", "sekiranya", "lelaki", "daripada",
        "menyebabkan", "mendapati", "ialah", "berkaitan", "mempunyai", "berlaku", "kesan", "kuasa", "masa",
        "melayu", "malaysia", "sabah", "kuala", "lumpur", "mahathir", "najib", "anwar", "muhyiddin", "bn", "dap",
        "ramai", "apabila", "semalam", "esok", "berhubung", "kenyataan", "perdana", "ahli", "mahkamah",
        "kementerian", "dituduh", "bertanding", "bersara",
    };

    /** Words far more common in Indonesian than in Malaysian Malay. */
    private static final String[] INDONESIAN_STRONG = {
        "bahwa", "karena", "yaitu", "bisa", "uang", "kantor", "kapan", "besok", "kemarin", "nggak", "gak",
        "enggak", "banget", "aja", "udah", "gimana", "kayak", "dong", "sih", "deh", "kok", "lho", "gue", "gua",
        "bilang", "mau", "paham", "pikir", "pikiran", "berpikir", "dipikirkan", "coba", "mencoba", "dicoba", "obat",
        "dokter", "mobil", "polisi", "kasus", "proyek", "persen", "miliar", "triliun", "menit", "senin", "kamis",
        "jumat", "agustus", "juli", "juni", "maret", "desember", "perusahaan", "karyawan", "tewas", "kecelakaan",
        "dukungan", "usulan", "sesudah", "olahraga", "pelatih", "tim", "wisata", "wisatawan", "pariwisata", "toko",
        "bisnis", "investasi", "keuangan", "direktur", "dpr", "parlemen", "koran", "kendaraan", "sepatu",
        "kualitas", "universitas", "aktivitas", "komunitas", "fakultas", "kapasitas", "prioritas", "realitas",
        "identitas", "integritas", "mayoritas", "minoritas", "popularitas", "kreativitas", "produktivitas",
        "stabilitas", "fasilitas", "ekspor", "impor", "musik", "televisi", "telepon", "paket", "narkoba",
        "lisensi", "paspor", "nomor", "justru", "senantiasa", "sebagian", "bagian", "kalian", "provinsi",
        "kabupaten", "kecamatan", "kelurahan", "rupiah", "terkait", "ungkap", "ungkapnya",
        "tuturnya", "apalagi", "soalnya", "makanya", "gitu", "mengurangi", "memulai", "dimulai",
        "kebijakan", "pertandingan", "bapak", "laki", "kecepatan", "rp", "wib", "wita", "jakarta", "jokowi",
        "prabowo", "tni", "polri", "kpk", "dki", "jabar", "jateng", "jatim", "ri", "partai", "oposisi", "sidang",
        "doang", "nih", "tuh", "yuk", "emang", "ga",
    };

    /** Words clearly more common in Indonesian, but also seen in Malaysian Malay. */
    private static final String[] INDONESIAN_WEAK = {
        "pemerintah", "setelah", "berhasil", "kunjungan", "memiliki", "dimiliki", "harus", "sempat", "lewat",
        "namun", "berbagai", "kota", "warga", "desa", "korban", "film", "saja", "meningkatkan", "sedangkan",
        "mengalami", "ujar", "ujarnya", "indonesia", "jawa", "surabaya", "bandung", "sudah", "bikin",
        "mengungkapkan", "menyebut", "diketahui", "terlihat", "sejumlah", "pihaknya", "tersangka", "pelaku",
    };

    private static final float STRONG = 2.5f;
    private static final float WEAK = 1f;
    private final long[] keys;
    private final float[] weights;
    private final int mask;

    MalayIndonesian() {
        int size = Integer.highestOneBit((MALAY_STRONG.length + INDONESIAN_STRONG.length + 64) * 4);
        keys = new long[size];
        weights = new float[size];
        mask = size - 1;
        for (String w : MALAY_STRONG) {
            put(w, STRONG);
        }
        for (String w : INDONESIAN_STRONG) {
            put(w, -STRONG);
        }
        for (String w : MALAY_WEAK) {
            put(w, WEAK);
        }
        for (String w : INDONESIAN_WEAK) {
            put(w, -WEAK);
        }
    }

    private void put(String word, float weight) {
        int h = Features.wordHash(word, 0, word.length());
        int i = h & mask;
        while (keys[i] != 0 && (int) keys[i] != h) {
            i = (i + 1) & mask;
        }
        keys[i] = (1L << 32) | (h & 0xFFFFFFFFL);
        weights[i] = weight;
    }

    float weight(int wordHash) {
        int i = wordHash & mask;
        while (keys[i] != 0) {
            if ((int) keys[i] == wordHash) {
                return weights[i];
            }
            i = (i + 1) & mask;
        }
        return 0f;
    }

    /** Sum of word weights in {@code text[from, to)}: positive for Malay, negative for Indonesian. */
    float score(CharSequence text, int from, int to) {
        float sum = 0;
        int start = -1;
        for (int i = from; i <= to; i++) {
            boolean letter = i < to && Character.isLetter(text.charAt(i));
            if (letter) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                sum += weight(Features.wordHash(text, start, i));
                start = -1;
            }
        }
        return sum;
    }
}
