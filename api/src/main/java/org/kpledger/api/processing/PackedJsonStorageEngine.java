package org.kpledger.api.processing;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.kpledger.eventstore.PackedJson;

/**
 * Axon's JPA storage engine keeping each event's payload and metadata JSON packed ({@link
 * PackedJson}: DEFLATE against a fixed dictionary, about 300 bytes less an event) and handing every
 * reader the JSON bytes exactly as they were serialized. Events stored unpacked (all of them before
 * this engine, and every one while packing is off) read as before, so a store may hold both.
 *
 * <p>Only the bytes at rest change: the engine unpacks in the two places Axon reads events (a
 * tracking processor's batch and an aggregate's history) before any upcaster, serializer or the
 * anchoring processor sees them, so an event's leaf, its audit-bundle record and every projection
 * are computed from the same JSON as before. Snapshots are stored as Axon stores them. Readers that
 * query the event table with SQL unpack with {@link PackedJson#unpack}.
 *
 * <p>While packing, it also keeps a payload type of the ledger's own packages without its package
 * prefix ({@link StoredPayloadType}) and gives readers the whole name back in the same two places.
 */
class PackedJsonStorageEngine extends JpaEventStorageEngine {
  /** Where Axon's tracking query puts the payload type, payload and metadata in each row. */
  private static final int PAYLOAD_TYPE = 6;

  private static final int PAYLOAD = 8;

  private static final int META_DATA = 9;

  private final boolean pack;

  PackedJsonStorageEngine(Builder builder, boolean pack) {
    super(builder);
    this.pack = pack;
  }

  @Override
  protected Object createEventEntity(EventMessage<?> eventMessage, Serializer serializer) {
    return super.createEventEntity(eventMessage, pack ? new Packing(serializer) : serializer);
  }

  @Override
  protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
    List<Object[]> rows = super.fetchEvents(token);
    for (Object[] row : rows) {
      if (row[PAYLOAD_TYPE] instanceof String kept) {
        row[PAYLOAD_TYPE] = StoredPayloadType.name(kept);
      }
      row[PAYLOAD] = unpack(row[PAYLOAD]);
      row[META_DATA] = unpack(row[META_DATA]);
    }
    return rows;
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    List<? extends DomainEventData<?>> stored =
        super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    List<DomainEventData<?>> out = new ArrayList<>(stored.size());
    for (DomainEventData<?> event : stored) {
      out.add(unpacked(event));
    }
    return out;
  }

  private static DomainEventData<?> unpacked(DomainEventData<?> event) {
    Object payload = event.getPayload().getData();
    Object metaData = event.getMetaData() == null ? null : event.getMetaData().getData();
    SerializedType type = event.getPayload().getType();
    String name = StoredPayloadType.name(type.getName());
    if (!(payload instanceof byte[] p && PackedJson.isPacked(p))
        && !(metaData instanceof byte[] m && PackedJson.isPacked(m))
        && name.equals(type.getName())) {
      return event;
    }
    return new GenericDomainEventEntry<>(
        event.getType(),
        event.getAggregateIdentifier(),
        event.getSequenceNumber(),
        event.getEventIdentifier(),
        event.getTimestamp(),
        name,
        type.getRevision(),
        unpack(payload),
        unpack(metaData));
  }

  private static Object unpack(Object stored) {
    return stored instanceof byte[] bytes ? PackedJson.unpack(bytes) : stored;
  }

  /**
   * The event serializer for writing an event's row: the JSON it produces as bytes, packed. Used by
   * nothing else, so no packed bytes ever reach a reader or Axon's caches of serialized messages
   * for the node's serializer.
   */
  private static final class Packing implements Serializer {
    private final Serializer json;

    Packing(Serializer json) {
      this.json = json;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
      SerializedObject<T> serialized = json.serialize(object, expectedRepresentation);
      if (expectedRepresentation != byte[].class) {
        return serialized;
      }
      SerializedType type = serialized.getType();
      return new SimpleSerializedObject<>(
          (T) PackedJson.pack((byte[]) serialized.getData()),
          expectedRepresentation,
          new SimpleSerializedType(StoredPayloadType.kept(type.getName()), type.getRevision()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
      return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
      return json.deserialize(serializedObject);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
      return json.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
      return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
      return json.getConverter();
    }
  }
}
