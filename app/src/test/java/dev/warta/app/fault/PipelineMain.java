package dev.warta.app.fault;

import dev.warta.app.KafkaTestSupport;
import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.app.platform.ProgressWatch;
import dev.warta.app.platform.TopicSetup;
import dev.warta.app.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The process {@link KillPipelineProcessIT} kills: what {@code warta run} runs in one JVM (embedded broker, registry on
 * the {@code _schemas} topic, enrich, sink, the progress watch with its hanging-transaction abort), on fixed ports so
 * that a restart on the same data dir is the same cluster to the test's clients. Prints {@value #READY} once both
 * stages are RUNNING. Arguments: DATA_DIR BROKER_PORT REGISTRY_PORT WRITE_TOKEN.
 */
public final class PipelineMain {
    static final String READY = "PIPELINE RUNNING";

    private PipelineMain() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, Integer.parseInt(args[1]));
        Properties client = KafkaTestSupport.client(kafka.bootstrapServers());
        TopicSetup.ensure(client, 3, (short) 1);
        EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(client, Integer.parseInt(args[2]))
                .writeToken(args[3])
                .start();
        String url = registry.url().replace("http://", "http://warta:" + args[3] + "@");
        InProcessStages stages = InProcessStages.start(kafka.bootstrapServers(), url, dataDir.resolve("state"));
        ProgressWatch watch = new ProgressWatch(
                        client,
                        List.of("news.raw", "news.enriched", "news.clean"),
                        Map.of("warta-enrich", "news.raw", "warta-sink", "news.enriched"),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(20),
                        line -> System.out.println("progress-watch: " + line))
                .start(Duration.ofSeconds(5));
        if (!stages.awaitRunning(Duration.ofSeconds(120))) {
            System.out.println("stages did not reach RUNNING");
            System.exit(1);
        }
        System.out.println(READY + " broker " + kafka.bootstrapServers() + " registry " + registry.url());
        System.out.flush();
        Thread.currentThread().join(); // until killed; nothing here is closed on purpose
        watch.close();
    }
}
