package org.kpledger.parcel;

import static org.kpledger.custody.CarWorld.BERBERATI;
import static org.kpledger.custody.CarWorld.BERBERATI_MINER;
import static org.kpledger.custody.CarWorld.BERBERATI_PATENTE;
import static org.kpledger.custody.CarWorld.BERBERATI_SITE;
import static org.kpledger.custody.CarWorld.BUYER_LICENCE;
import static org.kpledger.custody.CarWorld.COLLECTOR_AGREMENT;
import static org.kpledger.custody.CarWorld.ct;
import static org.kpledger.custody.CarWorld.usd;
import static org.kpledger.custody.CarWorld.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.kpledger.custody.Actor;
import org.kpledger.custody.CarWorld;
import org.kpledger.custody.InMemoryCustodyFacts;
import org.kpledger.identity.Role;

/** The events a custody item's history is made of, with Berberati data from July 2016. */
final class ParcelEvents {
  static final String LOT = "LOT-BBT-2016-0731";
  static final Instant BOUGHT_AT = utc("2016-07-14T09:30");
  static final String BAG = "BAG-BECDOR-004417";
  static final String SHIPMENT = "SHP-2016-08";
  static final LocalDate OFFERED_ON = LocalDate.of(2016, 7, 15);

  private ParcelEvents() {}

  /** A parcel fixture with the CAR facts and the actor resolver in place. */
  static AggregateTestFixture<Parcel> parcelFixture() {
    AggregateTestFixture<Parcel> fixture = new AggregateTestFixture<>(Parcel.class);
    fixture.registerInjectableResource(CarWorld.carFacts());
    return fixture;
  }

  /** A parcel fixture on the given facts. */
  static AggregateTestFixture<Parcel> parcelFixture(InMemoryCustodyFacts facts) {
    AggregateTestFixture<Parcel> fixture = new AggregateTestFixture<>(Parcel.class);
    fixture.registerInjectableResource(facts);
    return fixture;
  }

  /** A lot bought in Berberati, compliant since May 2016, by {@code buyer}. */
  static LotPurchasedEvent lotBought(String lotId, Actor buyer, String carats) {
    String licence = buyer.role() == Role.COLLECTOR ? COLLECTOR_AGREMENT : BUYER_LICENCE;
    return new LotPurchasedEvent(
        lotId,
        "BA-" + lotId,
        BERBERATI_MINER,
        BERBERATI_PATENTE,
        BERBERATI_SITE,
        BERBERATI,
        buyer.party(),
        licence,
        ct(carats),
        9,
        usd("1860.00"),
        BOUGHT_AT,
        true,
        false);
  }

  /** The origin a lot carries into every merge and split. */
  static Origin originOf(LotPurchasedEvent lot) {
    return LotRules.originOf(lot);
  }

  /** A stockpile item as declared; {@code reason} null when it is not quarantined. */
  static StockpileItemDeclaredEvent stockpileItem(
      String id, String holder, String carats, String zoneId, LocalDate acquiredOn, String reason) {
    return new StockpileItemDeclaredEvent(
        id,
        "STK-BANGUI-01",
        holder,
        ct(carats),
        zoneId,
        acquiredOn,
        "mixed rough, Bangui vault",
        reason);
  }

  static ParcelValuedEvent valued(String id, String valueUsd, String carats) {
    return new ParcelValuedEvent(id, usd(valueUsd), "BECDOR-2016-07", ct(carats));
  }

  static ParcelSealedEvent sealed(String id) {
    return new ParcelSealedEvent(id, BAG);
  }

  /** A transfer offered on {@link #OFFERED_ON}, recorded that day. */
  static TransferOfferedEvent offered(String id, String transferId, Actor from, Actor to) {
    return new TransferOfferedEvent(
        id, transferId, from.party(), to.party(), BAG, OFFERED_ON, false);
  }

  static ParcelConsumedEvent mergedInto(String id, String carats, String mergedId) {
    return new ParcelConsumedEvent(id, "MERGE", List.of(new LineageEdge(id, mergedId, ct(carats))));
  }
}
