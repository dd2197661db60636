package org.kpledger.api.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kpledger.certificate.IssueCertificateCommand;
import org.kpledger.licence.IssueLicenceCommand;
import org.kpledger.lot.RecordPurchaseCommand;
import org.kpledger.miner.RegisterMinerCommand;
import org.kpledger.parcel.MergeParcelsCommand;
import org.kpledger.parcel.SplitParcelCommand;
import org.kpledger.shipment.ProposeShipmentCommand;
import org.kpledger.site.RegisterSiteCommand;
import org.kpledger.stockpile.DeclareStockpileCommand;
import org.kpledger.zone.RegisterZoneCommand;

/**
 * The ids of the aggregates a client command creates, each with the payload field that names it.
 * Every aggregate id is one name in the event store, whatever its kind (a lot id equal to a site id
 * is taken), so a command that creates an id already in the store, or the same id twice, is refused
 * before Axon runs it: the answer then names the field and says only "taken", the same whoever
 * holds the id. A new command type that creates an aggregate must be listed here.
 */
final class CreatedIds {
  /** One id a command creates, and the field (from {@code payload}) that names it. */
  record Created(String field, String id) {}

  private CreatedIds() {}

  /** The ids the payload creates, in payload order. */
  static List<Created> of(Object payload) {
    List<Created> ids = new ArrayList<>();
    if (payload instanceof RegisterZoneCommand c) {
      ids.add(new Created("payload.zoneId", c.zoneId()));
    } else if (payload instanceof IssueLicenceCommand c) {
      ids.add(new Created("payload.licenceNumber", c.licenceNumber()));
    } else if (payload instanceof RegisterSiteCommand c) {
      ids.add(new Created("payload.siteId", c.siteId()));
    } else if (payload instanceof RegisterMinerCommand c) {
      ids.add(new Created("payload.minerId", c.minerId()));
    } else if (payload instanceof RecordPurchaseCommand c) {
      ids.add(new Created("payload.lotId", c.lotId()));
    } else if (payload instanceof MergeParcelsCommand c) {
      ids.add(new Created("payload.parcelId", c.parcelId()));
    } else if (payload instanceof SplitParcelCommand c) {
      for (int i = 0; i < c.parts().size(); i++) {
        ids.add(new Created("payload.parts[" + i + "].parcelId", c.parts().get(i).parcelId()));
      }
    } else if (payload instanceof DeclareStockpileCommand c) {
      ids.add(new Created("payload.stockpileId", c.stockpileId()));
      for (int i = 0; i < c.items().size(); i++) {
        ids.add(new Created("payload.items[" + i + "].parcelId", c.items().get(i).parcelId()));
      }
    } else if (payload instanceof ProposeShipmentCommand c) {
      ids.add(new Created("payload.shipmentId", c.shipmentId()));
    } else if (payload instanceof IssueCertificateCommand c) {
      ids.add(new Created("payload.certificateNumber", c.certificateNumber()));
    }
    return ids;
  }

  /**
   * The first id of {@code commands} created a second time, within one command or by a later
   * command of the same batch: the index of the command that repeats it, and its field.
   */
  static Optional<Repeat> firstRepeat(List<VerifiedCommand> commands) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < commands.size(); i++) {
      for (Created c : of(commands.get(i).payload())) {
        Integer before = first.putIfAbsent(c.id(), i);
        if (before != null) {
          return Optional.of(new Repeat(before, i, c));
        }
      }
    }
    return Optional.empty();
  }

  /** An id created twice: first by command {@code first}, again by command {@code index}. */
  record Repeat(int first, int index, Created created) {}
}
