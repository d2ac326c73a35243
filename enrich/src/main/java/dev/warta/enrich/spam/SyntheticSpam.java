package dev.warta.enrich.spam;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated examples for training and evaluating the spam model: invented gambling brand names under random
 * obfuscations (so the model learns the context of a brand, not a list of brands), SEO and sales paragraphs of
 * injected gambling text, and news paragraphs that report on gambling (police, courts, regulators quoting a
 * site's name and slogans), which must stay clean. Two disjoint template sets: {@link Set#TRAIN} for
 * {@link TrainSpamModel}, {@link Set#EVAL} for the evaluation. Deterministic for a given {@link Random}.
 */
public final class SyntheticSpam {
    /** Which template set to draw from. */
    public enum Set {
        TRAIN,
        EVAL
    }

    private static final String[] SYLLABLES = {
        "ga", "ru", "da", "me", "ga", "lu", "na", "ra", "ja", "ko", "ki", "sa", "ti", "bo", "ma", "ha", "ri", "zu",
        "pa", "la", "to", "wi", "ne", "so", "dewa", "raja", "naga", "hoki", "sultan", "kilat", "petir", "bintang",
        "mega", "super", "royal", "golden", "lucky", "kapal", "pulau", "mahkota", "garuda", "macan", "elang", "api",
        "emas", "permata", "istana", "jaya", "sakti"
    };
    private static final String[] ENDINGS = {
        "88", "77", "777", "99", "4d", "138", "303", "168", "69", "365", "toto", "win", "bet", "slot", "hoki", "gacor",
        "qq", "jp", "vip", "play", "club", "asia", "maxwin", ""
    };
    private static final String[] DIGIT_WORDS = {
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"
    };
    private static final String[] EMOJI = {"🔥", "⭐", "💰", "🎰", "✨", "👉", "💎", "🍀", "*", "★", "~", "_", "|"};
    private static final String HANGUL_O = "ㅇ";
    private static final String HANGUL_I = "ㅣ";

    private static final String[][] SEO = {
        { // TRAIN
            "%s adalah situs slot gacor terpercaya dengan RTP live tertinggi hari ini dan bonus new member 100%%.",
            "Daftar sekarang di %s, link alternatif resmi anti rungkad, depo receh langsung maxwin.",
            "Bocoran pola gacor hari ini hanya di %s: mahjong ways, gates of olympus, sweet bonanza pasti jp.",
            "Main togel online di %s, pasaran lengkap sgp hk sdy, diskon terbesar dan hadiah 4d tertinggi.",
            "%s menyediakan permainan slot online, live casino dan sportsbook dengan proses deposit dan withdraw cepat.",
            "Rasakan sensasi jackpot besar bersama %s, agen judi online nomor satu di Indonesia.",
            "Situs %s memberikan winrate tinggi setiap hari, cocok untuk pemula yang ingin cuan tanpa modal besar.",
            "Login %s sekarang juga dan klaim freebet tanpa deposit untuk semua member baru.",
            "Kunjungi %s untuk bermain slot thailand server luar dengan peluang menang paling besar.",
            "Keluaran togel hari ini dan prediksi angka jitu tersedia lengkap di %s setiap malam.",
            "%s is the most trusted online slot site with the highest RTP, daily bonus and fast withdrawal.",
            "Join %s today and claim your welcome bonus, play slot gacor and win the jackpot every day.",
            "Link daftar %s dan login alternatif terbaru, dijamin aman tanpa blokir.",
        },
        { // EVAL
            "Situs %s hadir sebagai bandar slot online paling gacor, RTP live akurat dan maxwin setiap hari.",
            "Buruan gabung di %s, bonus deposit harian dan cashback mingguan untuk semua member.",
            "Pola gacor mahjong ways 2 dan starlight princess hari ini bocor di %s, langsung jp.",
            "Bandar togel %s menerima pasang angka 2d 3d 4d dengan hadiah terbesar dan pasaran terlengkap.",
            "%s adalah agen resmi game slot pragmatic play dan pg soft dengan deposit pulsa tanpa potongan.",
            "Cuan tiap hari cuma di %s, cukup modal receh udah bisa wd jutaan.",
            "Play at %s, the number one online casino in Asia with instant deposit and 24/7 support.",
            "Akses %s lewat link alternatif terbaru bebas internet positif, daftar hanya satu menit.",
        }
    };
    private static final String[][] SALES = {
        { // TRAIN: promotional prose without gambling words
            "Cara mendaftar sangat mudah: isi formulir dengan nama lengkap, nomor WhatsApp aktif dan nomor rekening Anda, lalu klik tombol daftar.",
            "Tentang kami: kami adalah platform hiburan online terpercaya yang melayani ribuan pemain setiap hari dengan layanan 24 jam nonstop.",
            "Syarat dan ketentuan bonus: minimal deposit 25 ribu, bonus diberikan sekali per akun dan harus dimainkan sepuluh kali sebelum penarikan.",
            "Hubungi customer service kami melalui live chat atau Telegram jika Anda mengalami kendala saat login atau transaksi.",
            "Kamu cukup siapkan username dan password, lalu pilih metode pembayaran favoritmu, semua proses hanya butuh satu menit.",
            "Nikmati keuntungan menjadi member kami: cashback mingguan, bonus referral seumur hidup dan proses penarikan tanpa batas.",
            "Register now with your email and phone number, verify your account and start playing with a free welcome credit.",
            "Kami menerima transfer dari semua bank lokal dan dompet digital, saldo masuk otomatis dalam hitungan detik.",
        },
        { // EVAL
            "Langkah registrasi: buka halaman daftar, masukkan username, password, email dan nomor ponsel Anda, kemudian konfirmasi lewat kode OTP.",
            "Kenapa memilih kami? Layanan kami aman, transaksi cepat, dan tim support siap membantu Anda kapan saja lewat WhatsApp.",
            "Ketentuan promo: bonus berlaku untuk member baru, minimal deposit 50 ribu dan turnover delapan kali sebelum withdraw.",
            "Anda bisa mengisi saldo lewat bank, e-wallet maupun pulsa, dan penarikan diproses kurang dari lima menit.",
        }
    };
    private static final String[][] NEWS = {
        { // TRAIN: reporting on gambling, quoting names and slogans
            "Polisi menangkap {n} tersangka pengelola situs judi online {site} yang mempromosikan slogan \"{slogan}\" di media sosial.",
            "Dalam persidangan, jaksa menyebut situs {site} menjanjikan \"{slogan}\" kepada para korban yang kemudian kehilangan tabungan.",
            "Kementerian Komunikasi dan Digital memblokir situs bernama {site} yang memakai slogan \"{slogan}\", kata juru bicara kementerian.",
            "Tersangka mengaku dibayar Rp{n} juta per bulan untuk mengiklankan situs {site} dengan kalimat \"{slogan}\".",
            "Hakim menjatuhkan vonis {n} tahun penjara kepada terdakwa yang mengelola situs {site}, yang disebut meraup miliaran rupiah.",
            "Penyidik Bareskrim menyita {n} rekening yang menampung dana dari situs {site}, yang diduga terhubung dengan jaringan internasional.",
            "Police arrested {n} suspects accused of running the illegal gambling site {site}, which advertised \"{slogan}\" to young users.",
            "The court heard that the site {site} promised players \"{slogan}\" before the regulator blocked it last month.",
            "Polis menahan {n} individu yang disyaki mengendalikan laman judi dalam talian {site} yang menjanjikan \"{slogan}\".",
            "Mahkamah dimaklumkan bahawa laman {site} menggunakan slogan \"{slogan}\" untuk menarik pemain muda, kata pendakwa raya.",
            "Warga diimbau tidak tergiur iklan seperti \"{slogan}\" yang kerap dipakai situs {site}, ujar kepala kepolisian setempat.",
            "PPATK mencatat perputaran dana dari situs {site} dan jaringannya mencapai Rp{n} miliar sepanjang tahun ini.",
            "Psikolog menyebut kecanduan judi online seperti di situs {site} merusak keuangan keluarga dan memicu utang.",
        },
        { // EVAL is kept in the test fixtures, written by hand
        }
    };
    private static final String[] SLOGANS = {
        "gampang menang",
        "pasti maxwin",
        "slot gacor hari ini",
        "bonus new member 100%",
        "depo receh wd jutaan",
        "anti rungkad",
        "link alternatif resmi",
        "jackpot tiap hari",
        "win big every day",
        "menang besar setiap hari"
    };

    private final Random random;
    private final int set;

    public SyntheticSpam(Random random, Set set) {
        this.random = random;
        this.set = set.ordinal();
    }

    /** An invented brand: one to three syllables and a gambling-style ending. */
    public String brand() {
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        String ending = ENDINGS[random.nextInt(ENDINGS.length)];
        if (b.length() < 4 && ending.isEmpty()) {
            ending = "88";
        }
        return b.append(ending).toString();
    }

    /** The brand as a spammer writes it: case, separators, emoji, keycaps, number words, lookalike letters. */
    public String obfuscate(String brand) {
        int split = 0;
        while (split < brand.length() && !Character.isDigit(brand.charAt(split))) {
            split++;
        }
        String name = brand.substring(0, split);
        String digits = brand.substring(split);
        String cased = switch (random.nextInt(3)) {
            case 0 -> name.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
            default -> name;
        };
        return switch (random.nextInt(11)) {
            case 0, 1 -> cased + digits;
            case 2 -> join(cased + digits, new String[] {".", ",", "-", " "}[random.nextInt(4)]);
            case 3 -> digits.isEmpty() ? cased : cased + EMOJI[random.nextInt(EMOJI.length)] + digits;
            case 4 ->
                digits.isEmpty()
                        ? cased + " " + EMOJI[random.nextInt(EMOJI.length)]
                        : cased + " " + EMOJI[random.nextInt(EMOJI.length)] + " " + digits;
            case 5 -> cased + keycaps(digits);
            case 6 -> digits.isEmpty() || !allDigits(digits) ? cased + digits : cased + " " + words(digits);
            case 7 -> lookalikes(cased) + digits;
            case 8 -> cased + digits + "bet";
            case 9 -> "slot" + cased.toLowerCase(Locale.ROOT) + digits;
            default -> cased + " " + String.join(" ", digits.split(""));
        };
    }

    /** One SEO paragraph naming an (obfuscated) brand. */
    public String seo(String brand) {
        String[] t = SEO[set];
        return String.format(Locale.ROOT, t[random.nextInt(t.length)], obfuscate(brand));
    }

    /** One promotional paragraph without gambling words (registration steps, about us, bonus terms). */
    public String sales() {
        String[] t = SALES[set];
        return t[random.nextInt(t.length)];
    }

    /** A news paragraph reporting on gambling that quotes a site name and a slogan (training set only). */
    public String report(String brand) {
        String[] t = NEWS[0];
        String site = random.nextBoolean() ? brand.toUpperCase(Locale.ROOT) : brand;
        return t[random.nextInt(t.length)]
                .replace("{site}", site)
                .replace("{slogan}", SLOGANS[random.nextInt(SLOGANS.length)])
                .replace("{n}", Integer.toString(2 + random.nextInt(40)));
    }

    /** A spam comment: a short promotional line around an obfuscated brand. */
    public String comment(String brand) {
        List<String> forms = List.of(
                "gas di %s bosku, baru depo langsung wd",
                "%s emang gacor parah hari ini",
                "makasih %s, modal receh jadi jutaan",
                "cobain %s deh, auto sultan",
                "%s mantap, jp terus dari pagi",
                "yang mau cuan langsung ke %s aja",
                "main di %s ga pernah rungkad");
        return String.format(Locale.ROOT, forms.get(random.nextInt(forms.size())), obfuscate(brand));
    }

    private static String join(String s, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(s.charAt(i));
        }
        return b.toString();
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String keycaps(String digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            b.append(c);
            if (Character.isDigit(c)) {
                b.append("\uFE0F\u20E3");
            }
        }
        return b.toString();
    }

    private static String words(String digits) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(DIGIT_WORDS[digits.charAt(i) - '0']);
        }
        return b.toString();
    }

    private String lookalikes(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            if (l == 'o' && random.nextBoolean()) {
                b.append(HANGUL_O);
            } else if ((l == 'i' || l == 'l') && random.nextBoolean()) {
                b.append(HANGUL_I);
            } else if (l == 'a' && random.nextInt(3) == 0) {
                b.append('а'); // Cyrillic
            } else if (l == 'e' && random.nextInt(3) == 0) {
                b.append('е'); // Cyrillic
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
