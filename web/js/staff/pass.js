// Passing a report back to the council of this service it was made with (issue 70): the holder's
// officer says why, once; the report is that council's from then on, so the desk goes back to the list.
import {api} from "../api.js";
import {h} from "../dom.js";
import {button, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";

/** The section for `report` made at another council's site (report.site), not passed before; else none. */
export function passSection(report, done) {
  if (!report.site || report.passed) return [];
  const name = report.site.name;
  const form = h("form", {novalidate: true, id: "pass-back", class: "inset"},
    h("p", {class: "body"}, t("staff.pass.lead", {council: name})),
    // pass_reason: the moderation form on the same page has a field "reason" (ids come from field names)
    textarea({field: "pass_reason", label: t("staff.pass.reason"), hint: t("staff.pass.hint"), rows: 2,
      maxlength: "500"}),
    button(t("staff.pass.button", {council: name}), {secondary: true}));
  onSubmit(form, form, async () => {
    try {
      await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/pass`, {method: "POST",
        body: {to: report.site.council, reason: form.elements.pass_reason.value.trim()},
        headers: {"If-Match": `"${report.version}"`}});
    } catch (error) {
      if (error.fields) error.fields = error.fields.map(f => ({...f, field: f.field === "reason" ? "pass_reason" : f.field}));
      throw error;
    }
    done(name);
  }, {pass_reason: t("staff.pass.reason")});
  return [h("h2", {class: "heading-m"}, t("staff.pass.title")), form];
}
