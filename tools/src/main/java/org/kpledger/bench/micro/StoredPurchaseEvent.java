package org.kpledger.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.kpledger.bench.PurchaseSample;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.identity.ActorIdentity;
import org.kpledger.identity.CertificateAuthenticator;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.signing.SignedEnvelope;

/**
 * The event a purchase slip causes, as the anchoring processor reads it back from the event store:
 * payload and metadata already serialized (Jackson, ISO dates, as Spring Boot configures Axon's
 * serializer), the signed envelope and the signer's identity in the metadata, as the node's
 * correlation data provider copies them.
 */
final class StoredPurchaseEvent {

  /** The serializer the event was stored with; the leaf encoder must use the same one. */
  static final Serializer SERIALIZER =
      JacksonSerializer.builder()
          .objectMapper(
              JsonMapper.builder()
                  .findAndAddModules()
                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                  .build())
          .build();

  private StoredPurchaseEvent() {}

  static DomainEventMessage<?> of(PurchaseSample sample) {
    SignedEnvelope envelope = SignedEnvelope.fromJson(sample.envelopeJson());
    ActorIdentity signer =
        new CertificateAuthenticator(sample.trustAnchors())
            .authenticate(
                CertificateAuthenticator.parseCertificate(envelope.signerCertificate()),
                envelope.issuedAtInstant());
    JsonNode p = envelope.payload();
    LotPurchasedEvent event =
        new LotPurchasedEvent(
            p.get("lotId").textValue(),
            p.get("slipNumber").textValue(),
            p.get("minerId").textValue(),
            "PAT-" + p.get("minerId").textValue(),
            p.get("siteId").textValue(),
            sample.zoneId(),
            signer.organisationId(),
            p.get("buyerLicence").textValue(),
            p.get("carats").decimalValue(),
            p.get("stoneCount").intValue(),
            p.get("priceUsd").decimalValue(),
            Instant.parse(p.get("occurredAt").textValue()),
            true,
            false);
    Instant recordedAt = Clock.systemUTC().instant();
    MetaData metaData =
        MetaData.from(
            Map.of(
                LedgerMetaData.ENVELOPE, sample.envelopeJson(),
                LedgerMetaData.COMMAND_ID, envelope.commandId(),
                LedgerMetaData.ACTOR_ID, signer.actorId(),
                LedgerMetaData.ORGANISATION_ID, signer.organisationId(),
                LedgerMetaData.ORGANISATION_TYPE, signer.organisationType().name(),
                LedgerMetaData.ROLE, signer.role().name(),
                LedgerMetaData.RECORDED_AT, recordedAt.toString()));
    SerializedMessage<LotPurchasedEvent> stored =
        new SerializedMessage<>(
            UUID.randomUUID().toString(),
            SERIALIZER.serialize(event, byte[].class),
            SERIALIZER.serialize(metaData, byte[].class),
            SERIALIZER);
    return new GenericDomainEventMessage<>("Parcel", event.lotId(), 0, stored, recordedAt);
  }
}
