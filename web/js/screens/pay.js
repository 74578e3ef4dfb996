// Pay a bill: any council bill by its reference. Choose what you are paying,
// type the reference (checked by the council before the card page, with the
// rule it broke), then the amount, or the amount due that the bill's own
// system says (a PCN). A resident with a linked council tax account pays its
// next instalment or balance from the first screen: two taps from home.
// /pay?link= is an officer's payment link, /pay?paid= the way back.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, feedbackQuestion, youSaidWeDid} from "../feedback.js";
import {button, check, errorsOf, input, Invalid, onSubmit, privacyLink} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";

const keys = {};

async function startPaying(body) {
  const key = keys[JSON.stringify(body)] ||= crypto.randomUUID();  // a second press pays once
  const made = await api("/v1/pay/payments", {method: "POST", headers: {"Idempotency-Key": key}, body});
  location.assign(made.payment.next_url);
}

function pence(typed) {
  const match = /^\s*£?\s*(\d{1,6})(?:\.(\d{2}))?\s*$/.exec(typed || "");
  if (!match) throw new Invalid([{field: "amount", message: t("pay.amount_invalid")}]);
  return Number(match[1]) * 100 + Number(match[2] || 0);
}

function payButton(view, label, body) {
  const form = h("form", {novalidate: true}, button(label));
  onSubmit(form, view, () => startPaying(body));
  return form;
}

async function linkedOffers(view, only = null) {
  if (!signedIn()) return;
  let links = [];
  try {
    links = (await api("/v1/me/council-tax")).links;
  } catch (error) {
    return;  // council tax not set up here: the list below still pays it
  }
  for (const link of links.filter(l => !only || l.reference === only)) {
    const checked = await api("/v1/pay/check", {method: "POST", body: {fund: "council-tax", reference: link.reference}})
      .catch(() => null);
    if (!checked || !checked.offers.length) continue;
    const box = h("section", {class: "panel", id: `offers-${link.reference}`},
      h("h2", {class: "heading-m"}, t("pay.your_account", {reference: link.reference})));
    for (const offer of checked.offers) {
      if (offer.paid_on) {  // paid through Doorstep since the council's copy was read: never offered again
        append(box, h("p", {class: "body", id: `paid-${link.reference}`},
          t("pay.offer_instalment_paid", {amount: pounds(offer.amount), date: formatDate(offer.paid_on)})));
        continue;
      }
      const label = offer.kind === "next_instalment"
        ? t("pay.offer_instalment", {amount: pounds(offer.amount), due: formatDate(offer.due)})
        : t("pay.offer_balance", {amount: pounds(offer.amount)});
      append(box, payButton(view, label, {fund: "council-tax", reference: link.reference, amount: offer.amount}));
    }
    append(view, box);
  }
}

async function chooseFund(view) {
  await linkedOffers(view);
  const {funds} = await api("/v1/pay/funds");
  append(view, h("h2", {class: "heading-m"}, t("pay.what")),
    h("ul", {class: "list", id: "funds"}, funds.map(f => h("li", {},
      h("a", {href: `/pay?fund=${encodeURIComponent(f.id)}`}, f.name)))));
}

function amountDue(view, fund, checked, email) {
  const due = h("div", {class: "panel", id: "amount-due"},
    h("p", {class: "body"}, t("pay.amount_due", {amount: pounds(checked.amount_due)})),
    checked.discount_ends ? h("p", {class: "body"}, t("pay.discount_ends", {date: formatDate(checked.discount_ends)})) : null);
  const parts = [due, h("p", {class: "body"}, t("bulky.needs_signal_short")),
    payButton(view, t("bulky.pay"), {fund: fund.id, reference: checked.reference, ...(email ? {email} : {})})];
  append(view, ...parts);
  return parts;
}

async function payFund(view, fundId, reference = "", amount = "") {
  const {funds} = await api("/v1/pay/funds");
  const fund = funds.find(f => f.id === fundId);
  if (!fund) return chooseFund(view);
  // From the council tax screen's Pay: the account's own offers first, one tap each to the card page.
  if (reference && fund.id === "council-tax") await linkedOffers(view, reference);
  append(view, h("h2", {class: "heading-m"}, fund.name));
  const form = h("form", {novalidate: true},
    input({field: "reference", label: fund.reference_label, hint: fund.hint, value: reference,
      autocomplete: "off", spellcheck: "false"}),
    fund.amount_fixed ? null : input({field: "amount", label: t("pay.amount"), inputmode: "decimal", value: amount,
      hint: t("pay.amount_hint", {least: pounds(fund.least), most: pounds(fund.most)})}),
    signedIn() ? null : input({field: "email", label: t("pay.email"), hint: t("pay.email_hint"), type: "email",
      optional: true, autocomplete: "email"}),
    fund.amount_fixed ? null : h("p", {class: "body"}, t("bulky.needs_signal_short")),
    privacyLink("pay"), button(fund.amount_fixed ? t("form.continue") : t("bulky.pay")));
  let shown = [];
  onSubmit(form, view, async () => {
    const reference = form.elements.reference.value.trim();
    const typed = fund.amount_fixed ? null : form.elements.amount.value.trim();
    check(["reference", t("pay.reference_required"), reference],
      ["amount", t("pay.amount_required"), fund.amount_fixed || typed],
      ["amount", t("pay.amount_invalid"), !typed || /^\s*£?\s*\d{1,6}(\.\d{2})?\s*$/.test(typed)]);
    const amount = fund.amount_fixed ? null : pence(typed);
    const email = form.elements.email?.value.trim() || "";
    const checked = await api("/v1/pay/check", {method: "POST", body: {fund: fund.id, reference}});
    if (fund.amount_fixed) {
      shown.forEach(el => el.remove());  // a reference typed again: its own amount due only
      shown = amountDue(view, fund, checked, email);
      return;
    }
    await startPaying({fund: fund.id, reference: checked.reference, amount, ...(email ? {email} : {})});
  });
  append(view, form);
}

async function fromLink(view, linkId) {
  let link;
  try {
    link = await api(`/v1/pay/links/${encodeURIComponent(linkId)}`);
  } catch (error) {
    append(view, h("p", {class: "body", id: "link-gone"}, errorsOf(error)[0].message));
    return;
  }
  append(view, h("dl", {class: "summary", id: "link"},
    h("dt", {}, t("pay.for")), h("dd", {}, link.fund_name),
    h("dt", {}, t("pay.reference")), h("dd", {}, link.reference),
    h("dt", {}, t("pay.amount")), h("dd", {}, link.amount ? pounds(link.amount) : t("pay.amount_on_the_day"))),
  h("p", {class: "body"}, t("bulky.needs_signal_short")), payButton(view, t("bulky.pay"), {link: link.id}));
}

async function paid(view, billId) {
  const bill = await api(`/v1/pay/payments/${encodeURIComponent(billId)}`);
  const status = bill.payment?.status;
  const done = status === "success";
  view.querySelector("h1").textContent = done ? t("pay.done_title") : t("pay.not_done_title");
  append(view, h("dl", {class: "summary", id: "bill"},
    h("dt", {}, t("pay.for")), h("dd", {}, bill.fund_name),
    h("dt", {}, t("pay.reference")), h("dd", {}, bill.reference),
    h("dt", {}, t("pay.amount")), h("dd", {}, bill.amount_text),
    ...(done && bill.payment_reference ? [h("dt", {}, t("pay.payment_reference")),
      h("dd", {id: "payment-reference"}, bill.payment_reference)] : [])),
  h("p", {class: "body"}, done ? t("pay.done_body") : t("pay.not_done_body")),
  h("p", {class: "body"}, h("a", {href: done ? "/" : again(bill)}, done ? t("pay.home") : t("pay.try_again"))),
  feedbackQuestion(bill.feedback));  // paid: how did it go? (none asked otherwise)
}

/** Try again with what was typed before: the reference and the amount, not an empty form. */
function again(bill) {
  const query = new URLSearchParams({fund: bill.fund, reference: bill.reference});
  if (bill.amount) query.set("amount", (bill.amount / 100).toFixed(2));
  return `/pay?${query}`;
}

export async function render(view, {params}) {
  // The back link above the heading, where an error summary goes under it (GOV.UK's order).
  if (params.get("fund")) append(view, h("a", {class: "back-link", href: "/pay"}, t("nav.back")));
  append(view, h("h1", {class: "heading-l"}, t("pay.title")));
  if (params.get("paid")) return paid(view, params.get("paid"));
  countStart("bills");  // a visit that pays (not one coming back from the card page): once per visit
  if (params.get("link")) return fromLink(view, params.get("link"));
  if (params.get("fund")) return payFund(view, params.get("fund"), params.get("reference") || "", params.get("amount") || "");
  await chooseFund(view);
  append(view, youSaidWeDid("bills"));
}
