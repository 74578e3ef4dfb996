// The planning register's sync at the desk (/staff/planning/sync): whether the
// register answered its last run, when residents' copy was last complete and
// how old it is, what the last run asked (requests, weekly lists, applications
// new and changed, those we could not place on the map) and the warnings kept:
// pages of a shape the sync does not read, an application without a value
// every application has (its status...), error pages, the register away.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDate, lang, t, tCount} from "../i18n.js";
import {summaryRow} from "./common.js";
import {ageText} from "./meetings-sync.js";

function overview(health) {
  const run = health.last_run;
  const state = !health.configured ? "none" : health.stale || run?.stopped ? "down" : "up";
  return [h("p", {class: "body", id: "plansync-state", role: "status"},
    h("strong", {class: `tag ${state === "up" ? "tag--green" : "tag--red"}`}, t(`staff.meetsync.state_${state}`)), " ",
    t(`staff.plansync.said_${state}`)),
  h("dl", {class: "summary-list", id: "plansync-summary"},
    summaryRow(t("staff.meetsync.last_good"), health.synced_at ? formatDate(health.synced_at, true) : t("staff.meetsync.never")),
    summaryRow(t("staff.meetsync.age"), health.age_s == null ? t("staff.meetsync.never") : ageText(health.age_s)),
    summaryRow(t("staff.meetsync.last_run"), run ? t(run.stopped ? "staff.plansync.run_stopped" : "staff.plansync.run_row", {
      when: formatDate(run.at, true), requests: tCount("staff.plansync.requests", run.calls),
      lists: tCount("staff.plansync.lists", run.lists), new: run.new, changed: run.changed,
      unplaced: run.unplaced, why: t(`staff.plansync.kind.${run.stopped || "changed"}`)}) : t("staff.meetsync.no_runs")))];
}

function warnings(health) {
  if (!health.warnings.length) return h("p", {class: "body", id: "plansync-warnings"}, t("staff.plansync.no_warnings"));
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "plansync-warnings"},
    h("caption", {class: "table__caption"}, t("staff.plansync.warnings_caption")),
    h("thead", {}, h("tr", {}, ["at", "what", "kind"].map(c => h("th", {scope: "col"}, t(`staff.plansync.col_${c}`))))),
    h("tbody", {}, health.warnings.map(w => h("tr", {},
      h("td", {}, formatDate(w.at, true)), h("td", {}, w.what), h("td", {}, happened(w)))))));
}

// What happened, in words; an application that came without a value every application has names it.
function happened(warning) {
  const values = (warning.missing || []).map(v => t(`staff.plansync.value.${v}`));
  return t(`staff.plansync.kind.${warning.kind}`, {values: new Intl.ListFormat(lang(), {type: "conjunction"}).format(values)});
}

async function draw(box) {
  clear(box);
  let health;
  try {
    health = await api("/v1/staff/planning/health");
  } catch (error) {
    return append(box, h("p", {class: "body", id: "plansync-state"}, errorsOf(error)[0].message));
  }
  append(box, ...overview(health), warnings(health),
    button(t("staff.meetsync.again"), {type: "button", secondary: true, onclick: () => draw(box)}));
}

export async function render(view) {
  const box = h("div", {id: "plansync-health"});
  append(view, h("h1", {class: "heading-l"}, t("staff.plansync.title")), h("p", {class: "body"}, t("staff.plansync.lead")), box);
  await draw(box);
}
