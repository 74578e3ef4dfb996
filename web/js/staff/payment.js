// One payment for staff: what it paid for, its state, its refunds (who, when,
// why) and, while something is refundable, a refund with a reason. The refund
// names the refundable amount this page read: if someone refunded meanwhile
// the API says so (409) and the page is read again.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {Invalid, button, errorsOf, input, onSubmit, textarea} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";
import {money} from "./payments.js";

function pence(text) {
  const found = /^\s*£?\s*(\d{1,6})(?:\.(\d{1,2}))?\s*$/.exec(text || "");
  return found ? Number(found[1]) * 100 + Number((found[2] || "0").padEnd(2, "0")) : null;
}

function facts(p) {
  const row = (key, value) => h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t(key)),
    h("dd", {class: "summary-list__value"}, value));
  return h("dl", {class: "summary-list", id: "payment"},
    row("staff.payment.reference", p.reference), row("staff.payment.description", p.description || ""),
    row("staff.payment.amount", money(p.amount)), row("staff.payment.status", p.status),
    row("staff.payment.made", formatDate(p.created_at, true)), row("staff.payment.refunded", money(p.refunded || 0)),
    row("staff.payment.refundable", p.refund_amount_available === null ? t("staff.payment.unknown")
      : money(p.refund_amount_available)));
}

function refunds(p) {
  if (!(p.refunds || []).length) return h("p", {class: "body"}, t("staff.payment.no_refunds"));
  return h("ul", {class: "list", id: "refunds"}, p.refunds.map(r => h("li", {},
    t("staff.payment.refund_line", {amount: money(r.amount), when: formatDate(r.at, true), by: r.by || "",
      reason: r.reason || t("staff.none")}))));
}

async function draw(view, id, notice) {
  const p = await api(`/v1/staff/payments/${encodeURIComponent(id)}`);
  clear(view);
  append(view, h("a", {class: "back-link", href: "/staff/payments"}, t("staff.payment.back")),
    h("h1", {class: "heading-l"}, t("staff.payment.title", {reference: p.reference})),
    notice ? h("div", {class: "panel", id: "refund-done", role: "status", tabindex: "-1"}, notice) : null,
    facts(p), h("h2", {class: "heading-m"}, t("staff.payment.refunds")), refunds(p));
  if (p.status !== "success" || !p.refund_amount_available) return;
  const form = h("form", {novalidate: true, id: "refund-form"},
    h("h2", {class: "heading-m"}, t("staff.payment.refund_title")),
    input({field: "amount", label: t("staff.payment.refund_amount"),
      // What a refund leaves as it was depends on what was paid for: a bill is not a booking.
      hint: tOr(`staff.payment.refund_hint.${p.purpose}`, t("staff.payment.refund_hint.other",
        {most: money(p.refund_amount_available)}), {most: money(p.refund_amount_available)}), inputmode: "decimal",
      class: "input input--width-5"}),
    textarea({field: "reason", label: t("staff.payment.refund_reason"), rows: 3, maxlength: "500"}),
    button(t("staff.payment.refund_button"), {warning: true}));
  onSubmit(form, view, async () => {
    const amount = pence(form.elements.amount.value);
    const reason = form.elements.reason.value.trim();
    const wrong = [];
    if (!amount || amount > p.refund_amount_available) {
      wrong.push({field: "amount", message: t("staff.payment.refund_amount_wrong",
        {most: money(p.refund_amount_available)})});
    }
    if (!reason) wrong.push({field: "reason", message: t("staff.payment.refund_reason_missing")});
    if (wrong.length) throw new Invalid(wrong);
    try {
      await api(`/v1/staff/payments/${encodeURIComponent(id)}/refunds`, {method: "POST",
        body: {amount, refund_amount_available: p.refund_amount_available, reason}});
    } catch (error) {
      if (error.status === 409) return draw(view, id, errorsOf(error)[0].message);
      throw error;
    }
    await draw(view, id, t("staff.payment.refunded_now", {amount: money(amount)}));
    view.querySelector("#refund-done")?.focus?.();
  }, {amount: t("staff.payment.refund_amount"), reason: t("staff.payment.refund_reason")});
  append(view, form);
}

export async function render(view, {path}) {
  const id = decodeURIComponent(path.split("/").pop());
  const own = h("div", {});
  append(view, own);
  try {
    await draw(own, id);
  } catch (error) {
    append(clear(own), h("h1", {class: "heading-l"}, t("staff.payment.missing")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
