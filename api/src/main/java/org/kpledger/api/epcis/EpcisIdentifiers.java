package org.kpledger.api.epcis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The URIs this ledger gives what EPCIS names. Rough parcels have no GTIN or SSCC, so every
 * identifier is a URN in the {@code urn:kpledger:} namespace, with the ledger's own id
 * percent-encoded after the kind: {@code urn:kpledger:item:<lot or parcel id>}, {@code
 * urn:kpledger:shipment:<id>}, {@code urn:kpledger:party:<party>}, {@code urn:kpledger:site:<id>},
 * {@code urn:kpledger:zone:<id>}, {@code urn:kpledger:kp-certificate:<number>}, {@code
 * urn:kpledger:purchase-slip:<number>}, {@code urn:kpledger:transfer:<id>}, {@code
 * urn:kpledger:seal:<id>}, {@code urn:kpledger:country:<ISO 3166-1 alpha-2>}, {@code
 * urn:kpledger:transformation:<merge|split>:<item id>}. Extension members are named {@code
 * kp:<name>}, {@code kp} standing for {@value #VOCABULARY}.
 */
final class EpcisIdentifiers {
  /** The namespace of the {@code kp:} extension members. */
  public static final String VOCABULARY = "urn:kpledger:vocab:";

  private EpcisIdentifiers() {}

  /** A lot or parcel: the unit of custody (its mass travels in quantity lists, in carats). */
  public static String item(String id) {
    return urn("item", id);
  }

  /** An export shipment: the parent of its parcels in aggregation events. */
  public static String shipment(String id) {
    return urn("shipment", id);
  }

  /** A licensed party (miner, collector, buying office, authority). */
  public static String party(String id) {
    return urn("party", id);
  }

  /** A registered mining site. */
  public static String site(String id) {
    return urn("site", id);
  }

  /** A sub-prefecture zone. */
  public static String zone(String id) {
    return urn("zone", id);
  }

  /** A KP certificate, by its number. */
  public static String certificate(String number) {
    return urn("kp-certificate", number);
  }

  /** A purchase slip, by its number. */
  public static String slip(String number) {
    return urn("purchase-slip", number);
  }

  /** A transfer of custody, by its id. */
  public static String transfer(String id) {
    return urn("transfer", id);
  }

  /** A tamper-evident seal. */
  public static String seal(String id) {
    return urn("seal", id);
  }

  /** A country, by its ISO 3166-1 alpha-2 code. */
  public static String country(String iso) {
    return urn("country", iso);
  }

  /**
   * A merge (named after the merged parcel) or a split (named after the parcel split): the
   * transformation id that ties its input and output events together.
   */
  public static String transformation(String operation, String itemId) {
    return urn("transformation", operation.toLowerCase(java.util.Locale.ROOT)) + ":" + enc(itemId);
  }

  /** A ledger event: {@code urn:uuid:} when its id is a UUID, as Axon's are. */
  public static String event(String eventId) {
    try {
      if (UUID.fromString(eventId).toString().equals(eventId)) {
        return "urn:uuid:" + eventId;
      }
    } catch (IllegalArgumentException e) {
      // not a UUID: the ledger's own form below
    }
    return urn("event", eventId);
  }

  private static String urn(String kind, String id) {
    return "urn:kpledger:" + kind + ":" + enc(id);
  }

  private static String enc(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
