package org.kpledger.api.operations;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What the request path learnt about the request it serves, left as request attributes for the
 * access log: the command's type and id, and the rule of a refusal. Only codes and ids the node
 * itself chose to name in its answer go here, never a payload, signature or certificate. Outside a
 * web request (a batch member run by a tool, a test) the calls do nothing.
 */
public final class RequestFacts {
  static final String COMMAND_TYPE = RequestFacts.class.getName() + ".commandType";
  static final String COMMAND_ID = RequestFacts.class.getName() + ".commandId";
  static final String RULE = RequestFacts.class.getName() + ".rule";
  static final String COMMANDS = RequestFacts.class.getName() + ".commands";
  static final String REPLAYED = RequestFacts.class.getName() + ".replayed";

  private RequestFacts() {}

  /** The command the request carries (type as declared in the catalogue, id as signed). */
  public static void command(String commandType, String commandId) {
    set(COMMAND_TYPE, commandType);
    set(COMMAND_ID, commandId);
  }

  /** How many envelopes a batch request carried. */
  public static void batch(int commands) {
    set(COMMANDS, commands);
  }

  /** A batch was accepted whole: no one member's type and id stand for it. */
  public static void batchAccepted() {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null) {
      request.removeAttribute(COMMAND_TYPE, RequestAttributes.SCOPE_REQUEST);
      request.removeAttribute(COMMAND_ID, RequestAttributes.SCOPE_REQUEST);
    }
  }

  /** The answer came from a receipt: the command was recorded (or refused) before. */
  public static void replayed() {
    set(REPLAYED, Boolean.TRUE);
  }

  /** The rule named on a request a filter answers itself (no request context there yet). */
  public static void rule(jakarta.servlet.http.HttpServletRequest request, String rule) {
    if (rule != null && request.getAttribute(RULE) == null) {
      request.setAttribute(RULE, rule);
    }
  }

  /** The command type noted for the current request, if any. */
  public static String commandType() {
    return (String) get(COMMAND_TYPE);
  }

  /** The rule noted for the current request, if any. */
  public static String rule() {
    return (String) get(RULE);
  }

  /** Whether the current request was answered from a receipt. */
  public static boolean isReplayed() {
    return Boolean.TRUE.equals(get(REPLAYED));
  }

  private static Object get(String name) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    return request == null ? null : request.getAttribute(name, RequestAttributes.SCOPE_REQUEST);
  }

  /** The rule the answer names (a refusal's {@code rule}); the first one named wins. */
  public static void rule(String rule) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null
        && rule != null
        && request.getAttribute(RULE, RequestAttributes.SCOPE_REQUEST) == null) {
      request.setAttribute(RULE, rule, RequestAttributes.SCOPE_REQUEST);
    }
  }

  private static void set(String name, Object value) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null && value != null) {
      request.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
    }
  }
}
