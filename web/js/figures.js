// What the figures page and the contacts desk share: the services (as handlers/feedback/services.py names them),
// the council's year (April to March) and how a month, a share and a sum of pence are written.
import {lang} from "./i18n.js";

export const SERVICES = ["reports", "bills", "halls", "bulky", "containers", "garden", "forms", "moving", "repairs",
  "appointments", "landlords", "consultations", "council_tax", "payments"];
export const DESK = {moving: "council_tax"};  // the desk of a service not named after its own

/** The year the council's year holding `date` starts in: its April. */
export function councilYear(date) {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

export function locale() {
  return lang() === "cy" ? "cy-GB" : "en-GB";
}

export function monthName(month) {
  return new Intl.DateTimeFormat(locale(), {month: "long", year: "numeric"}).format(new Date(`${month}-15T12:00:00`));
}

/** A month as a narrow column writes it: "Oct 2025". */
export function monthShort(month) {
  return new Intl.DateTimeFormat(locale(), {month: "short", year: "numeric"}).format(new Date(`${month}-15T12:00:00`));
}

export function number(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A percentage the API gives to one decimal place (75.5), written as one. */
export function percent(value) {
  return new Intl.NumberFormat(locale(), {style: "percent", maximumFractionDigits: 1}).format(value / 100);
}

export function pounds(pence) {
  return new Intl.NumberFormat(locale(), {style: "currency", currency: "GBP"}).format(pence / 100);
}
