// Administrators: the council's settings as its residents meet them on this site (its colour and logo,
// its contact details, the services it offers and its own words over the app's), sent whole with the
// version read (If-Match). The API checks the whole document and names every field it refuses; each
// refusal is shown at its field. Someone else's change first is shown as it is now. Below: the changes
// made, newest first, and the settings as a file (what `doorstep councils change --file` loads).
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, input, onSubmit} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";
import {saveFile} from "../save-pdf.js";
import {wordsPart} from "./council-words.js";

const SETTINGS = "/v1/admin/council";
// The services a council may switch off (chalicelib/councils/services.py), as the home screen names them.
const SERVICES = ["bulky", "garden", "missed_bin", "containers", "repairs", "pay", "council_tax", "landlords",
                  "petitions", "meetings", "consultations", "chat", "forms", "appointments", "hire", "planning", "moving"];
const CONTACT = {phone: "tel", emergency_phone: "tel", email: "email", website: "url"};

export async function render(view) {
  const [read, catalogue] = await Promise.all([api(SETTINGS), fetch("/messages/en.json").then(r => r.json())]);
  const part = h("div", {id: "council"});
  append(view, h("h1", {class: "heading-l"}, t("staff.council.title")),
    h("p", {class: "body"}, t("staff.council.lead")), part);
  await draw(part, view, read, catalogue);
}

async function draw(part, view, {settings, version}, catalogue, notice) {
  const branding = settings.branding || {};
  const words = wordsPart(settings.words || {}, catalogue);
  const services = choices({field: "services", legend: t("staff.council.services"), multiple: true, optional: true,
    hint: t("staff.council.services_hint"), value: SERVICES.filter(name => (settings.services || {})[name] !== false),
    options: SERVICES.map(name => ({value: name, label: tOr(`home.${name}`, t(`staff.council.service_${name}`))}))});
  services.dataset.field = SERVICES.map(name => `$.services.${name}`).join(" ");  // the API names each
  const form = h("form", {novalidate: true, id: "council-settings"},
    h("h2", {class: "heading-m"}, t("staff.council.branding")),
    input({field: "$.branding.colour", label: t("staff.council.colour"), hint: t("staff.council.colour_hint"),
      value: branding.colour || "", autocomplete: "off", spellcheck: false, class: "input input--width-10"}),
    input({field: "$.branding.logo", label: t("staff.council.logo"), hint: t("staff.council.logo_hint"),
      value: branding.logo || "", optional: true, autocomplete: "off", spellcheck: false}),
    h("h2", {class: "heading-m"}, t("staff.council.contact")),
    Object.entries(CONTACT).map(([name, type]) => input({field: `$.branding.${name}`, optional: true, type,
      label: t(`staff.council.${name}`), value: branding[name] || "", autocomplete: "off"})),
    services, words.part, button(t("staff.council.save")));
  const labels = {};  // each refused field named by its question in the summary (filled as the form is sent)
  onSubmit(form, view, async () => {
    Object.assign(labels, labelsOf(form));
    const changed = {...settings, branding: brandingOf(form, branding), services: servicesOf(form), words: words.value()};
    for (const name of ["services", "words"]) if (!Object.keys(changed[name]).length) delete changed[name];
    let shown;
    try {
      shown = [await api(SETTINGS, {method: "PUT", body: changed, headers: {"If-Match": `"${version}"`}}),
        t("staff.council.saved")];
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "edit_conflict" && error.body?.current)) throw error;
      shown = [error.body.current, t("staff.council.changed_first")];
    }
    await draw(part, view, shown[0], catalogue, shown[1]);
    part.querySelector("#council-status").focus();
  }, labels);
  const changes = await api(`${SETTINGS}/audit`);
  append(clear(part), h("p", {class: "body", role: "status", id: "council-status", tabindex: "-1"}, notice || ""), form,
    h("h2", {class: "heading-m"}, t("staff.council.export_title")), h("p", {class: "body"}, t("staff.council.export_lead")),
    button(t("staff.council.export"), {secondary: true, type: "button", id: "council-export",
      onclick: () => saveFile(`${SETTINGS}/export`, `${settings.id}-settings-v${version}.json`, {accept: "application/json"})}),
    h("h2", {class: "heading-m"}, t("staff.council.history")), history(changes.changes));
}

/** The branding as the form has it: an emptied field is a setting taken away. */
function brandingOf(form, before) {
  const out = {...before};
  for (const name of ["colour", "logo", ...Object.keys(CONTACT)]) {
    const value = form.elements[`$.branding.${name}`].value.trim();
    if (value) out[name] = name === "colour" ? value.toLowerCase() : value; else delete out[name];
  }
  return out;
}

/** {API field: its question's words} for every field of the form, word rows added since it was drawn too. */
function labelsOf(form) {
  return Object.fromEntries([...form.querySelectorAll("[data-field]")].flatMap(group => {
    const words = (group.querySelector("legend, label")?.textContent || "").replace(` ${t("form.optional")}`, "");
    return group.dataset.field.split(" ").map(field => [field, words]);
  }));
}

/** Only the services switched off are said (absent: on). */
function servicesOf(form) {
  const on = new Set([...form.querySelectorAll("input[name=services]:checked")].map(box => box.value));
  return Object.fromEntries(SERVICES.filter(name => !on.has(name)).map(name => [name, false]));
}

function history(changes) {
  if (!changes.length) return h("p", {class: "body"}, t("staff.council.no_history"));
  return h("ul", {class: "list list--spaced", id: "council-history"}, changes.map(c => h("li", {},
    t("staff.council.change", {when: formatDate(c.at, true), by: c.by}),
    h("ul", {class: "list list--bullet"}, Object.entries(c.change).map(([setting, [before, after]]) =>
      h("li", {}, t("staff.council.changed", {setting, before: said(before), after: said(after)})))))));
}

function said(value) {
  if (value === null || value === undefined) return t("staff.none");
  return typeof value === "string" ? value : JSON.stringify(value);
}
