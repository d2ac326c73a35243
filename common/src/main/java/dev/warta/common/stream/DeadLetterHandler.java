package dev.warta.common.stream;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream stages' error policy (KIP-1033/KIP-1034 handlers): a record that cannot be deserialized, processed or
 * serialized becomes a {@link DeadLetter} on {@code news.dlq} naming topic, partition, offset, stage and reason,
 * produced by Kafka Streams within the task's transaction; the stream goes on.
 *
 * <p>Configuration: {@value #STAGE} (enrich, sink), {@code schema.registry.url}, {@value #VERSION}, and optionally
 * {@value #LISTENER}: a {@code BiConsumer<String stage, String reason>} told of each dead letter (metrics).
 */
public class DeadLetterHandler
        implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
    public static final String STAGE = "warta.stage";
    public static final String VERSION = "warta.enrichment.version";
    public static final String LISTENER = "warta.dead.letter.listener";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String stage = "stream";
    private String version;
    private AvroSerde<DeadLetter> serde;
    private BiConsumer<String, String> listener = (s, r) -> {};

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs) {
        Object s = configs.get(STAGE);
        if (s != null) {
            stage = s.toString();
        }
        Object v = configs.get(VERSION);
        version = v == null ? null : v.toString();
        Object l = configs.get(LISTENER);
        if (l instanceof BiConsumer<?, ?> c) {
            listener = (BiConsumer<String, String>) c;
        }
        Object url = configs.get(AvroSerde.REGISTRY_URL);
        serde = AvroSerde.of(DeadLetter.class, url == null ? null : url.toString());
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(deadLetter(
                exception, record.topic(), record.partition(), record.offset(), record.key(), record.value()));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(
            ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return ProcessingExceptionHandler.Response.resume(deadLetter(
                exception,
                context.topic(),
                context.partition(),
                context.offset(),
                context.sourceRawKey(),
                context.sourceRawValue()));
    }

    @Override
    public ProductionExceptionHandler.Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        return ProductionExceptionHandler.Response.resume(deadLetter(
                exception,
                context.topic(),
                context.partition(),
                context.offset(),
                context.sourceRawKey(),
                context.sourceRawValue()));
    }

    @Override
    public ProductionExceptionHandler.Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        // A send that failed after retries (broker-side): fail so that EOS aborts and the task retries the batch.
        return ProductionExceptionHandler.Response.fail();
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(
            Exception error, String topic, int partition, long offset, byte[] key, byte[] value) {
        DeadLetter letter = DeadLetters.forRecord(stage, error, topic, partition, offset, key, value, version);
        LOG.warn(
                "dead letter from {} at {}/{}@{}: {} ({})",
                stage,
                topic,
                partition,
                offset,
                letter.getReason(),
                letter.getMessage());
        listener.accept(stage, letter.getReason());
        byte[] keyBytes = key == null ? null : key.clone();
        if (keyBytes == null && letter.getKey() != null) {
            keyBytes = letter.getKey().getBytes(StandardCharsets.UTF_8);
        }
        return List.of(new ProducerRecord<>(Topics.DLQ, keyBytes, serde.serialize(Topics.DLQ, letter)));
    }
}
