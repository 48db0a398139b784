package dev.numgen.server.web;

import dev.numgen.problem.ProblemType;

/** numgen's problem type for a status that a framework or the container decided, with no numgen exception behind it. */
final class DecidedStatus {

    private DecidedStatus() {}

    /** The type for a status that Spring MVC decided. */
    static ProblemType typeOf(int status) {
        return switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            case 503 -> ProblemType.STORAGE_UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.INVALID_REQUEST;
        };
    }

    /**
     * The type for a status that the servlet container decided before any route saw the request, or null when numgen
     * has none for it (the answer is then {@code about:blank} with the status as it was).
     */
    static ProblemType refusalTypeOf(int status) {
        return switch (status) {
            case 400 -> ProblemType.REQUEST_REJECTED;
            case 401, 403, 404, 405, 406, 413, 414, 415, 431 -> typeOf(status);
            default -> null;
        };
    }
}
