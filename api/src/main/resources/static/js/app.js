// The console: a hash-routed page per task. Reads go to the node's JSON API, signed in the page
// by the signed-in actor; commands are signed here too and sent as the exact envelope shown.
import { h, table } from "./dom.js";
import { t, language, switchLanguage } from "./i18n.js";
import * as session from "./session.js";
import { graphSvg, carats } from "./graph.js";
import { LogCheckError, eventLeafHash, hex, readVerifierKey, sameBytes, verifyCheckpoint, verifyInclusion } from "./log.js";
import { base64Decode } from "./signing.js";
import { bars, timeline } from "./charts.js";
import { siteSchematic } from "./schematic.js";

const main = () => document.getElementById("main");

const routes = [
  [/^#?\/?$/, home],
  [/^#\/sign-in$/, signInPage],
  [/^#\/review$/, reviewPage],
  [/^#\/shipments\/([^/]+)$/, shipmentPage],
  [/^#\/custody(?:\/(\d{4}-\d{2}-\d{2}))?$/, custodyPage],
  [/^#\/certificate(?:\/([^/]+))?$/, certificatePage],
  [/^#\/audit(?:\/([^/]+))?$/, auditPage],
  [/^#\/zones\/([^/]+)$/, zonePage],
  [/^#\/re-evaluations$/, reevaluationsPage],
  [/^#\/sites(?:\/(\d{4}-\d{2}-\d{2}))?$/, sitesPage],
];

async function render() {
  renderHeader();
  const hash = location.hash || "#/";
  const el = main();
  el.replaceChildren(h("p.loading", { role: "status" }, t("loading")));
  for (const [re, page] of routes) {
    const m = re.exec(hash);
    if (m) {
      try {
        el.replaceChildren(...[await page(...m.slice(1).map((x) => x && decodeURIComponent(x)))].flat());
      } catch (e) {
        el.replaceChildren(problemBox(e));
      }
      const heading = el.querySelector("h1");
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
      document.title = `${heading ? heading.textContent + " · " : ""}${t("title")}`;
      return;
    }
  }
  el.replaceChildren(h("h1", {}, "404"));
}

function renderHeader() {
  document.documentElement.lang = language();
  document.getElementById("skip").textContent = t("skip");
  document.getElementById("brand").textContent = t("title");
  const actor = session.current();
  const links = [
    ["#/", "navHome"],
    ["#/review", "navReview"],
    ["#/re-evaluations", "navReevaluations"],
    ["#/sites", "navSites"],
    ["#/custody", "navCustody"],
    ["#/certificate", "navCertificate"],
    ["#/audit", "navAudit"],
  ];
  const here = location.hash || "#/";
  document.getElementById("nav").replaceChildren(
    h(
      "ul",
      {},
      links.map(([href, key]) =>
        h("li", {}, h("a", { href, "aria-current": current(href, here) ? "page" : null }, t(key))),
      ),
    ),
  );
  document.getElementById("who").replaceChildren(
    actor
      ? h(
          "span",
          {},
          h("span#signed-in-as", { "data-by": session.byTls() ? "tls" : "key" },
            `${t(session.byTls() ? "signedInByTls" : "signedInAs")} ${actor.info.subject.CN} (${actor.info.subject.O}, ${actor.info.subject.OU})`),
          " ",
          session.byTls()
            ? null
            : h("button#sign-out", { type: "button", onclick: async () => { await session.signOut(); location.hash = "#/"; render(); } }, t("signOut")),
        )
      : h("a#sign-in-link", { href: "#/sign-in" }, t("navSignIn")),
    " ",
    h("button#lang", { type: "button", lang: language() === "en" ? "fr" : "en", "aria-label": `${t("languageName")}: ${t("language")}`, onclick: () => { switchLanguage(); render(); } }, t("language")),
  );
}

/** Whether the nav link `href` is the page at `here` (home only for itself). */
function current(href, here) {
  return href === "#/" ? here === "#/" : here === href || here.startsWith(href + "/");
}

function problemBox(e) {
  const rule = e instanceof session.Problem || e instanceof LogCheckError ? e.rule : "ERROR";
  return h(
    "div.problem",
    { role: "alert", "data-rule": rule },
    h("strong", {}, `${t("refused")}: ${rule}`),
    e.status ? ` (HTTP ${e.status})` : "",
    h("p", {}, e.message),
  );
}

function requireActor() {
  if (!session.current()) {
    return [h("p.notice", { role: "alert" }, t("needSignIn"), " ", h("a", { href: "#/sign-in" }, t("navSignIn")))];
  }
  return null;
}

function num(v) {
  return v === null || v === undefined ? "" : carats(v);
}

function home() {
  const card = (href, nav, text) => h("li.card", {}, h("h2", {}, h("a", { href }, t(nav))), h("p", {}, t(text)));
  return [
    h("h1", {}, t("title")),
    h("p", {}, t("homeIntro")),
    h(
      "ul.cards",
      {},
      card("#/review", "navReview", "homeReview"),
      card("#/re-evaluations", "navReevaluations", "homeReevaluations"),
      card("#/sites", "navSites", "homeSites"),
      card("#/custody", "navCustody", "homeCustody"),
      card("#/certificate", "navCertificate", "homeCertificate"),
      card("#/audit", "navAudit", "homeAudit"),
    ),
  ];
}

function readFile(input) {
  const file = input.files[0];
  if (!file) {
    return Promise.reject(new Error(`${input.labels[0].textContent}: ?`));
  }
  return file.text();
}

function signInPage() {
  const status = h("div#sign-in-status", { role: "status", "aria-live": "polite" });
  const key = h("input#key-file", { type: "file", accept: ".pem", required: true });
  const cert = h("input#cert-file", { type: "file", accept: ".pem", required: true });
  const remember = h("input#remember", { type: "checkbox" });
  const form = h(
    "form.stack",
    {
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          const actor = await session.signIn(await readFile(key), await readFile(cert), remember.checked);
          renderHeader();
          const who = actor.info.subject;
          status.replaceChildren(
            h(
              "div.ok",
              { "data-actor": who.CN },
              h("strong", {}, `${t("signedIn")}: ${who.CN}`),
              h("p", {}, `${t("organisation")}: ${who.O} · ${t("role")}: ${who.OU} · ${t("validUntil")}: ${actor.info.notAfter.toISOString().slice(0, 10)}`),
            ),
          );
        } catch (e) {
          status.replaceChildren(problemBox(e));
        }
      },
    },
    h("label", { for: "key-file" }, t("keyFile")),
    key,
    h("label", { for: "cert-file" }, t("certFile")),
    cert,
    h("label.check", {}, remember, " ", t("remember")),
    h("button#sign-in", { type: "submit" }, t("signInButton")),
  );
  return [h("h1", {}, t("signInTitle")), h("p", {}, t("signInIntro")), h("p.help", {}, t("signInTlsNote")), form, status];
}

function shipmentRows(items) {
  return items.map((r) => [
    h("a", { href: `#/shipments/${encodeURIComponent(r.shipmentId)}` }, r.shipmentId),
    r.exporter,
    `${r.importerName} (${r.importerCountry})`,
    num(r.carats),
    num(r.valueUsd),
    r.proposedOn,
    h("span", { class: "status status-" + r.status }, r.status),
  ]);
}

const SHIPMENT_HEADERS = () => [t("shipment"), t("exporter"), t("importer"), t("carats"), t("valueUsd"), t("proposedOn"), t("status")];

async function reviewPage() {
  const missing = requireActor();
  if (missing) return [h("h1", {}, t("reviewTitle")), ...missing];
  const page = await session.get("/api/shipments?status=PROPOSED&size=200");
  return [
    h("h1", {}, t("reviewTitle")),
    page.items.length
      ? table(t("reviewTitle"), SHIPMENT_HEADERS(), shipmentRows(page.items))
      : h("p", {}, t("noneAwaiting")),
  ];
}

/** Roles whose organisations read dossiers: the Monitoring Team, the KP authority, auditors. */
const REVIEWERS = ["MONITOR", "AUDITOR", "REGISTRAR", "VALUER", "CERTIFYING_OFFICER", "INSPECTOR"];

async function shipmentPage(id) {
  const missing = requireActor();
  if (missing) return [h("h1", {}, `${t("dossierTitle")} ${id}`), ...missing];
  const role = session.current().info.subject.OU;
  const reviewer = REVIEWERS.includes(role);
  const out = [h("h1", {}, `${t("dossierTitle")} ${id}`)];
  let trace;
  let dossier = null;
  try {
    // the dossier (reviewers only) carries the trace's overview; the graph needs its pages
    const path = encodeURIComponent(id);
    [dossier, trace] = await Promise.all([
      reviewer ? session.get(`/api/shipments/${path}/dossier`) : null,
      session.get(`/api/trace/back/shipments/${path}?size=500`),
    ]);
  } catch (e) {
    out.push(problemBox(e));
    return out;
  }
  if (dossier?.shipment) {
    out.push(table(t("shipment"), SHIPMENT_HEADERS(), shipmentRows([dossier.shipment])));
  }
  if (dossier) {
    out.push(
      h("section", { "aria-labelledby": "gate-h" }, h("h2#gate-h", {}, `${t("gate")}: `, h("span", { class: dossier.gatePasses ? "pass" : "fail", id: "gate-verdict" }, dossier.gatePasses ? t("passes") : t("fails"))),
        gateChecks(dossier, trace).length
          ? table(t("gate"), [t("item"), t("gateCheck"), t("verdict"), t("detail")], gateChecks(dossier, trace).map((g) => [g.subject, g.rule, h("span", { class: g.passed ? "pass" : "fail" }, g.passed ? t("passes") : t("fails")), g.detail]))
          : h("p", {}, t("noneRecorded")),
        dossier.gateRules?.length ? ruleCounts(dossier.gateRules) : ""),
    );
  }
  if (dossier?.gateKnownThen) {
    const then = dossier.gateKnownThen;
    const passed = dossier.gatePassedAsKnownThen;
    out.push(
      h("section#gate-then", { "aria-labelledby": "gate-then-h" },
        h("h2#gate-then-h", {}, t("gateThenTitle", then.step, then.recordedAt), ": ",
          h("span", { class: passed ? "pass" : "fail", id: "gate-then-verdict" }, passed ? t("passes") : t("fails"))),
        table(t("asKnownThen"), [t("item"), t("gateCheck"), t("verdict"), t("detail")],
          (dossier.gateAsKnownThen || []).map((g) => [g.subject, g.rule, verdictCell(g.passed), g.detail])),
        dossier.gateRulesAsKnownThen?.length ? ruleCounts(dossier.gateRulesAsKnownThen) : ""),
    );
  }
  if (dossier) {
    out.push(
      h("section#reevaluations", { "aria-labelledby": "reeval-h" },
        h("h2#reeval-h", {}, t("reevaluationsTitle")),
        dossier.reevaluations?.length ? reevaluationTable(dossier.reevaluations) : h("p", {}, t("noReevaluations"))),
    );
  }
  const details = h("div#node-details.details", { role: "region", "aria-live": "polite", "aria-label": t("details") });
  out.push(
    h(
      "section",
      { "aria-labelledby": "graph-h" },
      h("h2#graph-h", {}, t("graphTitle"), " ", h("span", { class: trace.exportable ? "pass" : "fail" }, trace.summary?.verdict || "")),
      h("p.help", {}, t("graphHelp")),
      h("div.graph-wrap", {}, graphSvg(trace, (n) => details.replaceChildren(nodeDetails(n)))),
      details,
    ),
  );
  if (dossier) {
    out.push(
      h("section", { "aria-labelledby": "anomalies-h" }, h("h2#anomalies-h", {}, t("anomalyFlags")),
        h("p.help", {}, t("anomalyFlagsHelp")),
        dossier.anomalyFlags?.length
          ? table(t("anomalyFlags"), [t("anomalyKind"), t("anomalySubject"), t("anomalyPeriod"), t("detail")], dossier.anomalyFlags.map((f) => [f.kind, f.subject, f.period, f.explanation]))
          : h("p", {}, t("noneRecorded"))),
      h("section", {}, h("h2", {}, t("refusedAttempts")),
        dossier.refusedAttempts.length
          ? table(t("refusedAttempts"), [t("command"), t("actor"), t("rule"), t("detail"), t("recordedAt")], dossier.refusedAttempts.map((r) => [r.commandType, `${r.actorId} (${r.organisationId})`, r.reasonCode, r.message, r.refusedAt]))
          : h("p", {}, t("noneRecorded"))),
      h("section", {}, h("h2", {}, t("refusedProposals")),
        dossier.refusedProposals?.length
          ? table(t("refusedProposals"), [t("actor"), t("rule"), t("importer"), t("items"), t("recordedAt")], dossier.refusedProposals.map((r) => [`${r.actorId ?? ""} (${r.organisationId ?? ""})`, r.rule, r.importer?.name ?? "", (r.parcelIds || []).join(", "), r.refusedAt]))
          : h("p", {}, t("noneRecorded"))),
      h("section", {}, h("h2", {}, t("lateEntries")),
        dossier.lateEntries?.length
          ? table(t("lateEntries"), [t("item"), t("occurredAt"), t("recordedAt"), t("delayHours")], dossier.lateEntries.map((r) => [r.lotId, r.occurredAt, r.recordedAt, r.delayHours]))
          : h("p", {}, t("noneRecorded"))),
      h("section", {}, h("h2", {}, t("signers")),
        dossier.signatures.length ? signedStepsTable(t("signers"), dossier.signatures) : h("p", {}, t("noneRecorded"))),
    );
    if (dossier.signedLineage) out.push(lineageSignatures(dossier.signedLineage));
    if (dossier.shipment?.status === "PROPOSED" && role === "MONITOR") {
      out.push(decisionForm(id));
    }
  }
  return out;
}

/** How each rule of the gate judged the whole lineage; each origin's checks are in the graph. */
function ruleCounts(rules) {
  return h("div", {}, h("p.help", {}, t("gateRulesHelp")),
    table(t("gateRules"), [t("gateCheck"), t("gateChecked"), t("passes"), t("fails")], rules.map((r) => [r.rule, r.checked, r.passed, r.failed])));
}

/** Signed steps as a table, each envelope behind a disclosure. */
function signedStepsTable(caption, steps) {
  return table(caption, [t("item"), t("command"), t("actor"), t("role"), t("recordedAt"), t("envelope")], steps.map((r) => [r.aggregateId, r.eventType, `${r.actorId} (${r.organisationId})`, r.role, r.recordedAt,
    r.envelope ? h("details", {}, h("summary", {}, t("show")), h("pre", {}, r.envelope)) : ""]));
}

/** The signed steps of the whole lineage, fetched a page of aggregates at a time on request. */
function lineageSignatures(signed) {
  const box = h("div#lineage-signatures", { "aria-live": "polite" });
  let page = 0;
  const more = h("button#lineage-signatures-more", { type: "button", onclick: async () => {
    more.disabled = true;
    try {
      const answer = await session.get(`${signed.path}?page=${page}&size=20`);
      const steps = answer.items.flatMap((a) => a.steps);
      box.append(signedStepsTable(`${t("lineageSignatures")} (${answer.page * answer.size + 1}–${answer.page * answer.size + answer.items.length} / ${answer.total})`, steps));
      page += 1;
      more.disabled = page * answer.size >= answer.total;
      more.textContent = t("lineageSignaturesMore");
    } catch (e) {
      box.append(problemBox(e));
      more.disabled = false;
    }
  } }, t("lineageSignaturesLoad"));
  return h("section", { "aria-labelledby": "lineage-signatures-h" },
    h("h2#lineage-signatures-h", {}, t("lineageSignatures")),
    h("p.help", {}, `${signed.aggregates} ${t("lineageSignaturesHelp")}`),
    box, more);
}

/** The gate's checks; for a shipment that exists only as refused proposals, its failing origins'. */
function gateChecks(dossier, trace) {
  return dossier.gate.length ? dossier.gate : (trace.failingOrigins || []).flatMap((o) => o.checks || []);
}

/** Loads a node's signed history (every event on its id) into `box`. */
async function history(id, box) {
  try {
    const page = await session.get(`/api/history/${encodeURIComponent(id)}`);
    box.replaceChildren(
      table(`${t("history")}: ${id}`, [t("command"), t("actor"), t("role"), t("recordedAt")],
        page.items.map((e) => [e.eventType, `${e.actorId} (${e.organisationId})`, e.role, e.recordedAt])),
    );
  } catch (e) {
    box.replaceChildren(problemBox(e));
  }
}

function verdictCell(passed) {
  return h("span", { class: passed ? "pass" : "fail", "data-verdict": passed ? "PASSES" : "FAILS" }, passed ? t("passes") : t("fails"));
}

function causeText(c) {
  return `${c.kind} ${c.aggregateId}${c.reference ? " " + c.reference : ""}: ${c.status} ${t("effectiveFrom").toLowerCase()} ${c.effectiveFrom} (${t("recordedAt").toLowerCase()} ${c.recordedAt})`;
}

/** A dossier's re-evaluations: each changed origin, its checks then and now, and the causes. */
function reevaluationTable(list) {
  return table(t("reevaluationsTitle"), [t("item"), t("knownThen"), t("changedRules"), t("asKnownThen"), t("asKnownNow"), t("causes")],
    list.map((r) => [r.subject, r.knownAt, r.changedRules.join(", "),
      verdictCell(r.asKnownThen.every((c) => c.passed)), verdictCell(r.asKnownNow.every((c) => c.passed)),
      h("ul.causes", {}, r.causes.map((c) => h("li", {}, causeText(c))))]));
}

/** Both judgements of an origin, side by side, when they differ. */
function twoTimes(o) {
  const r = o.reevaluation;
  const rows = r.asKnownNow.map((now) => {
    const then = r.asKnownThen.find((c) => c.rule === now.rule);
    return [now.rule, then ? verdictCell(then.passed) : "", verdictCell(now.passed), now.detail];
  });
  return h("div.two-times", { "data-reevaluated": "true" },
    h("p", {}, h("strong", {}, t("reevaluatedOrigin")), ": ", t("reevaluatedHelp")),
    table(`${t("asKnownThen")} / ${t("asKnownNow")}: ${o.lotId}`,
      [t("gateCheck"), `${t("asKnownThen")} (${o.asKnownThen?.knownBy ?? ""} ${o.asKnownThen?.knownAt ?? ""})`, t("asKnownNow"), t("detail")], rows),
    h("ul.causes", {}, r.causes.map((c) => h("li", {}, causeText(c)))));
}

function nodeDetails(n) {
  const parts = [h("h3", {}, `${n.kind} ${n.label}`)];
  if (n.origin?.reevaluation) {
    parts.push(twoTimes(n.origin));
  }
  const checks = n.origin?.checks || [];
  if (checks.length) {
    parts.push(table(`${t("gate")}: ${n.label}`, [t("gateCheck"), t("verdict"), t("detail")],
      checks.map((c) => [c.rule, h("span", { class: c.passed ? "pass" : "fail" }, c.passed ? t("passes") : t("fails")), c.detail])));
  }
  const custody = n.data?.custody || [];
  if (custody.length) {
    parts.push(table(`${t("custody")}: ${n.label}`, [t("holder"), t("acquiredBy"), t("from"), t("until")],
      custody.map((c) => [c.holder, c.acquiredBy, c.from, c.until ? `${c.until} (${c.endedBy})` : ""])));
  }
  if (n.kind === "ZONE") {
    parts.push(h("p", {}, h("a#zone-link", { href: `#/zones/${encodeURIComponent(n.label)}` }, `${t("zonePage")} ${n.label}`)));
  }
  const box = h("div.history", {}, t("loading"));
  parts.push(h("h4", {}, t("history")), box);
  history(n.label, box);
  return h("div", {}, ...parts);
}

function decisionForm(id) {
  const reason = h("textarea#reason", { rows: 2, required: true });
  const envelope = h("textarea#envelope", { rows: 8, readonly: true, spellcheck: "false" });
  const result = h("div#decision-result", { role: "status", "aria-live": "polite" });
  const send = h("button#send", { type: "button", disabled: true, onclick: async () => {
    send.disabled = true;
    try {
      const answer = await session.submit(envelope.value);
      result.replaceChildren(
        h("div.ok", { "data-outcome": "accepted" }, h("strong", {}, t("accepted")), " ", answer.commandType,
          h("p", {}, `${t("events")}: `, ...(answer.eventIds || []).flatMap((e) => [h("a.event", { href: `#/audit/${e}` }, e), " "]))),
      );
    } catch (e) {
      result.replaceChildren(problemBox(e));
    }
  } }, t("send"));
  const keyBox = commandKeyBox(result);
  const sign = (type, field) => async () => {
    if (!reason.value.trim()) {
      reason.focus();
      return;
    }
    try {
      if (session.needsCommandKey() && !(await keyBox.take())) {
        return;
      }
      envelope.value = await session.envelope(type, { shipmentId: id, [field]: reason.value.trim() });
    } catch (e) {
      result.replaceChildren(problemBox(e));
      return;
    }
    result.replaceChildren();
    send.disabled = false;
    send.focus();
  };
  return h(
    "section.decision",
    { "aria-labelledby": "decision-h" },
    h("h2#decision-h", {}, t("decisionTitle")),
    h("label", { for: "reason" }, t("reason")),
    reason,
    keyBox.element,
    h("div.buttons", {},
      h("button#approve", { type: "button", onclick: sign("ApproveShipment", "decisionRef") }, t("approve")),
      h("button#reject", { type: "button", onclick: sign("RejectShipment", "reason") }, t("reject"))),
    h("label", { for: "envelope" }, t("envelope")),
    envelope,
    send,
    result,
  );
}

/**
 * Signed in by the browser's TLS certificate, a command still needs the actor's key file (no
 * script can sign with the TLS key): the two file fields, shown until a key of the same actor is
 * taken. `take()` answers whether a key is ready, showing the refusal in `result` otherwise.
 */
function commandKeyBox(result) {
  if (!session.needsCommandKey()) {
    return { element: null, take: async () => true };
  }
  const key = h("input#command-key-file", { type: "file", accept: ".pem" });
  const cert = h("input#command-cert-file", { type: "file", accept: ".pem" });
  const element = h(
    "fieldset#command-key.stack",
    {},
    h("legend", {}, t("commandKeyTitle")),
    h("p.help", {}, t("commandKeyHelp")),
    h("label", { for: "command-key-file" }, t("keyFile")),
    key,
    h("label", { for: "command-cert-file" }, t("certFile")),
    cert,
  );
  const take = async () => {
    try {
      await session.addCommandKey(await readFile(key), await readFile(cert));
      element.hidden = true;
      return true;
    } catch (e) {
      result.replaceChildren(problemBox(e));
      return false;
    }
  };
  return { element, take };
}

async function reevaluationsPage() {
  const missing = requireActor();
  if (missing) return [h("h1", {}, t("reevaluationsTitle")), ...missing];
  const page = await session.get("/api/re-evaluations?size=200");
  const link = (id) => (id ? h("a", { href: `#/shipments/${encodeURIComponent(id)}` }, id) : "");
  return [
    h("h1", {}, t("reevaluationsTitle")),
    h("p", {}, t("reevaluationsIntro")),
    page.items.length
      ? table(t("reevaluationsTitle"),
          [t("raisedAt"), t("kind"), t("shipment"), t("item"), t("zone"), t("knownThen"), t("asKnownThen"), t("asKnownNow"), t("changedRules"), t("causes")],
          page.items.map((r) => [r.raisedAt, r.kind, link(r.shipmentId), r.lotId,
            h("a", { href: `#/zones/${encodeURIComponent(r.zoneId)}` }, r.zoneId),
            `${r.knownThen.step} ${r.knownThen.recordedAt}`,
            verdictCell(r.exportableAsKnownThen), verdictCell(r.exportableAsKnownNow),
            r.reevaluation.changedRules.join(", "),
            h("ul.causes", {}, r.reevaluation.causes.map((c) => h("li", {}, causeText(c))))]))
      : h("p#no-reevaluations", {}, t("noReevaluations")),
  ];
}

const statusText = (status) => (status ? t(status) : "—");

function siteTable(caption, sites) {
  return table(caption, [t("site"), t("name"), t("zone"), t("prefecture"), t("latitude"), t("longitude"), t("zoneStatus")],
    sites.map((x) => [x.siteId, x.name, h("a", { href: `#/zones/${encodeURIComponent(x.zoneId)}` }, x.zoneId), x.prefecture ?? "",
      String(x.latitude), String(x.longitude), h("span", { class: x.zoneStatus === "COMPLIANT" ? "pass" : "fail" }, statusText(x.zoneStatus))]));
}

async function sitesPage(asOf) {
  const missing = requireActor();
  if (missing) return [h("h1", {}, t("sitesTitle")), ...missing];
  // without a day the node reads today in Bangui
  const page = await session.get(`/api/sites?size=500${asOf ? "&asOf=" + asOf : ""}`);
  const sites = page.items;
  const day = asOf || sites[0]?.asOf || new Date().toISOString().slice(0, 10);
  const date = h("input#sites-as-of", { type: "date", value: day, required: true });
  const out = [
    h("h1", {}, t("sitesTitle")),
    h("p", {}, t("sitesIntro")),
    h("form.inline", { onsubmit: (ev) => { ev.preventDefault(); location.hash = `#/sites/${date.value}`; } },
      h("label", { for: "sites-as-of" }, t("sitesOn")), date, h("button#show-sites", { type: "submit" }, t("showHoldings"))),
  ];
  if (!sites.length) {
    out.push(h("p", {}, t("noSites")));
    return out;
  }
  out.push(h("h2", {}, `${t("allSites")} · ${t("sitesOn")} ${day}`),
    h("div.graph-wrap#schematic-all", {}, siteSchematic(sites, `${t("allSites")} ${day}`, statusText)));
  const byPrefecture = new Map();
  for (const x of sites) {
    const key = x.prefecture ?? "—";
    (byPrefecture.get(key) || byPrefecture.set(key, []).get(key)).push(x);
  }
  const panels = [...byPrefecture].map(([prefecture, members]) =>
    h("figure.prefecture", { "data-prefecture": prefecture },
      h("div.graph-wrap", {}, siteSchematic(members, `${t("prefecture")} ${prefecture}`, statusText, 420, 260)),
      h("figcaption", {}, `${t("prefecture")} ${prefecture}`)));
  out.push(h("h2", {}, t("prefecture")), h("div.panels", {}, panels), siteTable(t("sitesTitle"), sites));
  return out;
}

async function zonePage(id) {
  const missing = requireActor();
  if (missing) return [h("h1", {}, `${t("zonePage")} ${id}`), ...missing];
  const [z, sites] = await Promise.all([
    session.get(`/api/zones/${encodeURIComponent(id)}/history`),
    session.get(`/api/sites?zone=${encodeURIComponent(id)}&size=500`),
  ]);
  const today = z.inForce?.asOf || new Date().toISOString().slice(0, 10);
  const p = z.purchases;
  return [
    h("h1", {}, `${t("zonePage")} ${z.name} (${z.zoneId}, ${z.prefecture})`),
    h("p.big", {}, `${t("status")} ${today}: `, h("strong#zone-status", { class: z.inForce?.status === "COMPLIANT" ? "pass" : "fail" }, z.inForce?.status ?? "—"),
      z.inForce?.since ? ` (${z.inForce.since})` : ""),
    h("h2", {}, t("decisions")),
    h("div.graph-wrap", {}, timeline(z.decisions, today, t("decisions"))),
    table(t("decisions"), [t("status"), t("from"), t("until"), t("detail"), t("actor"), t("recordedAt"), t("retroactive"), t("purchasesCarats")],
      z.decisions.map((d) => [d.status, d.effectiveFrom, d.until ?? "", d.decisionRef, `${d.signedBy} (${d.signerOrganisation})`, d.recordedAt, d.retroactive ? "✔" : "", `${d.purchases.purchases} · ${num(d.purchases.carats)} ct`])),
    h("h2", {}, t("purchasesTitle")),
    table(t("purchasesTitle"), [t("whileCompliant"), t("whileNotCompliant"), t("beforeFirstDecision")],
      [[`${p.compliant.purchases} · ${num(p.compliant.carats)} ct`, `${p.nonCompliant.purchases} · ${num(p.nonCompliant.carats)} ct`, `${p.beforeFirstDecision.purchases} · ${num(p.beforeFirstDecision.carats)} ct`]]),
    h("h2", {}, t("sitesTitle")),
    ...(sites.items.length
      ? [h("div.graph-wrap#schematic-zone", {}, siteSchematic(sites.items, `${t("sitesTitle")} ${z.zoneId}`, statusText)), siteTable(`${t("sitesTitle")} ${z.zoneId}`, sites.items)]
      : [h("p", {}, t("noSites"))]),
  ];
}

async function custodyPage(asOf) {
  const missing = requireActor();
  if (missing) return [h("h1", {}, t("navCustody")), ...missing];
  const party = session.current().info.subject.O;
  const day = asOf || new Date().toISOString().slice(0, 10);
  // the mass balance runs from the first day of the shown day's month to that day
  const [holdings, shipments, balance] = await Promise.all([
    session.get(`/api/holdings?holder=${encodeURIComponent(party)}&asOf=${day}&size=500`),
    session.get(`/api/shipments?size=200`),
    session.get(`/api/balance/parties/${encodeURIComponent(party)}?from=${day.slice(0, 8)}01&to=${day}`),
  ]);
  const stats = await session.get(`/api/statistics/offices?office=${encodeURIComponent(party)}`).catch(() => null);
  const date = h("input#as-of", { type: "date", value: day, required: true });
  return [
    h("h1", {}, `${t("custodyTitle")} ${party}`),
    h("form.inline", { onsubmit: (ev) => { ev.preventDefault(); location.hash = `#/custody/${date.value}`; } },
      h("label", { for: "as-of" }, t("asOf")), date, h("button#show-holdings", { type: "submit" }, t("showHoldings"))),
    h("h2", {}, `${t("holdingsOn")} ${holdings.asOf}`),
    h("p", {}, `${holdings.itemCount} · ${num(holdings.carats)} ct`),
    table(`${t("holdingsOn")} ${holdings.asOf}`, [t("item"), t("kind"), t("carats"), t("acquiredOn"), t("period")],
      holdings.items.items.map((i) => [i.itemId, i.kind, num(i.carats), i.acquiredOn, i.period])),
    h("h2", {}, t("shipments")),
    table(t("shipments"), SHIPMENT_HEADERS(), shipmentRows(shipments.items)),
    ...massBalance(balance),
    ...(stats ? statistics(stats) : []),
  ];
}

/** A party's mass balance over a period: opening, each inflow and outflow, re-weighings, closing. */
function massBalance(b) {
  const signed = (sign, ct) => `${sign}${num(ct)}`;
  const rows = [
    [t("balanceOpening"), "", num(b.opening)],
    ...Object.entries(b.inflows || {}).map(([how, ct]) => [t("balanceIn"), how, signed("+", ct)]),
    ...Object.entries(b.outflows || {}).map(([how, ct]) => [t("balanceOut"), how, signed("−", ct)]),
    [t("weighingDifferences"), "", num(b.weighingDifferences)],
    [t("balanceClosing"), "", num(b.closing)],
    [t("balanceUnexplained"), "", h("span", { class: Number(b.unexplainedDifference) === 0 ? "pass" : "fail" }, num(b.unexplainedDifference))],
  ];
  const caption = `${t("massBalance")} ${b.from} – ${b.to}`;
  return [
    h("h2#balance-h", {}, caption),
    h("p.help", {}, t("massBalanceHelp")),
    h("div#balance", {}, table(caption, [t("balanceLine"), t("balanceHow"), t("carats")], rows)),
  ];
}

function statistics(stats) {
  const rows = stats.rows.items;
  const carats = [
    { label: t("caratsAcquired"), colour: "#0b4f8a", value: (r) => r.caratsAcquired },
    { label: t("caratsExported"), colour: "#b36b00", value: (r) => r.caratsExported },
  ];
  const usd = [
    { label: t("valuePurchasedUsd"), colour: "#0b4f8a", value: (r) => r.valuePurchasedUsd },
    { label: t("valueExportedUsd"), colour: "#b36b00", value: (r) => r.valueExportedUsd },
  ];
  return [
    h("h2", {}, `${t("statistics")} ${stats.from} – ${stats.to}`),
    h("div.charts", {},
      h("figure", {}, h("div.graph-wrap", {}, bars(rows, carats, t("carats"))), h("figcaption", {}, t("carats"))),
      h("figure", {}, h("div.graph-wrap", {}, bars(rows, usd, "US$")), h("figcaption", {}, "US$"))),
    table(t("statistics"), [t("month"), t("caratsPurchased"), t("valuePurchasedUsd"), t("caratsReceived"), t("caratsAcquired"), t("caratsExported"), t("valueExportedUsd")],
      rows.map((r) => [r.month, num(r.caratsPurchased), num(r.valuePurchasedUsd), num(r.caratsReceived), num(r.caratsAcquired), num(r.caratsExported), num(r.valueExportedUsd)])),
  ];
}

async function certificatePage(number) {
  const input = h("input#certificate-number", { type: "text", required: true, value: number || "", autocomplete: "off" });
  const out = [
    h("h1", {}, t("certificateTitle")),
    h("form.inline", { onsubmit: (ev) => { ev.preventDefault(); location.hash = `#/certificate/${encodeURIComponent(input.value.trim())}`; } },
      h("label", { for: "certificate-number" }, t("certificateNumber")), input, h("button#check", { type: "submit" }, t("check"))),
  ];
  if (number) {
    try {
      const c = await fetch(`/api/public/certificates/${encodeURIComponent(number)}`, { headers: { Accept: "application/json" } });
      const body = await c.json();
      if (!c.ok) throw new session.Problem(c.status, body);
      out.push(
        h("div#certificate-result", { class: "result status-" + body.status },
          h("p.big", {}, `${t("status")}: `, h("strong#certificate-status", {}, body.status)),
          table(body.certificateNumber, [t("status"), t("validity"), t("mismatches"), t("issuedOn"), t("expiresOn"), t("carats"), t("parcelCount"), t("importerCountry")],
            [[body.status, body.validity, h("span#mismatches", {}, (body.mismatchedFields || []).join(", ") || "—"), body.issuedOn, body.expiresOn, num(body.carats), body.parcelCount, body.importerCountry]])),
      );
    } catch (e) {
      out.push(problemBox(e));
    }
  }
  return out;
}

async function auditPage(eventId) {
  const key = h("input#verifier-key", { type: "text", value: localStorage.getItem("kp-pinned-log-key") || "", spellcheck: "false" });
  const checkpoint = h("textarea#checkpoint", { rows: 6, readonly: true, spellcheck: "false" });
  const cpResult = h("div#checkpoint-result", { role: "status", "aria-live": "polite" });
  const event = h("input#event-id", { type: "text", value: eventId || "" });
  const proof = h("textarea#proof", { rows: 10, spellcheck: "false" });
  const leaf = h("textarea#leaf", { rows: 6, spellcheck: "false" });
  const proofResult = h("div#proof-result", { role: "status", "aria-live": "polite" });
  const fail = (box, e) => box.replaceChildren(h("div.problem", { role: "alert", "data-rule": e.rule || "ERROR" }, h("strong", {}, `${t("verificationFailed")}: ${e.rule || "ERROR"}`), h("p", {}, e.message)));
  const pinned = async () => {
    localStorage.setItem("kp-pinned-log-key", key.value.trim());
    return readVerifierKey(key.value);
  };
  const verifyCp = async () => {
    try {
      checkpoint.value = await (await fetch("/api/log/checkpoint")).text();
      const head = await verifyCheckpoint(checkpoint.value, await pinned());
      cpResult.replaceChildren(h("div.ok", { "data-outcome": "verified" }, h("strong", {}, t("checkpointOk")),
        h("p", {}, `${t("treeSize")}: ${head.size} · ${t("signedAt")}: ${head.signedAt.toISOString()}`)));
    } catch (e) {
      fail(cpResult, e);
    }
  };
  const fetchProof = async () => {
    proofResult.replaceChildren();
    const id = encodeURIComponent(event.value.trim());
    try {
      proof.value = JSON.stringify(await session.get(`/api/log/events/${id}/inclusion`), null, 2);
    } catch (e) {
      fail(proofResult, e);
      return;
    }
    // the event's own bytes, to recompute its leaf hash here rather than take the node's word
    if (session.current()) {
      try {
        leaf.value = await session.getText(`/api/audit/events/${id}/leaf`);
      } catch (e) {
        fail(proofResult, e);
      }
    }
  };
  const verifyProof = async () => {
    try {
      const p = JSON.parse(proof.value);
      const head = await verifyCheckpoint(p.checkpoint, await pinned());
      if (head.size !== BigInt(p.treeSize)) {
        throw new LogCheckError("TREE_SIZE_MISMATCH", "the proof's tree size is not the checkpoint's");
      }
      const stated = base64Decode(p.leafHash);
      // with the event's bytes, the proof is checked for the hash of those bytes, not the node's
      const recomputed = leaf.value ? await eventLeafHash(leaf.value, p.eventId) : null;
      try {
        await verifyInclusion(p.leafIndex, head.size, recomputed || stated, p.proof.map(base64Decode), head.root);
      } catch (e) {
        if (recomputed && !sameBytes(recomputed, stated)) {
          throw new LogCheckError("LEAF_HASH_MISMATCH", t("leafMismatch", hex(recomputed), hex(stated)));
        }
        throw e;
      }
      proofResult.replaceChildren(h("div.ok", { "data-outcome": "verified", "data-leaf": recomputed ? "recomputed" : "stated" },
        h("strong", {}, t("proofOk", p.leafIndex, p.treeSize)),
        h("p.hash", {}, recomputed ? t("leafRecomputed", hex(recomputed)) : t("leafStated", hex(stated)))));
    } catch (e) {
      fail(proofResult, e instanceof SyntaxError ? new LogCheckError("MALFORMED_PROOF", e.message) : e);
    }
  };
  const bundleShipment = h("input#bundle-shipment", { type: "text", autocomplete: "off" });
  const bundleFrom = h("input#bundle-from", { type: "date" });
  const bundleTo = h("input#bundle-to", { type: "date" });
  const progress = h("progress#bundle-progress", { hidden: true });
  const bundleResult = h("div#bundle-result", { role: "status", "aria-live": "polite" });
  const exportBundle = async () => {
    const shipment = bundleShipment.value.trim();
    const query = shipment
      ? `shipmentId=${encodeURIComponent(shipment)}`
      : [bundleFrom.value && `from=${bundleFrom.value}T00:00:00Z`, bundleTo.value && `to=${bundleTo.value}T00:00:00Z`].filter(Boolean).join("&") || "from=1970-01-01T00:00:00Z";
    bundleResult.replaceChildren();
    progress.hidden = false;
    progress.removeAttribute("value");
    try {
      const response = await session.open(`/api/audit/bundle?${query}`);
      const total = Number(response.headers.get("Content-Length")) || 0;
      if (total) progress.max = total;
      const reader = response.body.getReader();
      const chunks = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        if (total) progress.value = received;
        bundleResult.replaceChildren(h("p", {}, t("bundleProgress", received)));
      }
      const blob = new Blob(chunks, { type: "application/zip" });
      const first = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
      if (first[0] !== 0x50 || first[1] !== 0x4b || first[2] !== 0x03 || first[3] !== 0x04) {
        throw new LogCheckError("BUNDLE_NOT_ZIP", "the answer does not begin as a zip file does");
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "")?.[1] || "kp-audit.zip";
      const url = URL.createObjectURL(blob);
      progress.max = 1;
      progress.value = 1;
      bundleResult.replaceChildren(h("div.ok", { "data-outcome": "exported", "data-bytes": received },
        h("strong", {}, t("bundleDone", received)), " ", h("a#bundle-link", { href: url, download: name }, t("bundleSave", name))));
    } catch (e) {
      progress.hidden = true;
      fail(bundleResult, e);
    }
  };
  return [
    h("h1", {}, t("auditTitle")),
    h("p", {}, t("auditIntro")),
    h("section.stack", { "aria-labelledby": "cp-h" },
      h("h2#cp-h", {}, t("checkpoint")),
      h("label", { for: "verifier-key" }, t("pinnedKey")),
      key,
      h("div.buttons", {},
        h("button#load-key", { type: "button", onclick: async () => { key.value = (await (await fetch("/api/log/verifier-key")).text()).trim(); } }, t("loadKey")),
        h("button#verify-checkpoint", { type: "button", onclick: verifyCp }, t("verifyCheckpoint"))),
      checkpoint,
      cpResult),
    h("section.stack", { "aria-labelledby": "proof-h" },
      h("h2#proof-h", {}, t("verifyProof")),
      h("label", { for: "event-id" }, t("eventId")),
      event,
      h("button#fetch-proof", { type: "button", onclick: fetchProof }, t("fetchProof")),
      h("label", { for: "proof" }, t("proof")),
      proof,
      h("label", { for: "leaf" }, t("eventLeaf")),
      session.current() ? null : h("p.help", {}, t("leafNeedsOverseer")),
      leaf,
      h("button#verify-proof", { type: "button", onclick: verifyProof }, t("verifyProof")),
      proofResult),
    h("section.stack", { "aria-labelledby": "bundle-h" },
      h("h2#bundle-h", {}, t("bundleTitle")),
      h("p.help", {}, t("bundleIntro")),
      h("label", { for: "bundle-shipment" }, t("bundleShipment")),
      bundleShipment,
      h("label", { for: "bundle-from" }, t("bundleFrom")),
      bundleFrom,
      h("label", { for: "bundle-to" }, t("bundleTo")),
      bundleTo,
      h("button#export-bundle", { type: "button", onclick: exportBundle }, t("exportBundle")),
      progress,
      bundleResult),
  ];
}

// the skip link moves focus to the page's content; following its #main would change the route
document.getElementById("skip").addEventListener("click", (ev) => {
  ev.preventDefault();
  main().focus();
});
window.addEventListener("hashchange", render);
session.restore().then(render);
