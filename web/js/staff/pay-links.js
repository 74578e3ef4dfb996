// Payment links: made, sent by the link's own event (bills/sending.py) or copied.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, input, Invalid, onSubmit, select} from "../forms.js";
import {formatDate, t} from "../i18n.js";

const keys = {};

function pence(typed) {
  if (!typed.trim()) return undefined;
  const match = /^\s*£?\s*(\d{1,6})(?:\.(\d{2}))?\s*$/.exec(typed);
  if (!match) throw new Invalid([{field: "amount", message: t("staff.paylinks.amount_invalid")}]);
  return Number(match[1]) * 100 + Number(match[2] || 0);
}

function shown(link) {
  const url = h("input", {class: "input", id: "paylink-url", readonly: true, value: link.url,
    "aria-label": t("staff.paylinks.url")});
  const status = h("p", {class: "body", role: "status", id: "paylink-copied"});
  return h("section", {class: "panel", id: "paylink", "aria-labelledby": "paylink-title"},
    h("h2", {class: "heading-m", id: "paylink-title"}, t("staff.paylinks.made")),
    h("dl", {class: "summary"},
      h("dt", {}, t("staff.paylinks.fund")), h("dd", {}, link.fund_name),
      h("dt", {}, t("staff.paylinks.reference")), h("dd", {}, link.reference),
      h("dt", {}, t("staff.paylinks.amount")), h("dd", {}, link.amount_text || t("staff.paylinks.amount_on_the_day")),
      h("dt", {}, t("staff.paylinks.expires")), h("dd", {}, formatDate(link.expires_at, true))),
    url, h("p", {class: "body"}, button(t("staff.paylinks.copy"), {type: "button", secondary: true, id: "paylink-copy",
      onclick: async () => {
        url.select();
        try {
          await navigator.clipboard.writeText(link.url);
          status.textContent = t("staff.paylinks.copied");
        } catch (error) {
          status.textContent = t("staff.paylinks.copy_by_hand");  // the text is selected: Ctrl+C
        }
      }})), status, h("p", {class: "body", id: "paylink-sending"}, link.sending.length
      ? t("staff.paylinks.sending", {how: link.sending.map(k => t(`staff.paylinks.by_${k}`)).join(t("staff.paylinks.and"))})
      : t("staff.paylinks.send_hint")));
}

export async function render(view) {
  append(view, h("h1", {class: "heading-l"}, t("staff.paylinks.title")));
  const {funds} = await api("/v1/pay/funds");
  const form = h("form", {novalidate: true, id: "paylink-form"},
    select({field: "fund", label: t("staff.paylinks.fund"), options: funds.map(f => ({value: f.id, label: f.name}))}),
    input({field: "reference", label: t("staff.paylinks.reference"), autocomplete: "off", spellcheck: "false"}),
    input({field: "amount", label: t("staff.paylinks.amount_pounds"), hint: t("staff.paylinks.amount_hint"),
      inputmode: "decimal", optional: true}),
    input({field: "email", label: t("staff.paylinks.email"), type: "email", optional: true, autocomplete: "off"}),
    input({field: "phone", label: t("staff.paylinks.phone"), type: "tel", optional: true, autocomplete: "off"}),
    input({field: "expires_days", label: t("staff.paylinks.expires_days"), type: "number", value: "7", min: 1, max: 30,
      class: "input input--width-3"}),
    button(t("staff.paylinks.make")));
  let made = null;
  onSubmit(form, view, async () => {
    const fund = funds.find(f => f.id === form.elements.fund.value);
    const amount = fund.amount_fixed ? undefined : pence(form.elements.amount.value);
    const body = {fund: fund.id, reference: form.elements.reference.value.trim(),
      expires_days: Number(form.elements.expires_days.value), ...(amount === undefined ? {} : {amount})};
    for (const field of ["email", "phone"]) if (form.elements[field].value.trim()) body[field] = form.elements[field].value.trim();
    const key = keys[JSON.stringify(body)] ||= crypto.randomUUID();  // a second press makes one link
    const link = await api("/v1/staff/pay/links", {method: "POST", headers: {"Idempotency-Key": key}, body});
    made?.remove();
    made = shown(link);
    append(view, made);
    made.querySelector("#paylink-url").focus();
  });
  append(view, form);
}
