// What an officer needs to answer a caller about their council tax, from one lookup:
// the year's plan, the payments, the bills and letters (each opened for the caller,
// audited with the document), the benefit claims, and a lock others' wrong tries put
// on linking, which the officer can lift for the caller (audited). The reason given
// for the lookup goes with each opening and lift, so the audit says why.
import {api} from "../api.js";
import {h} from "../dom.js";
import {button, clearErrors, errorsOf, showErrors} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {savePdf} from "../save-pdf.js";
import {dataTable} from "./common.js";
import {money} from "./payments.js";

function table(id, caption, columns, rows) {
  return dataTable(id, caption, columns.map(k => t(`staff.ctax.col_${k}`)), rows);
}

function plan(found) {
  return [h("h3", {class: "heading-s"}, t("staff.ctax.plan")), found.instalments.length
    ? table("ctax-plan", t("staff.ctax.plan"), ["due", "amount", "dd"], found.instalments.map(i =>
      [formatDay(i.due), money(i.amount), t(i.direct_debit ? "staff.yes" : "staff.no")]))
    : h("p", {class: "body"}, t("staff.ctax.no_plan"))];
}

function payments(found) {
  return [h("h3", {class: "heading-s"}, t("staff.ctax.payments")), found.payments.length
    ? table("ctax-payments", t("staff.ctax.payments"), ["paid", "amount", "kind", "method"], found.payments.map(p =>
      [formatDay(p.date), money(p.amount), p.kind, p.method || ""]))
    : h("p", {class: "body"}, t("staff.ctax.no_payments"))];
}

// The PDF comes from a POST carrying the reference and the reason, never from an address.
async function open(view, found, reason, doc) {
  try {
    await savePdf("/v1/staff/council-tax/documents", `${doc.name} ${doc.id}.pdf`,
      {method: "POST", body: {reference: found.reference, document_id: doc.id, reason}});
  } catch (error) {
    showErrors(view, errorsOf(error));
  }
}

function documents(view, found, reason) {
  return [h("h3", {class: "heading-s"}, t("staff.ctax.documents")),
    h("p", {class: "hint"}, t("staff.ctax.documents_hint")),
    h("ul", {class: "list list--spaced", id: "ctax-documents"}, found.documents.map(d => h("li", {},
      button(t("staff.ctax.document_row", {name: d.name, day: formatDay(d.created)}),
        {type: "button", secondary: true, onclick: () => open(view, found, reason, d)}))))];
}

function claims(found) {
  return [h("h3", {class: "heading-s"}, t("staff.ctax.claims")), found.benefit_claims.length
    ? h("ul", {class: "list list--spaced", id: "ctax-claims"}, found.benefit_claims.map(c => h("li", {},
      t("staff.ctax.claim_row", {number: c.number, status: c.status, kind: c.kind}),
      c.weekly.council_tax ? [h("br"), t("staff.ctax.weekly_reduction", {amount: money(c.weekly.council_tax)})] : null,
      c.weekly.rent ? [h("br"), t("staff.ctax.weekly_rent", {amount: money(c.weekly.rent)})] : null,
      c.next_payment_date ? [h("br"), t("staff.ctax.next_benefit", {amount: money(c.next_payment_amount),
        day: formatDay(c.next_payment_date)})] : null)))
    : h("p", {class: "body"}, t("staff.ctax.no_claims"))];
}

function lock(view, found, reason, notice) {
  if (!found.lock || !found.lock.locked_until) return [];
  // A question of one button: a failure (no signal, the lift refused) is said GOV.UK's way, at the button.
  const box = h("div", {class: "inset", id: "ctax-lock", dataset: {field: "unlock"}},
    h("p", {class: "body"}, t("staff.ctax.locked", {tries: found.lock.wrong_tries,
      until: formatDate(found.lock.locked_until, true)})),
    button(t("staff.ctax.unlock"), {type: "button", secondary: true, onclick: async () => {
      clearErrors(view);
      try {
        await api("/v1/staff/council-tax/unlocks", {method: "POST", body: {reference: found.reference, reason}});
      } catch (error) {
        showErrors(view, errorsOf(error), {}, box);
        return;
      }
      box.remove();
      notice.textContent = t("staff.ctax.unlocked");
    }}));
  return [box];
}

export function sections(view, found, reason, notice) {
  return [...lock(view, found, reason, notice), ...plan(found), ...payments(found), ...documents(view, found, reason),
    ...claims(found)];
}
