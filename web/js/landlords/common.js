// What the landlords' screens share: asking the API with the failure said in
// words on the screen, money in pounds, the age of the back office's copy,
// and the way back to the portal's start.
import {api} from "../api.js";
import {append, h, summaryRow} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";

/** The API's answer, or null with its words shown (no signal, not a member, the back office away with no copy). */
export async function ask(view, path) {
  try {
    return await api(path);
  } catch (error) {
    append(view, h("p", {class: "body", id: "landlord-error"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/landlords"}, t("ll.back_start"))));
    return null;
  }
}

export function pounds(pence) {
  const sign = pence < 0 ? "-" : "";
  const whole = Math.abs(pence);
  return `${sign}£${Math.floor(whole / 100).toLocaleString("en-GB")}.${String(whole % 100).padStart(2, "0")}`;
}

/** The copy's age when it is old: the council's system did not answer, or a newer copy is on its way. */
export function age(answer) {
  if (!answer || !answer.stale) return null;
  return h("div", {class: "inset", id: "landlord-stale"}, t("ll.stale", {when: formatDate(answer.fetched_at, true)}));
}

export function back(href = "/landlords", key = "ll.back_start") {
  return h("a", {class: "back-link", href}, t(key));
}

export function row(key, ...value) {
  return summaryRow(t(key), ...value);
}

/** A table that may be wider than a phone: its own scrolling region, reachable by keyboard. */
export function wide(label, table) {
  return h("div", {class: "table-wrap", role: "region", tabindex: "0", "aria-label": label}, table);
}
