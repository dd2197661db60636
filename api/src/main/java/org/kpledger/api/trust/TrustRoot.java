package org.kpledger.api.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpledger.api.settings.LedgerProperties;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.identity.IdentityRejectedException;
import org.kpledger.identity.TrustAnchors;
import org.kpledger.revocation.RevocationListPublishedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation CAs this ledger trusts (the PEM certificates in {@code kp.trust-dir}) and the
 * revocation lists they published, replayed from the event store. The directory is read again when
 * it changes, so an operator can enrol an organisation without a restart. A list this node records
 * reaches it through {@link RevocationListHandler} once its unit of work commits. With {@code
 * kp.multi-node=true} another node may have recorded a revocation list: each authentication first
 * asks the store, in one indexed query, whether an organisation's stream grew, and applies the
 * lists it gained, so no node accepts a certificate revoked before the request.
 */
@Component
public class TrustRoot {
  private static final Logger log = LoggerFactory.getLogger(TrustRoot.class);
  private final Path dir;
  private final EventStore eventStore;
  private volatile CertificateAuthenticator authenticator;
  private volatile TrustAnchors anchors;
  private volatile long loadedStamp = Long.MIN_VALUE;
  private volatile long nextCheckNanos = System.nanoTime();
  private final boolean multiNode;
  private final JdbcTemplate jdbc;

  /** Per organisation, the last sequence number of its stream applied to the authenticator. */
  private volatile Map<String, Long> applied = Map.of();

  TrustRoot(LedgerProperties props, @Lazy EventStore eventStore, @Lazy JdbcTemplate jdbc)
      throws IOException {
    this.dir = props.trustDir();
    this.eventStore = eventStore;
    this.multiNode = props.multiNode();
    this.jdbc = jdbc;
    Files.createDirectories(dir);
  }

  /** The authenticator over the current trust directory. */
  public CertificateAuthenticator authenticator() {
    long now = System.nanoTime();
    if (authenticator == null || now - nextCheckNanos >= 0) {
      nextCheckNanos = now + 1_000_000_000L;
      long stamp = stamp();
      if (authenticator == null || stamp != loadedStamp) {
        reload(stamp);
      }
    }
    return authenticator;
  }

  /**
   * Authenticates a signer's certificate at {@code at}. A certificate from an issuer not yet known
   * (or whose signature no known CA of its issuer verifies, as after a CA rollover) makes the trust
   * directory be read again at once if it changed, so a newly enrolled organisation or CA is
   * trusted from its first command.
   */
  public ActorIdentity authenticate(X509Certificate certificate, Instant at) {
    if (multiNode) {
      followRevocations();
    }
    try {
      return authenticator().authenticate(certificate, at);
    } catch (IdentityRejectedException e) {
      if (!e.reason().equals(IdentityRejectedException.Reason.UNKNOWN_ISSUER)
          && !e.reason().equals(IdentityRejectedException.Reason.BAD_CERTIFICATE_SIGNATURE)) {
        throw e;
      }
      long stamp = stamp();
      if (stamp == loadedStamp) {
        throw e;
      }
      reload(stamp);
      return authenticator.authenticate(certificate, at);
    }
  }

  /** The organisation CAs currently trusted. */
  public TrustAnchors anchors() {
    authenticator();
    return anchors;
  }

  private synchronized void reload(long stamp) {
    if (authenticator != null && stamp == loadedStamp) {
      return;
    }
    TrustAnchors anchors;
    try {
      anchors = TrustAnchors.loadDirectory(dir);
    } catch (IllegalArgumentException e) {
      if (authenticator == null) {
        throw new IllegalStateException(
            "the trust directory " + dir + " is refused: " + e.getMessage(), e);
      }
      // Keep trusting what was trusted; an operator's bad file must not lock every actor out.
      loadedStamp = stamp;
      log.error(
          "trust directory {} changed but is refused, keeping the previous CAs: {}",
          dir,
          e.getMessage());
      return;
    }
    CertificateAuthenticator fresh = new CertificateAuthenticator(anchors);
    Map<String, Long> read = new HashMap<>();
    for (String org : anchors.organisationIds()) {
      read.put(org, ingestFrom(fresh, org, 0));
    }
    this.applied = read;
    this.anchors = anchors;
    authenticator = fresh;
    loadedStamp = stamp;
    log.info(
        "trust root loaded: {} CA certificates of {} organisations from {}",
        anchors.anchors().size(),
        anchors.organisationIds().size(),
        dir);
  }

  /**
   * Applies the revocation lists of {@code organisationId}'s stream from sequence number {@code
   * from} on; returns the last sequence number read, or {@code from - 1} if none.
   */
  private long ingestFrom(CertificateAuthenticator to, String organisationId, long from) {
    long last = from - 1;
    for (DomainEventMessage<?> m :
        eventStore.readEvents(organisationId, from).asStream().toList()) {
      if (m.getPayload() instanceof RevocationListPublishedEvent published) {
        to.ingestRevocationList(parseCrl(published.crl()));
      }
      last = m.getSequenceNumber();
    }
    return last;
  }

  /** Applies the revocation lists other nodes recorded since this node last looked. */
  private void followRevocations() {
    CertificateAuthenticator current = authenticator();
    Map<String, Long> known = applied;
    if (known.isEmpty()) {
      return;
    }
    String marks = String.join(",", Collections.nCopies(known.size(), "?"));
    List<Map<String, Object>> streams =
        jdbc.queryForList(
            "SELECT aggregate_identifier, MAX(sequence_number) AS last FROM domain_event_entry"
                + " WHERE aggregate_identifier IN ("
                + marks
                + ") GROUP BY aggregate_identifier",
            known.keySet().toArray());
    for (Map<String, Object> stream : streams) {
      String org = (String) stream.get("aggregate_identifier");
      long last = ((Number) stream.get("last")).longValue();
      if (last > known.getOrDefault(org, -1L)) {
        catchUp(current, org);
      }
    }
  }

  /**
   * Applies a revocation list this node recorded, once its unit of work committed: event {@code
   * sequence} of {@code organisationId}'s stream. Lists of the same stream read from the store
   * meanwhile (by a reload or a catch-up) are not applied twice, and lists another node recorded
   * before it are applied first, in the stream's order, as an organisation's CRL numbers only grow.
   */
  synchronized void recorded(String organisationId, long sequence, X509CRL crl) {
    CertificateAuthenticator current = authenticator();
    long known = applied.getOrDefault(organisationId, -1L);
    if (sequence <= known) {
      return;
    }
    long last = sequence;
    if (sequence == known + 1) {
      current.ingestRevocationList(crl);
    } else {
      last = ingestFrom(current, organisationId, known + 1);
    }
    Map<String, Long> next = new HashMap<>(applied);
    next.put(organisationId, last);
    applied = next;
  }

  private synchronized void catchUp(CertificateAuthenticator current, String org) {
    if (current != authenticator) {
      return; // reloaded meanwhile, from the whole store
    }
    Map<String, Long> next = new HashMap<>(applied);
    next.put(org, ingestFrom(current, org, applied.getOrDefault(org, -1L) + 1));
    applied = next;
  }

  /** Parses a base64 DER CRL. */
  public static X509CRL parseCrl(String base64) {
    try {
      return (X509CRL)
          CertificateFactory.getInstance("X.509")
              .generateCRL(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    } catch (CertificateException | java.security.cert.CRLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a base64 DER X.509 CRL", e);
    }
  }

  private long stamp() {
    try (var files = Files.list(dir)) {
      return files
          .mapToLong(
              p -> {
                try {
                  return Files.getLastModifiedTime(p).toMillis() ^ p.getFileName().hashCode();
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException e) {
      return loadedStamp;
    }
  }
}
