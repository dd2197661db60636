package org.kpledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.kpledger.anchoring.leaf.LeafEncoder;
import org.kpledger.api.processing.StoredPayloadType;
import org.kpledger.api.storage.EventIdentifierIndex;
import org.kpledger.audit.AuditBundle;
import org.kpledger.audit.fabric.ChannelConfirmationVerifier;
import org.kpledger.audit.fabric.FabricBlocks;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.eventstore.PackedJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads events from Axon's {@code domain_event_entry} as stored (JSON unpacked, {@link PackedJson})
 * and turns them into leaf bytes the way the anchoring processor did: each row becomes the tracked
 * event message Axon would deliver (no upcasters, as for the processor) and goes through {@link
 * LeafEncoder}.
 */
final class StoredEvents {

  private static final String COLUMNS =
      "SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type,"
          + " time_stamp, payload_type, payload_revision, payload, meta_data"
          + " FROM domain_event_entry";
  private static final String CRL_EVENT = "org.kpledger.revocation.RevocationListPublishedEvent";
  private static final int IN_LIST = 500;

  /** A stored event's identity and payload, for following references. */
  record Stored(String eventId, String payloadType, JsonNode payload) {}

  private final JdbcTemplate jdbc;
  private final Serializer serializer;
  private final LeafEncoder encoder;
  private final ObjectMapper json = new ObjectMapper();
  private volatile EventIdentifierIndex index;

  StoredEvents(JdbcTemplate jdbc, Serializer serializer) {
    this.jdbc = jdbc;
    this.serializer = serializer;
    this.encoder = new LeafEncoder(serializer);
  }

  private EventIdentifierIndex index() {
    EventIdentifierIndex known = index;
    if (known == null) {
      known = EventIdentifierIndex.of(jdbc);
      index = known;
    }
    return known;
  }

  /** The leaf bytes of the given events that the store still holds, by event id. */
  Map<String, byte[]> leafBytes(Collection<String> eventIds) {
    return leafBytes(eventIds, new HashSet<>());
  }

  /**
   * The leaf bytes of the given events that the store still holds, by event id; adds to {@code
   * envelopeCommands} the command id of each {@code kp-ledger/leaf/v2} event among them, whose
   * envelope is stored once per command and not in the event.
   */
  Map<String, byte[]> leafBytes(Collection<String> eventIds, Set<String> envelopeCommands) {
    Map<String, byte[]> out = new HashMap<>();
    List<String> ids = List.copyOf(eventIds);
    for (int from = 0; from < ids.size(); from += IN_LIST) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
      EventIdentifierIndex.Condition among = index().among("event_identifier", chunk);
      String sql = COLUMNS + " WHERE " + among.sql();
      jdbc.query(
          sql,
          rs -> {
            TrackedDomainEventData<byte[]> data =
                new TrackedDomainEventData<>(
                    new GlobalSequenceTrackingToken(rs.getLong(1)),
                    new GenericDomainEventEntry<>(
                        rs.getString(5),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(2),
                        rs.getString(6),
                        StoredPayloadType.name(rs.getString(7)),
                        rs.getString(8),
                        PackedJson.unpack(rs.getBytes(9)),
                        PackedJson.unpack(rs.getBytes(10))));
            TrackedEventMessage<?> message =
                EventUtils.upcastAndDeserializeTrackedEvents(
                        Stream.of(data), serializer, NoOpEventUpcaster.INSTANCE)
                    .findFirst()
                    .orElseThrow();
            out.put(message.getIdentifier(), encoder.encode(message));
            if (message.getMetaData().containsKey(LedgerMetaData.ENVELOPE_SHA256)) {
              Object commandId = message.getMetaData().get(LedgerMetaData.COMMAND_ID);
              if (commandId != null) {
                envelopeCommands.add(commandId.toString());
              }
            }
          },
          among.args());
    }
    return out;
  }

  /** Every event of one aggregate, in sequence order. */
  List<Stored> ofAggregate(String aggregateId) {
    return jdbc.query(
        "SELECT event_identifier, payload_type, payload FROM domain_event_entry"
            + " WHERE aggregate_identifier = ? ORDER BY sequence_number",
        (rs, n) ->
            new Stored(
                rs.getString(1), StoredPayloadType.name(rs.getString(2)), tree(rs.getBytes(3))),
        aggregateId);
  }

  /** Every CRL the ledger recorded, from its {@code RevocationListPublishedEvent}s. */
  List<AuditBundle.RevocationList> revocationLists() {
    List<AuditBundle.RevocationList> out = new ArrayList<>();
    jdbc.query(
        "SELECT event_identifier, payload FROM domain_event_entry WHERE payload_type IN (?, ?)"
            + " ORDER BY global_index",
        rs -> {
          JsonNode p = tree(rs.getBytes(2));
          out.add(
              new AuditBundle.RevocationList(
                  p.path("organisationId").asText(),
                  p.path("crlNumber").asLong(),
                  rs.getString(1),
                  Base64.getDecoder().decode(p.path("crl").asText())));
        },
        CRL_EVENT,
        StoredPayloadType.kept(CRL_EVENT));
    return out;
  }

  /**
   * The channel configuration blocks named by the Fabric blocks that the given events recorded from
   * the channel carry as their evidence ({@link LedgerMetaData#FABRIC_BLOCK}): an auditor needs
   * them to check those blocks.
   */
  Set<Long> channelConfigsNamedBy(Collection<String> eventIds) {
    Set<String> wanted = new HashSet<>(eventIds);
    Set<Long> out = new TreeSet<>();
    jdbc.query(
        "SELECT event_identifier, meta_data FROM domain_event_entry WHERE payload_type IN (?, ?)",
        rs -> {
          if (!wanted.contains(rs.getString(1))) {
            return;
          }
          JsonNode block = tree(rs.getBytes(2)).path(LedgerMetaData.FABRIC_BLOCK);
          try {
            out.add(FabricBlocks.lastConfigIndex(Base64.getDecoder().decode(block.asText())));
          } catch (IllegalArgumentException e) {
            // no readable evidence: the verifier names it (CHANNEL_EVIDENCE_MISSING)
          }
        },
        ChannelConfirmationVerifier.EVENT_TYPE,
        StoredPayloadType.kept(ChannelConfirmationVerifier.EVENT_TYPE));
    return out;
  }

  private JsonNode tree(byte[] stored) {
    try {
      return json.readTree(PackedJson.unpack(stored));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
