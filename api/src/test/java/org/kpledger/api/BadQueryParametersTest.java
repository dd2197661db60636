package org.kpledger.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad query parameters get a 4xx problem+json naming the rule and the parameter: unknown ids, dates
 * (and months) that do not parse, page sizes of 0 or 1,000,000, values outside their set, periods
 * that end before they start.
 */
class BadQueryParametersTest extends ReadTestBase {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/trace/back/shipments/BQ-NOPE, shipmentId",
    "/api/trace/back/certificates/CF-BQ-NOPE, number",
    "/api/trace/back/items/BQ-NOPE, itemId",
    "/api/trace/forward/zones/BQ-NOPE, id",
    "/api/trace/forward/miners/BQ-NOPE, id",
    "/api/trace/forward/sites/BQ-NOPE, id",
    "/api/trace/forward/lots/BQ-NOPE, id",
    "/api/trace/forward/collectors/BQ-NOPE, id",
    "/api/shipments/BQ-NOPE/dossier, shipmentId",
    "/api/history/BQ-NOPE, aggregateId",
    "/api/certificates/CF-BQ-NOPE, number",
    "/api/public/certificates/CF-BQ-NOPE, number",
    "/api/stockpiles/BQ-NOPE/holdings?asOf=2020-01-01, stockpileId",
    "/api/zones/BQ-NOPE/history, zoneId",
    "/api/statistics/production?zone=BQ-NOPE, zone",
    "/api/statistics/offices?office=BQ-NOPE, office",
    "/api/statistics/exports?exporter=BQ-NOPE, exporter",
  })
  void unknownIdIsNotFound(String target, String field) {
    problem(get("mt-monitor", target), 404, "UNKNOWN_ID", field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/holdings?holder=BO-ALPHA&asOf=2020-13-45, asOf",
    "/api/holdings?holder=BO-ALPHA&asOf=yesterday, asOf",
    "/api/stockpiles/BQ-1/holdings?asOf=2020-02-30, asOf",
    "/api/trace/forward/zones/BQ-1?from=31/12/2020, from",
    "/api/shipments?to=2020-1-1, to",
    "/api/holdings?holder=BO-ALPHA&asOf=2020-01-01&size=ten, size",
    "/api/trace/back/items/BQ-1?page=first, page",
    "/api/certificates/unconfirmed?olderThanDays=soon, olderThanDays",
    "/api/zones?asOf=2020-02-30, asOf",
    "/api/zones/BQ-1/history?asOf=soon, asOf",
    "/api/statistics/production?from=2020-13, from",
    "/api/statistics/production?from=May-2020, from",
    "/api/statistics/exports?to=2020-05-01, to",
    "/api/statistics/offices?to=2020-1, to",
  })
  void unparsableParameterIsBadRequest(String target, String field) {
    problem(get("mt-monitor", target), 400, "INVALID_PARAMETER", field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/holdings?holder=BO-ALPHA&asOf=2020-01-01&size=0",
    "/api/holdings?holder=BO-ALPHA&asOf=2020-01-01&size=1000000",
    "/api/stockpiles/BQ-NOPE/holdings?asOf=2020-01-01&size=0",
    "/api/shipments?size=1000000",
    "/api/certificates/unconfirmed?size=0",
    "/api/certificates/mismatched?size=501",
    "/api/history/BQ-NOPE?size=0",
    "/api/trace/forward/zones/BQ-NOPE?size=1000000",
    "/api/trace/back/shipments/BQ-NOPE?size=0",
    "/api/trace/back/certificates/CF-BQ-NOPE?size=501",
    "/api/trace/back/items/BQ-NOPE?size=1000000",
    "/api/zones?size=0",
    "/api/zones?size=1000000",
    "/api/statistics/production?size=0",
    "/api/statistics/offices?size=1000000",
    "/api/statistics/exports?size=501",
  })
  void pageSizeOutOfBoundsIsBadRequest(String target) {
    problem(get("mt-monitor", target), 400, "PAGE_SIZE_OUT_OF_RANGE", "size");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/shipments?page=-1, 400, PAGE_OUT_OF_RANGE, page",
    "/api/trace/back/shipments/BQ-NOPE?page=-1, 400, PAGE_OUT_OF_RANGE, page",
    "/api/holdings?holder=BO-ALPHA, 400, MISSING_PARAMETER, asOf",
    "/api/holdings?asOf=2020-01-01, 400, MISSING_PARAMETER, holder",
    "/api/holdings?holder=BO-ALPHA&asOf=2020-01-01&period=LATER, 400, INVALID_PARAMETER, period",
    "/api/shipments?status=LOST, 400, INVALID_PARAMETER, status",
    "/api/shipments?from=2020-02-01&to=2020-01-01, 400, INVALID_PERIOD, to",
    "/api/certificates/unconfirmed?olderThanDays=-1, 400, INVALID_PARAMETER, olderThanDays",
    "/api/trace/forward/planets/BQ-1, 400, INVALID_PARAMETER, kind",
    "/api/public/certificates/XX-1, 400, CERTIFICATE_NUMBER_INVALID, number",
    "/api/certificates/cf-lower, 400, CERTIFICATE_NUMBER_INVALID, number",
    "/api/zones?status=GREEN, 400, INVALID_PARAMETER, status",
    "/api/zones?page=-1, 400, PAGE_OUT_OF_RANGE, page",
    "/api/statistics/production?from=2020-05&to=2020-04, 400, INVALID_PERIOD, to",
    "/api/statistics/offices?from=2020-05&to=2020-04, 400, INVALID_PERIOD, to",
    "/api/statistics/exports?from=2020-02&to=2020-01, 400, INVALID_PERIOD, to",
  })
  void parameterOutsideItsSetIsBadRequest(String target, int status, String rule, String field) {
    problem(get("mt-monitor", target), status, rule, field);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/shipments?size=1",
    "/api/shipments?size=500&page=0",
  })
  void pageSizeAtItsBoundsIsAccepted(String target) {
    read("mt-monitor", target);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "GET, /api/nothing-here, 404, NO_SUCH_ENDPOINT",
    "POST, /api/holdings, 405, METHOD_NOT_ALLOWED",
    "POST, /api/projections/nope/replay, 404, UNKNOWN_ID",
  })
  void wrongEndpointOrMethodIsProblemJson(String method, String target, int status, String rule) {
    problem(
        send(method, target, signed(method, target, "auditor-1", java.time.Instant.now())),
        status,
        rule,
        null);
  }
}
