package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kpledger.api.access.SignedRequest;
import org.kpledger.api.epcis.EpcisSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo in the trade's formats. Through {@code kp export epcis}: the whole history and each
 * shipment's lineage are EPCIS documents GS1's schema accepts, each event at a leaf; a buying
 * office may not export. As PDF: the exported shipment's KP certificate holds the mandated title
 * and statement and every Annex I field, and its QR code, read from the rendered page, is the
 * public check of that certificate; the dossier report holds the gate, the signed steps and the
 * provenance graph.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = org.kpledger.api.LedgerApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradeFormatsDemoTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("kp-epcis-demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("kp.data-dir", DATA::toString);
    org.kpledger.api.TestDatabase.forDataDir(DATA).forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  @Order(1)
  void theDemosHistoryAndEachShipmentsLineageExportAsValidEpcis() throws Exception {
    String url = "http://localhost:" + port;
    assertThat(new DemoLoader(DATA.toString()).load(url)).isTrue();
    String monitor = DATA.resolve("demo/KP-MT/actors/mt-monitor").toString();
    Map<String, String> env = Map.of("KP_URL", url);
    awaitReadSide(env, monitor);

    Path all = DATA.resolve("all.jsonld");
    assertThat(kp(env, "export", "epcis", "--actor", monitor, "--out", all.toString())).isZero();
    JsonNode history = JSON.readTree(all.toFile());
    EpcisSchema.assertValid("the demo's history", history);
    assertThat(history.path("epcisBody").path("eventList").size()).isGreaterThan(50);

    List<String> shipments =
        jdbc.queryForList(
            "SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type LIKE '%ShipmentProposedEvent'",
            String.class);
    assertThat(shipments).contains("SH-ALPHA-001");
    for (String s : shipments) {
      Path out = DATA.resolve(s + ".jsonld");
      assertThat(
              kp(
                  env,
                  "export",
                  "epcis",
                  "--actor",
                  monitor,
                  "--shipment",
                  s,
                  "--out",
                  out.toString()))
          .isZero();
      JsonNode lineage = JSON.readTree(out.toFile());
      EpcisSchema.assertValid("lineage of " + s, lineage);
      List<String> ids = new ArrayList<>();
      lineage
          .path("epcisBody")
          .path("eventList")
          .forEach(e -> ids.add(e.path("kp:ledgerEventId").asText()));
      assertThat(ids).doesNotHaveDuplicates();
      for (String id : ids) {
        assertThat(
                jdbc.queryForObject(
                    "SELECT COUNT(*) FROM merkle_leaf WHERE event_id = CAST(? AS UUID)",
                    Long.class,
                    id))
            .as("leaf of " + id)
            .isEqualTo(1);
      }
    }
    JsonNode alpha = JSON.readTree(DATA.resolve("SH-ALPHA-001.jsonld").toFile());
    List<String> types = new ArrayList<>();
    alpha.path("epcisBody").path("eventList").forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).contains("ObjectEvent", "TransformationEvent", "AggregationEvent");

    String buyer = DATA.resolve("demo/BO-ALPHA/actors/alpha-buyer").toString();
    Path refused = DATA.resolve("refused.jsonld");
    assertThat(kp(env, "export", "epcis", "--actor", buyer, "--out", refused.toString()))
        .as("a buying office may not export the whole history")
        .isEqualTo(1);
    assertThat(refused).doesNotExist();
  }

  @Test
  @Order(2)
  void theCertificatePdfHoldsEveryAnnexIFieldAndAQrCodeOfItsPublicCheck() throws Exception {
    String monitor = DATA.resolve("demo/KP-MT/actors/mt-monitor").toString();
    String number =
        jdbc.queryForObject(
            "SELECT certificate_number FROM certificate WHERE shipment_id = 'SH-ALPHA-001'",
            String.class);
    JsonNode record = JSON.readTree(get(monitor, "/api/certificates/" + number).body());
    HttpResponse<byte[]> pdf = get(monitor, "/api/certificates/" + number + "/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Kimberley Process Certificate")
          .contains(
              "The rough diamonds in this shipment have been handled in accordance with the"
                  + " provisions of the Kimberley Process Certification Scheme for rough diamonds.");
      List<String> missing = new ArrayList<>();
      for (String[] field :
          List.of(
              new String[] {"Unique certificate number", number},
              new String[] {"Country of origin", record.path("countryOfOrigin").asText()},
              new String[] {"Date of issuance", record.path("issuedOn").asText()},
              new String[] {"Date of expiry", record.path("expiresOn").asText()},
              new String[] {"Issuing authority", record.path("issuingAuthority").asText()},
              new String[] {"Exporter", record.path("exporter").asText()},
              new String[] {
                "Importer",
                record.path("importerName").asText()
                    + ", "
                    + record.path("importerCountry").asText()
              },
              new String[] {
                "Carat weight", record.path("carats").decimalValue().toPlainString() + " ct"
              },
              new String[] {"Value (US$)", record.path("valueUsd").decimalValue().toPlainString()},
              new String[] {"Number of parcels", record.path("parcelCount").asText()},
              new String[] {"HS code", record.path("hsCode").asText()},
              new String[] {
                "Validation by the exporting authority",
                "Validated by " + record.path("issuingAuthority").asText()
              })) {
        if (!text.contains(field[0] + " " + field[1])) {
          missing.add(field[0] + " " + field[1]);
        }
      }
      assertThat(missing).as("Annex I fields with their values, in: " + text).isEmpty();
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
      String decoded =
          new MultiFormatReader()
              .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))))
              .getText();
      assertThat(decoded)
          .isEqualTo("http://localhost:" + port + "/api/public/certificates/" + number);
      HttpResponse<String> check =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(decoded)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(check.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(check.body()).path("certificateNumber").asText()).isEqualTo(number);
      png(page, "kp-certificate.png");
    }
    String buyer = DATA.resolve("demo/BO-BETA/actors/beta-buyer").toString();
    assertThat(get(buyer, "/api/certificates/" + number + "/pdf").statusCode())
        .as("another buying office may not print the certificate")
        .isEqualTo(403);
  }

  @Test
  @Order(3)
  void theDossierReportHoldsTheGateTheSignedStepsAndTheProvenanceGraph() throws Exception {
    String monitor = DATA.resolve("demo/KP-MT/actors/mt-monitor").toString();
    JsonNode dossier = JSON.readTree(get(monitor, "/api/shipments/SH-ALPHA-001/dossier").body());
    // the report lists the signed steps of the whole lineage: the dossier's pages joined
    JsonNode pages =
        JSON.readTree(
            get(monitor, dossier.path("signedLineage").path("path").asText() + "?size=500").body());
    assertThat(pages.path("total").asInt()).isBetween(1, 500);
    int steps = 0;
    for (JsonNode aggregate : pages.path("items")) {
      steps += aggregate.path("steps").size();
    }
    assertThat(steps).isGreaterThan(dossier.path("signatures").size());
    HttpResponse<byte[]> pdf = get(monitor, "/api/shipments/SH-ALPHA-001/dossier/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text)
          .contains("Shipment dossier SH-ALPHA-001")
          .contains("Export gate")
          .contains("Signed steps (" + steps + ")")
          .contains("Anchoring evidence")
          .contains("Signed tree head");
      for (JsonNode g : dossier.path("gate")) {
        assertThat(text).contains(g.path("rule").asText());
      }
      for (JsonNode item : dossier.path("trace").path("startItems")) {
        assertThat(text).contains(item.asText());
      }
      png(new PDFRenderer(doc).renderImageWithDPI(0, 110), "kp-dossier-page1.png");
    }
    String buyer = DATA.resolve("demo/BO-ALPHA/actors/alpha-buyer").toString();
    assertThat(get(buyer, "/api/shipments/SH-ALPHA-001/dossier/pdf").statusCode()).isEqualTo(403);
  }

  private HttpResponse<byte[]> get(String actorDir, String target) throws Exception {
    ActorKey key = ActorKey.load(Path.of(actorDir));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target));
    SignedRequest.headers("GET", target, Instant.now(), key.certificate(), key.key())
        .forEach(b::header);
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Keeps a rendered page under target/ for the README's pictures. */
  private static void png(BufferedImage page, String name) throws IOException {
    Path dir = Path.of("target", "rendered-pages");
    Files.createDirectories(dir);
    ImageIO.write(page, "png", dir.resolve(name).toFile());
  }

  /** Waits until the projections have caught up and every event is a leaf. */
  private void awaitReadSide(Map<String, String> env, String monitor) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      CommandLineConventionsTest.Run r =
          CommandLineConventionsTest.kp(env, "query", "--actor", monitor, "/api/projections");
      boolean caughtUp = r.exit() == 0;
      for (JsonNode p : JSON.readTree(r.out())) {
        caughtUp &= p.path("lag").asLong() == 0 && !p.path("replaying").asBoolean();
      }
      long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
      long leaves = jdbc.queryForObject("SELECT COUNT(*) FROM merkle_leaf", Long.class);
      if (caughtUp && events == leaves) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the read side did not catch up in 60 s");
  }

  private static int kp(Map<String, String> env, String... args) {
    return CommandLineConventionsTest.kp(env, args).exit();
  }
}
