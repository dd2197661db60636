package org.kpledger.anchoring.leaf;

/**
 * An event could not be turned into leaf bytes that say exactly what the event says: its payload or
 * metadata is not JSON, or holds a number that RFC 8785 canonical JSON would change. The anchoring
 * processor does not skip such an event; it stops and retries, so an operator sees this message.
 */
public final class LeafEncodingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LeafEncodingException(String message) {
    super(message);
  }

  LeafEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
