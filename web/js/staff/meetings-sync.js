// The committee system's sync at the desk (/staff/meetings/sync): when the
// council's Modern.gov last answered and how old residents' copy is, each
// source's failures in a row and what the system answered when it failed (a
// firewall's page, a time out...), when the next run asks, and the meetings
// whose agenda items' tags staff can correct (meeting-tags.js), and the forthcoming
// decisions' (forthcoming-tags.js).
import {api, query} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {summaryRow} from "./common.js";

const SOURCES = ["committees", "meetings", "agendas", "papers", "forward_plan", "decisions"];

/** "40 minutes", "3 hours", "2 days": how long ago, in the largest whole unit. */
export function ageText(seconds) {
  if (seconds < 3600) return tCount("staff.meetsync.minutes", Math.floor(seconds / 60));
  if (seconds < 2 * 86400) return tCount("staff.meetsync.hours", Math.floor(seconds / 3600));
  return tCount("staff.meetsync.days", Math.floor(seconds / 86400));
}

function answered(s) {
  if (!s.failure) return t("staff.meetsync.answered_ok");
  // The adapter's own note (s.detail) is for developers: staff read what came back in the catalogue's words.
  if (s.answered === "http_status" && s.status) return t("staff.meetsync.answered.http_status_code", {status: s.status});
  return s.answered ? t(`staff.meetsync.answered.${s.answered}`) : t(`staff.meetsync.failure.${s.failure}`);
}

function sources(health) {
  const names = [...SOURCES.filter(n => health.sources[n]), ...Object.keys(health.sources).filter(n => !SOURCES.includes(n))];
  if (!names.length) return h("p", {class: "body", id: "meetsync-sources"}, t("staff.meetsync.no_runs"));
  const cols = ["source", "ok", "failures", "failed", "answered", "skipped"];
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "meetsync-sources"},
    h("caption", {class: "table__caption"}, t("staff.meetsync.sources_caption")),
    h("thead", {}, h("tr", {}, cols.map(c => h("th", {scope: "col"}, t(`staff.meetsync.col_${c}`))))),
    h("tbody", {}, names.map(name => {
      const s = health.sources[name];
      return h("tr", {dataset: {source: name}},
        h("th", {scope: "row"}, t(`staff.meetsync.source.${name}`)),
        h("td", {}, s.ok_at ? t("staff.meetsync.ok_row", {when: formatDate(s.ok_at, true), age: ageText(s.age_s)})
          : t("staff.meetsync.never")),
        h("td", {}, s.failures ? h("strong", {class: "tag tag--red"}, String(s.failures)) : "0"),
        h("td", {}, s.failed_at ? formatDate(s.failed_at, true) : t("staff.meetsync.never")),
        h("td", {}, answered(s)),
        h("td", {}, String(s.rows_skipped)));
    }))));
}

function overview(health) {
  const run = health.last_run;
  const state = !health.configured ? "none" : health.stale || run?.stopped ? "down" : "up";
  return [h("p", {class: "body", id: "meetsync-state", role: "status"},
    h("strong", {class: `tag ${state === "up" ? "tag--green" : "tag--red"}`}, t(`staff.meetsync.state_${state}`)), " ",
    t(`staff.meetsync.said_${state}`)),
  h("dl", {class: "summary-list", id: "meetsync-summary"},
    summaryRow(t("staff.meetsync.last_good"), health.synced_at ? formatDate(health.synced_at, true) : t("staff.meetsync.never")),
    summaryRow(t("staff.meetsync.age"), health.age_s == null ? t("staff.meetsync.never") : ageText(health.age_s)),
    summaryRow(t("staff.meetsync.next"), health.next_try_by ? t("staff.meetsync.next_row", {
      when: formatDate(health.next_try_by, true)}) : t("staff.meetsync.never")),
    summaryRow(t("staff.meetsync.last_run"), run ? t(run.stopped ? "staff.meetsync.run_stopped" : "staff.meetsync.run_row", {
      when: formatDate(run.at, true), calls: run.calls, changed: run.changed}) : t("staff.meetsync.no_runs")))];
}

async function drawHealth(box) {
  clear(box);
  let health;
  try {
    health = await api("/v1/staff/meetings/health");
  } catch (error) {
    return append(box, h("p", {class: "body", id: "meetsync-state"}, errorsOf(error)[0].message));
  }
  append(box, ...overview(health), sources(health),
    button(t("staff.meetsync.again"), {type: "button", secondary: true, onclick: () => drawHealth(box)}));
}

async function meetings(box) {
  let answer;
  try {
    answer = await api(`/v1/meetings?${query({when: "ahead", limit: 20})}`);
  } catch (error) {
    return append(box, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const shown = answer.meetings.filter(m => m.agenda_published && !m.cancelled);
  if (!shown.length) return append(box, h("p", {class: "body", id: "meetsync-meetings"}, t("staff.meetsync.no_agendas")));
  append(box, h("ul", {class: "list", id: "meetsync-meetings"}, shown.map(m => h("li", {},
    h("a", {class: "desk-target", href: `/staff/meetings/${encodeURIComponent(m.id)}/tags`},
      t("staff.meetsync.meeting_link", {committee: m.committee_title, day: formatDay(m.date)}))))));
}

export async function render(view) {
  const box = h("div", {id: "meetsync-health"});
  const list = h("div", {});
  append(view, h("h1", {class: "heading-l"}, t("staff.meetsync.title")),
    h("p", {class: "body"}, t("staff.meetsync.lead")), box,
    h("h2", {class: "heading-m"}, t("staff.meetsync.tags_title")),
    h("p", {class: "body"}, t("staff.meetsync.tags_lead")), list,
    h("p", {class: "body"}, h("a", {class: "desk-target", href: "/staff/meetings/forthcoming-tags", id: "meetsync-plan"},
      t("staff.meetsync.plan_link"))));
  await Promise.all([drawHealth(box), meetings(list)]);
}
