// Administrators: how long the council keeps what residents tell it (docs/decisions/retention.md). The
// schedule as it stands, each period the council's or the default, changed with the settings' version
// (If-Match; someone else's change first is read again and said); a dry run of the sweep listing what would
// go and the day each goes; the legal holds, placed and released; the last runs' reports, counted by kind.
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, check, errorsOf, input, onSubmit, select, showErrors} from "../forms.js";
import {formatDate, formatDay, t, tCount, tOr} from "../i18n.js";
import {dataTable, labelsOf, summaryRow} from "./common.js";

const BASE = "/v1/admin/retention";
const SETTINGS = ["unused_account_months", "warn_days", "backup_days"];
const SHOWN = 20;  // of a dry run's rows per kind (the API lists up to 200, and counts them all)
const RUNS = 5;
const HOLDS = ["reports", "repairs", "chats", "payments", "accounts"];

export async function render(view) {
  const schedule = h("div", {id: "retention"});
  const dry = h("div", {id: "retention-dry", "aria-live": "polite"});
  const holds = h("div", {id: "retention-holds"});
  const runs = h("div", {id: "retention-runs"});
  const ask = h("form", {novalidate: true, id: "retention-dry-run"}, button(t("staff.retention.dry_run"), {secondary: true}));
  onSubmit(ask, view, async () => {
    const run = await api(`${BASE}/dry-runs`, {method: "POST", headers: {"Idempotency-Key": crypto.randomUUID()}});
    append(clear(dry), h("h3", {class: "heading-s"}, t("staff.retention.dry_said", {when: formatDate(run.started_at, true)})),
      counted(run, true));
    await drawRuns(runs);
  });
  append(view, h("h1", {class: "heading-l"}, t("staff.retention.title")), h("p", {class: "body"}, t("staff.retention.lead")),
    schedule, h("h2", {class: "heading-m"}, t("staff.retention.dry_title")), h("p", {class: "body"}, t("staff.retention.dry_lead")),
    ask, dry, h("h2", {class: "heading-m"}, t("staff.retention.holds")), holds,
    h("h2", {class: "heading-m"}, t("staff.retention.runs")), runs);
  await Promise.all([draw(schedule, view, await api(BASE)), drawHolds(holds, view), drawRuns(runs)]);
}

function whose(source) {
  return t(source === "council" ? "staff.retention.by_council" : "staff.retention.by_default");
}

async function draw(part, view, {schedule, version}, notice) {
  const set = schedule.set || {};
  const kinds = Object.entries(schedule.kinds);
  const rows = kinds.map(([kind, p]) => [t(`staff.retention.kind_${kind}`), tCount("staff.retention.months_n", p.months),
    t(`staff.retention.after_${p.after}`), t(`staff.retention.then_${p.then}`), whose(p.source)]);
  rows.push([t("staff.retention.kind_unused"), tCount("staff.retention.months_n", schedule.unused_account_months),
    t("staff.retention.after_last_activity"), t("staff.retention.then_remove"), whose(schedule.unused_accounts_source)]);
  const number = (name, value, label) => input({field: `$.retention.${name}`, label, optional: true, value: value ?? "",
    hint: t("staff.retention.empty_hint"), inputmode: "numeric", autocomplete: "off", class: "input input--width-5"});
  const form = h("form", {novalidate: true, id: "retention-schedule"},
    kinds.map(([kind]) => number(`kinds.${kind}.months`, set.kinds?.[kind]?.months,
      t("staff.retention.months", {kind: t(`staff.retention.kind_${kind}`)}))),
    SETTINGS.map(name => number(name, set[name], t(`staff.retention.${name}`))), button(t("staff.retention.save")));
  const labels = {};
  onSubmit(form, view, async () => {
    Object.assign(labels, labelsOf(form));
    const typed = name => {
      const value = form.elements[`$.retention.${name}`].value.trim();
      return /^[0-9]+$/.test(value) ? Number(value) : value;  // anything else as typed, for the API to refuse at it
    };
    const section = {kinds: {}};
    for (const [kind, p] of kinds) {
      const months = typed(`kinds.${kind}.months`);
      if (months !== "") section.kinds[kind] = {after: p.after, months, then: p.then};
    }
    if (!Object.keys(section.kinds).length) delete section.kinds;  // {}: every kind at its default
    for (const name of SETTINGS) if (typed(name) !== "") section[name] = typed(name);
    let shown;
    try {
      shown = [await api(BASE, {method: "PUT", body: section, headers: {"If-Match": `"${version}"`}}), t("staff.retention.saved")];
    } catch (error) {
      if (!(error instanceof ApiError && (error.code === "edit_conflict" || error.status === 412))) throw error;
      shown = [await api(BASE), t("staff.retention.changed_first")];
    }
    await draw(part, view, ...shown);
    part.querySelector("#retention-status").focus();
  }, labels);
  append(clear(part), h("p", {class: "body", role: "status", id: "retention-status", tabindex: "-1"}, notice || ""),
    dataTable("retention-kinds", t("staff.retention.title"), ["kind", "kept", "from", "then", "set_by"]
      .map(name => t(`staff.retention.col_${name}`)), rows),
    h("dl", {class: "summary-list"},
      ["warn_days", "backup_days"].map(name => summaryRow(t(`staff.retention.${name}`), t("staff.retention.set_by", {
        value: tCount("staff.retention.days_n", schedule[name]), by: whose(set[name] ? "council" : "")})))),
    h("h2", {class: "heading-m"}, t("staff.retention.change")), h("p", {class: "body"}, t("staff.retention.change_lead")), form);
}

/** A run's counts by kind, and for a dry run the first of what each would take with the day each goes. */
function counted(run, listed) {
  return h("ul", {class: "list list--spaced"}, Object.entries(run.counts).map(([kind, counts]) => {
    const rows = listed ? run.listed[kind] || [] : [];
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    return h("li", {dataset: {kind}}, t(`staff.retention.kind_${kind}`), ": ",
      Object.entries(counts).map(([what, n]) => tOr(`staff.retention.count_${what}`, `${what}: ${n}`, {count: n})).join(", "),
      rows.length ? h("ul", {class: "list list--bullet"}, rows.slice(0, SHOWN).map(row => h("li", {},
        t("staff.retention.goes", {id: row.id, day: row.until?.length > 10 ? formatDate(row.until) : formatDay(row.until, true)}))),
      total > SHOWN ? h("li", {}, t("staff.retention.and_more", {count: Math.max(total - SHOWN, 0)})) : null)
        : null);
  }));
}

async function drawRuns(part) {
  const {runs} = await api(`${BASE}/runs`);
  append(clear(part), runs.length ? h("ul", {class: "list list--spaced"}, runs.slice(0, RUNS).map(run => h("li", {},
    h("p", {class: "body"}, t(run.dry ? "staff.retention.run_dry" : run.by === "schedule" ? "staff.retention.run_nightly"
      : "staff.retention.run", {
      when: formatDate(run.started_at, true), by: run.by})), counted(run, false))))
    : h("p", {class: "body"}, t("staff.retention.no_runs")));
}

async function drawHolds(part, view) {
  const {holds} = await api(`${BASE}/holds`);
  const release = hold => button(t("staff.retention.release", {id: hold.id}), {secondary: true, type: "button",
    onclick: async () => {
      try {
        await api(`${BASE}/holds/${hold.kind}/${encodeURIComponent(hold.id)}`, {method: "DELETE"});
        await drawHolds(part, view);
        part.querySelector("#holds-status").textContent = t("staff.retention.released", {id: hold.id});
      } catch (error) {
        showErrors(view, errorsOf(error));
      }
    }});
  const form = h("form", {novalidate: true, id: "retention-hold"},
    select({field: "kind", label: t("staff.retention.hold_kind"), value: "reports",
      options: HOLDS.map(kind => ({value: kind, label: t(`staff.retention.kind_${kind}`)}))}),
    input({field: "record_id", label: t("staff.retention.hold_id"), hint: t("staff.retention.hold_id_hint"), autocomplete: "off",
      spellcheck: false, class: "input input--width-20"}),
    input({field: "reason", label: t("staff.retention.hold_reason"), hint: t("staff.retention.hold_reason_hint"), autocomplete: "off"}),
    button(t("staff.retention.hold"), {secondary: true}));
  const labels = {};
  onSubmit(form, view, async () => {
    Object.assign(labels, labelsOf(form));
    const [id, reason] = ["record_id", "reason"].map(name => form.elements[name].value.trim());
    check(["record_id", t("staff.retention.hold_id_missing"), id], ["reason", t("staff.retention.hold_reason_short"),
      reason.length >= 5]);  // the API's least (handlers/retention/holds.py), said before it is asked
    const made = await api(`${BASE}/holds/${form.elements.kind.value}/${encodeURIComponent(id)}`,
      {method: "PUT", body: {reason}});
    await drawHolds(part, view);
    part.querySelector("#holds-status").textContent = t("staff.retention.held", {id: made.id});
  }, labels);
  append(clear(part), h("p", {class: "body", role: "status", id: "holds-status"}),
    holds.length ? dataTable("holds", t("staff.retention.holds"), ["kind", "record", "why", "by", "when", "release"]
      .map(name => t(`staff.retention.col_${name}`)), holds.map(hold => [t(`staff.retention.kind_${hold.kind}`), hold.id,
      hold.reason, hold.by, formatDate(hold.at, true), release(hold)]))
      : h("p", {class: "body"}, t("staff.retention.no_holds")),
    h("h3", {class: "heading-s"}, t("staff.retention.hold_title")), form);
}
