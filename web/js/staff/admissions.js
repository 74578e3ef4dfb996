// The admissions desk: a round's allocation runs (each with its recorded draw: running again with an
// earlier run's draw gives the same offers for the same applications), releasing one run's offers to
// every parent at once on or after offer day (once: the API refuses another run), and reading one
// application with the child's details and evidence, with a reason kept in its audit (the body, never
// this page's address).
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, input, onSubmit, select, textarea} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {dataTable, summaryRow} from "./common.js";

// A refusal (too soon, released already) said above the runs, in the API's words.
const said = work => async () => {
  try {
    await work();
  } catch (error) {
    append(clear(document.getElementById("admissions-notice")), error.message);
  }
};
const rounds = () => api("/v1/school-rounds").then(answer => answer.rounds);
const roundName = r => t(`staff.admissions.round_${r.split("-")[1]}`, {year: r.split("-")[0]});

function run(round, r, released, redraw) {
  const counts = ["applications", "first", "other_preference", "allocated", "none"];
  const again = button(t("staff.admissions.again"), {type: "button", secondary: true, onclick: said(async () => {
    await api(`/v1/staff/school-rounds/${round}/runs`, {method: "POST", body: {seed_of: r.id}});
    await redraw();
  })});
  const release = onDay => button(t(onDay ? "staff.admissions.release_on_day" : "staff.admissions.release"), {
    type: "button", warning: !onDay, secondary: onDay, id: `${onDay ? "schedule" : "release"}-${r.id}`,
    onclick: said(async () => {
      await api(`/v1/staff/school-rounds/${round}/release`, {method: "POST", body: {run_id: r.id, on_offer_day: onDay}});
      await redraw();
    })});
  return h("section", {dataset: {run: r.id}}, h("h2", {class: "heading-m"}, t("staff.admissions.run", {id: r.id,
    when: formatDate(r.created_at, true), by: r.by})),
  h("dl", {class: "summary-list"}, counts.map(k => summaryRow(t(`staff.admissions.count_${k}`), String(r.counts[k]))),
    summaryRow(t("staff.admissions.draw"), h("code", {}, r.seed))),
  dataTable(`run-${r.id}`, t("staff.admissions.schools"), ["school", "places", "offered", "waiting"].map(k =>
    t(`staff.admissions.col_${k}`)), r.schools.map(s => [s.name, String(s.places), String(s.offered),
    String(s.waiting)])),
  released ? null : h("div", {}, again, release(false), release(true)));
}

async function board(round, holder) {
  const redraw = async () => {
    const found = await api(`/v1/staff/school-rounds/${round}/runs`);
    const released = found.release;
    clear(holder);
    const chosen = found.scheduled;
    append(holder, released ? h("p", {class: "body bold", id: "admissions-released"}, t("staff.admissions.released",
      {run: released.run_id, when: formatDate(released.released_at, true), by: released.by || ""}))
      : chosen ? h("p", {class: "body bold", id: "admissions-scheduled"}, t("staff.admissions.scheduled",
        {run: chosen.run_id, day: formatDay(chosen.on, true), by: chosen.by})) : null,
    found.runs.length ? found.runs.map(r => run(round, r, released, redraw))
      : h("p", {class: "body"}, t("staff.admissions.no_runs")));
  };
  const start = button(t("staff.admissions.start"), {type: "button", id: "admissions-run", onclick: said(async () => {
    await api(`/v1/staff/school-rounds/${round}/runs`, {method: "POST", body: {}});
    await redraw();
  })});
  await redraw();
  return start;
}

function application(a) {
  const names = Object.fromEntries(a.preferences.map(p => [p.school_id, p.school_name]));
  return h("div", {id: "admissions-application"}, h("h2", {class: "heading-m"}, a.child.name),
    h("dl", {class: "summary-list"},
      summaryRow(t("staff.admissions.born"), formatDay(a.child.date_of_birth, true)),
      summaryRow(t("staff.admissions.home"), a.home.address),
      summaryRow(t("staff.admissions.looked_after"), a.looked_after?.authority || t("staff.none")),
      summaryRow(t("staff.admissions.preferences"), h("ol", {class: "list"}, a.preferences.map(p => h("li", {},
        p.school_name, p.sibling ? ` (${t("staff.admissions.sibling", {name: p.sibling.name,
          year: p.sibling.year_group})})` : "")))),
      summaryRow(t("staff.admissions.offer"), a.offer ? a.offer.text : t("staff.admissions.no_offer")),
      summaryRow(t("staff.admissions.answer"), a.answer ? t(`staff.admissions.answer_${a.answer.answer}`) : t("staff.none")),
      summaryRow(t("staff.admissions.appeals"), a.appeals.map(p => `${names[p.school_id]}: ${p.grounds}`).join("; ")
        || t("staff.none"))),
    dataTable("admissions-audit", t("staff.admissions.audit"), ["when", "by", "reason"].map(k =>
      t(`staff.admissions.col_${k}`)), a.audit.map(e => [formatDate(e.at, true), e.by, e.reason])));
}

export async function render(view) {
  const all = await rounds();
  const notice = h("p", {class: "body", role: "status", id: "admissions-notice"});
  const runs = h("div", {id: "admissions-runs"});
  const show = async round => {
    clear(notice);
    const holder = h("div", {});
    const start = await board(round, holder);
    append(clear(runs), start, holder);
  };
  const chooser = select({field: "round", label: t("staff.admissions.round"),
    options: all.map(r => ({value: r.round, label: roundName(r.round)}))});
  chooser.addEventListener("change", event => show(event.target.value));
  const found = h("div", {});
  const lookup = h("form", {novalidate: true, id: "admissions-lookup"},
    input({field: "application_id", label: t("staff.admissions.reference"), autocomplete: "off",
      class: "input input--width-20"}),
    textarea({field: "reason", label: t("staff.admissions.reason"), hint: t("staff.ctax.reason_hint"), rows: 2,
      maxlength: "300"}),
    button(t("staff.ctax.look_up")));
  onSubmit(lookup, view, async () => {
    clear(found);
    const id = lookup.elements.application_id.value.trim().toUpperCase();
    append(found, application(await api(`/v1/staff/school-applications/${encodeURIComponent(id)}/lookup`,
      {method: "POST", body: {reason: lookup.elements.reason.value}})));
  }, {application_id: t("staff.admissions.reference"), reason: t("staff.admissions.reason")});
  append(view, h("h1", {class: "heading-l"}, t("staff.admissions.title")), h("p", {class: "body"}, t("staff.admissions.lead")),
    chooser, notice, runs, h("h2", {class: "heading-m"}, t("staff.admissions.look_up")), lookup, found);
  if (all.length) await show(all[0].round);
}
