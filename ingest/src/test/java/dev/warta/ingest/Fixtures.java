package dev.warta.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Test inputs written for these tests (no third-party text). */
final class Fixtures {
    static final String ARTICLE_HTML = """
            <!doctype html>
            <html lang="id">
            <head>
              <meta charset="utf-8">
              <title>Pemkot Bogor Tambah Armada Bus Listrik</title>
              <link rel="canonical" href="https://berita.example/kota/bus-listrik-bogor?utm_source=home">
              <meta property="og:url" content="https://berita.example/og-url-is-second-choice">
            </head>
            <body><article><h1>Pemkot Bogor Tambah Armada Bus Listrik</h1>
            <p>Pemerintah Kota Bogor menambah sepuluh bus listrik untuk rute Cibinong &amp; Baranangsiang mulai pekan depan.</p>
            </article></body></html>
            """;

    static final String TEXT_PAGE = """

            Warga Gotong Royong Bersihkan Sungai Ciliwung

            Oleh Tim Redaksi
            Ratusan warga Kelurahan Bukit Duri membersihkan bantaran sungai pada Minggu pagi.
            Baca juga: Jadwal Car Free Day
            """;

    private Fixtures() {}

    static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A small gzip file that inflates to {@code inflated} zero bytes. */
    static byte[] gzipBomb(long inflated) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (long written = 0; written < inflated; written += zeros.length) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }

    static List<Item.Article> articles(List<Item> items) {
        return items.stream()
                .filter(Item.Article.class::isInstance)
                .map(Item.Article.class::cast)
                .toList();
    }

    static List<Item.Dead> dead(List<Item> items) {
        return items.stream()
                .filter(Item.Dead.class::isInstance)
                .map(Item.Dead.class::cast)
                .toList();
    }
}
