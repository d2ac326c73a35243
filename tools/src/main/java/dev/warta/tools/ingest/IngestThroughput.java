package dev.warta.tools.ingest;

import dev.warta.ingest.IngestRunner;
import dev.warta.ingest.IngestSummary;
import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.ArticleSink;
import dev.warta.ingest.sink.KafkaArticleSink;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures ingest throughput on generated small articles (self-written synthetic text, ~1.5 KB each).
 *
 * <pre>
 * ./warta-tools ingest-speed [--count 20000] [--format txt|jsonl] [--seed 42] [--bootstrap-servers HOST:PORT --registry-url URL]
 * </pre>
 * Without {@code --bootstrap-servers} the sink serializes each record with {@link AvroSerde} (in-memory registry)
 * and drops it: the CPU cost of ingest itself (read, hash, id, Avro). With it, records go to a real broker through
 * {@link KafkaArticleSink}. Prints one line: {@code articles=N seconds=S rate=R/s cpu-seconds=C rate-per-cpu-second=P/s} (the machine
 * may be shared: the CPU figure is the one to compare).
 */
public final class IngestThroughput {
    private static final String[] WORDS =
            ("pemerintah kota warga jalan baru hari ini menteri rapat dana bantuan sekolah "
                            + "harga pasar naik turun banjir hujan polisi kasus sidang pengadilan presiden daerah provinsi listrik air "
                            + "kereta bandara pelabuhan ekspor impor petani nelayan pajak anggaran rumah sakit dokter vaksin guru murid")
                    .split(" ");

    private IngestThroughput() {}

    public static void main(String[] args) throws Exception {
        int count = 20_000;
        String format = "txt";
        String bootstrap = null;
        String registry = "mem://throughput";
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--format" -> format = args[++i];
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--registry-url" -> registry = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("warta-throughput");
        generate(dir, count, format, seed);
        ArticleSink sink;
        if (bootstrap != null) {
            Map<String, Object> configs = new HashMap<>();
            configs.put("bootstrap.servers", bootstrap);
            configs.put(AvroSerde.REGISTRY_URL, registry);
            sink = new KafkaArticleSink(configs, Topics.RAW, Topics.DLQ, "news.ingest.seen");
        } else {
            sink = new SerializingNullSink(registry);
        }
        try (sink;
                IngestRunner runner = IngestRunner.builder(sink)
                        .fetcher(PageFetcher.disabled())
                        .build()) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            IngestSummary summary = runner.ingestPaths(List.of(dir));
            double secs = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(
                    "format=%s articles=%d seconds=%.2f rate=%.0f/s cpu-seconds=%.2f rate-per-cpu-second=%.0f/s %s%n",
                    format,
                    summary.published() + summary.repeats() + summary.updates(),
                    secs,
                    summary.read() / secs,
                    cpu,
                    summary.read() / cpu,
                    summary);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    static void generate(Path dir, int count, String format, long seed) throws IOException {
        Random random = new Random(seed);
        if (format.equals("jsonl")) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    w.write("{\"url\":\"https://bench.example/" + seed + "/berita/" + i + "\",\"title\":\""
                            + sentence(random, 6) + "\",\"text\":\"" + paragraph(random) + "\"}\n");
                }
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            Path sub = dir.resolve(Integer.toString(i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(sub);
            }
            Files.writeString(
                    sub.resolve(i + ".txt"), sentence(random, 6) + " " + i + "\n\n" + paragraph(random) + "\n");
        }
    }

    private static String paragraph(Random random) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 1500) {
            sb.append(sentence(random, 8 + random.nextInt(10))).append(". ");
        }
        return sb.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String w = WORDS[random.nextInt(WORDS.length)];
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return sb.toString();
    }

    /** Serializes like the Kafka sink does, then drops the bytes. */
    private static final class SerializingNullSink implements ArticleSink {
        private final AvroSerde<RawArticle> raw;
        private final AvroSerde<DeadLetter> dlq;
        private final LongAdder bytes = new LongAdder();

        SerializingNullSink(String registry) {
            raw = AvroSerde.of(RawArticle.class, registry);
            dlq = AvroSerde.of(DeadLetter.class, registry);
        }

        @Override
        public CompletableFuture<Void> publish(RawArticle article) {
            bytes.add(raw.serialize(Topics.RAW, article).length);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> deadLetter(DeadLetter letter) {
            bytes.add(dlq.serialize(Topics.DLQ, letter).length);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> markSeen(String id, String contentHash) {
            bytes.add(id.length() + contentHash.length());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Map<String, String> loadSeen(Duration timeout) {
            return Map.of();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
