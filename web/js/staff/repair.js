// One repair at the desk (/staff/repairs/RP-...): what the tenant reported,
// each clock in words, and the desk's steps: a priority changed with a reason,
// a team sent, the inspection and its written summary, a second contractor, a
// follow-on job, the close with what was done (the compensation shown when
// owed). The tenant's contact and access notes and the home's other repairs
// are read once the officer says why (reasons.js; the API audits each reading).
// Every change names the repair's version as read.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {Invalid, button, errorsOf, input, onSubmit, select, textarea} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";
import {redraw} from "../navigation.js";
import {summaryRow, teams} from "./common.js";
import {reasonFor, reasonForm, why} from "./reasons.js";

const PRIORITIES = ["emergency", "urgent", "routine"];

function facts(r) {
  const access = Object.entries(r.access || {}).map(([k, v]) => `${tOr(`staff.repairs.access.${k}`, k)}: ${v}`);
  return h("dl", {class: "summary-list", id: "repair-facts"},
    summaryRow(t("staff.repairs.th.address"), r.address),
    summaryRow(t("staff.repairs.what"), `${r.location} · ${r.problem} · ${r.issue}`),
    summaryRow(t("staff.repairs.description"), r.description || ""),
    r.contact_withheld ? null : summaryRow(t("staff.repairs.contact"),
      [r.contact?.name, r.contact?.phone].filter(Boolean).join(", ")),
    r.contact_withheld ? null : summaryRow(t("staff.repairs.access_notes"),
      access.join("; ") || t("staff.repairs.none_given")),
    summaryRow(t("staff.repairs.th.priority"), tOr(`staff.repairs.priority.${r.priority}`, r.priority)),
    summaryRow(t("staff.repairs.team"), r.team || t("staff.repairs.no_team")),
    summaryRow(t("staff.repairs.status"), tOr(`staff.repairs.state.${r.status}`, r.status)),
    summaryRow(t("staff.repairs.aware"), formatDate(r.aware_at, true)),
    r.summary ? summaryRow(t("staff.repairs.summary"), r.summary) : null,
    r.done_what ? summaryRow(t("staff.repairs.done_what"), r.done_what) : null,
    r.block ? summaryRow(t("staff.repairs.me_too"), String(r.me_too ?? 0)) : null);
}

function form(id, view, fields, label, send) {
  const f = h("form", {novalidate: true, id}, ...fields, button(label, {secondary: id !== "repair-done"}));
  onSubmit(f, view, () => send(f));
  return f;
}

function required(f, name, key) {
  const value = f.elements[name].value.trim();
  if (!value) throw new Invalid([{field: name, message: t(key)}]);
  return value;
}

function steps(view, r, change, teamList) {
  if (["done", "cancelled"].includes(r.status)) return [];
  return [
    h("h2", {class: "heading-m"}, t("staff.repairs.priority_h")),
    form("repair-priority", view, [
      select({field: "priority", label: t("staff.repairs.th.priority"), value: r.priority,
        options: PRIORITIES.map(p => ({value: p, label: t(`staff.repairs.priority.${p}`)}))}),
      input({field: "reason", label: t("staff.repairs.reason"), maxlength: "300", autocomplete: "off"})],
    t("staff.repairs.priority_go"), f => change("priority", {priority: f.elements.priority.value,
      reason: required(f, "reason", "staff.repairs.reason_required")})),
    h("h2", {class: "heading-m"}, t("staff.repairs.assign_h")),
    form("repair-assign", view, [
      select({field: "team", label: t("staff.repairs.team"), value: r.team || teamList[0]?.id,
        options: teamList.map(x => ({value: x.id, label: x.name}))}),
      textarea({field: "instructions", label: t("staff.repairs.instructions"), optional: true, rows: 2})],
    t("staff.repairs.assign_go"), f => change("assign", {team: f.elements.team.value,
      instructions: f.elements.instructions.value.trim() || undefined})),
    r.investigated_at ? null : h("h2", {class: "heading-m"}, t("staff.repairs.inspection_h")),
    r.investigated_at ? null : form("repair-inspection", view, [
      textarea({field: "summary", label: t("staff.repairs.summary"), hint: t("staff.repairs.summary_hint"), rows: 5})],
    t("staff.repairs.inspection_go"), f => change("inspection", {summary: required(f, "summary",
      "staff.repairs.summary_required")})),
    h("h2", {class: "heading-m"}, t("staff.repairs.more_h")),
    form("repair-second", view, [h("p", {class: "body"}, t("staff.repairs.second_lead"))], t("staff.repairs.second_go"),
      () => change("second-contractor", {})),
    form("repair-follow-on", view, [
      input({field: "follow_on", label: t("staff.repairs.follow_on"), maxlength: "500", autocomplete: "off"})],
    t("staff.repairs.follow_on_go"), f => change("follow-on", {what: required(f, "follow_on",
      "staff.repairs.follow_on_required")}, {"Idempotency-Key": crypto.randomUUID()})),
    h("h2", {class: "heading-m"}, t("staff.repairs.done_h")),
    form("repair-done", view, [textarea({field: "what", label: t("staff.repairs.done_what"), rows: 2})],
      t("staff.repairs.done_go"), f => change("done", {what: required(f, "what", "staff.repairs.done_required")}))];
}

async function history(box, home, id, reason) {
  try {
    const found = await api(`/v1/staff/repairs/homes/${encodeURIComponent(home)}`, {headers: why(reason)});
    const others = found.repairs.filter(x => x.id !== id);
    append(box, others.length ? h("ul", {class: "list"}, others.map(x => h("li", {},
      h("a", {href: `/staff/repairs/${x.id}`}, x.id), ` ${formatDate(x.created_at)} · ${x.description} · `,
      tOr(`staff.repairs.state.${x.status}`, x.status)))) : h("p", {class: "body"}, t("staff.repairs.no_history")));
  } catch (error) {
    append(box, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}

async function show(view, id, said, reason = reasonFor(id)) {
  const r = await api(`/v1/staff/repairs/${id}`, {headers: reason === null ? {} : why(reason)});
  const teamList = await teams().catch(() => []);
  const change = async (step, body, headers = {}) => {
    const done = await api(`/v1/staff/repairs/${id}/${step}`, {method: "POST", body,
      headers: {"If-Match": `"${r.seq}"`, ...headers}});
    if (step === "follow-on") return show(view, id, t("staff.repairs.follow_on_made", {id: done.id}));
    return show(view, id, t(`staff.repairs.said.${step}`));
  };
  const past = h("div", {id: "repair-history"});
  const asked = r.contact_withheld ? reasonForm({id, formId: "tenant-reason", lead: t("staff.repairs.why_lead"),
    label: t("staff.repairs.show_tenant"), open: given => show(view, id, t("staff.repairs.tenant_shown"), given)})
    : null;
  redraw(view, h("h1", {class: "heading-l"}, t("staff.repairs.one_title", {id})),
    said ? h("div", {class: "notice", role: "status", id: "repair-said"}, said) : null,
    r.compensation_text ? h("p", {class: "body", id: "repair-compensation"}, h("strong", {}, r.compensation_text)) : null,
    facts(r), asked,
    h("h2", {class: "heading-m"}, t("staff.repairs.dates_h")),
    h("ul", {class: "list", id: "repair-dates"}, r.dates.map(d => h("li", {}, d.by
      ? t("staff.repairs.by_rule", {text: d.text, by: d.by}) : d.text))),
    r.compensation_so_far_text ? h("p", {class: "body", id: "repair-owed"}, r.compensation_so_far_text) : null,
    ...steps(view, r, change, teamList),
    h("h2", {class: "heading-m"}, t("staff.repairs.history_h")), past,
    h("p", {class: "body"}, h("a", {href: "/staff/repairs"}, t("staff.repairs.back"))));
  if (reason === null) return append(past, h("p", {class: "body"}, t("staff.repairs.history_after_why")));
  await history(past, r.home, id, reason);
}

export async function render(view, context) {
  const id = context.path.split("/").pop();
  const box = h("div", {});
  append(view, box);
  try {
    await show(box, id);
  } catch (error) {
    clear(box);
    append(box, h("h1", {class: "heading-l"}, t("staff.repairs.one_title", {id})),
      h("p", {class: "body", role: "alert"}, errorsOf(error)[0].message));
  }
}
