package org.kpledger.api.command;

import static org.kpledger.identity.OrganisationType.AUDITOR;
import static org.kpledger.identity.OrganisationType.BUYING_OFFICE;
import static org.kpledger.identity.OrganisationType.COLLECTORS_ASSOCIATION;
import static org.kpledger.identity.OrganisationType.IMPORTING_AUTHORITY;
import static org.kpledger.identity.OrganisationType.KP_AUTHORITY;
import static org.kpledger.identity.OrganisationType.MONITORING_TEAM;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kpledger.certificate.ConfirmImportCommand;
import org.kpledger.certificate.EndorseCertificateCommand;
import org.kpledger.certificate.IssueCertificateCommand;
import org.kpledger.certificate.VoidCertificateCommand;
import org.kpledger.identity.OrganisationType;
import org.kpledger.identity.Role;
import org.kpledger.licence.ChangeLicenceStatusCommand;
import org.kpledger.licence.IssueLicenceCommand;
import org.kpledger.lot.RecordPurchaseCommand;
import org.kpledger.miner.RegisterMinerCommand;
import org.kpledger.miner.RenewPatenteCommand;
import org.kpledger.parcel.AcceptTransferCommand;
import org.kpledger.parcel.CancelTransferCommand;
import org.kpledger.parcel.ClearQuarantineCommand;
import org.kpledger.parcel.ConfiscateParcelCommand;
import org.kpledger.parcel.DisposeConfiscationCommand;
import org.kpledger.parcel.MergeParcelsCommand;
import org.kpledger.parcel.OfferTransferCommand;
import org.kpledger.parcel.OpenSealCommand;
import org.kpledger.parcel.RecordWeighingDifferenceCommand;
import org.kpledger.parcel.SealParcelCommand;
import org.kpledger.parcel.SplitParcelCommand;
import org.kpledger.parcel.ValueParcelCommand;
import org.kpledger.revocation.PublishRevocationListCommand;
import org.kpledger.shipment.ApproveShipmentCommand;
import org.kpledger.shipment.ExportShipmentCommand;
import org.kpledger.shipment.ProposeShipmentCommand;
import org.kpledger.shipment.RejectShipmentCommand;
import org.kpledger.site.RecordProductionCommand;
import org.kpledger.site.RegisterSiteCommand;
import org.kpledger.stockpile.DeclareStockpileCommand;
import org.kpledger.zone.RecordZoneDecisionCommand;
import org.kpledger.zone.RegisterZoneCommand;

/**
 * Every command type a client may sign, its payload class, and who may issue it: the pairs of
 * organisation type and certificate role allowed (the authorisation policy, one place to read).
 */
public final class CommandCatalog {
  /** An organisation type and role that may issue a command. */
  public record Grant(OrganisationType organisationType, Role role) {}

  /** A command type: its payload class and its grants. */
  public record Entry(String type, Class<?> payloadClass, Set<Grant> grants) {
    /** Whether an actor of this organisation type and role may issue it. */
    public boolean allows(OrganisationType type, Role role) {
      return grants.contains(new Grant(type, role));
    }
  }

  private static final Grant REGISTRAR = new Grant(KP_AUTHORITY, Role.REGISTRAR);
  private static final Grant VALUER = new Grant(KP_AUTHORITY, Role.VALUER);
  private static final Grant CERTIFIER = new Grant(KP_AUTHORITY, Role.CERTIFYING_OFFICER);
  private static final Grant INSPECTOR = new Grant(KP_AUTHORITY, Role.INSPECTOR);
  private static final Grant MONITOR = new Grant(MONITORING_TEAM, Role.MONITOR);
  private static final Grant BUYER = new Grant(BUYING_OFFICE, Role.BUYER);
  private static final Grant COLLECTOR = new Grant(COLLECTORS_ASSOCIATION, Role.COLLECTOR);
  private static final Grant AUDIT = new Grant(AUDITOR, Role.AUDITOR);
  private static final Grant IMPORT_OFFICER = new Grant(IMPORTING_AUTHORITY, Role.IMPORT_OFFICER);

  /** The command type of a CRL publication: any actor of the CRL's own organisation. */
  public static final String PUBLISH_REVOCATION_LIST = "PublishRevocationList";

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add("RegisterZone", RegisterZoneCommand.class, REGISTRAR, MONITOR);
    add("RecordZoneDecision", RecordZoneDecisionCommand.class, MONITOR);
    add("IssueLicence", IssueLicenceCommand.class, REGISTRAR);
    add("ChangeLicenceStatus", ChangeLicenceStatusCommand.class, REGISTRAR);
    add("RegisterSite", RegisterSiteCommand.class, REGISTRAR);
    add("RegisterMiner", RegisterMinerCommand.class, REGISTRAR);
    add("RenewPatente", RenewPatenteCommand.class, REGISTRAR);
    add("RecordProduction", RecordProductionCommand.class, REGISTRAR);
    add("RecordPurchase", RecordPurchaseCommand.class, COLLECTOR, BUYER);
    add("OfferTransfer", OfferTransferCommand.class, COLLECTOR, BUYER);
    add("AcceptTransfer", AcceptTransferCommand.class, COLLECTOR, BUYER);
    add("CancelTransfer", CancelTransferCommand.class, COLLECTOR, BUYER);
    add("MergeParcels", MergeParcelsCommand.class, COLLECTOR, BUYER);
    add("SplitParcel", SplitParcelCommand.class, COLLECTOR, BUYER);
    add("RecordWeighingDifference", RecordWeighingDifferenceCommand.class, COLLECTOR, BUYER);
    add("ValueParcel", ValueParcelCommand.class, VALUER);
    add("SealParcel", SealParcelCommand.class, VALUER, INSPECTOR);
    add("OpenSeal", OpenSealCommand.class, INSPECTOR, AUDIT, MONITOR);
    add("ConfiscateParcel", ConfiscateParcelCommand.class, INSPECTOR);
    add("DisposeConfiscation", DisposeConfiscationCommand.class, INSPECTOR);
    add("DeclareStockpile", DeclareStockpileCommand.class, BUYER, REGISTRAR);
    add("ClearQuarantine", ClearQuarantineCommand.class, AUDIT);
    add("ProposeShipment", ProposeShipmentCommand.class, BUYER);
    add("ApproveShipment", ApproveShipmentCommand.class, MONITOR);
    add("RejectShipment", RejectShipmentCommand.class, MONITOR);
    add("IssueCertificate", IssueCertificateCommand.class, CERTIFIER);
    add("ExportShipment", ExportShipmentCommand.class, BUYER);
    add("ConfirmImport", ConfirmImportCommand.class, IMPORT_OFFICER);
    add("VoidCertificate", VoidCertificateCommand.class, CERTIFIER);
    add("EndorseCertificate", EndorseCertificateCommand.class, CERTIFIER);
    ENTRIES.put(
        PUBLISH_REVOCATION_LIST,
        new Entry(PUBLISH_REVOCATION_LIST, PublishRevocationListCommand.class, Set.of()));
  }

  private CommandCatalog() {}

  private static void add(String type, Class<?> payload, Grant... grants) {
    ENTRIES.put(type, new Entry(type, payload, Set.of(grants)));
  }

  /** The entry of a command type, if the type is known. */
  public static Optional<Entry> find(String type) {
    return Optional.ofNullable(type).map(ENTRIES::get);
  }

  /**
   * The command type a client signs for a payload class ({@code RecordPurchase}), which is what an
   * answer names: the node's class names are none of a client's business.
   */
  public static Optional<String> typeOf(Class<?> payloadClass) {
    return ENTRIES.values().stream()
        .filter(e -> e.payloadClass().equals(payloadClass))
        .map(Entry::type)
        .findFirst();
  }

  /** Every command type, in catalogue order. */
  public static Map<String, Entry> all() {
    return java.util.Collections.unmodifiableMap(ENTRIES);
  }
}
