// Passing a report to another council of this service (issue 70): back to the council it was made with,
// or on to another whose area holds its place (report.pass_to, from the API). The holder's officer says
// why, once; the report is that council's from then on, so the desk goes back to the list.
import {api} from "../api.js";
import {h} from "../dom.js";
import {button, choices, Invalid, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";

/** The section for `report` when there is a council to pass it to; else none. */
export function passSection(report, done) {
  const to = report.pass_to || [];
  if (!to.length) return [];
  const back = to.length === 1 && to[0].made_here ? to[0] : null;  // the one way: back where it was made
  const form = h("form", {novalidate: true, id: "pass-back", class: "inset"},
    back ? h("p", {class: "body"}, t("staff.pass.lead", {council: back.name}))
      : h("p", {class: "body"}, t("staff.pass.lead_on")),
    back ? null : choices({field: "pass_to", legend: t("staff.pass.to"), options: to.map(c => ({
      value: c.council, label: c.name, hint: c.made_here ? t("staff.pass.made_here") : undefined}))}),
    // pass_reason: the moderation form on the same page has a field "reason" (ids come from field names)
    textarea({field: "pass_reason", label: t("staff.pass.reason"), hint: t("staff.pass.hint"), rows: 2,
      maxlength: "500"}),
    button(back ? t("staff.pass.button", {council: back.name}) : t("staff.pass.button_on"), {secondary: true}));
  const named = {to: "pass_to", reason: "pass_reason"};
  onSubmit(form, form, async () => {
    // The checked one (a lone radio's .value is its value, checked or not).
    const chosen = back || to.find(c => c.council === form.querySelector("input[name=pass_to]:checked")?.value);
    if (!chosen) throw new Invalid([{field: "pass_to", message: t("staff.pass.to_required")}]);
    try {
      await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/pass`, {method: "POST",
        body: {to: chosen.council, reason: form.elements.pass_reason.value.trim()},
        headers: {"If-Match": `"${report.version}"`}});
    } catch (error) {
      if (error.fields) error.fields = error.fields.map(f => ({...f, field: named[f.field] || f.field}));
      throw error;
    }
    done(chosen.name);
  }, {pass_reason: t("staff.pass.reason"), pass_to: t("staff.pass.to")});
  return [h("h2", {class: "heading-m"}, back ? t("staff.pass.title") : t("staff.pass.title_on")), form];
}
