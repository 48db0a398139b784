package dev.numgen.server.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Takes the place of Tomcat's HTML error report, for requests the container refuses before any filter or route sees
 * them (an encoded slash or NUL in the path, a malformed request line, headers over the limit): the same RFC 9457
 * problem as everywhere else, with no server name, version or exception text. Tomcat answers a request line or
 * headers over the limit with 400; this answers 414 or 431, as HTTP names them.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        int refined = status == 400 ? refinedStatus(request, throwable) : status;
        try {
            response.setCharacterEncoding("UTF-8");
            ProblemWriter.writeStatus(response.getResponse(), refined, null);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response is already on its way: nothing more can be said.
        }
    }

    /** Tomcat says "Request header is too large" for both; a request line cut off before its end has no URI yet. */
    private static int refinedStatus(Request request, Throwable cause) {
        if (cause == null || cause.getMessage() == null || !cause.getMessage().contains("too large")) {
            return 400;
        }
        String uri = request.getRequestURI();
        return uri == null || uri.isEmpty() ? 414 : 431;
    }
}
