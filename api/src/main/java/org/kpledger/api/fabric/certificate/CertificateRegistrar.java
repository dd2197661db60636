package org.kpledger.api.fabric.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.GatewayException;
import org.kpledger.certificate.CertificateContent;
import org.kpledger.certificate.CertificateIssuedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers each certificate the ledger issues with the channel's {@code CertificateRegistry}:
 * {@code RegisterCertificate(number, SHA-256 of its content, importing country)}. It runs in a
 * tracking processor of its own ({@value #PROCESSING_GROUP}, one event per batch), so its token
 * advances only once the channel holds the certificate: while the network cannot be reached the
 * handler throws and the processor retries the same event. A retry after a registration whose
 * answer was lost finds the number registered: the same content hash counts as done, another is a
 * certificate number taken on the channel by other content, and stops the processor loudly.
 */
@ProcessingGroup(CertificateRegistrar.PROCESSING_GROUP)
public class CertificateRegistrar {

  /** The processing group, and the name of its tracking processor. */
  public static final String PROCESSING_GROUP = "fabric-certificates";

  private static final Logger LOG = LoggerFactory.getLogger(CertificateRegistrar.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Contract registry;

  /**
   * Registers through the given contract.
   *
   * @param registry the {@code CertificateRegistry} contract, as the node's Fabric identity
   */
  public CertificateRegistrar(Contract registry) {
    this.registry = registry;
  }

  /**
   * Registers the certificate, or finds it registered with the same content.
   *
   * @param e the issue
   * @throws ChannelUnavailableException while the channel cannot be reached or commit it
   * @throws IllegalStateException if the number is registered with other content
   */
  @EventHandler
  public void on(CertificateIssuedEvent e) {
    String hash = CertificateContent.of(e).sha256Hex();
    String number = e.certificateNumber();
    try {
      registry.submitTransaction("RegisterCertificate", number, hash, e.importerCountry());
      LOG.info("registered certificate {} on the channel (content {})", number, hash);
    } catch (GatewayException ex) {
      if (!RegistryAnswers.refusedWith(ex, "DUPLICATE_CERTIFICATE")) {
        throw new ChannelUnavailableException(
            "registering " + number + " failed: " + RegistryAnswers.describe(ex), ex);
      }
      String registered = registeredHash(number);
      if (!registered.equals(hash)) {
        throw new IllegalStateException(
            "certificate "
                + number
                + " is registered on the channel with content "
                + registered
                + ", not this ledger's "
                + hash
                + ": another party holds the number; registration stops here");
      }
      LOG.info("certificate {} was already registered on the channel with its content", number);
    } catch (CommitException ex) {
      throw new ChannelUnavailableException(
          "registering " + number + " was not committed: " + ex.getCode(), ex);
    }
  }

  private String registeredHash(String number) {
    try {
      JsonNode record =
          JSON.readTree(new String(registry.evaluateTransaction("GetCertificate", number), UTF_8));
      return record.path("contentHash").asText();
    } catch (GatewayException ex) {
      throw new ChannelUnavailableException(
          "reading " + number + " failed: " + RegistryAnswers.describe(ex), ex);
    } catch (IOException ex) {
      throw new UncheckedIOException("the registry answered unreadable JSON for " + number, ex);
    }
  }
}
