package dev.warta.sink;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A record of news.enriched as the sink reads it: its wire-format bytes, passed on untouched where nothing changes,
 * and the few fields the sink decides on, decoded alone ({@link AvroSerde#deserializeProjection}) so that the text,
 * entities and segments of an article are not built into objects only to be written again.
 *
 * @param verdictFields whether the record already carries a verdict (duplicateOf, similarity or filterReason set):
 *                      such bytes cannot be passed on as they are
 */
public record SinkInput(
        byte[] wire,
        String id,
        String text,
        boolean wholePage,
        String languageCode,
        String textHash,
        int[] minhash,
        boolean verdictFields) {

    /** The fields of {@link EnrichedArticle} the sink reads (defaults for writers that lack them). */
    static final Schema PROJECTION = new Schema.Parser().parse("""
            {"type": "record", "name": "EnrichedArticle", "namespace": "dev.warta.schemas", "fields": [
              {"name": "id", "type": "string"},
              {"name": "text", "type": "string", "default": ""},
              {"name": "language", "type": {"type": "record", "name": "Language", "fields": [
                {"name": "code", "type": "string", "default": "und"}]}, "default": {"code": "und"}},
              {"name": "spam", "type": {"type": "record", "name": "Spam", "fields": [
                {"name": "wholePage", "type": "boolean", "default": false}]}, "default": {"wholePage": false}},
              {"name": "textHash", "type": "string", "default": ""},
              {"name": "minhash", "type": {"type": "array", "items": "int"}, "default": []},
              {"name": "duplicateOf", "type": ["null", "string"], "default": null},
              {"name": "similarity", "type": ["null", "double"], "default": null},
              {"name": "filterReason", "type": ["null", "string"], "default": null}]}
            """);

    /** Reads the projected fields of wire-format {@code data} (a {@code WireFormatException} when it is not). */
    public static SinkInput read(AvroSerde<EnrichedArticle> serde, String topic, byte[] data) {
        GenericRecord r = serde.deserializeProjection(topic, data, PROJECTION);
        if (r == null) {
            return null;
        }
        List<?> hash = (List<?>) r.get("minhash");
        int[] minhash = new int[hash.size()];
        for (int i = 0; i < minhash.length; i++) {
            minhash[i] = (Integer) hash.get(i);
        }
        return new SinkInput(
                data,
                r.get("id").toString(),
                r.get("text").toString(),
                (Boolean) ((GenericRecord) r.get("spam")).get("wholePage"),
                ((GenericRecord) r.get("language")).get("code").toString(),
                r.get("textHash").toString(),
                minhash,
                r.get("duplicateOf") != null || r.get("similarity") != null || r.get("filterReason") != null);
    }

    /** The whole article, decoded. */
    public EnrichedArticle decode(AvroSerde<EnrichedArticle> serde, String topic) {
        return serde.deserialize(topic, wire);
    }
}
