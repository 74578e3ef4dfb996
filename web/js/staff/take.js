// Taking a report for someone who phoned, called in, wrote or e-mailed:
// the caller's details, what and where, in one form on one screen. The
// caller is sent the reference (the API follows the report for them).
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit, select, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {redraw} from "../navigation.js";
import {fieldInput, fieldValue, missing} from "../report/fields.js";
import {placePicker} from "../where.js";
import {CHANNELS, channelLabel, staffServices} from "./common.js";
import {remember} from "./reasons.js";

const labels = () => ({channel: t("staff.take.channel"), "on_behalf_of": t("staff.take.caller"),
  "on_behalf_of.name": t("staff.take.name"), "on_behalf_of.email": t("staff.take.email"),
  "on_behalf_of.phone": t("staff.take.phone"), service_code: t("staff.take.category"),
  description: t("staff.take.description"), location: t("staff.take.where"), lat: t("staff.take.where"),
  lon: t("staff.take.where"), uprn: t("staff.take.where")});

function taken(view, report) {
  remember(report.id, t("staff.reason.taken_for_caller"));  // its page shows the caller's details for that
  redraw(view, view.querySelector(".desk-menu"),
    h("div", {class: "panel", id: "taken"}, h("h1", {class: "panel__title"}, t("staff.take.done_title")),
      h("div", {class: "panel__body"}, t("staff.take.done_reference"), h("br"), h("strong", {id: "reference"}, report.id))),
    h("p", {class: "body"}, t("staff.take.done_lead")),
    h("ul", {class: "list list--spaced"},
      h("li", {}, h("a", {href: `/staff/reports/${encodeURIComponent(report.id)}`}, t("staff.take.open"))),
      h("li", {}, h("a", {href: "/staff/take"}, t("staff.take.another")))));
}

export async function render(view) {
  const services = await staffServices();
  const LABELS = labels();  // and the chosen category's questions, as it is chosen
  let place = null;
  let key = crypto.randomUUID();  // the same request sent again (no answer came) makes one report
  const chosen = h("p", {class: "inset", id: "chosen-place", "aria-live": "polite"}, t("staff.take.no_place"));
  const questions = h("div", {id: "take-questions"});
  const picker = placePicker({fields: "location lat lon uprn", gpsLabel: t("staff.take.here"), onPick: point => {
    place = point;
    chosen.textContent = t("staff.take.place", {place: point.label});
  }});
  picker.querySelector("button").id = "f-location";  // where an error about the place links to
  const placeGroup = h("div", {class: "take__place"}, h("h2", {class: "heading-m"}, t("staff.take.where")), picker, chosen);
  const serviceOf = code => services.find(s => s.service_code === code);
  const choose = () => {
    const service = serviceOf(form.elements.service_code.value);
    clear(questions).append(...(service?.fields || []).map(def => fieldInput(def)));
    for (const def of service?.fields || []) LABELS[`fields.${def.code}`] = def.label;
    placeGroup.hidden = !service || service.location === "none";
  };
  const form = h("form", {class: "take", id: "take", novalidate: true},
    h("h2", {class: "heading-m"}, t("staff.take.caller")),
    choices({field: "channel", legend: t("staff.take.channel"), value: "phone", small: true,
      options: CHANNELS.map(c => ({value: c, label: channelLabel(c)}))}),
    input({field: "on_behalf_of.name", label: t("staff.take.name"), autocomplete: "off", optional: true}),
    h("div", {class: "form-group", dataset: {field: "on_behalf_of"}},
      h("p", {class: "hint"}, t("staff.take.contact_hint")),
      input({field: "on_behalf_of.email", label: t("staff.take.email"), type: "email", optional: true,
        spellcheck: "false", autocomplete: "off"}),
      input({field: "on_behalf_of.phone", label: t("staff.take.phone"), type: "tel", optional: true,
        autocomplete: "off"})),
    h("h2", {class: "heading-m"}, t("staff.take.what")),
    select({field: "service_code", label: t("staff.take.category"),
      options: [{value: "", label: t("staff.take.choose")}, ...services.map(s => ({value: s.service_code, label: s.name}))]}),
    questions, placeGroup,
    textarea({field: "description", label: t("staff.take.description"), rows: 4}),
    button(t("staff.take.send")));
  form.elements.service_code.addEventListener("change", choose);
  choose();
  onSubmit(form, view, async () => {
    const read = name => (form.elements[name]?.value || "").trim();
    const service = serviceOf(read("service_code"));
    const answers = Object.fromEntries((service?.fields || []).map(def => [def.code, fieldValue(form, def)]));
    const problems = service ? missing(service.fields || [], answers)
      : [{field: "service_code", message: t("staff.take.category_required")}];
    if (service && service.location === "required" && !place) {
      problems.push({field: "location", message: t("staff.take.place_required")});
    }
    if (!read("on_behalf_of.email") && !read("on_behalf_of.phone")) {
      problems.unshift({field: "on_behalf_of", message: t("staff.take.contact_required")});
    }
    if (!read("description")) problems.push({field: "description", message: t("staff.take.description_required")});
    if (problems.length) throw new Invalid(problems);
    const caller = Object.fromEntries(["name", "email", "phone"].map(k => [k, read(`on_behalf_of.${k}`)])
      .filter(([, v]) => v));
    const body = {channel: form.querySelector("input[name=channel]:checked")?.value, on_behalf_of: caller,
      service_code: service.service_code, description: read("description"),
      fields: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== "" && !(Array.isArray(v) && !v.length)))};
    if (place && !placeGroup.hidden) Object.assign(body, {lat: place.lat, lon: place.lon}, place.uprn ? {uprn: place.uprn} : {});
    form.querySelector("button[type=submit]").disabled = true;
    try {
      taken(view, await api("/v1/staff/reports", {method: "POST", body, headers: {"Idempotency-Key": key}}));
    } catch (error) {
      form.querySelector("button[type=submit]").disabled = false;
      // A refused request made nothing: the corrected one is a new request.
      if (error instanceof ApiError && error.status < 500) key = crypto.randomUUID();
      throw error;
    }
  }, LABELS);
  append(view, h("h1", {class: "heading-l"}, t("staff.take.title")), h("p", {class: "body"}, t("staff.take.lead")),
    form);
}
