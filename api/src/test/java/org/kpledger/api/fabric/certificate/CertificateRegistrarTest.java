package org.kpledger.api.fabric.certificate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.protobuf.Any;
import io.grpc.protobuf.StatusProto;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.junit.jupiter.api.Test;
import org.kpledger.certificate.CertificateContent;
import org.kpledger.certificate.CertificateIssuedEvent;

/**
 * The registrar's answers to the channel, on a mocked contract (the real refusals are proven by
 * {@code CertificateNetworkIT} and {@code CertificateChannelFabricIT}).
 */
class CertificateRegistrarTest {

  private static final CertificateIssuedEvent ISSUED =
      new CertificateIssuedEvent(
          "CF000117",
          "SH-1",
          "CAR-KP",
          LocalDate.parse("2016-08-12"),
          LocalDate.parse("2016-10-11"),
          "BO-ALPHA",
          "Antwerp Rough NV",
          "BE",
          new BigDecimal("12.40"),
          new BigDecimal("1860.00"),
          1,
          "7102.31",
          "CF");
  private static final String HASH = CertificateContent.of(ISSUED).sha256Hex();

  private final Contract registry = mock(Contract.class);
  private final CertificateRegistrar registrar = new CertificateRegistrar(registry);

  @Test
  void registersTheContentHashForTheImportingCountry() throws Exception {
    registrar.on(ISSUED);
    verify(registry).submitTransaction("RegisterCertificate", "CF000117", HASH, "BE");
  }

  @Test
  void aDuplicateWithTheSameContentCountsAsDone() throws Exception {
    when(registry.submitTransaction("RegisterCertificate", "CF000117", HASH, "BE"))
        .thenThrow(refused("DUPLICATE_CERTIFICATE: CF000117 is already registered"));
    when(registry.evaluateTransaction("GetCertificate", "CF000117"))
        .thenReturn(("{\"number\":\"CF000117\",\"contentHash\":\"" + HASH + "\"}").getBytes(UTF_8));
    assertThatCode(() -> registrar.on(ISSUED)).doesNotThrowAnyException();
  }

  @Test
  void aDuplicateWithOtherContentStopsLoudly() throws Exception {
    when(registry.submitTransaction("RegisterCertificate", "CF000117", HASH, "BE"))
        .thenThrow(refused("DUPLICATE_CERTIFICATE: CF000117 is already registered"));
    when(registry.evaluateTransaction("GetCertificate", "CF000117"))
        .thenReturn(("{\"contentHash\":\"" + "0".repeat(64) + "\"}").getBytes(UTF_8));
    assertThatThrownBy(() -> registrar.on(ISSUED))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another party holds the number");
  }

  @Test
  void anUnreachableNetworkFailsTheEventSoItsProcessorRetriesIt() throws Exception {
    when(registry.submitTransaction("RegisterCertificate", "CF000117", HASH, "BE"))
        .thenThrow(
            new EndorseException(
                "tx",
                io.grpc.Status.UNAVAILABLE
                    .withDescription("connection refused")
                    .asRuntimeException()));
    assertThatThrownBy(() -> registrar.on(ISSUED))
        .isInstanceOf(ChannelUnavailableException.class)
        .hasMessageContaining("connection refused");
  }

  /** A chaincode refusal as the Gateway reports it: the peer's message in the error details. */
  static EndorseException refused(String chaincodeMessage) {
    com.google.rpc.Status status =
        com.google.rpc.Status.newBuilder()
            .setCode(io.grpc.Status.Code.ABORTED.value())
            .setMessage("failed to endorse transaction, see attached details for more info")
            .addDetails(
                Any.pack(
                    ErrorDetail.newBuilder()
                        .setAddress("127.0.0.1:7260")
                        .setMspId("CarKpMSP")
                        .setMessage("chaincode response 500, " + chaincodeMessage)
                        .build()))
            .build();
    return new EndorseException("tx", StatusProto.toStatusRuntimeException(status));
  }
}
