// The inspect form: built from a report's values (or from what an officer
// typed, kept through a conflict), read back into the same shape, and
// turned into a PATCH body of only what differs from the report as read,
// so a save never writes back a value somebody else has since changed.
import {clear, h} from "../dom.js";
import {button, choices, dateInput, dateValue, select, textarea} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {fieldInput, fieldValue} from "../report/fields.js";
import {mapPanel} from "../map.js";
import {placePicker} from "../where.js";
import {options, PRIORITIES, priorityLabel, stateLabel, STATES} from "./common.js";

export const KEYS = ["status", "priority", "service_code", "private", "duplicate_of", "team", "instructions", "due"];
const TEXTS = ["template", "public_update", "internal_note"];

/** A report's values as the form holds them ("" for none); the texts start empty. */
export function valuesOf(report) {
  return {status: report.status, priority: report.priority || "normal", service_code: report.service_code,
    fields: {...(report.fields || {})}, private: Boolean(report.private), duplicate_of: report.duplicate_of || "",
    team: report.assignment?.team || "", instructions: report.assignment?.instructions || "", due: report.due || "",
    location: report.location ? {lat: report.location.lat, lon: report.location.lon} : null,
    template: "", public_update: "", internal_note: ""};
}

const plain = v => (v === undefined || v === null || (Array.isArray(v) && !v.length) ? "" : v);

function same(a, b) {
  return JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/** The PATCH body: what `values` changes in `base`; a cleared value is null (the API's "none"). */
export function changes(values, base) {
  const body = {};
  for (const key of KEYS) {
    if (!same(values[key], base[key])) body[key] = values[key] === "" ? null : values[key];
  }
  if (body.service_code) {
    body.fields = values.fields;  // a new category asks its own questions
  } else {
    const answers = Object.entries(values.fields).filter(([code, value]) => !same(value, base.fields[code]));
    if (answers.length) body.fields = Object.fromEntries(answers.map(([code, value]) => [code, value === "" ? null : value]));
  }
  if (values.location && !same(values.location, base.location)) Object.assign(body, values.location);  // lat, lon
  for (const key of TEXTS) if (values[key]) body[key] = values[key];
  // A template may suggest a status: the box says what the case becomes, so it goes with the template even when
  // it is unchanged (else the server would take the template's own).
  if (values.template && !("status" in body)) body.status = values.status;
  return body;
}

/** What I changed (against the report I read) laid over the report as it is now. */
export function reapply(values, read, now) {
  const kept = valuesOf(now);
  for (const key of KEYS) if (!same(values[key], read[key])) kept[key] = values[key];
  if (values.service_code !== read.service_code) kept.fields = values.fields;
  else for (const [code, value] of Object.entries(values.fields)) if (!same(value, read.fields[code])) kept.fields[code] = value;
  if (!same(values.location, read.location)) kept.location = values.location;
  for (const key of TEXTS) kept[key] = values[key];
  return kept;
}

/** Move the pin: an address, a click on the map, or the map's middle; `moved(point)` on each. */
function placeSection(location, moved) {
  const where = point => (point ? `${point.label || ""} (${point.lat.toFixed(5)}, ${point.lon.toFixed(5)})`.trim()
    : t("staff.inspect.no_place"));
  const now = h("p", {class: "inset", id: "inspect-place", "aria-live": "polite"}, where(location));
  let map = null;
  const pick = (point, fromMap) => {
    now.textContent = where(point);
    if (!fromMap && map) map.show(point);
    moved({lat: point.lat, lon: point.lon});
  };
  const picker = placePicker({fields: "lat lon location", gpsLabel: t("staff.take.here"), onPick: point => pick(point)});
  map = mapPanel({centre: location, showReports: false, label: t("staff.inspect.map"), hint: t("staff.inspect.map_hint"),
    onPick: point => pick(point, true)});
  return section(t("staff.inspect.place_section"), now, picker, map.element);
}

function section(title, ...children) {
  return h("fieldset", {class: "fieldset inspect__section"}, h("legend", {class: "legend inspect__legend"}, title),
    ...children);
}

/** A template's text as the message will read once saved: its placeholders filled from the report and the form
 * (the status and due date in the boxes), as reports/wording.py's render fills them. */
function filled(text, form, report, services) {
  if (!report) return text;
  const due = dateValue(form, "due");
  const values = {reference: report.fields?.form_reference || report.id,
    category: services.find(s => s.service_code === report.service_code)?.name || report.service_code,
    status: stateLabel(form.elements.status.value), address: report.place_text || "",
    due: /^\d{4}-\d{2}-\d{2}$/.test(due) ? formatDate(due) : "",
    duplicate_of: (form.elements.duplicate_of?.value.trim() || report.duplicate_of || "").toUpperCase()};
  return text.replace(/\{([a-z_]+)\}/g, (whole, name) => (name in values ? values[name] : whole)).trim();
}

/** The form for `values`; read it back with readValues(form). A form's case (`desk`: its form's view) has
 * its form's templates and none of a street report's sections: no category, crew instructions, place or privacy. */
export function inspectForm(values, {services, teams, templates}, desk = null, report = null) {
  const questions = h("div", {class: "inspect__questions", id: "inspect-questions"});
  const serviceOf = code => services.find(s => s.service_code === code);
  const ask = (code, answers) => {
    clear(questions).append(...(serviceOf(code)?.fields || []).map(def => fieldInput(def, answers[def.code])));
  };
  ask(values.service_code, values.fields);
  const teamOptions = teams.filter(x => !x.retired || x.id === values.team).map(x => ({value: x.id, label: x.name}));
  const usable = desk ? desk.templates : templates.filter(x => x.active !== false
    && (!(x.service_codes || []).length || x.service_codes.includes(values.service_code)));
  const street = (...parts) => (desk ? null : parts);
  const preview = h("p", {class: "inset inspect__preview", id: "template-preview", "aria-live": "polite", hidden: true});
  let place = values.location;
  const form = h("form", {class: "inspect", id: "inspect", novalidate: true},
    section(t("staff.inspect.state_section"),
      select({field: "status", label: t("staff.inspect.status"), value: values.status,
        options: STATES.map(s => ({value: s, label: stateLabel(s)}))}),
      choices({field: "priority", legend: t("staff.inspect.priority"), value: values.priority, small: true,
        options: PRIORITIES.map(p => ({value: p, label: priorityLabel(p)}))})),
    street(section(t("staff.inspect.category_section"),
      select({field: "service_code", label: t("staff.inspect.category"), value: values.service_code,
        options: services.map(s => ({value: s.service_code, label: s.name}))}), questions)),
    section(t("staff.inspect.assign_section"),
      select({field: "team", label: t("staff.inspect.team"), value: values.team,
        options: options(teamOptions, t("staff.team.none"))}),
      street(textarea({field: "instructions", label: t("staff.inspect.instructions"), value: values.instructions,
        rows: 3, optional: true})),
      dateInput({field: "due", legend: t("staff.inspect.due"), value: values.due, hint: t("staff.inspect.due_hint")})),
    street(placeSection(values.location, point => { place = point; }),
    section(t("staff.inspect.privacy_section"),
      h("div", {class: "form-group", dataset: {field: "private"}}, h("div", {class: "checkboxes__item"},
        h("input", {class: "checkboxes__input", type: "checkbox", id: "f-private", name: "private", checked: values.private}),
        h("label", {class: "label checkboxes__label", for: "f-private"}, t("staff.inspect.private")))),
      h("div", {class: "form-group", dataset: {field: "duplicate_of"}},
        h("label", {class: "label", for: "f-duplicate_of"}, t("staff.inspect.duplicate_of"), " ", t("form.optional")),
        h("div", {class: "hint", id: "f-duplicate_of-hint"}, t("staff.inspect.duplicate_hint")),
        h("input", {class: "input input--width-10", id: "f-duplicate_of", name: "duplicate_of", value: values.duplicate_of,
          spellcheck: "false", autocomplete: "off", "aria-describedby": "f-duplicate_of-hint"})))),
    section(t(desk ? "staff.form_case.reply_section" : "staff.inspect.public_section"),
      h("p", {class: "hint"}, t(desk ? "staff.form_case.reply_hint" : "staff.inspect.public_hint")),
      select({field: "template", label: t("staff.inspect.template"), value: values.template,
        options: options(usable.map(x => ({value: x.id, label: x.title})), t("staff.inspect.no_template"))}),
      preview,
      textarea({field: "public_update", label: t("staff.inspect.public_update"), value: values.public_update, rows: 4,
        optional: true, hint: t("staff.inspect.public_update_hint")})),
    section(t("staff.inspect.note_section"),
      textarea({field: "internal_note", label: t("staff.inspect.internal_note"), value: values.internal_note, rows: 3,
        optional: true, hint: t("staff.inspect.note_hint")})),
    button(t("staff.inspect.save")));
  form.elements.service_code?.addEventListener("change", () => ask(form.elements.service_code.value, {}));
  const showTemplate = suggest => {
    const chosen = usable.find(x => x.id === form.elements.template.value);
    if (suggest && chosen?.state) form.elements.status.value = chosen.state;  // the status it will save with
    preview.hidden = !chosen;
    preview.textContent = chosen ? filled(chosen.text, form, report, services) : "";
  };
  form.elements.template.addEventListener("change", () => showTemplate(true));
  form.addEventListener("change", event => { if (event.target.name !== "template") showTemplate(false); });
  showTemplate(false);
  form.serviceOf = serviceOf;
  form.place = () => place;
  form.base = values;  // what a form's case's missing sections read as: unchanged
  return form;
}

export function readValues(form) {
  const value = name => (form.elements[name] ? form.elements[name].value.trim() : String(form.base[name] ?? ""));
  const service = form.serviceOf(value("service_code"));
  return {status: value("status"), priority: form.querySelector("input[name=priority]:checked")?.value || "normal",
    service_code: value("service_code"),
    fields: Object.fromEntries((service?.fields || []).map(def => [def.code, fieldValue(form, def)])),
    private: form.elements.private ? form.elements.private.checked : form.base.private,
    duplicate_of: value("duplicate_of").toUpperCase(), team: value("team"),
    instructions: value("instructions"), due: dateValue(form, "due"), template: value("template"),
    public_update: value("public_update"), internal_note: value("internal_note"), location: form.place()};
}
