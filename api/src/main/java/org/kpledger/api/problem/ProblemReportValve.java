package org.kpledger.api.problem;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's error page for what it refuses before any servlet runs (a request line or path that is
 * not valid HTTP, such as {@code /api/%zz} or an encoded slash): problem+json with a rule instead
 * of Tomcat's HTML page. Installed as the host's error report valve ({@link TomcatProblems}).
 */
public class ProblemReportValve extends ErrorReportValve {

  /** Tomcat creates the valve by its class name. */
  public ProblemReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int code = response.getStatus();
    if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus status = HttpStatus.resolve(code);
    String rule = status == null ? "HTTP_" + code : ProblemTypes.ruleOf(status);
    String detail =
        code == 400
            ? "the request line or path is not valid (RFC 9112, RFC 3986): check its"
                + " percent-encoding and characters"
            : code >= 500
                ? "the node could not answer; the fault is logged on the node"
                : "the request cannot be served as sent";
    String title = status == null ? "Error" : status.getReasonPhrase();
    String json =
        "{\"type\":\""
            + ProblemTypes.uri(rule)
            + "\",\"title\":\""
            + title
            + "\",\"status\":"
            + code
            + ",\"detail\":\""
            + detail
            + "\",\"instance\":\"/\",\"rule\":\""
            + rule
            + "\"}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away; nothing more to say
    }
  }
}
