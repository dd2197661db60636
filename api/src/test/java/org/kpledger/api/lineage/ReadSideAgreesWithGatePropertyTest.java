package org.kpledger.api.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kpledger.api.registry.RegistryOverJdbc;
import org.kpledger.api.registry.RegistryQueries;
import org.kpledger.api.shipment.GateStep;
import org.kpledger.custody.Actor;
import org.kpledger.custody.CustodyFacts;
import org.kpledger.custody.LedgerCalendar;
import org.kpledger.custody.LedgerMetaData;
import org.kpledger.licence.Licence;
import org.kpledger.licence.LicenceIssuedEvent;
import org.kpledger.licence.LicenceKind;
import org.kpledger.licence.LicenceStatus;
import org.kpledger.licence.LicenceStatusChangedEvent;
import org.kpledger.miner.MinerRegisteredEvent;
import org.kpledger.parcel.LineageEdge;
import org.kpledger.parcel.LotPurchasedEvent;
import org.kpledger.parcel.Origin;
import org.kpledger.parcel.Parcel;
import org.kpledger.parcel.ParcelAssignedToShipmentEvent;
import org.kpledger.parcel.ParcelConsumedEvent;
import org.kpledger.parcel.ParcelMergedEvent;
import org.kpledger.parcel.ParcelSealedEvent;
import org.kpledger.parcel.ParcelSplitOffEvent;
import org.kpledger.parcel.QuarantineClearedEvent;
import org.kpledger.parcel.StockpileItemDeclaredEvent;
import org.kpledger.shipment.ExportGate;
import org.kpledger.shipment.GateCheck;
import org.kpledger.shipment.Reevaluation;
import org.kpledger.site.GeoPoint;
import org.kpledger.site.SiteRegisteredEvent;
import org.kpledger.zone.Zone;
import org.kpledger.zone.ZoneDecisionRecordedEvent;
import org.kpledger.zone.ZoneRegisteredEvent;
import org.kpledger.zone.ZoneStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read side judges every origin as the export gate did when the command ran (issue #15).
 *
 * <p>Each try generates a small world from a seed: zones with dated decisions, miners whose
 * patentes start, end, are suspended, reinstated or revoked, purchases on various days, stockpile
 * items (quarantined or not, some released by audit, some undocumented), merges and splits, and a
 * proposal of some sealed (or unsealed) parcels. The world's events are applied twice: to the
 * ledger's aggregates ({@link Zone}, {@link Licence}, {@link Parcel}), over which {@link
 * ExportGate} decides the proposal as the command handler does; and to the read side's real
 * projections in an in-memory H2, over which {@link OriginAssessor#checks} judges each origin of
 * the proposed parcels through {@link ProjectedCustodyFacts}, once with plain {@link
 * RegistryQueries} and once with its preloaded variant (the path traces of large shipments take).
 * Every verdict of the read side must equal the gate's verdict of the same rule on the same
 * subject.
 *
 * <p>Knowledge in two times: every event carries a record time ({@code recordedAt} metadata, one
 * hour after the previous one); after the proposal is judged (at its own record time, with the
 * facts as known then, as {@code Shipment} does), some worlds record retroactive decisions: a zone
 * decision or a patente change effective from a past day. The read side's verdict "as known then"
 * (at the proposal's record time, {@link OriginAssessor#judge}) must equal what the gate decided
 * when the command ran, its verdict "as known now" must equal the gate over every event, and a
 * re-evaluation must be raised exactly when the two differ, naming causes recorded after the
 * proposal. No node and no HTTP: the level is the projected rows and the functions that judge them,
 * so 1,000 worlds take seconds.
 *
 * <p>The worlds' seeds come from one base seed, printed at the start ({@code -Dkp.worlds.seed=N}
 * replays a run, {@code -Dkp.worlds=N} changes how many); a failure names its world's seed.
 */
class ReadSideAgreesWithGatePropertyTest {
  private static final LocalDate START = LocalDate.of(2013, 5, 1);
  private static final int DAYS = 40;
  private static final AtomicInteger WORLD = new AtomicInteger();
  private static final java.util.Map<String, Integer> REFUSED_BY =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  private static JdbcTemplate jdbc;
  private static List<AnnotationEventHandlerAdapter> projections;
  private static RegistryQueries registry;
  private static LineageGraph graph;
  private static OriginAssessor assessor;

  /** The seeds of the worlds of this run. */
  static java.util.stream.LongStream seeds() {
    long base = Long.getLong("kp.worlds.seed", System.nanoTime());
    int worlds = Integer.getInteger("kp.worlds", 1000);
    System.out.println(
        "ReadSideAgreesWithGatePropertyTest: " + worlds + " worlds from -Dkp.worlds.seed=" + base);
    Random seeds = new Random(base);
    return java.util.stream.LongStream.generate(seeds::nextLong).limit(worlds);
  }

  @BeforeAll
  static void database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:read-side-agrees;DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(ds);
    projections =
        List.of(
            new AnnotationEventHandlerAdapter(RegistryOverJdbc.projection(jdbc)),
            new AnnotationEventHandlerAdapter(new LineageProjection(jdbc)),
            new AnnotationEventHandlerAdapter(new ItemStateProjector(jdbc)));
    registry = RegistryOverJdbc.queries(jdbc);
    graph = new LineageGraph(jdbc);
    assessor = new OriginAssessor(registry, graph, null, java.time.Clock.systemUTC());
  }

  @AfterAll
  static void dropDatabase() {
    jdbc.execute("SHUTDOWN");
    System.out.println("worlds refused by (rules that refused, per world): " + REFUSED_BY);
  }

  @ParameterizedTest(name = "world {index}, seed {0}")
  @MethodSource("seeds")
  void theReadSideJudgesEveryOriginAsTheGateDidWhenTheCommandRan(long seed) throws Exception {
    World w = new World("w" + WORLD.incrementAndGet() + "-", new Random(seed));
    w.generate();

    // the command: the gate over the aggregates, as the handler of the proposal runs it, with the
    // facts as known at the proposal's record time
    List<Origin> origins =
        w.proposed.stream().flatMap(id -> w.parcels.get(id).origins().stream()).toList();
    Instant proposedAt = w.tick();
    List<GateCheck> gateThen =
        ExportGate.evaluate(w.shipmentId, w.proposed, origins, w.facts().asKnownAt(proposedAt));
    // later, decisions recorded after the proposal with effective dates in the past
    w.retroact();
    List<GateCheck> gate = ExportGate.evaluate(w.shipmentId, w.proposed, origins, w.facts());

    // the read side: the same events through the projections, then its judge
    for (EventMessage<?> message : w.events) {
      for (AnnotationEventHandlerAdapter p : projections) {
        if (p.canHandle(message)) {
          p.handle(message);
        }
      }
    }
    List<LineageRows.Origin> carried = graph.originsCarriedBy(w.proposed);
    assertThat(carried)
        .extracting(LineageRows.Origin::lotId)
        .containsExactlyInAnyOrderElementsOf(
            origins.stream().map(Origin::lotId).distinct().toList());
    RegistryQueries preloadedRegistry =
        registry.preload(
            carried.stream().map(o -> o.origin().zoneId()).toList(),
            carried.stream().map(o -> o.origin().patenteNumber()).toList(),
            List.of());
    OriginAssessor preloaded = assessor.over(preloadedRegistry);
    // how often each rule refused, so a run shows the worlds were not all trivially clean
    if (!gate.equals(gateThen)) {
      REFUSED_BY.merge("(verdicts changed after the fact)", 1, Integer::sum);
    }
    REFUSED_BY.merge(
        gate.stream()
            .filter(g -> !g.passed())
            .map(g -> String.valueOf(g.rule()))
            .distinct()
            .sorted()
            .toList()
            .toString(),
        1,
        Integer::sum);
    for (LineageRows.Origin o : carried) {
      for (OriginAssessor judge : List.of(assessor, preloaded)) {
        for (GateCheck read : judge.checks(o)) {
          Optional<GateCheck> decided =
              gate.stream()
                  .filter(g -> g.subject().equals(read.subject()) && g.rule().equals(read.rule()))
                  .findFirst();
          boolean gatePassed = decided.map(GateCheck::passed).orElse(true);
          assertThat(read.passed())
              .as(
                  "seed %d: %s %s read %s, gate %s",
                  seed, read.subject(), read.rule(), read, decided)
              .isEqualTo(gatePassed);
        }
        // as known then and now, and the re-evaluation between them
        Reevaluation.Judgement j = judge.judge(o, new GateStep("PROPOSED", proposedAt));
        assertAgree(seed, "as known then", j.asKnownThen(), gateThen);
        assertAgree(seed, "as known now", j.asKnownNow(), gate);
        boolean changed =
            j.asKnownNow().stream().anyMatch(c -> verdict(gateThen, c) != verdict(gate, c));
        assertThat(j.changed().isPresent())
            .as("seed %d: re-evaluation of %s", seed, o.lotId())
            .isEqualTo(changed);
        j.changed()
            .ifPresent(
                r ->
                    assertThat(r.causes())
                        .as("seed %d: causes of %s", seed, o.lotId())
                        .isNotEmpty()
                        .allMatch(c -> c.recordedAt().isAfter(proposedAt)));
      }
      // the late-entry flag the ledger decided when it recorded the slip, never re-decided
      if (w.lateEntries.containsKey(o.lotId())) {
        for (OriginAssessor judge : List.of(assessor, preloaded)) {
          assertThat(judge.isLate(o))
              .as("seed %d: late entry of %s", seed, o.lotId())
              .isEqualTo(w.lateEntries.get(o.lotId()));
        }
      }
      // the standings a trace shows beside the checks (TracedOrigin.zone and .patente)
      for (RegistryQueries shown : List.of(registry, preloadedRegistry)) {
        if (o.origin().auditClearance() == null
            && o.origin().zoneId() != null
            && o.origin().acquiredOn() != null) {
          assertThat(shown.zoneOn(o.origin().zoneId(), o.origin().acquiredOn()).compliant())
              .as("seed %d: zone shown for %s", seed, o.lotId())
              .isEqualTo(passed(gate, o.lotId(), "ZONE_NOT_COMPLIANT"));
        }
        if (o.origin().auditClearance() == null && o.origin().minerId() != null) {
          assertThat(shown.licenceOn(o.origin().patenteNumber(), o.origin().acquiredOn()).inForce())
              .as("seed %d: patente shown for %s", seed, o.lotId())
              .isEqualTo(passed(gate, o.lotId(), "PATENTE_NOT_VALID"));
        }
      }
    }
  }

  private static void assertAgree(
      long seed, String when, List<GateCheck> read, List<GateCheck> gate) {
    for (GateCheck c : read) {
      assertThat(c.passed())
          .as("seed %d: %s %s %s read %s", seed, when, c.subject(), c.rule(), c)
          .isEqualTo(verdict(gate, c));
    }
  }

  /** The gate's verdict of {@code c}'s rule on its subject (passed when the gate did not ask). */
  private static boolean verdict(List<GateCheck> gate, GateCheck c) {
    return gate.stream()
        .filter(g -> g.subject().equals(c.subject()) && g.rule().equals(c.rule()))
        .findFirst()
        .map(GateCheck::passed)
        .orElse(true);
  }

  private static boolean passed(List<GateCheck> gate, String subject, String rule) {
    return gate.stream()
        .filter(g -> g.subject().equals(subject) && g.rule().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the gate did not judge " + rule + " of " + subject))
        .passed();
  }

  /** One generated world: its events in order, and the aggregates they build. */
  private static final class World {
    final String p;
    final Random r;
    final List<EventMessage<?>> events = new ArrayList<>();
    final Map<String, LocalDate> lastDecision = new HashMap<>();
    final Map<String, LicenceStatus> patenteStatus = new HashMap<>();
    final Map<String, LocalDate> lastChange = new HashMap<>();
    Instant clock = Instant.parse("2013-07-01T00:00:00Z");
    final Map<String, Zone> zones = new LinkedHashMap<>();
    final Map<String, Licence> licences = new HashMap<>();
    final Map<String, Parcel> parcels = new LinkedHashMap<>();
    final List<String> zoneIds = new ArrayList<>();
    final List<String[]> miners = new ArrayList<>(); // miner, patente, site, zone
    final List<String> movable = new ArrayList<>();
    final List<String> proposed = new ArrayList<>();
    final Map<String, Boolean> lateEntries = new HashMap<>(); // as the ledger decided per slip
    final String shipmentId;
    int next;

    World(String prefix, Random random) {
      this.p = prefix;
      this.r = random;
      this.shipmentId = prefix + "SH";
    }

    LocalDate day() {
      return START.plusDays(r.nextInt(DAYS));
    }

    /** The next record time: one hour after the last. */
    Instant tick() {
      clock = clock.plusSeconds(3600);
      return clock;
    }

    /**
     * Decisions recorded after the proposal with effective dates in the past, as the aggregates
     * allow them (after the zone's latest decision; not before the patente's latest change).
     */
    void retroact() throws Exception {
      for (String zone : zoneIds) {
        if (r.nextInt(3) == 0) {
          continue;
        }
        LocalDate last = lastDecision.get(zone);
        LocalDate d = START.plusDays(r.nextInt(DAYS));
        if (last != null && !d.isAfter(last)) {
          d = last.plusDays(1 + r.nextInt(5));
        }
        ZoneStatus s = r.nextBoolean() ? ZoneStatus.COMPLIANT : ZoneStatus.SUSPENDED;
        on(zones, Zone.class, zone, new ZoneDecisionRecordedEvent(zone, s, d, "MT-RETRO"));
        lastDecision.put(zone, d);
      }
      for (String[] m : miners) {
        String patente = m[1];
        LicenceStatus current = patenteStatus.get(patente);
        if (current == null || current == LicenceStatus.REVOKED || r.nextInt(3) == 0) {
          continue;
        }
        LicenceStatus s = LicenceStatus.values()[r.nextInt(3)];
        if (s == current) {
          continue;
        }
        LocalDate d = START.plusDays(r.nextInt(DAYS));
        LocalDate last = lastChange.get(patente);
        if (last != null && d.isBefore(last)) {
          d = last;
        }
        on(licences, Licence.class, patente, new LicenceStatusChangedEvent(patente, s, d, "late"));
        patenteStatus.put(patente, s);
        lastChange.put(patente, d);
      }
    }

    void generate() throws Exception {
      for (int z = 0, n = 1 + r.nextInt(3); z < n; z++) {
        String zone = p + "Z" + z;
        zoneIds.add(zone);
        on(zones, Zone.class, zone, new ZoneRegisteredEvent(zone, "zone " + z, "prefecture"));
        LocalDate d = START.minusDays(5 + r.nextInt(10));
        for (int k = 0, m = r.nextInt(4); k < m; k++) {
          d = d.plusDays(1 + r.nextInt(15));
          ZoneStatus s = r.nextBoolean() ? ZoneStatus.COMPLIANT : ZoneStatus.SUSPENDED;
          on(zones, Zone.class, zone, new ZoneDecisionRecordedEvent(zone, s, d, "MT-" + k));
          lastDecision.put(zone, d);
        }
      }
      for (int m = 0, n = 1 + r.nextInt(3); m < n; m++) {
        String miner = p + "M" + m;
        String patente = p + "P" + m;
        String zone = pick(zoneIds);
        String site = p + "S" + m;
        events.add(
            recorded(
                new SiteRegisteredEvent(
                    site, "site", zone, new GeoPoint(BigDecimal.ONE, BigDecimal.ONE))));
        events.add(
            recorded(new MinerRegisteredEvent(miner, "name", "doc", patente, site, zone, null)));
        miners.add(new String[] {miner, patente, site, zone});
        if (r.nextInt(8) == 0) {
          continue; // a patente never issued
        }
        LocalDate from = START.minusDays(10).plusDays(r.nextInt(DAYS));
        LocalDate until = from.plusDays(1 + r.nextInt(DAYS));
        on(
            licences,
            Licence.class,
            patente,
            new LicenceIssuedEvent(patente, LicenceKind.PATENTE, miner, from, until));
        LicenceStatus current = LicenceStatus.ACTIVE;
        LocalDate d = from.minusDays(5);
        for (int k = 0, c = r.nextInt(3); k < c && current != LicenceStatus.REVOKED; k++) {
          LicenceStatus s = LicenceStatus.values()[r.nextInt(3)];
          if (s == current) {
            continue;
          }
          d = d.plusDays(r.nextInt(12)); // two changes may share a day: the later one counts
          on(licences, Licence.class, patente, new LicenceStatusChangedEvent(patente, s, d, "r"));
          current = s;
          lastChange.put(patente, d);
        }
        patenteStatus.put(patente, current);
      }
      for (int l = 0, n = 1 + r.nextInt(5); l < n; l++) {
        String[] m = pick(miners);
        String lot = p + "L" + l;
        String zone = r.nextInt(4) == 0 ? pick(zoneIds) : m[3];
        Instant at =
            day().atTime(LocalTime.of(r.nextInt(24), 0)).atZone(LedgerCalendar.ZONE).toInstant();
        LotPurchasedEvent e =
            new LotPurchasedEvent(
                lot,
                "slip-" + l,
                m[0],
                m[1],
                m[2],
                zone,
                p + "buyer",
                p + "EL",
                BigDecimal.TEN,
                3,
                BigDecimal.ONE,
                at,
                r.nextBoolean(),
                r.nextInt(4) == 0);
        lateEntries.put(lot, e.lateEntry());
        on(parcels, Parcel.class, lot, e);
        movable.add(lot);
      }
      for (int s = 0, n = r.nextInt(3); s < n; s++) {
        String item = p + "K" + s;
        boolean quarantined = r.nextBoolean();
        on(
            parcels,
            Parcel.class,
            item,
            new StockpileItemDeclaredEvent(
                item,
                p + "stock",
                p + "buyer",
                BigDecimal.ONE,
                r.nextInt(5) == 0 ? null : pick(zoneIds),
                r.nextInt(5) == 0 ? null : day(),
                "declared",
                quarantined ? "acquired during the suspension" : null));
        if (quarantined && r.nextBoolean()) {
          on(parcels, Parcel.class, item, new QuarantineClearedEvent(item, p + "AUD" + s, "c"));
          quarantined = false;
        }
        if (quarantined) {
          proposed.add(item); // a quarantined item cannot be merged; it may be proposed alone
        } else {
          movable.add(item);
        }
      }
      if (movable.size() >= 2 && r.nextBoolean()) {
        String a = movable.remove(r.nextInt(movable.size()));
        String b = movable.remove(r.nextInt(movable.size()));
        String merged = p + "G";
        List<Origin> o = new ArrayList<>(parcels.get(a).origins());
        o.addAll(parcels.get(b).origins());
        List<LineageEdge> edges =
            List.of(
                new LineageEdge(a, merged, BigDecimal.ONE),
                new LineageEdge(b, merged, BigDecimal.ONE));
        on(
            parcels,
            Parcel.class,
            merged,
            new ParcelMergedEvent(merged, p + "buyer", edges, BigDecimal.valueOf(2), o));
        on(parcels, Parcel.class, a, new ParcelConsumedEvent(a, "MERGE", edges.subList(0, 1)));
        on(parcels, Parcel.class, b, new ParcelConsumedEvent(b, "MERGE", edges.subList(1, 2)));
        movable.add(merged);
      }
      if (!movable.isEmpty() && r.nextBoolean()) {
        String source = movable.remove(r.nextInt(movable.size()));
        List<Origin> o = parcels.get(source).origins();
        List<LineageEdge> edges = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
          String part = p + "X" + k;
          edges.add(new LineageEdge(source, part, BigDecimal.ONE));
          on(
              parcels,
              Parcel.class,
              part,
              new ParcelSplitOffEvent(part, source, p + "buyer", BigDecimal.ONE, o));
          movable.add(part);
        }
        on(parcels, Parcel.class, source, new ParcelConsumedEvent(source, "SPLIT", edges));
      }
      for (String id : movable) {
        if (r.nextInt(3) > 0) {
          proposed.add(id);
        }
      }
      if (proposed.isEmpty()) {
        proposed.add(pick(movable));
      }
      for (String id : proposed) {
        if (r.nextInt(6) > 0) {
          on(parcels, Parcel.class, id, new ParcelSealedEvent(id, "seal-" + id));
        }
        on(parcels, Parcel.class, id, new ParcelAssignedToShipmentEvent(id, shipmentId));
      }
    }

    <T> T pick(List<T> from) {
      return from.get(r.nextInt(from.size()));
    }

    /** Records the event and applies it to the aggregate, creating it on its first event. */
    <A> void on(Map<String, A> store, Class<A> type, String id, Object event) throws Exception {
      A aggregate = store.get(id);
      if (aggregate == null) {
        Constructor<A> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        aggregate = c.newInstance();
        store.put(id, aggregate);
      }
      EventMessage<?> message = recorded(event);
      model(type).publish(message, aggregate);
      events.add(message);
    }

    /** The event as the node records it: with its command's record time. */
    EventMessage<?> recorded(Object event) {
      return GenericEventMessage.asEventMessage(event)
          .andMetaData(Map.of(LedgerMetaData.RECORDED_AT, tick().toString()));
    }

    CustodyFacts facts() {
      return new CustodyFacts() {
        @Override
        public Optional<ZoneFacts> zone(String zoneId) {
          return Optional.ofNullable(zoneId == null ? null : zones.get(zoneId));
        }

        @Override
        public Optional<LicenceFacts> licence(String number) {
          return Optional.ofNullable(number == null ? null : licences.get(number));
        }

        @Override
        public Optional<MinerFacts> miner(String minerId) {
          return Optional.empty(); // the gate does not ask
        }

        @Override
        public Optional<SiteFacts> site(String siteId) {
          return Optional.empty(); // the gate does not ask
        }

        @Override
        public Optional<ParcelFacts> parcel(String parcelId) {
          return Optional.ofNullable(parcels.get(parcelId)).map(Parcel::facts);
        }
      };
    }
  }

  private static final Map<Class<?>, AggregateModel<?>> MODELS = new HashMap<>();

  @SuppressWarnings("unchecked")
  private static synchronized <A> AggregateModel<A> model(Class<A> type) {
    return (AggregateModel<A>)
        MODELS.computeIfAbsent(
            type,
            t ->
                AnnotatedAggregateMetaModelFactory.inspectAggregate(
                    t,
                    MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(t),
                        // only event-sourcing handlers run here; command handlers' extra
                        // parameters need a resolver to be inspected
                        (executable, parameters, i) ->
                            parameters[i].getType() == CustodyFacts.class
                                    || parameters[i].getType() == Actor.class
                                ? new FixedValueParameterResolver<>(null)
                                : null)));
  }
}
