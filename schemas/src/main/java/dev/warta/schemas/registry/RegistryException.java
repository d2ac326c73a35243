package dev.warta.schemas.registry;

/**
 * A registry call that failed: carries Confluent's error code (40401 subject not found, 40402 version not
 * found, 40403 schema not found, 409 incompatible, 42201 invalid schema, 50001 store error, ...) and the HTTP
 * status, or {@code -1} when the registry could not be reached at all.
 */
public class RegistryException extends RuntimeException {
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY = 42203;
    public static final int STORE_ERROR = 50001;
    public static final int UNREACHABLE = -1;

    private final int errorCode;
    private final int httpStatus;

    public RegistryException(int errorCode, int httpStatus, String message) {
        this(errorCode, httpStatus, message, null);
    }

    public RegistryException(int errorCode, int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True when retrying may help (registry unreachable or a 5xx). */
    public boolean retriable() {
        return httpStatus == UNREACHABLE || httpStatus >= 500;
    }
}
