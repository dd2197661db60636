package org.kpledger.custody;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.MetaData;

/** Keys of the metadata every command and event carries from its verified envelope. */
public final class LedgerMetaData {
  /** The envelope exactly as the actor signed it (JSON text). */
  public static final String ENVELOPE = "envelope";

  /**
   * The lower-case hex SHA-256 of the envelope's UTF-8 bytes exactly as signed ({@link
   * #envelopeSha256(String)}): what an event carries in place of {@link #ENVELOPE} since leaf
   * format {@code kp-ledger/leaf/v2}, the envelope itself being stored once per command.
   */
  public static final String ENVELOPE_SHA256 = "envelopeSha256";

  /** The envelope's commandId. */
  public static final String COMMAND_ID = "commandId";

  /** The signer's actor id (certificate CN). */
  public static final String ACTOR_ID = "actorId";

  /** The signer's organisation id (certificate O). */
  public static final String ORGANISATION_ID = "organisationId";

  /** The signer's organisation type (from its CA). */
  public static final String ORGANISATION_TYPE = "organisationType";

  /** The signer's role (certificate OU). */
  public static final String ROLE = "role";

  /**
   * The four keys that together carry the signer ({@link Actor#toMetaData()}, {@link
   * Actor#from(java.util.Map)}), in the order of the {@link Actor}'s components.
   */
  public static final List<String> ACTOR_KEYS =
      List.of(ACTOR_ID, ORGANISATION_ID, ORGANISATION_TYPE, ROLE);

  /** The ledger's record time of the command (ISO-8601), the second of the two clocks. */
  public static final String RECORDED_AT = "recordedAt";

  /**
   * On an event the node records from the Fabric channel rather than from a signed command (the
   * importing authority's confirmation of a certificate): the whole block that holds the channel's
   * transaction, base64 of its {@code common.Block} bytes, the event's evidence in place of an
   * envelope.
   */
  public static final String FABRIC_BLOCK = "fabricBlock";

  private LedgerMetaData() {}

  /**
   * The digest an event carries for its command's envelope ({@link #ENVELOPE_SHA256}).
   *
   * @param envelope the envelope JSON text exactly as the actor signed and sent it
   * @return the lower-case hex SHA-256 of its UTF-8 bytes
   */
  public static String envelopeSha256(String envelope) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * The Bangui day on which the ledger recorded the command carrying {@code meta}: the day of an
   * act that carries no field date of its own (an approval, a certification, a transfer's
   * acceptance). The node stamps {@link #RECORDED_AT} from its one clock on every command it sends;
   * a command without it is refused rather than dated by whatever machine handles it, so no rule is
   * judged on a day nobody recorded.
   *
   * @throws IllegalArgumentException if {@code meta} carries no {@link #RECORDED_AT}
   */
  public static LocalDate recordDay(MetaData meta) {
    Object at = meta.get(RECORDED_AT);
    if (at == null) {
      throw new IllegalArgumentException(
          "RECORD_TIME_MISSING: the command carries no "
              + RECORDED_AT
              + "; whoever sends a command to the ledger stamps its record time from the node's"
              + " clock");
    }
    return LedgerCalendar.dateOf(Instant.parse(at.toString()));
  }

  /**
   * The ledger's record time of the message carrying {@code meta}: its command's {@link
   * #RECORDED_AT} (stamped from the node's one clock), else {@code timestamp} (the message's own
   * time, for a message that did not come through the node, e.g. in a test). What was "known at" an
   * instant is what was recorded at or before it by this time.
   */
  public static Instant recordedAt(MetaData meta, Instant timestamp) {
    Object at = meta == null ? null : meta.get(RECORDED_AT);
    return at == null ? timestamp : Instant.parse(at.toString());
  }
}
