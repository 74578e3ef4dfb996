// What the staff screens share: the lists they choose from (categories with
// staff-only ones, teams, templates, wards), state and priority words, and
// the small marks an inbox line and a report both show.
import {api} from "../api.js";
import {h} from "../dom.js";
import {formatDay, t, tOr} from "../i18n.js";

export const STATES = ["open", "investigating", "action_scheduled", "in_progress", "fixed", "closed", "duplicate",
                       "not_responsible", "unable_to_fix", "no_further_action"];
export const PRIORITIES = ["low", "normal", "high", "urgent"];
export const CHANNELS = ["phone", "face_to_face", "letter", "email"];
export const LAST = "doorstep.inbox";  // the inbox's filters last used in this tab

const kept = {};

/** One read per page load of a list that rarely changes (a reload reads it again). */
function once(name, read) {
  if (!kept[name]) kept[name] = read().catch(error => { delete kept[name]; throw error; });
  return kept[name];
}

/** Categories as staff see them (staff-only ones included): a signed-in read, not the resident's copy. */
export function staffServices() {
  return once("services", async () => (await api("/v1/services")).services);
}

export function teams() {
  return once("teams", async () => (await api("/v1/staff/teams")).teams);
}

/** Wards with reports (the public figures name them): the wards an inbox filter can find. */
export function wards() {
  return once("wards", async () => (await api("/v1/stats")).wards.map(w => ({id: w.id, name: w.name})));
}

/** Templates are edited on their own screen: always read afresh. */
export async function templates() {
  return (await api("/v1/staff/templates")).templates;
}

export function stateLabel(state) {
  return tOr(`status.${state}`, state);
}

export function priorityLabel(priority) {
  return t(`staff.priority.${priority || "normal"}`);
}

export function channelLabel(channel) {
  return t(`staff.channel.${channel}`);
}

export function priorityTag(priority) {
  const colour = {urgent: "tag--red", high: "tag--yellow", low: "tag--grey"}[priority] || "tag--blue";
  return h("strong", {class: `tag ${colour}`}, priorityLabel(priority));
}

/** The due date, flagged when it has passed with the report still open. */
export function dueText(item) {
  if (!item.due) return t("staff.due.none");
  return [formatDay(item.due), item.overdue ? [" ", h("strong", {class: "tag tag--red"}, t("staff.due.overdue"))]
    : null];
}

/** Which rule made the due date, in the rule's own words; or that an officer set it by hand. */
export function dueRule(item) {
  if (item.due_rule) return [" ", h("span", {class: "hint", id: "due-rule"}, t("staff.due.rule", {rule: item.due_rule}))];
  return item.due && item.due_source === "staff" ? [" ", h("span", {class: "hint", id: "due-rule"}, t("staff.due.by_hand"))] : null;
}

export function teamName(list, id) {
  if (!id) return t("staff.team.none");
  return (list.find(x => x.id === id) || {}).name || id;
}

export {summaryRow} from "../dom.js";

/** A select's options: [{value, label}] with an "any" or "none" first when `first` is given. */
export function options(list, first) {
  return [...(first ? [{value: "", label: first}] : []), ...list];
}

/** A table with its caption for screen readers and a column head for each of `headings` (words already read). */
export function dataTable(id, caption, headings, rows) {
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id},
    h("caption", {class: "visually-hidden"}, caption),
    h("thead", {}, h("tr", {}, headings.map(words => h("th", {scope: "col"}, words)))),
    h("tbody", {}, rows.map(cells => h("tr", {}, cells.map(c => h("td", {}, c)))))));
}

/** {API field: its question's words} for every field of the form, word rows added since it was drawn too. */
export function labelsOf(form) {
  return Object.fromEntries([...form.querySelectorAll("[data-field]")].flatMap(group => {
    const words = (group.querySelector("legend, label")?.textContent || "").replace(` ${t("form.optional")}`, "");
    return group.dataset.field.split(" ").map(field => [field, words]);
  }));
}
