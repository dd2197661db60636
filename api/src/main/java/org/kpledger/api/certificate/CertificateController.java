package org.kpledger.api.certificate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.YearMonth;
import org.kpledger.api.access.ReadPolicy;
import org.kpledger.api.paging.Page;
import org.kpledger.api.paging.PageRequest;
import org.kpledger.api.problem.QueryRefusedException;
import org.kpledger.custody.Actor;
import org.kpledger.custody.LedgerCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates: the public validity check anyone may make, the full record, and the Monitoring
 * Team's lists of certificates lacking or mismatching an import confirmation.
 */
@RestController
@Tag(name = "certificates")
class CertificateController {
  private final CertificateQueries certificates;
  private final ReadPolicy policy;
  private final Clock clock;
  private final int defaultDelayDays;

  CertificateController(
      CertificateQueries certificates,
      ReadPolicy policy,
      Clock clock,
      @Value("${kp.confirmation-delay-days:30}") int defaultDelayDays) {
    this.certificates = certificates;
    this.policy = policy;
    this.clock = clock;
    this.defaultDelayDays = defaultDelayDays;
  }

  @GetMapping("/api/public/certificates/{number}")
  @Operation(summary = "Public form: is this KP certificate valid? No authentication needed")
  PublicCertificate publicForm(@PathVariable String number) {
    return CertificateQueries.publicForm(find(number));
  }

  @GetMapping("/api/certificates/{number}")
  @Operation(summary = "A certificate in full, with its import confirmation")
  CertificateRecord certificate(Actor reader, @PathVariable String number) {
    if (!policy.seesCertificates(reader)) {
      CertificateRecord c = certificates.find(checked(number)).orElse(null);
      if (c == null || !reader.party().equals(c.exporter())) {
        throw QueryRefusedException.notVisible(
            "number",
            reader.party() + " may read in full only the certificates of its own exports");
      }
      return c;
    }
    return find(number);
  }

  @GetMapping(value = "/api/certificates/{number}/content", produces = "application/json")
  @Operation(
      summary =
          "A certificate's content as issued, in the RFC 8785 form whose SHA-256 the channel's"
              + " certificate registry holds (what the importing authority confirms)")
  String content(Actor reader, @PathVariable String number) {
    certificate(reader, number);
    return certificates
        .content(number)
        .orElseThrow(() -> QueryRefusedException.notFound("number", "content of " + number));
  }

  @GetMapping("/api/certificates/unconfirmed")
  @Operation(
      summary = "Certificates exported at least olderThanDays ago with no import confirmation")
  Page<CertificateRecord> unconfirmed(
      Actor reader,
      @RequestParam(required = false) Integer olderThanDays,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    policy.requireOverseer(reader, "unconfirmed certificates");
    int days = olderThanDays == null ? defaultDelayDays : olderThanDays;
    if (days < 0 || days > 3650) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "olderThanDays", "olderThanDays must be between 0 and 3650");
    }
    return Page.of(
        certificates.unconfirmed(LedgerCalendar.dateOf(clock.instant()).minusDays(days)), r);
  }

  @GetMapping("/api/certificates/mismatched")
  @Operation(summary = "Certificates whose import confirmation did not match")
  Page<CertificateRecord> mismatched(
      Actor reader,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    PageRequest r = PageRequest.of(page, size);
    policy.requireOverseer(reader, "mismatched confirmations");
    return Page.of(certificates.mismatched(), r);
  }

  @GetMapping("/api/certificates/cross-check")
  @Operation(
      summary =
          "The Monitoring Team's cross-check of certificates against import confirmations:"
              + " certificates exported at least afterDays ago with no confirmation, and"
              + " confirmations that differ from their certificate (which fields)",
      description =
          "Signed read for the Monitoring Team, the KP authority and auditors (403 otherwise)."
              + " Both lists hold the certificates exported in month (every export when month is"
              + " absent), judged today in Bangui with afterDays as the confirmation delay, oldest"
              + " export first. A confirmation recorded only on the Fabric channel counts as a"
              + " confirmation. 400 INVALID_PARAMETER when afterDays is outside 0..3650.")
  CrossCheck crossCheck(
      Actor reader,
      @Parameter(
              description =
                  "days after export after which a missing confirmation counts; default"
                      + " kp.confirmation-delay-days (30)")
          @RequestParam(required = false)
          Integer afterDays,
      @Parameter(description = "month of export, an ISO-8601 month such as 2019-12")
          @RequestParam(required = false)
          YearMonth month) {
    policy.requireOverseer(reader, "the certificate cross-check");
    int days = afterDays == null ? defaultDelayDays : afterDays;
    if (days < 0 || days > 3650) {
      throw QueryRefusedException.badParameter(
          "INVALID_PARAMETER", "afterDays", "afterDays must be between 0 and 3650");
    }
    return certificates.crossCheck(month, days);
  }

  private CertificateRecord find(String number) {
    return certificates
        .find(checked(number))
        .orElseThrow(() -> QueryRefusedException.notFound("number", "certificate " + number));
  }

  private static String checked(String number) {
    if (!number.matches("CF[A-Z0-9-]{3,40}")) {
      throw QueryRefusedException.badParameter(
          "CERTIFICATE_NUMBER_INVALID",
          "number",
          "a CAR KP certificate number is CF followed by 3 to 40 capitals, digits or dashes");
    }
    return number;
  }
}
