// The consultations desk, for a consultations officer. /staff/consultations: the desk's list (forthcoming,
// open and recently closed); /staff/consultations/new: a consultation made from a template; and
// /staff/consultations/{id} (consultation.js): changed until it opens, its live counts, its CSVs, its results.
// The form's errors follow GOV.UK's pattern: a summary at the top linking to each field, the words beside it.
import {api, ApiError} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, input, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";

const DOCUMENTS = 3;  // the rows the form offers; more are added as data by an administrator
const status = s => h("strong", {class: `tag ${{open: "tag--green", forthcoming: "tag--blue"}[s] || "tag--grey"}`},
  t(`staff.consultations.status_${s}`));

/** The API names a field by its JSON path ("$.areas[0]"): the form's fields are named as the data's keys. */
export function inFields(error) {
  if (error instanceof ApiError && error.fields.length) {
    error.fields = error.fields.map(f => ({...f, field: f.field.replace(/^\$\./, "")}));
  }
  return error;
}

// The field's name in the API's words (its message already names the template: "Choose a template ...").
export const labels = () => Object.fromEntries(["title", "overview", "department", "areas", "topics", "opens",
  "closes", "why", "what_happens_next"].map(k => [k, t(`staff.consultations.${k}`)])
  .concat([["template", t("staff.consultations.template_word")]]));

/** A London wall-clock moment as the datetime box holds it, and back: a close is the minute's last second. */
const boxed = moment => (moment || "").slice(0, 16);
const moment = (value, last) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:${last ? "59" : "00"}`
  : value);

/** The fields a consultation's officer writes, filled from `data` (a template's words, or the consultation). */
export function consultationFields(data, wards) {
  const areas = data.areas === "council" ? ["council"] : data.areas || [];
  const docs = data.supporting_documents || [];
  return [
    input({field: "title", label: t("staff.consultations.title"), value: data.title || ""}),
    textarea({field: "overview", label: t("staff.consultations.overview"), value: data.overview || "", rows: 3,
      hint: t("staff.consultations.overview_hint")}),
    input({field: "department", label: t("staff.consultations.department"), value: data.department || ""}),
    choices({field: "areas", legend: t("staff.consultations.areas"), multiple: true, small: true, value: areas,
      hint: t("staff.consultations.areas_hint"), options: [{value: "council", label: t("staff.consultations.council")},
        ...wards.map(w => ({value: w, label: w}))]}),
    input({field: "topics", label: t("staff.consultations.topics"), value: (data.topics || []).join(", "),
      hint: t("staff.consultations.topics_hint"), optional: true}),
    input({field: "opens", label: t("staff.consultations.opens"), type: "datetime-local", value: boxed(data.opens),
      hint: t("staff.consultations.opens_hint")}),
    input({field: "closes", label: t("staff.consultations.closes"), type: "datetime-local", value: boxed(data.closes),
      hint: t("staff.consultations.closes_hint")}),
    textarea({field: "why", label: t("staff.consultations.why"), value: data.why || "", rows: 4}),
    textarea({field: "what_happens_next", label: t("staff.consultations.what_happens_next"),
      value: data.what_happens_next || "", rows: 4}),
    h("fieldset", {class: "fieldset"}, h("legend", {class: "legend"}, t("staff.consultations.documents")),
      h("p", {class: "hint"}, t("staff.consultations.documents_hint")),
      [...Array(DOCUMENTS).keys()].map(n => [
        input({field: `supporting_documents[${n}].title`, label: t("staff.consultations.document_title", {n: n + 1}),
          value: docs[n]?.title || "", optional: true}),
        input({field: `supporting_documents[${n}].url`, label: t("staff.consultations.document_url", {n: n + 1}),
          value: docs[n]?.url || "", type: "url", optional: true, spellcheck: "false"})])),
  ];
}

/** What the form says, as the consultation's data keys. */
export function readFields(form) {
  const value = name => form.elements[name].value.trim();
  const areas = [...form.querySelectorAll("input[name=areas]:checked")].map(i => i.value);
  return {title: value("title"), overview: value("overview"), department: value("department"),
    areas: areas.includes("council") ? "council" : areas,
    topics: value("topics").split(",").map(x => x.trim().toLowerCase().replace(/\s+/g, "-")).filter(Boolean),
    opens: moment(value("opens"), false), closes: moment(value("closes"), true), why: value("why"),
    what_happens_next: value("what_happens_next"),
    supporting_documents: [...Array(DOCUMENTS).keys()]
      .map(n => ({title: value(`supporting_documents[${n}].title`), url: value(`supporting_documents[${n}].url`)}))
      .filter(d => d.title || d.url)};
}

async function newConsultation(view) {
  const back = h("a", {class: "back-link", href: "/staff/consultations"}, t("staff.consultations.back"));
  const {templates, wards} = await api("/v1/staff/consultation-templates");
  const key = crypto.randomUUID();  // one consultation however often Make is pressed
  const fields = h("div", {id: "consultation-fields"});
  const form = h("form", {id: "consultation-new", novalidate: true},
    choices({field: "template", legend: t("staff.consultations.template"), hint: t("staff.consultations.template_hint"),
      options: templates.map(x => ({value: x.id, label: x.title,
        hint: `${x.description} ${t("staff.consultations.asks", {questions: x.questions.join(" / ")})}`}))}),
    fields, button(t("staff.consultations.make")));
  const fill = chosen => fields.replaceChildren(...consultationFields({...chosen, title: "", overview: ""}, wards)
    .flat(Infinity).filter(Boolean));
  // Choosing a template fills in the words it suggests (what an officer has typed in title and overview stays).
  form.addEventListener("change", event => {
    if (event.target.name !== "template") return;
    const kept = {title: form.elements.title.value, overview: form.elements.overview.value};
    fill(templates.find(x => x.id === event.target.value));
    form.elements.title.value = kept.title;
    form.elements.overview.value = kept.overview;
  });
  fill({});
  onSubmit(form, view, async () => {
    const body = {template: form.querySelector("input[name=template]:checked")?.value || "", ...readFields(form)};
    try {
      const made = await api("/v1/staff/consultations", {method: "POST", body, headers: {"Idempotency-Key": key}});
      navigate(`/staff/consultations/${encodeURIComponent(made.id)}?made=1`);
    } catch (error) {
      throw inFields(error);
    }
  }, labels());
  append(view, back, h("h1", {class: "heading-l"}, t("staff.consultations.new_title")), form);
}

async function list(view) {
  append(view, h("h1", {class: "heading-l"}, t("staff.consultations.list_title")),
    h("p", {class: "body"}, t("staff.consultations.lead")),
    h("a", {class: "button", href: "/staff/consultations/new", role: "button", draggable: "false"},
      t("staff.consultations.new_title")));
  const {consultations} = await api("/v1/staff/consultations");
  if (!consultations.length) return append(view, h("p", {class: "body", id: "consultations"},
    t("staff.consultations.none")));
  return append(view, h("div", {class: "table-wrap"}, h("table", {class: "table", id: "consultations"},
    h("caption", {class: "visually-hidden"}, t("staff.consultations.list_title")),
    h("thead", {}, h("tr", {}, ["title", "status", "opens", "closes"].map(k =>
      h("th", {scope: "col"}, t(`staff.consultations.col_${k}`))))),
    h("tbody", {}, consultations.map(c => h("tr", {},
      h("th", {scope: "row"}, h("a", {href: `/staff/consultations/${encodeURIComponent(c.id)}`}, c.title)),
      h("td", {}, status(c.status), c.results_published ? ` ${t("staff.consultations.results_out")}` : ""),
      h("td", {}, c.opens_words), h("td", {}, c.closes_words)))))));
}

export {status};

export async function render(view, context) {
  const id = context.path.split("/")[3];
  try {
    if (!id) return await list(view);
    if (id === "new") return await newConsultation(view);
    return await (await import("./consultation.js")).render(view, decodeURIComponent(id), context);
  } catch (error) {
    if (!view.querySelector("h1")) append(view, h("h1", {class: "heading-l"}, t("staff.consultations.list_title")));
    return append(view, h("p", {class: "body"}, error.message));
  }
}
