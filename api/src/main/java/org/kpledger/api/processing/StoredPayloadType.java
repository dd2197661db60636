package org.kpledger.api.processing;

/**
 * An event's payload type as the event store keeps it ({@code domain_event_entry.payload_type}):
 * the class name that Axon's serializer gives it, except that a name in the ledger's own packages
 * is kept without {@value #PACKAGE}, from the dot on ({@code .site.ProductionDrawnEvent} for {@code
 * org.kpledger.site.ProductionDrawnEvent}), 13 bytes less in every event row. No class name begins
 * with a dot, so the two forms cannot be mistaken for each other; rows stored with the whole name
 * (all of them written before this form existed, and every one while {@code
 * kp.event-store.pack-json} is false) read as before. Only the column changes: {@link
 * PackedJsonStorageEngine} gives Axon, upcasters, the anchoring processor and every leaf the whole
 * name, and the node's SQL readers of the column use {@link #name}.
 */
public final class StoredPayloadType {
  /** The package prefix a kept name leaves out. */
  public static final String PACKAGE = "org.kpledger";

  private StoredPayloadType() {}

  /**
   * The form kept for a payload type name.
   *
   * @param name a class name as Axon's serializer gives it
   * @return the name without {@value #PACKAGE} if it is in the ledger's packages, else the name
   */
  public static String kept(String name) {
    return name != null && name.startsWith(PACKAGE + ".") ? name.substring(PACKAGE.length()) : name;
  }

  /**
   * The payload type name of a kept form.
   *
   * @param kept the column's value, either form, or {@code null}
   * @return the whole class name
   */
  public static String name(String kept) {
    return kept != null && kept.startsWith(".") ? PACKAGE + kept : kept;
  }
}
