package org.kpledger.contracts.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;
import java.util.regex.Pattern;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.kpledger.contracts.Caller;
import org.kpledger.contracts.ContractJson;

/**
 * Registers KP certificates and their import confirmations (see the package documentation for the
 * rules). Transactions: {@code RegisterCertificate}, {@code ConfirmCertificate}; query: {@code
 * GetCertificate}.
 */
@Contract(
    name = "CertificateRegistry",
    info = @Info(title = "KP certificate registry", version = "0.1.0"))
public final class CertificateRegistryContract implements ContractInterface {

  /** Event emitted when a certificate is registered; payload: the stored record. */
  public static final String REGISTERED_EVENT = "CertificateRegistered";

  /** Event emitted when receipt is confirmed; payload: the stored record. */
  public static final String CONFIRMED_EVENT = "CertificateConfirmed";

  static final String KEY_TYPE = "kp.certificate";
  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./_-]{0,63}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /**
   * Registers a certificate issued by the caller's KP authority.
   *
   * @param ctx the transaction context
   * @param number the certificate's number
   * @param contentHash lower-case hex SHA-256 of its canonical content
   * @param destinationCountry ISO 3166-1 alpha-2 code of the importing country
   * @return the stored {@link CertificateRecord} JSON
   */
  @Transaction(name = "RegisterCertificate", intent = Transaction.TYPE.SUBMIT)
  public String registerCertificate(
      Context ctx, String number, String contentHash, String destinationCountry) {
    requireShape(number, contentHash);
    if (destinationCountry == null || !COUNTRY.matcher(destinationCountry).matches()) {
      throw CertificateRefusal.MALFORMED.refuse(
          "destinationCountry must be an ISO 3166-1 alpha-2 code (two capital letters)");
    }
    Caller caller = Caller.of(ctx);
    if (!caller.isKpAuthority()) {
      throw CertificateRefusal.NOT_KP_AUTHORITY.refuse(
          caller.mspId() + " is not a KP authority (its CA's OU is '" + caller.issuerUnit() + "')");
    }
    if (destinationCountry.equals(caller.issuerCountry())) {
      throw CertificateRefusal.MALFORMED.refuse(
          "the destination must be another country than the exporter's " + destinationCountry);
    }
    ChaincodeStub stub = ctx.getStub();
    if (read(stub, number).isPresent()) {
      throw CertificateRefusal.DUPLICATE_CERTIFICATE.refuse(number + " is already registered");
    }
    CertificateRecord registered =
        new CertificateRecord(
            number,
            contentHash,
            caller.mspId(),
            destinationCountry,
            CertificateStatus.REGISTERED,
            stub.getTxId(),
            stub.getTxTimestamp().toString(),
            null,
            null,
            null);
    return store(stub, registered, REGISTERED_EVENT);
  }

  /**
   * Confirms receipt of a registered certificate by an importing authority of its destination
   * country.
   *
   * @param ctx the transaction context
   * @param number the certificate's number
   * @param contentHash lower-case hex SHA-256 of the canonical content as received
   * @return the stored {@link CertificateRecord} JSON
   */
  @Transaction(name = "ConfirmCertificate", intent = Transaction.TYPE.SUBMIT)
  public String confirmCertificate(Context ctx, String number, String contentHash) {
    requireShape(number, contentHash);
    ChaincodeStub stub = ctx.getStub();
    CertificateRecord record =
        read(stub, number).orElseThrow(() -> CertificateRefusal.UNKNOWN_CERTIFICATE.refuse(number));
    Caller caller = Caller.of(ctx);
    if (!caller.isImportingAuthority()) {
      throw CertificateRefusal.NOT_IMPORTING_AUTHORITY.refuse(
          caller.mspId()
              + " may not confirm "
              + number
              + ": its CA's OU is '"
              + caller.issuerUnit()
              + "', not "
              + Caller.IMPORTING_AUTHORITY);
    }
    if (!record.destinationCountry().equals(caller.issuerCountry())) {
      throw CertificateRefusal.NOT_DESTINATION_COUNTRY.refuse(
          caller.mspId()
              + " is an importing authority of '"
              + caller.issuerCountry()
              + "'; "
              + number
              + " is destined for "
              + record.destinationCountry());
    }
    if (record.status() == CertificateStatus.CONFIRMED) {
      throw CertificateRefusal.ALREADY_CONFIRMED.refuse(number + " was confirmed");
    }
    if (!record.contentHash().equals(contentHash)) {
      throw CertificateRefusal.CONTENT_HASH_MISMATCH.refuse(
          "the content received differs from the certificate registered as " + number);
    }
    CertificateRecord confirmed =
        record.confirmed(caller.mspId(), stub.getTxId(), stub.getTxTimestamp().toString());
    return store(stub, confirmed, CONFIRMED_EVENT);
  }

  /**
   * Returns a certificate's record.
   *
   * @param ctx the transaction context
   * @param number the certificate's number
   * @return the stored {@link CertificateRecord} JSON
   */
  @Transaction(name = "GetCertificate", intent = Transaction.TYPE.EVALUATE)
  public String getCertificate(Context ctx, String number) {
    byte[] value = ctx.getStub().getState(key(String.valueOf(number)));
    if (value == null || value.length == 0) {
      throw CertificateRefusal.UNKNOWN_CERTIFICATE.refuse(String.valueOf(number));
    }
    return new String(value, UTF_8);
  }

  static String key(String number) {
    return new CompositeKey(KEY_TYPE, number).toString();
  }

  private static void requireShape(String number, String contentHash) {
    if (number == null || !NUMBER.matcher(number).matches()) {
      throw CertificateRefusal.MALFORMED.refuse("number must match " + NUMBER.pattern());
    }
    if (contentHash == null || !SHA256_HEX.matcher(contentHash).matches()) {
      throw CertificateRefusal.MALFORMED.refuse("contentHash must be lower-case hex SHA-256");
    }
  }

  private static String store(ChaincodeStub stub, CertificateRecord record, String event) {
    byte[] bytes = ContractJson.write(record);
    stub.putState(key(record.number()), bytes);
    stub.setEvent(event, bytes);
    return new String(bytes, UTF_8);
  }

  private static Optional<CertificateRecord> read(ChaincodeStub stub, String number) {
    byte[] value = stub.getState(key(number));
    if (value == null || value.length == 0) {
      return Optional.empty();
    }
    return Optional.of(ContractJson.read(value, CertificateRecord.class).orElseThrow());
  }
}
