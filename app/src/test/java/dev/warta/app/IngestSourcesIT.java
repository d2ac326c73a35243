package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.IngestSummary;
import dev.warta.ingest.http.HttpIngestServer;
import dev.warta.ingest.watch.InboxWatcher;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** Every ingest source publishing to a real broker: articles on news.raw, bad input on news.dlq, repeats not republished. */
class IngestSourcesIT {
    @TempDir
    static Path dir;

    static BrokerIngest broker;
    static final String REGISTRY = "mem://ingest-sources-it-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        broker = BrokerIngest.start(dir.resolve("data"), REGISTRY);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    static List<RawArticle> raw(String sourceType, int atLeast) {
        return KafkaTestSupport.readUntil(
                        broker.bootstrapServers(),
                        Topics.RAW,
                        AvroSerde.of(RawArticle.class, REGISTRY).deserializer(),
                        r -> r.stream()
                                        .filter(x -> x.value().getSourceType().equals(sourceType))
                                        .count()
                                >= atLeast,
                        Duration.ofSeconds(60))
                .stream()
                .map(ConsumerRecord::value)
                .filter(a -> a.getSourceType().equals(sourceType))
                .toList();
    }

    static List<DeadLetter> deadLetters(String reasonPrefix, int atLeast) {
        return KafkaTestSupport.readUntil(
                        broker.bootstrapServers(),
                        Topics.DLQ,
                        AvroSerde.of(DeadLetter.class, REGISTRY).deserializer(),
                        r -> r.stream()
                                        .filter(x -> x.value().getReason().startsWith(reasonPrefix))
                                        .count()
                                >= atLeast,
                        Duration.ofSeconds(60))
                .stream()
                .map(ConsumerRecord::value)
                .filter(l -> l.getReason().startsWith(reasonPrefix))
                .toList();
    }

    @Test
    void warcHtmlResponsesArePublishedAndOtherRecordsSkipped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
            writer.write(new WarcResponse.Builder(URI.create("https://arsip.example/a"))
                    .date(Instant.parse("2025-01-02T03:04:05Z"))
                    .body(
                            MediaType.parse("application/http;msgtype=response"),
                            ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                                            + "<html><title>Arsip satu</title><body><p>Isi arsip pertama yang cukup panjang.</p></body></html>")
                                    .getBytes(StandardCharsets.UTF_8))
                    .build());
            writer.write(new WarcResponse.Builder(URI.create("https://arsip.example/logo.png"))
                    .date(Instant.parse("2025-01-02T03:04:06Z"))
                    .body(
                            MediaType.parse("application/http;msgtype=response"),
                            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u0089PNG"
                                    .getBytes(StandardCharsets.ISO_8859_1))
                    .build());
        }
        Path warc = Files.write(dir.resolve("crawl.warc.gz"), out.toByteArray());
        IngestSummary summary = broker.runner().ingestPaths(List.of(warc));
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(1);
        List<RawArticle> articles = raw("warc", 1);
        assertThat(articles).hasSize(1);
        assertThat(articles.get(0).getUrl()).isEqualTo("https://arsip.example/a");
        assertThat(articles.get(0).getFetchedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void feedItemsArePublishedOnceAcrossPollsAndAnXxeFeedIsDeadLettered() throws Exception {
        String item = "<item><title>Judul %1$s</title><link>https://kabar.example/%1$s</link><guid>%1$s</guid>"
                + "<description>Ringkasan berita %1$s yang dimuat di umpan.</description>"
                + "<pubDate>Mon, 06 Jan 2025 10:00:00 +0700</pubDate></item>";
        Path day1 = Files.writeString(
                dir.resolve("day1.xml"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + "<title>Kabar</title><language>id</language>"
                        + item.formatted("satu") + item.formatted("dua") + "</channel></rss>");
        Path day2 = Files.writeString(
                dir.resolve("day2.xml"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>" + "<title>Kabar</title><language>id</language>"
                        + item.formatted("dua") + item.formatted("tiga") + "</channel></rss>");
        Path xxe = Files.writeString(
                dir.resolve("evil.xml"),
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM "
                        + "\"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        assertThat(broker.runner().ingestPaths(List.of(day1)).published()).isEqualTo(2);
        IngestSummary second = broker.runner().ingestPaths(List.of(day2, xxe));
        assertThat(second.published()).isEqualTo(1);
        assertThat(second.repeats()).isEqualTo(1);
        assertThat(second.deadLettered()).isEqualTo(1);
        List<RawArticle> items = raw("feed", 3);
        assertThat(items)
                .extracting(RawArticle::getTitle)
                .containsExactlyInAnyOrder("Judul satu", "Judul dua", "Judul tiga");
        assertThat(items).allSatisfy(a -> assertThat(a.getContentOrigin()).isEqualTo("feed"));
        assertThat(deadLetters("", 1)).anySatisfy(l -> assertThat(l.getSource()).contains("evil.xml"));
    }

    @Test
    void inboxFilesAreIngestedThenMovedToDoneAndAGzipBombIsDeadLettered() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (InboxWatcher watcher = new InboxWatcher(broker.runner(), inbox, Duration.ZERO, line -> {})) {
            Files.writeString(
                    inbox.resolve("kiriman.txt"),
                    "Kiriman warga soal jalan rusak\n\nJalan di desa kami rusak sejak "
                            + "musim hujan dan belum diperbaiki.");
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    gz.write(zeros);
                }
            }
            Files.write(inbox.resolve("bomb.html.gz"), bomb.toByteArray());
            watcher.scanOnce().get();
        }
        assertThat(inbox.resolve("done/kiriman.txt")).exists();
        assertThat(inbox.resolve("kiriman.txt")).doesNotExist();
        assertThat(raw("text", 1))
                .anySatisfy(a -> assertThat(a.getTitle()).isEqualTo("Kiriman warga soal jalan rusak"));
        assertThat(deadLetters("", 1)).anySatisfy(l -> assertThat(l.getSource()).contains("bomb.html.gz"));
    }

    @Test
    void httpPostIsAcceptedOnceKafkaAckedAndBadInputIsRefused() throws Exception {
        try (HttpIngestServer server =
                HttpIngestServer.start(broker.runner(), 0, dev.warta.ingest.IngestLimits.defaults())) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/articles");
            HttpResponse<String> ok = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"url\":\"https://kabar.example/post-1\",\"title\":\"Kiriman lewat HTTP\","
                                            + "\"text\":\"Isi berita yang dikirim lewat HTTP.\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(202);
            assertThat(ok.body()).contains("\"id\"");
            assertThat(raw("http", 1)).anySatisfy(a -> assertThat(a.getTitle()).isEqualTo("Kiriman lewat HTTP"));
            HttpResponse<String> bad = http.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
        }
    }
}
