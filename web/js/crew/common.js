// What the crew's screens share: the words for a job's status and priority,
// its due date, the "as of" line of a kept answer, and the ways to get there
// (the phone's maps app through a geo: link, or a web map).
import {link} from "../config.js";
import {h} from "../dom.js";
import {formatDate, formatDay, t, tOr} from "../i18n.js";

export const STATUSES = ["accepted", "en_route", "on_site", "done", "unable"];

export function statusLabel(status) {
  return tOr(`crew.status.${status}`, status || t("crew.status.assigned"));
}

export function statusTag(status, waiting = false) {
  const colour = {done: "tag--green", unable: "tag--grey", on_site: "tag--yellow"}[status] || "tag--blue";
  return h("strong", {class: `tag ${colour}`}, statusLabel(status), waiting ? ` ${t("crew.status.waiting")}` : null);
}

export function priorityTag(priority) {
  const colour = {urgent: "tag--red", high: "tag--yellow", low: "tag--grey"}[priority] || "tag--blue";
  return h("strong", {class: `tag ${colour}`}, t(`crew.priority.${priority || "normal"}`));
}

export function dueText(job, labelled = true) {
  if (!job.due) return t("crew.due.none");
  return [labelled ? t("crew.due.on", {day: formatDay(job.due)}) : formatDay(job.due),
    job.overdue ? [" ", h("strong", {class: "tag tag--red"}, t("crew.due.overdue"))] : null];
}

/** "As of 09:14" (and, without signal, that this is the phone's copy). */
export function asOf(answer) {
  return h("p", {class: `hint as-of${answer.kept ? " as-of--kept" : ""}`, id: "as-of"},
    t(answer.kept ? "crew.as_of_kept" : "crew.as_of", {when: formatDate(answer.as_of, true)}));
}

/**
 * The phone's maps app (geo: link), and a web map for phones without one:
 * directions from here when the phone knows where it is.
 */
export function navigateLinks(point, from, name) {
  if (!point) return null;
  const web = from ? link("directions_url", {from: `${from.lat},${from.lon}`, to: `${point.lat},${point.lon}`})
    : link("place_url", {lat: point.lat, lon: point.lon});
  return h("p", {class: "navigate"},
    h("a", {class: "button button--secondary navigate__app",
      href: `geo:${point.lat.toFixed(6)},${point.lon.toFixed(6)}`,
      "aria-label": t("crew.navigate_to", {name})}, t("crew.navigate")), " ",
    h("a", {class: "navigate__web", href: web, rel: "noopener", target: "_blank",
      "aria-label": t("crew.web_map_to", {name})}, t("crew.web_map")));
}

export {summaryRow as row} from "../dom.js";
