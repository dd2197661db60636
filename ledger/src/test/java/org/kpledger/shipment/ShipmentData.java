package org.kpledger.shipment;

import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_MINER;
import static org.kpledger.custody.CarWorld.BERBERATI_PATENTE;
import static org.kpledger.custody.CarWorld.BERBERATI_SITE;
import static org.kpledger.custody.CarWorld.BRIA;
import static org.kpledger.custody.CarWorld.BRIA_MINER;
import static org.kpledger.custody.CarWorld.BRIA_PATENTE;
import static org.kpledger.custody.CarWorld.BRIA_SITE;
import static org.kpledger.custody.CarWorld.BUYER;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.NOLA;
import static org.kpledger.custody.CarWorld.NOLA_MINER;
import static org.kpledger.custody.CarWorld.NOLA_PATENTE;
import static org.kpledger.custody.CarWorld.NOLA_SITE;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.day;
import static org.kpledger.custody.CarWorld.usd;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.kpledger.custody.CustodyFacts.ParcelFacts;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.parcel.Origin;
import org.kpledger.parcel.ParcelContribution;

/** A monthly Berberati export shipment of August 2016, from a Bangui buying office to Antwerp. */
final class ShipmentData {
  static final String SHIPMENT = "SHP-BAIE-2016-08";
  static final Importer IMPORTER = new Importer("Antwerp Rough Trading BV", "BE");
  static final LocalDate PROPOSED_ON = day("2016-08-02");
  static final String PARCEL = "PCL-BAIE-2016-0042";
  static final Origin BERBERATI_LOT = lotOrigin("LOT-BBT-2016-0731", BERBERATI, "2016-07-14");
  static final ParcelContribution BERBERATI_PARCEL =
      new ParcelContribution(PARCEL, ct("12.40"), usd("1860.00"), List.of(BERBERATI_LOT));

  private ShipmentData() {}

  /** A shipment fixture on the given facts. */
  static AggregateTestFixture<Shipment> shipmentFixture(InMemoryCustodyFacts facts) {
    AggregateTestFixture<Shipment> fixture = new AggregateTestFixture<>(Shipment.class);
    fixture.registerInjectableResource(facts);
    return fixture;
  }

  /** A lot of the zone's registered miner as it appears in a parcel's lineage. */
  static Origin lotOrigin(String lotId, String zoneId, String boughtOn) {
    String[] minerPatenteSite =
        switch (zoneId) {
          case BERBERATI -> new String[] {BERBERATI_MINER, BERBERATI_PATENTE, BERBERATI_SITE};
          case NOLA -> new String[] {NOLA_MINER, NOLA_PATENTE, NOLA_SITE};
          case BRIA -> new String[] {BRIA_MINER, BRIA_PATENTE, BRIA_SITE};
          default -> throw new IllegalArgumentException("no miner registered in " + zoneId);
        };
    return new Origin(
        lotId,
        minerPatenteSite[0],
        minerPatenteSite[1],
        minerPatenteSite[2],
        zoneId,
        day(boughtOn),
        ct("12.40"),
        null,
        null);
  }

  /** A stockpile item as it appears in a lineage, released by {@code audit} (may be null). */
  static Origin stockpileOrigin(String itemId, String zoneId, LocalDate acquiredOn, String audit) {
    return new Origin(
        itemId, null, null, null, zoneId, acquiredOn, ct("153.20"), "STK-BANGUI-01", audit);
  }

  /** A parcel carrying the given origins. */
  static ParcelContribution parcel(String parcelId, Origin... origins) {
    return new ParcelContribution(parcelId, ct("12.40"), usd("1860.00"), List.of(origins));
  }

  /** What the gate reads of a parcel that is sealed, held by the exporter, in this shipment. */
  static ParcelFacts assigned(String parcelId) {
    return new ParcelFacts(parcelId, BUYER.party(), true, true, false, false, SHIPMENT, false);
  }

  /** The buying office proposes the given parcels under its export licence. */
  static CreateShipmentCommand proposal(ParcelContribution... parcels) {
    return new CreateShipmentCommand(
        SHIPMENT,
        BUYER_LICENCE,
        IMPORTER,
        List.of(parcels),
        org.kpledger.custody.FieldDate.on(PROPOSED_ON));
  }

  /** The proposal of {@link #BERBERATI_PARCEL} as recorded. */
  static ShipmentProposedEvent proposed() {
    return new ShipmentProposedEvent(
        SHIPMENT,
        BUYER.party(),
        BUYER_LICENCE,
        IMPORTER,
        List.of(PARCEL),
        ct("12.40"),
        usd("1860.00"),
        List.of(BERBERATI_LOT),
        PROPOSED_ON,
        false);
  }
}
