// Payment links: made, sent by the link's own event (bills/sending.py) or copied. While another
// link for the fund and reference can still be paid (live, or its payment in progress) the desk
// says so and asks before making a second: two links out for one fine can pay it twice.
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

// The other links for the reference, each as it stands, and the officer's choice to make one anyway.
function asking(links, makeAnyway) {
  const line = link => link.state === "in_progress"
    ? t("staff.paylinks.other_in_progress", {made: formatDate(link.created_at, true), started: formatDate(link.started_at, true)})
    : t("staff.paylinks.other_live", {made: formatDate(link.created_at, true), expires: formatDate(link.expires_at, true)});
  return h("section", {class: "panel", id: "paylink-exists", role: "alert", "aria-labelledby": "paylink-exists-title"},
    h("h2", {class: "heading-m", id: "paylink-exists-title"}, t("staff.paylinks.exists_title")),
    h("ul", {class: "list"}, links.map(link => h("li", {dataset: {state: link.state}}, line(link)))),
    h("p", {class: "body bold"}, t("staff.paylinks.exists_warning")),
    button(t("staff.paylinks.make_anyway"), {type: "button", secondary: true, id: "paylink-anyway", onclick: makeAnyway}));
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
  let confirmed = null;  // the body the officer confirmed a second link for
  onSubmit(form, view, async () => {
    const fund = funds.find(f => f.id === form.elements.fund.value);
    const amount = fund.amount_fixed ? undefined : pence(form.elements.amount.value);
    const body = {fund: fund.id, reference: form.elements.reference.value.trim(),
      expires_days: Number(form.elements.expires_days.value), ...(amount === undefined ? {} : {amount})};
    for (const field of ["email", "phone"]) if (form.elements[field].value.trim()) body[field] = form.elements[field].value.trim();
    if (confirmed === JSON.stringify(body)) body.confirm = true;
    const key = keys[JSON.stringify(body)] ||= crypto.randomUUID();  // a second press makes one link
    view.querySelector("#paylink-exists")?.remove();
    let link;
    try {
      link = await api("/v1/staff/pay/links", {method: "POST", headers: {"Idempotency-Key": key}, body});
    } catch (error) {
      if (error.code !== "link_exists") throw error;
      made?.remove();
      made = asking(error.body.links, () => {
        confirmed = JSON.stringify(body);
        form.requestSubmit();
      });
      form.after(made);
      made.querySelector("#paylink-anyway").focus();
      return;
    }
    confirmed = null;
    made?.remove();
    made = shown(link);
    append(view, made);
    made.querySelector("#paylink-url").focus();
  });
  append(view, form);
}
