package dev.warta.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that is not valid Schema Registry wire format, or whose schema cannot be had. The {@link #reason()}
 * is the dead-letter reason the stages publish.
 */
public class WireFormatException extends SerializationException {
    /** Why a payload could not be (de)serialized. */
    public enum Reason {
        EMPTY("empty-payload"),
        BAD_MAGIC_BYTE("bad-magic-byte"),
        UNKNOWN_SCHEMA_ID("unknown-schema-id"),
        TRUNCATED("truncated-avro"),
        MALFORMED("malformed-avro"),
        INCOMPATIBLE_SCHEMA("incompatible-schema"),
        REGISTRY_UNAVAILABLE("registry-unavailable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public WireFormatException(Reason reason, String message, Throwable cause) {
        super(reason.code() + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
