// The landlords desk's lookup: a landlord organisation read for a caller with
// a reason (written to the landlord's audit before anything is read): its
// members and their roles, its audit with people by name, and the changes it
// reported. The creditor reference travels in a POST body, never in this
// page's address.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, input, onSubmit, textarea} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {dataTable, summaryRow} from "./common.js";

function table(id, caption, columns, rows) {
  return dataTable(id, caption, columns.map(k => t(`staff.ll.col_${k}`)), rows);
}

function what(a) {
  const role = a.role ? t(`staff.ll.role_${a.role}`) : "";
  return t(`staff.ll.action_${a.action}`, {user: a.user_name || "", role});
}

function change(c) {
  const state = c.state === "taken" ? t("staff.ll.change_taken", {reference: c.back_office_reference})
    : t(c.state === "refused" || c.state === "failed" ? `staff.ll.change_${c.state}` : "staff.ll.change_waiting");
  return [c.id, c.claim_ref, t(`staff.ll.change_${(c.details || {}).change}`), formatDay((c.details || {}).date), state];
}

function drawn(found) {
  const members = found.members.map(m => [m.name, m.invited ? t("staff.ll.invited") : (m.email || ""),
    t(`staff.ll.role_${m.role}`), formatDate(m.added_at, true)]);
  return [h("h2", {class: "heading-m"}, found.name),
    h("dl", {class: "summary-list", id: "landlord-found"},
      summaryRow(t("staff.ll.creditor"), found.creditor_ref),
      summaryRow(t("staff.ll.state"), t(`staff.ll.state_${found.state}`)),
      summaryRow(t("staff.ll.since"), formatDate(found.registered_at, true))),
    h("h3", {class: "heading-s"}, t("staff.ll.members")),
    table("landlord-members", t("staff.ll.members"), ["name", "email", "role", "added"], members),
    h("h3", {class: "heading-s"}, t("staff.ll.audit")),
    table("landlord-audit", t("staff.ll.audit"), ["when", "what", "by", "detail"],
      found.audit.map(a => [formatDate(a.at, true), what(a), a.by_name, a.detail || ""])),
    h("h3", {class: "heading-s"}, t("staff.ll.changes")),
    found.changes.length ? table("landlord-changes", t("staff.ll.changes"),
      ["reference", "claim", "change", "date", "where"], found.changes.map(change))
      : h("p", {class: "body", id: "landlord-changes"}, t("staff.ll.no_changes"))];
}

export function lookup(view) {
  const result = h("div", {id: "landlord-lookup"});
  const labels = {creditor_ref: t("staff.ll.creditor"), reason: t("staff.ll.why")};
  const form = h("form", {novalidate: true, id: "landlord-lookup-form"},
    input({field: "creditor_ref", label: labels.creditor_ref, hint: t("staff.ll.creditor_hint"), autocomplete: "off",
      autocapitalize: "characters", spellcheck: "false", class: "input input--width-10"}),
    textarea({field: "reason", label: labels.reason, hint: t("staff.ll.why_hint"), rows: 2, maxlength: "300"}),
    button(t("staff.ll.look_up")));
  onSubmit(form, view, async () => {
    clear(result);
    append(result, ...drawn(await api("/v1/staff/landlords/lookups", {method: "POST",
      body: {creditor_ref: form.elements.creditor_ref.value.trim(), reason: form.elements.reason.value}})));
  }, labels);
  return [h("h2", {class: "heading-m"}, t("staff.ll.lookup")), h("p", {class: "body"}, t("staff.ll.lookup_lead")),
    form, result];
}
