// A report's history for staff: the audit trail (every change, who, when,
// each field before and after; every reading of a person's details, and why)
// and, when someone saved first, the two versions side by side with the
// change I was making.
import {h} from "../dom.js";
import {formatDate, formatDay, t, tOr} from "../i18n.js";
import {channelLabel, priorityLabel, stateLabel, teamName} from "./common.js";
import {KEYS} from "./inspect.js";

/** A value as a person reads it. */
export function shown(key, value, lists) {
  if (key === "team") return teamName(lists.teams, value);
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) {
    return t("staff.none");
  }
  switch (key) {
    case "status": return stateLabel(value);
    case "priority": return priorityLabel(value);
    case "service_code": return (lists.services.find(s => s.service_code === value) || {}).name || value;
    case "due": return formatDay(value);
    case "template": return (lists.templates.find(x => x.id === value) || {}).title || value;
    case "channel": return channelLabel(value);
    case "private": return t(value ? "staff.yes" : "staff.no");
    case "location": return `${Number(value.lat).toFixed(5)}, ${Number(value.lon).toFixed(5)}`;
    default:
      if (typeof value === "boolean") return t(value ? "staff.yes" : "staff.no");
      if (Array.isArray(value)) return value.join(", ");
      if (typeof value === "object") return Object.entries(value).map(([k, v]) => `${k}: ${shown(k, v, lists)}`).join("; ");
      return String(value);
  }
}

function fieldName(key) {
  return tOr(`staff.field.${key}`, key);
}

export function auditTrail(entries, lists) {
  if (!entries.length) return h("p", {class: "body", id: "audit"}, t("staff.audit.empty"));
  return h("ol", {class: "timeline audit", id: "audit", reversed: true}, [...entries].reverse().map(entry =>
    h("li", {class: "timeline__item"},
      h("h3", {class: "heading-s timeline__title"}, tOr(`staff.audit.${entry.action}`, entry.action)),
      h("p", {class: "timeline__date"}, t("staff.audit.by", {when: formatDate(entry.at, true), who: entry.by})),
      entry.reason ? h("p", {class: "body audit__reason"}, t("staff.audit.reason", {reason: entry.reason})) : null,
      h("dl", {class: "audit__changes"}, Object.entries(entry.changes || {}).map(([key, change]) =>
        h("div", {class: "audit__change"}, h("dt", {}, fieldName(key)),
          h("dd", {}, change.before === null || change.before === undefined
            ? shown(key, change.after, lists)
            : t("staff.audit.from_to", {before: shown(key, change.before, lists),
                                        after: shown(key, change.after, lists)}))))))));
}

/**
 * Someone saved first: for each field they or I changed, the report as I
 * read it, as it is now, and what I am changing it to.
 */
export function conflictPanel(read, now, mine, lists) {
  if ("lat" in mine) mine = {...mine, location: {lat: mine.lat, lon: mine.lon}};
  const keys = [...KEYS, "fields", "location"].filter(key => key in mine
    || JSON.stringify(read[key] ?? "") !== JSON.stringify(now[key] ?? ""));
  const cell = (key, value) => h("td", {}, key === "fields" ? shown("fields", value, lists) : shown(key, value, lists));
  const texts = ["public_update", "template", "internal_note"].filter(key => key in mine);
  return h("div", {class: "conflict", id: "conflict", tabindex: "-1", role: "alert", "aria-labelledby": "conflict-title"},
    h("h2", {class: "heading-m conflict__title", id: "conflict-title"}, t("staff.conflict.title")),
    h("p", {class: "body"}, t("staff.conflict.lead")),
    h("div", {class: "table-wrap"}, h("table", {class: "table", id: "conflict-table"},
      h("caption", {class: "visually-hidden"}, t("staff.conflict.caption")),
      h("thead", {}, h("tr", {}, ["field", "read", "now", "mine"].map(k => h("th", {scope: "col"}, t(`staff.conflict.${k}`))))),
      h("tbody", {}, keys.map(key => h("tr", {},
        h("th", {scope: "row"}, fieldName(key)), cell(key, read[key]), cell(key, now[key]),
        key in mine ? cell(key, mine[key]) : h("td", {}, t("staff.conflict.unchanged")))),
      texts.map(key => h("tr", {}, h("th", {scope: "row"}, fieldName(key)), h("td", {}, t("staff.none")),
        h("td", {}, t("staff.none")), cell(key, mine[key])))))),
    h("p", {class: "body"}, t("staff.conflict.next")));
}
