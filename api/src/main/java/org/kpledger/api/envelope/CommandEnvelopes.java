package org.kpledger.api.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.kpledger.api.projection.ProjectionWriter;
import org.kpledger.api.storage.CommandKey;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.eventstore.PackedJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The envelopes of accepted commands, one row per command, written in the transaction that stores
 * the command's events ({@link EnvelopeStoreInterceptor}). The signer's certificate, most of an
 * envelope's bytes and the same in every command an actor signs, is kept once per certificate
 * ({@code signer_certificate}); the row keeps the rest of the text and the offset the certificate
 * was cut out at, and every read puts it back and checks the whole against the envelope's SHA-256,
 * so what is served is exactly what was signed or nothing. The digests are kept as their 32 bytes
 * (migration V4), their hex (as events carry them) made at the edges of this class. The rest of the
 * text is kept packed like the events' JSON ({@link PackedJson}, column {@code packed_envelope},
 * migration V5) unless {@code kp.event-store.pack-json} is false; rows kept as text read as before.
 * A packed text that began with the row's own command id ({@code {"commandId":"<command_id>",}, as
 * every envelope in RFC 8785 form does) is kept without it, {@value #WITHOUT_ID} in its place, as
 * receipts keep their outcomes ({@code CommandReceipts}); every read puts it back first. Rows are
 * keyed by the command id's {@link CommandKey} (migration V7), as receipts are.
 */
@Component
public class CommandEnvelopes {
  private static final int IN_LIST = 500;

  /** Marks a packed envelope whose {@code {"commandId":"<id>",} beginning was cut off. */
  static final String WITHOUT_ID = "+";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private final JdbcTemplate jdbc;
  private final TransactionTemplate own;
  private final ProjectionWriter atCommit;
  private final Set<String> knownCertificates = ConcurrentHashMap.newKeySet();
  private final boolean pack;

  CommandEnvelopes(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${kp.event-store.pack-json}") boolean pack) {
    this.jdbc = jdbc;
    this.pack = pack;
    this.atCommit = new ProjectionWriter(jdbc);
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Stores a command's envelope with the other rows of the current unit of work, sent as one JDBC
   * batch per statement when its root prepares to commit ({@link ProjectionWriter#write}), in the
   * transaction that stores the command's events; the commit fails on a command id stored. The
   * signer's certificate is kept at once, in a transaction of its own.
   */
  void storeAtCommit(String commandId, String envelope) {
    byte[] envelopeSha256 = HEX.parseHex(LedgerMetaData.envelopeSha256(envelope));
    String certificate = certificateOf(envelope);
    int at = certificate == null ? -1 : envelope.indexOf(certificate);
    String column = pack ? "packed_envelope" : "envelope";
    if (at < 0) {
      atCommit.write(
          "INSERT INTO command_envelope (command_key, command_id, envelope_sha256, "
              + column
              + ") VALUES (?, ?, ?, ?)",
          CommandKey.of(commandId),
          CommandKey.stored(commandId),
          envelopeSha256,
          stored(commandId, envelope));
      return;
    }
    String certificateSha256 = keep(certificate);
    atCommit.write(
        "INSERT INTO command_envelope (command_key, command_id, envelope_sha256, "
            + column
            + ", certificate_sha256, certificate_at) VALUES (?, ?, ?, ?, ?, ?)",
        CommandKey.of(commandId),
        CommandKey.stored(commandId),
        envelopeSha256,
        stored(
            commandId, envelope.substring(0, at) + envelope.substring(at + certificate.length())),
        HEX.parseHex(certificateSha256),
        at);
  }

  /**
   * The envelope text as its column keeps it: packed bytes ({@link PackedJson}) of the text without
   * its beginning when that is the command's own id, or the text.
   */
  private Object stored(String commandId, String text) {
    if (!pack) {
      return text;
    }
    String beginning = beginning(commandId);
    String kept =
        text.startsWith(beginning) ? WITHOUT_ID + text.substring(beginning.length()) : text;
    return PackedJson.pack(kept.getBytes(StandardCharsets.UTF_8));
  }

  private static String beginning(String commandId) {
    return "{\"commandId\":\"" + commandId + "\",";
  }

  /**
   * The envelopes of these command ids that are stored, by command id, exactly as signed; read with
   * one statement per 500 ids.
   *
   * @throws IllegalStateException if a stored envelope no longer hashes to its digest
   */
  public Map<String, String> findAll(Collection<String> commandIds) {
    Map<String, String> found = new HashMap<>();
    Set<String> wanted = new LinkedHashSet<>(commandIds);
    List<String> ids = List.copyOf(wanted);
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      jdbc.query(
          "SELECT e.command_id, e.envelope_sha256, e.envelope, e.certificate_at, c.certificate,"
              + " e.packed_envelope, e.command_key FROM command_envelope e"
              + " LEFT JOIN signer_certificate c ON c.certificate_sha256 = e.certificate_sha256"
              + " WHERE e.command_key IN ("
              + String.join(", ", Collections.nCopies(chunk.size(), "?"))
              + ")",
          rs -> {
            String commandId = CommandKey.commandId(rs.getObject(7, UUID.class), rs.getString(1));
            if (!wanted.contains(commandId)) {
              return; // another id with the same key: a SHA-256 collision in 122 bits
            }
            String text = rs.getString(3);
            if (text == null) {
              text = new String(PackedJson.unpack(rs.getBytes(6)), StandardCharsets.UTF_8);
              if (text.startsWith(WITHOUT_ID)) {
                text = beginning(commandId) + text.substring(WITHOUT_ID.length());
              }
            }
            int at = rs.getInt(4);
            boolean cut = !rs.wasNull();
            String certificate = rs.getString(5);
            if (cut && certificate != null && at <= text.length()) {
              text = text.substring(0, at) + certificate + text.substring(at);
            }
            String expected = HEX.formatHex(rs.getBytes(2));
            if (!LedgerMetaData.envelopeSha256(text).equals(expected)) {
              throw new IllegalStateException(
                  "ENVELOPE_STORE_CORRUPT: the stored envelope of command "
                      + commandId
                      + " does not hash to "
                      + expected
                      + " (its row or its signer's certificate row was altered)");
            }
            found.put(commandId, text);
          },
          chunk.stream().map(CommandKey::of).toArray());
    }
    return found;
  }

  /**
   * Keeps a certificate once, in a transaction of its own (a certificate is public and may stay
   * even if the command's transaction rolls back; two commands of a new signer at once must not
   * conflict on it).
   */
  private String keep(String certificate) {
    String sha256 = LedgerMetaData.envelopeSha256(certificate);
    if (knownCertificates.contains(sha256)) {
      return sha256;
    }
    own.executeWithoutResult(
        status -> {
          Integer rows =
              jdbc.queryForObject(
                  "SELECT COUNT(*) FROM signer_certificate WHERE certificate_sha256 = ?",
                  Integer.class,
                  (Object) HEX.parseHex(sha256));
          if (rows == null || rows == 0) {
            try {
              jdbc.update(
                  "INSERT INTO signer_certificate (certificate_sha256, certificate) VALUES (?, ?)",
                  HEX.parseHex(sha256),
                  certificate);
            } catch (DuplicateKeyException e) {
              // another command of the same signer stored it first
              status.setRollbackOnly();
            }
          }
        });
    knownCertificates.add(sha256);
    return sha256;
  }

  /** The envelope's {@code signerCertificate} string, or null if it has none (not stored cut). */
  private static String certificateOf(String envelope) {
    try {
      JsonNode certificate = JSON.readTree(envelope).get("signerCertificate");
      return certificate != null && certificate.isTextual() && !certificate.textValue().isEmpty()
          ? certificate.textValue()
          : null;
    } catch (IOException e) {
      return null;
    }
  }
}
