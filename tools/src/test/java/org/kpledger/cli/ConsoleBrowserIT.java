package org.kpledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web console in a real headless Chromium (Debian's chromium and chromedriver, named by path so
 * that Selenium never downloads a browser) against a node loaded with the demo: signing in with the
 * demo's key files, the Monitoring Team approving a shipment with a signature made in the page (and
 * a tampered envelope refused), the provenance graph marking the failing origin, an exporter
 * refused another exporter's shipment, the public certificate check, and the auditor's in-page
 * proof verification failing on a tampered proof. Each page is saved as a screenshot at 1280 and
 * 390 px under {@code target/screenshots}. Skipped without chromium, unless {@code
 * KP_REQUIRE_BROWSER=1} (set by {@code .ci/run}), which makes its absence a failure. The system
 * properties {@code kp.test.chromium} and {@code kp.test.chromedriver} name other paths.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = org.kpledger.api.LedgerApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("kp.test.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("kp.test.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Path DATA;

  static {
    try {
      DATA = Files.createTempDirectory("kp-console-test");
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
  @Autowired org.kpledger.api.projection.Projections projections;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  void startBrowserAndLoadDemo() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "1".equals(System.getenv("KP_REQUIRE_BROWSER"))) {
      throw new AssertionError(
          "KP_REQUIRE_BROWSER=1 but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing (apt-get install chromium chromium-driver)");
    }
    Assumptions.assumeTrue(present, "no chromium and chromedriver: the browser tests are skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE);
    Files.createDirectories(SCREENSHOTS);
    assertThat(new DemoLoader(DATA.toString()).load("http://localhost:" + port)).isTrue();
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void signsInWithTheActorsKeyFilesAndTheKeyStaysInTheBrowser() {
    Path demo = DATA.resolve("demo");
    Path monitorDir = demo.resolve("KP-MT").resolve("actors").resolve("mt-monitor");
    assertThat(DemoOrganisations.keyFiles(demo))
        .as("kp serve --demo names the key files the console signs in with")
        .contains(
            "mt-monitor (KP-MT, MONITOR): "
                + monitorDir.resolve("key.pem")
                + " + "
                + monitorDir.resolve("cert.pem"));
    open("#/");
    shoot("home");
    signIn("KP-MT", "mt-monitor");
    assertThat(text(By.id("signed-in-as"))).contains("mt-monitor", "KP-MT", "MONITOR");
    Object extractable =
        js(
            "return import('/js/session.js').then(s => [s.current().key.extractable,"
                + " s.current().key.type, s.current().key.algorithm.namedCurve].join(' '))");
    assertThat(extractable).as("the imported key").isEqualTo("false private P-256");
    shoot("sign-in");

    reload();
    assertThat(browser.findElements(By.id("signed-in-as")))
        .as("a key not kept is gone with the page")
        .isEmpty();
    signIn("KP-MT", "mt-monitor", true);
    reload();
    assertThat(text(By.id("signed-in-as"))).as("a key kept on request").contains("mt-monitor");
    signOut();
    reload();
    assertThat(browser.findElements(By.id("signed-in-as")))
        .as("signing out forgets the kept key")
        .isEmpty();
  }

  @Test
  @Order(2)
  void monitoringTeamApprovesWithASignatureMadeInTheBrowserAndATamperedOneIsRefused() {
    signIn("KP-MT", "mt-monitor");
    Object lowS =
        js(
            "const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;"
                + " const p = new Uint8Array(64); p[31] = 5;"
                + " let s = n - 7n; for (let i = 63; i >= 32; i--) { p[i] = Number(s & 0xffn);"
                + " s >>= 8n; }"
                + " return import('/js/signing.js').then(m => Array.from(m.p1363ToLowSDer(p)).join(','))");
    assertThat(lowS)
        .as("a high S (n - 7) is sent as n - S (7), in DER")
        .isEqualTo("48,6,2,1,5,2,1,7");
    open("#/review");
    WebElement link =
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("SH-ALPHA-002")));
    shoot("review");
    link.click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("approve")));
    browser.findElement(By.id("reason")).sendKeys("MT review: Berberati footprint, price in range");
    browser.findElement(By.id("approve")).click();
    wait.until(d -> !d.findElement(By.id("envelope")).getAttribute("value").isEmpty());
    String signed = browser.findElement(By.id("envelope")).getAttribute("value");
    assertThat(signed).contains("\"commandType\":\"ApproveShipment\"", "\"signature\":\"");
    js(
        "const e = document.getElementById('envelope');"
            + " e.value = e.value.replace('price in range', 'price checked');");
    browser.findElement(By.id("send")).click();
    WebElement refused =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#decision-result .problem")));
    assertThat(refused.getAttribute("data-rule")).isEqualTo("BAD_SIGNATURE");
    assertThat(approvals()).as("the tampered approval is recorded nowhere").isEqualTo(1);

    browser.findElement(By.id("approve")).click();
    wait.until(d -> !d.findElement(By.id("envelope")).getAttribute("value").equals(signed));
    browser.findElement(By.id("send")).click();
    wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#decision-result [data-outcome=accepted]")));
    assertThat(approvals()).isEqualTo(2);
    byte[] approval =
        jdbc.queryForObject(
            "SELECT payload FROM domain_event_entry WHERE payload_type LIKE"
                + " '%ShipmentApprovedEvent' ORDER BY global_index DESC LIMIT 1",
            byte[].class);
    assertThat(
            new String(
                org.kpledger.eventstore.PackedJson.unpack(approval),
                java.nio.charset.StandardCharsets.UTF_8))
        .contains("SH-ALPHA-002", "MT review: Berberati footprint, price in range");
    shoot("decision");
  }

  @Test
  @Order(3)
  void provenanceGraphOfADemoShipmentMarksTheFailingOrigin() {
    signIn("KP-MT", "mt-monitor");
    open("#/shipments/SH-BETA-001");
    WebElement failing =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("svg.graph .failing-origin")));
    assertThat(failing.getAttribute("data-key")).isEqualTo("I:LOT-005");
    assertThat(browser.findElements(By.cssSelector("svg.graph .failing-origin"))).hasSize(1);
    assertThat(node("I:LOT-004").getAttribute("data-verdict")).isEqualTo("PASSES");
    assertThat(node("Z:BRIA").getAttribute("data-verdict")).isEqualTo("FAILS");
    assertThat(node("Z:NOLA").getAttribute("data-verdict")).isEqualTo("PASSES");
    assertThat(node("I:P-BETA-001").getAttribute("data-verdict")).isEqualTo("FAILS");
    assertThat(text(By.cssSelector("svg.graph"))).contains("4.20 ct", "6.30 ct", "10.50 ct");
    assertThat(text(By.cssSelector(".problem, table"))).isNotEmpty();
    js("arguments[0].focus()", failing);
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("node-details"), "LOT-005"));
    assertThat(text(By.id("node-details")))
        .contains("ZONE_NOT_COMPLIANT", "zone BRIA not compliant");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#node-details .history"), "LotPurchasedEvent"));
    assertThat(text(By.id("gate-verdict"))).isEqualTo("fails");
    assertThat(text(By.cssSelector("#gate-h + div table")))
        .contains("LOT-005", "ZONE_NOT_COMPLIANT", "zone BRIA not compliant on");
    js("document.activeElement.blur()");
    shoot("dossier");

    assertThat(text(By.id("anomalies-h"))).isEqualTo("Anomaly flags");

    node("Z:BRIA").click();
    wait.until(ExpectedConditions.elementToBeClickable(By.id("zone-link"))).click();
    WebElement zone =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("zone-status")));
    assertThat(zone.getText()).isEqualTo("SUSPENDED");
    assertThat(browser.findElements(By.cssSelector("svg.timeline rect"))).hasSize(2);
    shoot("zone");

    // a recorded shipment's dossier pages its lineage's signed steps: the first page on request
    open("#/shipments/SH-ALPHA-001");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("lineage-signatures-more"))).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("lineage-signatures"), "LotPurchasedEvent"));
    assertThat(text(By.id("lineage-signatures")))
        .contains("SH-ALPHA-001", "ShipmentProposedEvent", "ParcelSealedEvent");
    wait.until(d -> !d.findElement(By.id("lineage-signatures-more")).isEnabled());
  }

  @Test
  @Order(4)
  void exporterSeesItsCustodyAndIsRefusedAnotherExportersShipment() {
    signIn("BO-BETA", "beta-buyer");
    open("#/custody");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("SH-BETA-002")));
    assertThat(browser.findElements(By.linkText("SH-ALPHA-001"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("svg.bars"))).hasSize(2);
    WebElement csv = browser.findElement(By.cssSelector("a.csv"));
    csv.click();
    wait.until(d -> csv.getAttribute("href").startsWith("blob:"));
    massBalanceClosesOnTheHoldingsAndItsCsvDownloads();
    shoot("custody");
    WebElement asOf = browser.findElement(By.id("as-of"));
    js("arguments[0].value = '2013-05-23'", asOf);
    browser.findElement(By.id("show-holdings")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "2013-05-23"));
    assertThat(browser.findElements(By.cssSelector("main table")).get(0).getText())
        .as("nothing held before the demo's first purchase")
        .doesNotContain("LOT-");
    open("#/shipments/SH-ALPHA-001");
    WebElement refused =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem")));
    assertThat(refused.getAttribute("data-rule")).isEqualTo("NOT_VISIBLE");
    assertThat(browser.findElements(By.cssSelector("svg.graph"))).isEmpty();
    shoot("refused");
  }

  /**
   * The custody page's mass balance (month to the day shown): its closing is what the holdings
   * table says is held that day, every carat is accounted for, and the table downloads as CSV.
   */
  private void massBalanceClosesOnTheHoldingsAndItsCsvDownloads() {
    List<WebElement> rows = browser.findElements(By.cssSelector("#balance tbody tr"));
    assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
    String closing = rows.get(rows.size() - 2).findElements(By.tagName("td")).get(2).getText();
    String unexplained = rows.get(rows.size() - 1).findElements(By.tagName("td")).get(2).getText();
    String held = text(By.cssSelector("main h2 + p"));
    assertThat(held).as("holdings summary").endsWith(" · " + closing + " ct");
    assertThat(unexplained).isEqualTo("0.00");
    assertThat(text(By.id("balance-h"))).startsWith("Mass balance ");
    WebElement csv = browser.findElement(By.cssSelector("#balance a.csv"));
    csv.click();
    wait.until(d -> csv.getAttribute("href").startsWith("blob:"));
  }

  @Test
  @Order(5)
  void anyoneChecksACertificateWithoutSigningIn() {
    signOut();
    open("#/certificate");
    js("document.getElementById('skip').focus()");
    new Actions(browser).sendKeys(Keys.ENTER).perform();
    wait.until(d -> "main".equals(js("return document.activeElement.id")));
    assertThat(browser.getCurrentUrl()).endsWith("#/certificate");
    new Actions(browser).sendKeys(Keys.TAB).perform();
    assertThat(js("return document.activeElement.id"))
        .as("from the content, Tab reaches the form")
        .isEqualTo("certificate-number");
    new Actions(browser).sendKeys("CF-2026-0001", Keys.ENTER).perform();
    WebElement status =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-status")));
    assertThat(status.getText()).isEqualTo("CONFIRMED");
    assertThat(text(By.id("mismatches"))).isEqualTo("—");
    shoot("certificate");
    browser.findElement(By.id("lang")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Vérifier un certificat KP"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    shoot("certificate-fr");
    browser.findElement(By.id("lang")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Check a KP certificate"));
    open("#/certificate/CF-NONE");
    WebElement unknown =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .problem")));
    assertThat(unknown.getAttribute("data-rule")).isEqualTo("UNKNOWN_ID");
  }

  @Test
  @Order(6)
  void auditorVerifiesCheckpointAndInclusionInThePageAndATamperedProofFails() {
    String eventId =
        jdbc.queryForObject(
            "SELECT event_identifier FROM domain_event_entry ORDER BY global_index LIMIT 1",
            String.class);
    signIn("AUD-FORENSIC", "auditor-1");
    open("#/audit/" + eventId);
    browser.findElement(By.id("load-key")).click();
    wait.until(d -> d.findElement(By.id("verifier-key")).getAttribute("value").contains("+"));
    browser.findElement(By.id("verify-checkpoint")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#checkpoint-result [data-outcome=verified]")));
    wait.until(
        d -> {
          d.findElement(By.id("fetch-proof")).click();
          return !d.findElement(By.id("proof")).getAttribute("value").isEmpty();
        });
    wait.until(d -> !d.findElement(By.id("leaf")).getAttribute("value").isEmpty());
    String leaf = browser.findElement(By.id("leaf")).getAttribute("value");
    assertThat(leaf).startsWith("{").contains("\"eventId\":\"" + eventId + "\"");
    browser.findElement(By.id("verify-proof")).click();
    WebElement verified =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#proof-result [data-outcome=verified]")));
    assertThat(verified.getAttribute("data-leaf"))
        .as("the leaf hash is recomputed from the event's bytes")
        .isEqualTo("recomputed");
    byte[] stored =
        jdbc.queryForObject(
            "SELECT leaf_hash FROM merkle_leaf WHERE event_id = CAST(? AS UUID)",
            byte[].class,
            eventId);
    assertThat(text(By.id("proof-result")))
        .contains("leaf 0", java.util.HexFormat.of().formatHex(stored));
    shoot("audit");

    // one byte of the event's content edited (its timestamp's last digit); the proof and the
    // node's stored leaf hash are as they were
    String proofText = browser.findElement(By.id("proof")).getAttribute("value");
    js(
        "const l = document.getElementById('leaf');"
            + " l.value = l.value.replace(/(\"timestamp\":\"[^\"]*)(\\d)Z\"/,"
            + " (m, a, d) => a + ((Number(d) + 1) % 10) + 'Z\"');");
    String edited = browser.findElement(By.id("leaf")).getAttribute("value");
    assertThat(edited).hasSameSizeAs(leaf).isNotEqualTo(leaf);
    browser.findElement(By.id("verify-proof")).click();
    WebElement mismatch =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#proof-result .problem")));
    assertThat(mismatch.getAttribute("data-rule")).isEqualTo("LEAF_HASH_MISMATCH");
    assertThat(browser.findElement(By.id("proof")).getAttribute("value")).isEqualTo(proofText);
    assertThat(
            jdbc.queryForObject(
                "SELECT leaf_hash FROM merkle_leaf WHERE event_id = CAST(? AS UUID)",
                byte[].class,
                eventId))
        .as("the node's stored leaf hash is unchanged")
        .isEqualTo(stored);
    assertThat(mismatch.getText()).contains(java.util.HexFormat.of().formatHex(stored));
    shoot("audit-leaf-edited");
    js("arguments[0].value = arguments[1]", browser.findElement(By.id("leaf")), leaf);

    js(
        "const p = document.getElementById('proof'); const j = JSON.parse(p.value);"
            + " const h = j.proof[0]; j.proof[0] = (h[0] === 'A' ? 'B' : 'A') + h.slice(1);"
            + " p.value = JSON.stringify(j, null, 2);");
    browser.findElement(By.id("verify-proof")).click();
    WebElement failed =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#proof-result .problem")));
    assertThat(failed.getAttribute("data-rule")).isEqualTo("INCLUSION_PROOF_INVALID");
    shoot("audit-tampered");

    js(
        "const k = document.getElementById('verifier-key');"
            + " k.value = k.value.replace(/\\+[0-9a-f]{8}\\+/, '+00000000+');");
    browser.findElement(By.id("verify-checkpoint")).click();
    WebElement badKey =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#checkpoint-result .problem")));
    assertThat(badKey.getAttribute("data-rule")).isEqualTo("MALFORMED_KEY");

    browser.findElement(By.id("bundle-shipment")).sendKeys("SH-BETA-001");
    browser.findElement(By.id("export-bundle")).click();
    WebElement exported =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#bundle-result [data-outcome=exported]")));
    assertThat(Long.parseLong(exported.getAttribute("data-bytes"))).isGreaterThan(1000);
    WebElement link = browser.findElement(By.id("bundle-link"));
    assertThat(link.getAttribute("download")).isEqualTo("kp-audit-shipment-SH-BETA-001.zip");
    assertThat(link.getAttribute("href")).startsWith("blob:");
    assertThat(
            js(
                "const p = document.getElementById('bundle-progress'); return p.value + '/' +"
                    + " p.max"))
        .isEqualTo("1/1");
    shoot("audit-bundle");
  }

  @Test
  @Order(7)
  void aRetroactiveZoneDecisionShowsAsKnownThenAndNowAndInTheReevaluations() {
    signIn("KP-MT", "mt-monitor");
    open("#/re-evaluations");
    assertThat(browser.findElements(By.id("no-reevaluations")))
        .as("the demo has no verdict changed after the fact")
        .hasSize(1);
    // SH-ALPHA-002 was approved (test 2) with LOT-009, bought in Berberati three days ago; the
    // Monitoring Team now suspends Berberati from four days ago, signing in this page
    String from =
        org.kpledger.custody.LedgerCalendar.dateOf(java.time.Instant.now()).minusDays(4).toString();
    Object answer =
        js(
            "return import('/js/session.js').then(async s => JSON.stringify(await s.submit("
                + "await s.envelope('RecordZoneDecision', {zoneId: 'BERBERATI', status:"
                + " 'SUSPENDED', effectiveFrom: arguments[0], decisionRef: 'MT-RETRO-7'}))))",
            from);
    assertThat(answer.toString()).contains("eventIds");
    // the read side follows the acknowledgement (the processors linger up to 50 ms for more
    // events): the reviewer opens the dossier once every projection has read the decision, as
    // /api/projections shows it (a quiet machine opened it before, and saw "passes")
    wait.until(d -> projections.status().stream().allMatch(p -> p.lag() == 0 && !p.replaying()));

    open("#/shipments/SH-ALPHA-002");
    WebElement then =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gate-then-verdict")));
    assertThat(then.getText()).as("the approval relied on a passing gate").isEqualTo("passes");
    assertThat(text(By.id("gate-verdict"))).as("as known now").isEqualTo("fails");
    assertThat(text(By.id("gate-then-h"))).contains("APPROVED");
    assertThat(text(By.id("reevaluations")))
        .contains("LOT-009", "ZONE_NOT_COMPLIANT", "MT-RETRO-7", "SUSPENDED", from);
    WebElement lot = node("I:LOT-009");
    assertThat(lot.getAttribute("data-reevaluated")).isEqualTo("true");
    assertThat(lot.getAttribute("data-verdict")).isEqualTo("FAILS");
    assertThat(browser.findElements(By.cssSelector("svg.graph [data-reevaluated]"))).hasSize(1);
    lot.click();
    WebElement twoTimes =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#node-details .two-times")));
    assertThat(
            twoTimes.findElements(By.cssSelector("[data-verdict]")).stream()
                .map(e -> e.getAttribute("data-verdict"))
                .toList())
        .as("ZONE_NOT_COMPLIANT passed then and fails now")
        .containsSubsequence("PASSES", "FAILS");
    js("document.activeElement.blur()");
    shoot("dossier-then-now");

    open("#/re-evaluations");
    WebElement list =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main table tbody")));
    assertThat(list.getText()).contains("SH-ALPHA-002", "LOT-009", "BERBERATI", "MT-RETRO-7");
    assertThat(browser.findElements(By.linkText("SH-ALPHA-002"))).isNotEmpty();
    shoot("re-evaluations");
    browser.findElement(By.id("lang")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Verdicts réévalués après coup"));
    shoot("re-evaluations-fr");
    browser.findElement(By.id("lang")).click();
    wait.until(
        ExpectedConditions.textToBe(By.tagName("h1"), "Verdicts re-evaluated after the fact"));
  }

  @Test
  @Order(8)
  void theSitesSchematicPlotsEachSiteAtItsCoordinatesColouredByItsZonesStatus() {
    signIn("BO-BETA", "beta-buyer");
    open("#/sites");
    List<WebElement> all =
        wait.until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#schematic-all svg.schematic .site"), 4));
    assertThat(site("S-BRIA-01").getAttribute("data-status")).isEqualTo("SUSPENDED");
    assertThat(site("S-NOLA-01").getAttribute("data-status")).isEqualTo("COMPLIANT");
    assertThat(circle("S-BRIA-01", "cx"))
        .as("Bria (21.99 E) east of Nola (16.07 E)")
        .isGreaterThan(circle("S-NOLA-01", "cx"));
    assertThat(circle("S-BRIA-01", "cy"))
        .as("Bria (6.54 N) north of Nola (3.53 N): higher on the page")
        .isLessThan(circle("S-NOLA-01", "cy"));
    assertThat(circle("S-BERB-01", "cx")).isLessThan(circle("S-NOLA-01", "cx"));
    assertThat(
            browser
                .findElement(By.cssSelector("#schematic-all [data-zone=BRIA] rect"))
                .getAttribute("stroke"))
        .isEqualTo("#a1121b");
    assertThat(
            browser.findElements(
                By.cssSelector("figure.prefecture[data-prefecture='Mambéré-Kadéï'] .site")))
        .as("Berberati and Carnot share a prefecture")
        .hasSize(2);
    assertThat(all).hasSize(4);
    shoot("sites");

    open("#/sites/2013-05-22");
    wait.until(
        ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("#schematic-all svg.schematic .site"), 4));
    assertThat(site("S-BRIA-01").getAttribute("data-status"))
        .as("the day before the 2013 suspension")
        .isEqualTo("COMPLIANT");

    open("#/zones/BRIA");
    WebElement onZone =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#schematic-zone [data-site='S-BRIA-01']")));
    assertThat(onZone.getAttribute("data-status")).isEqualTo("SUSPENDED");
    assertThat(browser.findElements(By.cssSelector("#schematic-zone .site"))).hasSize(1);
  }

  private WebElement site(String id) {
    return browser.findElement(By.cssSelector("#schematic-all [data-site='" + id + "']"));
  }

  private double circle(String id, String attribute) {
    return Double.parseDouble(site(id).findElement(By.tagName("circle")).getAttribute(attribute));
  }

  private long approvals() {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%ShipmentApprovedEvent'",
        Long.class);
  }

  private WebElement node(String key) {
    return browser.findElement(By.cssSelector("svg.graph [data-key='" + key + "']"));
  }

  private void signIn(String org, String actor) {
    signIn(org, actor, false);
  }

  private void signIn(String org, String actor, boolean remember) {
    open("#/sign-in");
    Path dir = DATA.resolve("demo").resolve(org).resolve("actors").resolve(actor);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("key-file")))
        .sendKeys(dir.resolve("key.pem").toAbsolutePath().toString());
    browser
        .findElement(By.id("cert-file"))
        .sendKeys(dir.resolve("cert.pem").toAbsolutePath().toString());
    if (remember) {
      browser.findElement(By.id("remember")).click();
    }
    browser.findElement(By.id("sign-in")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#sign-in-status [data-actor='" + actor + "']")));
  }

  private void signOut() {
    open("#/");
    List<WebElement> out = browser.findElements(By.id("sign-out"));
    if (!out.isEmpty()) {
      out.get(0).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
    }
  }

  /** Opens a console route and waits until the page has rendered it. */
  private void open(String route) {
    browser.get("http://localhost:" + port + "/" + route);
    wait.until(d -> js("return document.querySelector('main h1') !== null").equals(Boolean.TRUE));
    wait.until(
        d -> js("return document.querySelector('main .loading') === null").equals(Boolean.TRUE));
  }

  /** Loads the page again (a new document: only what the browser kept survives). */
  private void reload() {
    browser.navigate().refresh();
    wait.until(d -> js("return document.querySelector('main h1') !== null").equals(Boolean.TRUE));
    wait.until(
        d ->
            js("return document.querySelector('#sign-in-link, #signed-in-as') !== null")
                .equals(Boolean.TRUE));
  }

  private String text(By by) {
    return browser.findElement(by).getText();
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** Saves the page at 1280 and 390 px wide, as tall as its content. */
  private void shoot(String name) {
    for (int width : new int[] {1280, 390}) {
      browser.manage().window().setSize(new Dimension(width, 900));
      long height = (Long) js("return document.documentElement.scrollHeight");
      browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 100, 4000)));
      js("window.scrollTo(0, 0)");
      File shot = browser.getScreenshotAs(OutputType.FILE);
      try {
        Files.copy(
            shot.toPath(),
            SCREENSHOTS.resolve(name + "-" + width + ".png"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    browser.manage().window().setSize(new Dimension(1280, 900));
  }
}
