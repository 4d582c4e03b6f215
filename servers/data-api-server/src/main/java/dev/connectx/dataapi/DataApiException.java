package dev.connectx.dataapi;

/** A request the Data API answers with an error body: {@code {"error": …, "error_code": …}}. */
final class DataApiException extends RuntimeException {

    private final int status;
    private final String errorCode;

    DataApiException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    String errorCode() {
        return errorCode;
    }

    static DataApiException invalid(String message) {
        return new DataApiException(400, "InvalidParameter", message);
    }
}
