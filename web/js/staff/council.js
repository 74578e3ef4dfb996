// Administrators: the council's settings as residents meet them here (colour, logo, contact, services,
// its own words), sent whole with the version read (If-Match); every field the API refuses is shown at
// itself, someone else's change first as it is now. Then the changes made, and the settings as a file.
import {api, ApiError} from "../api.js";
import {switchable} from "../council.js";
import {append, clear, h} from "../dom.js";
import {button, choices, input, onSubmit} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";
import {saveFile} from "../save-pdf.js";
import {labelsOf} from "./common.js";
import {wordsPart} from "./council-words.js";

const SETTINGS = "/v1/admin/council";
const CONTACT = {phone: "tel", emergency_phone: "tel", email: "email", website: "url"};
const DPO = ["name", "email", "postal_address"];  // its data protection officer's (the privacy notice's)
const CHANNELS = ["online", "phone", "face_to_face", "assisted"];  // the figures' costs per channel, in pence

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
  const serviceNames = switchable();  // every service a council may switch off, one list with the API's
  const services = choices({field: "services", legend: t("staff.council.services"), multiple: true, optional: true,
    hint: t("staff.council.services_hint"), value: serviceNames.filter(name => (settings.services || {})[name] !== false),
    options: serviceNames.map(name => ({value: name, label: tOr(`home.${name}`, t(`staff.council.service_${name}`))}))});
  services.dataset.field = serviceNames.map(name => `$.services.${name}`).join(" ");  // the API names each
  const form = h("form", {novalidate: true, id: "council-settings"},
    h("h2", {class: "heading-m"}, t("staff.council.branding")),
    input({field: "$.branding.colour", label: t("staff.council.colour"), hint: t("staff.council.colour_hint"),
      value: branding.colour || "", autocomplete: "off", spellcheck: false, class: "input input--width-10"}),
    input({field: "$.branding.logo", label: t("staff.council.logo"), hint: t("staff.council.logo_hint"),
      value: branding.logo || "", optional: true, autocomplete: "off", spellcheck: false}),
    h("h2", {class: "heading-m"}, t("staff.council.contact")),
    Object.entries(CONTACT).map(([name, type]) => input({field: `$.branding.${name}`, optional: true, type,
      label: t(`staff.council.${name}`), value: branding[name] || "", autocomplete: "off"})),
    h("h2", {class: "heading-m"}, t("staff.council.dpo")), h("p", {class: "hint"}, t("staff.council.dpo_hint")),
    DPO.map(name => input({field: `$.data_protection_officer.${name}`, optional: name === "postal_address",
      type: name === "email" ? "email" : "text", label: t(`staff.council.dpo_${name}`),
      value: (settings.data_protection_officer || {})[name] || "", autocomplete: "off"})),
    services, costsPart(settings.channel_costs || {}), words.part, button(t("staff.council.save")));
  const labels = {};  // each refused field named by its question in the summary (filled as the form is sent)
  onSubmit(form, view, async () => {
    Object.assign(labels, labelsOf(form));
    const offOnes = servicesOf(form, serviceNames);
    const changed = {...settings, branding: brandingOf(form, branding), services: offOnes,
      instead: elsewhereOf(settings.instead, offOnes), words: words.value(), channel_costs: costsOf(form),
      data_protection_officer: Object.fromEntries(DPO.map(name => [name,
        form.elements[`$.data_protection_officer.${name}`].value.trim()]).filter(([, value]) => value))};
    for (const name of ["services", "instead", "words", "channel_costs", "data_protection_officer"]) if (!Object.keys(changed[name]).length) delete changed[name];
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

/** What a transaction costs the council by channel (the figures' cost per transaction and saving): each left
 * empty is the business case's, said in its hint. */
function costsPart(costs) {
  return h("fieldset", {class: "fieldset", id: "channel-costs"},
    h("legend", {class: "legend"}, h("h2", {class: "heading-m"}, t("staff.council.costs"))),
    h("p", {class: "hint"}, t("staff.council.costs_hint")),
    CHANNELS.map(name => input({field: `$.channel_costs.${name}`, label: t(`staff.council.cost_${name}`),
      hint: t(`staff.council.cost_${name}_hint`), value: costs[name] ?? "", optional: true, inputmode: "numeric",
      autocomplete: "off", class: "input input--width-5"})));
}

/** The costs as the form has them: whole pence as numbers, anything else as typed for the API to refuse at its field. */
function costsOf(form) {
  return Object.fromEntries(CHANNELS.map(name => [name, form.elements[`$.channel_costs.${name}`].value.trim()])
    .filter(([, value]) => value).map(([name, value]) => [name, /^[0-9]+$/.test(value) ? Number(value) : value]));
}

/** Only the services switched off are said (absent: on). */
function servicesOf(form, names) {
  const on = new Set([...form.querySelectorAll("input[name=services]:checked")].map(box => box.value));
  return Object.fromEntries(names.filter(name => !on.has(name)).map(name => [name, false]));
}

/** Who provides each service the council still does not: one switched back on is the council's own again. */
function elsewhereOf(instead, off) {
  return Object.fromEntries(Object.entries(instead || {}).filter(([name]) => off[name] === false));
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
