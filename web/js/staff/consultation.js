// One consultation at the consultations desk: changed until it opens (If-Match: a change made meanwhile at
// another desk is not overwritten); once open, its responses counted by ward as they come; after the close,
// the two CSVs and "We asked, you said, we did" with its figures and the decision it fed.
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, input, onSubmit, textarea} from "../forms.js";
import {formatDate, t, tCount} from "../i18n.js";
import {summaryRow as row} from "./common.js";
import {reasonForm, why} from "./reasons.js";
import {consultationFields, inFields, labels, readFields, status} from "./consultations.js";

const EVERY_MS = 15_000;  // the counts while it is open: what a second desk adds shows within this
const FIGURES = 3;
const path = id => `/v1/staff/consultations/${encodeURIComponent(id)}`;

function banner(key) {
  return h("div", {class: "banner banner--saved", id: "saved", role: "status", tabindex: "-1"},
    h("p", {class: "banner__line"}, t(key)));
}

function details(c) {
  return h("dl", {class: "summary-list", id: "consultation-details"},
    row(t("staff.consultations.col_status"), status(c.status)),
    row(t("staff.consultations.col_opens"), c.opens_words), row(t("staff.consultations.col_closes"), c.closes_words),
    row(t("staff.consultations.areas"), c.areas === "council" ? t("staff.consultations.council") : c.areas.join(", ")),
    row(t("staff.consultations.topics"), (c.topics || []).join(", ") || t("staff.none")),
    row(t("staff.consultations.public_page"), h("a", {href: `/consultations/${encodeURIComponent(c.id)}`},
      t("staff.consultations.public_link"))));
}

/** Changed until it opens: the whole data sent back with the officer's fields laid over it. */
async function changeForm(view, c, wards) {
  const form = h("form", {id: "consultation-change", novalidate: true}, consultationFields(c.data, wards),
    button(t("staff.consultations.save")));
  onSubmit(form, view, async () => {
    try {
      await api(path(c.id), {method: "PUT", body: {...c.data, ...readFields(form)},
        headers: {"If-Match": `"${c.version}"`}});
    } catch (error) {
      throw inFields(error);
    }
    await draw(view, c.id, banner("staff.consultations.saved"));
  }, labels());
  return [h("h2", {class: "heading-m"}, t("staff.consultations.change_title")),
    h("p", {class: "body"}, t("staff.consultations.change_lead")), form];
}

/** The responses by ward, read again every EVERY_MS while the screen shows it and the consultation is open. */
function counts(c) {
  const part = h("div", {id: "consultation-counts", "aria-live": "polite"});
  const show = async () => {
    const now = await api(`${path(c.id)}/counts`);
    clear(part).append(h("p", {class: "body", id: "counts-total"}, tCount("staff.consultations.total", now.total)),
      now.wards.length ? h("table", {class: "table", id: "counts-table"},
        h("caption", {class: "visually-hidden"}, t("staff.consultations.counts_title")),
        h("thead", {}, h("tr", {}, h("th", {scope: "col"}, t("staff.consultations.ward")),
          h("th", {scope: "col", class: "table__header--numeric"}, t("staff.consultations.responses")))),
        h("tbody", {}, now.wards.map(w => h("tr", {}, h("th", {scope: "row"}, w.ward),
          h("td", {class: "table__cell--numeric"}, String(w.responses)))))) : null,
      h("p", {class: "hint"}, t("staff.consultations.counted_at", {when: formatDate(now.counted_at, true)})));
    return now.status;
  };
  const again = async () => {
    if (!part.isConnected) return;
    if ((await show().catch(() => "open")) === "open") setTimeout(again, EVERY_MS);
  };
  show().then(state => state === "open" && setTimeout(again, EVERY_MS)).catch(error =>
    part.replaceChildren(h("p", {class: "body"}, errorsOf(error)[0].message)));
  return [h("h2", {class: "heading-m"}, t("staff.consultations.counts_title")), part];
}

/** A CSV fetched with the officer's session and saved under its own name. */
/** A CSV fetched with the officer's session (and `headers`) and saved under its own name. */
async function download(c, name, note, headers = {}) {
  const text = await api(`${path(c.id)}/${name}.csv`, {headers: {Accept: "text/csv", ...headers}});
  const a = h("a", {href: URL.createObjectURL(new Blob([text], {type: "text/csv"})), download: `${c.id}-${name}.csv`});
  document.body.append(a);
  a.click();
  a.remove();
  note.textContent = t("staff.consultations.downloaded", {name: `${c.id}-${name}.csv`});
}

function csvButton(c, name, note) {
  return button(t(`staff.consultations.csv_${name}`), {type: "button", secondary: true,
    class: "button button--secondary", onclick: () => download(c, name, note).catch(error => {
      note.textContent = errorsOf(error)[0].message;
    })});
}

/** The respondents' details: downloaded once the officer says why (the API keeps it in the audit). */
const respondents = (c, note) => reasonForm({id: `${c.id}-respondents`, formId: "respondents-reason",
  lead: t("staff.consultations.respondents_why"), label: t("staff.consultations.csv_respondents"),
  open: reason => download(c, "respondents", note, why(reason))});

function resultsForm(view, c) {
  const was = c.results || {};
  const figures = was.figures || [];
  const decision = was.decision || {};
  const form = h("form", {id: "results-form", novalidate: true},
    textarea({field: "summary", label: t("staff.consultations.summary"), value: was.summary || "", rows: 3}),
    textarea({field: "you_said", label: t("staff.consultations.you_said"), value: was.you_said || "", rows: 4}),
    textarea({field: "we_did", label: t("staff.consultations.we_did"), value: was.we_did || "", rows: 4}),
    h("fieldset", {class: "fieldset"}, h("legend", {class: "legend"}, t("staff.consultations.figures")),
      h("p", {class: "hint"}, t("staff.consultations.figures_hint")),
      [...Array(FIGURES).keys()].map(n => h("div", {class: "form-group", dataset: {field: `figures[${n}]`}},
        input({field: `figures[${n}].label`, label: t("staff.consultations.figure_label", {n: n + 1}),
          value: figures[n]?.label || "", optional: true}),
        input({field: `figures[${n}].value`, label: t("staff.consultations.figure_value", {n: n + 1}),
          value: figures[n]?.value ?? "", inputmode: "decimal", class: "input input--width-5", optional: true}),
        input({field: `figures[${n}].unit`, label: t("staff.consultations.figure_unit", {n: n + 1}),
          value: figures[n]?.unit || "", class: "input input--width-5", optional: true})))),
    h("div", {class: "form-group", dataset: {field: "decision"}}, h("fieldset", {class: "fieldset"},
      h("legend", {class: "legend"}, t("staff.consultations.decision")),
      h("p", {class: "hint"}, t("staff.consultations.decision_hint")),
      input({field: "decision.title", label: t("staff.consultations.decision_title"), value: decision.title || "",
        optional: true}),
      input({field: "decision.url", label: t("staff.consultations.decision_url"), value: decision.url || "",
        type: "url", optional: true, spellcheck: "false"}),
      input({field: "decision.item_id", label: t("staff.consultations.decision_item"), value: decision.item_id || "",
        optional: true, class: "input input--width-10"}))),
    button(t(c.results ? "staff.consultations.publish_again" : "staff.consultations.publish")));
  onSubmit(form, view, async () => {
    const value = name => form.elements[name].value.trim();
    const figured = [...Array(FIGURES).keys()].map(n => ({label: value(`figures[${n}].label`),
      value: value(`figures[${n}].value`), unit: value(`figures[${n}].unit`)})).filter(f => f.label || f.value)
      .map(f => ({...f, value: f.value === "" || Number.isNaN(Number(f.value)) ? f.value : Number(f.value)}));
    const fed = {title: value("decision.title"), url: value("decision.url"), item_id: value("decision.item_id")};
    const body = {summary: value("summary"), you_said: value("you_said"), we_did: value("we_did"), figures: figured,
      decision: fed.url || fed.item_id ? Object.fromEntries(Object.entries(fed).filter(([, v]) => v))
        : fed.title ? {title: fed.title} : null};
    await api(`${path(c.id)}/results`, {method: "POST", body, headers: {"If-Match": `"${c.version}"`}});
    await draw(view, c.id, banner("staff.consultations.published"));
  }, {summary: t("staff.consultations.summary"), you_said: t("staff.consultations.you_said"),
      we_did: t("staff.consultations.we_did"), figures: t("staff.consultations.figures"),
      decision: t("staff.consultations.decision"), "decision.url": t("staff.consultations.decision_url")});
  return [h("h2", {class: "heading-m"}, t("staff.consultations.results_title")),
    c.results ? h("p", {class: "body", id: "results-published"}, t("staff.consultations.results_published",
      {when: formatDate(c.results.published_at, true)}), " ",
    h("a", {href: `/consultations/${encodeURIComponent(c.id)}/results`}, t("staff.consultations.results_link"))) : null,
    form];
}

async function draw(view, id, notice) {
  const c = await api(path(id));
  // The wards to choose from only while it can be changed.
  const offered = c.status === "forthcoming" ? await api("/v1/staff/consultation-templates") : null;
  const menu = view.querySelector(".desk-menu");
  const note = h("p", {class: "body", role: "status", id: "csv-status"});
  const content = [
    h("a", {class: "back-link", href: "/staff/consultations"}, t("staff.consultations.back")), notice,
    h("span", {class: "caption"}, t("staff.consultations.caption")), h("h1", {class: "heading-l"}, c.title),
    details(c),
    c.status === "forthcoming" ? await changeForm(view, c, offered.wards) : counts(c),
    c.status === "closed" ? [h("h2", {class: "heading-m"}, t("staff.consultations.csv_title")),
      h("p", {class: "body"}, t("staff.consultations.csv_lead")),
      h("div", {class: "button-group"}, csvButton(c, "responses", note)), respondents(c, note), note,
      resultsForm(view, c)] : null];
  if (!notice) return append(view, content);  // the first drawing: the router shows it and moves the focus
  append(clear(view), menu, content);
  return notice.focus();
}

export async function render(view, id, {url}) {
  try {
    await draw(view, id, url.searchParams.get("made") ? banner("staff.consultations.made") : null);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("staff.consultations.list_title")),
      h("p", {class: "body"}, error instanceof ApiError && error.status === 404 ? t("staff.consultations.not_found")
        : errorsOf(error)[0].message));
  }
}
