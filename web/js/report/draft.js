// The report being written: answers in sessionStorage (a reload keeps
// them), photos in memory until sent. Steps: category, location (unless
// the category has none), nearby (only when there are open reports
// nearby, and never for a complaint), details, contact; the API's field
// errors send the resident back to the step that asks for that field.
// A category of the council's complaints procedure (its `kind`) is worded
// as a complaint on every step; one whose `contact` is required is sent
// only with an email address or a phone number to answer it at.
import {api} from "../api.js";
import {h} from "../dom.js";
import {t} from "../i18n.js";

const KEY = "doorstep.draft";
let photos = [];
let services = null;

export function draft() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || "{}");
  } catch {
    return {};
  }
}

export function update(changes) {
  const next = {...draft(), ...changes};
  sessionStorage.setItem(KEY, JSON.stringify(next));
  return next;
}

export function reset() {
  sessionStorage.removeItem(KEY);
  photos.forEach(p => URL.revokeObjectURL(p.url));
  photos = [];
}

export function draftPhotos() {
  return photos;
}

export function setPhotos(list) {
  photos = list;
}

export async function loadServices() {
  if (!services) services = (await api("/v1/services")).services;
  return services;
}

export async function currentService() {
  const code = draft().service_code;
  return code ? (await loadServices()).find(s => s.service_code === code) || null : null;
}

/** A complaint under the council's procedure: its words on every step, and no "is it one of these?". */
export const isComplaint = service => service?.kind === "complaint";

/** Its maker must be answerable: the API refuses it with neither an email address nor a phone number. */
export const needsContact = service => service?.contact === "required";

export function steps(service) {
  const placed = !service || service.location !== "none";
  const where = placed ? ["/report/location", ...(isComplaint(service) ? [] : ["/report/nearby"])] : [];
  return ["/report/category", ...where, "/report/details", "/report/contact"];
}

export function nextStep(service, current) {
  const all = steps(service);
  return all[all.indexOf(current) + 1];
}

export function previousStep(service, current) {
  const all = steps(service);
  return all[all.indexOf(current) - 1] || "/";
}

/** The caption over each step: what is being reported, or the complaint's own category. */
export function caption(service) {
  return h("span", {class: "caption"}, isComplaint(service) ? service.name : t("report.caption_category", {category: service.name}));
}

export function backLink(href) {
  return h("a", {class: "back-link", href}, t("nav.back"));
}

/** The step that asks for an API field. */
export function stepFor(field) {
  if (!field) return "/report/details";
  if (field === "service_code") return "/report/category";
  if (["lat", "lon", "location", "uprn"].includes(field)) return "/report/location";
  if (field.startsWith("contact")) return "/report/contact";
  return "/report/details";
}

/** Keep the API's errors for the step that will show them. */
export function holdErrors(errors) {
  update({errors});
}

export function takeErrors(step) {
  const d = draft();
  const mine = (d.errors || []).filter(e => stepFor(e.field) === step);
  update({errors: (d.errors || []).filter(e => stepFor(e.field) !== step)});
  return mine;
}

export function apiBody(d) {
  const body = {service_code: d.service_code, description: d.description || "", fields: d.fields || {},
                source: "web"};
  if (d.location) Object.assign(body, {lat: d.location.lat, lon: d.location.lon});
  if (d.location && d.location.uprn) body.uprn = d.location.uprn;  // placed by an address: the report shows it
  const contact = Object.fromEntries(Object.entries(d.contact || {}).filter(([, v]) => v));
  if (Object.keys(contact).length) body.contact = contact;
  return body;
}

/** Labels for the error summary: "What is wrong?: Is required." */
export function fieldLabels(service) {
  const labels = {service_code: t("report.category.legend"), lat: t("report.location.title"),
                  lon: t("report.location.title"), uprn: t("report.location.title"),
                  description: t(isComplaint(service) ? "complaint.details.description" : "report.details.description"),
                  photos: t("report.photos.label"), contact: t("complaint.contact.legend"), "contact.name": t("contact.name"),
                  "contact.email": t("contact.email"), "contact.phone": t("contact.phone")};
  for (const f of service?.fields || []) labels[`fields.${f.code}`] = f.label;
  return labels;
}
