// Forms at the desk. /staff/forms: every form, where its cases are (the inbox, by its category) and its
// submissions as CSV. And a form's case (report.js draws it with these, once the officer has said why): its
// form, the answers question by question, each file opened through a link made for the officer (audited with
// the case's reason), and none of a street's controls.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {pounds} from "../screens/bulky.js";
import {summaryRow as row} from "./common.js";
import {why} from "./reasons.js";

const kb = size => Math.max(1, Math.round(size / 1024));

/** A file of the case: a button that asks for its link (with the reason the case was opened for: audited),
 *  then saves it (the link works for a minute). */
function fileButton(reportId, file, status, audited, reason) {
  const name = file.name || t("staff.form_case.unnamed");
  return button(t("staff.form_case.open", {name, kb: kb(file.size)}), {type: "button", secondary: true,
    class: "button button--secondary button--small", dataset: {file: file.id}, onclick: async () => {
      try {
        const link = await api(`/v1/staff/reports/${encodeURIComponent(reportId)}/form-files/${encodeURIComponent(file.id)}`,
          {method: "POST", body: {}, headers: why(reason)});
        status.textContent = t("staff.form_case.opened", {name: link.name});
        location.assign(link.url);
        await audited();
      } catch (error) {
        status.textContent = errorsOf(error)[0].message;
      }
    }});
}

/** The answers sent, page by page, question by question. */
function answers(report, desk, audited, reason) {
  const status = h("p", {class: "hint", role: "status", id: "form-file-status"});
  if (desk.deleted) return [h("p", {class: "body", id: "form-answers"}, t("staff.form_case.deleted"))];
  return [h("div", {id: "form-answers"}, desk.pages.map(page => [
    page.title ? h("h3", {class: "heading-s"}, page.title) : null,
    h("dl", {class: "summary-list"}, page.questions.map(q => row(q.label, q.files
      ? h("ul", {class: "list"}, q.files.map(f => h("li", {}, fileButton(report.id, f, status, audited, reason))))
      : q.answer)))])), status];
}

/** What report.js shows of a form's case in place of a street report's details. */
export function formCaseDetails(report, desk, lists, drawn) {
  const contact = report.contact || {};
  return [
    h("dl", {class: "summary-list", id: "report-details"}, drawn.standing(report, lists),
      row(t("staff.form_case.form"), desk.title || desk.form_id, ` (${desk.reference})`),
      row(t("staff.report.received"), formatDate(report.created_at, true)),
      row(t("staff.report.reporter"), [contact.name, contact.email, contact.phone].filter(Boolean).join(", ")
        || t("staff.none")),
      desk.paid ? row(t("staff.form_case.paid"), t("staff.form_case.paid_value", {amount: pounds(desk.paid.amount),
        id: desk.paid.payment_id})) : null),
    h("p", {class: "inset", id: "form-case-private"}, t("staff.form_case.private")),
    h("h2", {class: "heading-m"}, t("staff.form_case.answers")), ...answers(report, desk, drawn.audited, drawn.reason),
    drawn.notes(report),
  ];
}

/** The CSV of a form's submissions, fetched with the officer's session and saved under its own name. */
async function download(form, status) {
  try {
    const text = await api(`/v1/staff/forms/${encodeURIComponent(form.id)}/submissions.csv`,
      {headers: {Accept: "text/csv"}});
    const a = h("a", {href: URL.createObjectURL(new Blob([text], {type: "text/csv"})),
      download: `${form.id}-submissions.csv`});
    document.body.append(a);
    a.click();
    a.remove();
    status.textContent = t("staff.forms.downloaded", {title: form.title});
  } catch (error) {
    status.textContent = errorsOf(error)[0].message;
  }
}

export async function render(view) {
  const status = h("p", {class: "body", role: "status", id: "forms-status"});
  append(view, h("h1", {class: "heading-l"}, t("staff.forms.title")), h("p", {class: "body"}, t("staff.forms.lead")),
    status);
  let forms;
  try {
    forms = (await api("/v1/staff/forms")).forms;
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const cols = ["form", "state", "team", "cases", "csv"];
  append(view, h("div", {class: "table-wrap"}, h("table", {class: "table", id: "forms"},
    h("caption", {class: "visually-hidden"}, t("staff.forms.title")),
    h("thead", {}, h("tr", {}, cols.map(k => h("th", {scope: "col"}, t(`staff.forms.${k}`))))),
    h("tbody", {}, forms.map(f => h("tr", {dataset: {form: f.id}},
      h("th", {scope: "row"}, f.title, h("span", {class: "hint"}, ` ${f.id}`)),
      h("td", {}, t(`staff.forms.state_${f.state}`), f.published ? ` (v${f.published})` : ""),
      h("td", {}, f.team || ""),
      h("td", {}, f.category ? h("a", {href: `/staff?service_code=${encodeURIComponent(f.category)}&status=all`},
        t("staff.forms.cases_of", {title: f.title})) : t("staff.forms.no_cases")),
      h("td", {}, f.kind === "form" ? button(t("staff.forms.csv_of", {title: f.title}), {type: "button",
        secondary: true, class: "button button--secondary button--small", onclick: () => download(f, status)})
        : "")))))));
}
