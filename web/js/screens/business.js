// Starting a business, told once (/business), and its page (/business/<id>): every part's state in the API's words.
// The Idempotency-Key is kept until the API answers, so pressing again after no answer is the same business.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, dateInput, dateValue, errorsOf, input, onSubmit, privacyLink, select, showErrors} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {newKey} from "../chat-log.js";
import {navigate} from "../navigation.js";
import {showAsMade} from "../read-again.js";
import {signedIn} from "../session.js";
import {searchAddresses} from "../where.js";
import {pounds} from "./bulky.js";

const kinds = () => ["shop", "cafe", "restaurant", "takeaway", "pub", "office"].map(a => ({value: a, label: t(`business.activity_${a}`)}));
const FIELDS = {uprn: "premises_search", ratepayer: "payer_name", "ratepayer.company_number": "company_number",
  other_premises_rv: "other_premises"};

function tell(view) {
  const list = h("div", {}), KINDS = kinds();
  const field = (name, o = {}) => input({field: name, label: t(`business.${name}`), autocomplete: "off", ...o});
  const form = h("form", {novalidate: true, id: "business-form"},
    field("premises_search", {hint: t("business.premises_hint")}),
    button(t("business.find"), {type: "button", secondary: true, id: "premises-find", onclick: async () => {
      try {
        const found = await searchAddresses(form.elements.premises_search.value);
        list.replaceChildren(select({field: "uprn", label: t("business.premises_choose"), options:
          [{value: "", label: t("where.addresses_found", {count: found.length})}, ...found.map(a => ({value: a.uprn, label: a.address}))]}));
      } catch (error) {
        showErrors(view, [{field: "premises_search", message: errorsOf(error)[0].message}]);
      }
    }}), list,
    choices({field: "activity", legend: t("business.activity"), options: KINDS}),
    select({field: "last_use", label: t("business.last_use"), options: [{value: "", label: t("business.last_use_none")}, ...KINDS]}),
    dateInput({field: "starts", legend: t("business.starts"), hint: t("business.starts_hint")}),
    field("trading_name", {optional: true}),
    choices({field: "payer_kind", legend: t("business.payer_kind"), options: ["person", "company"].map(k =>
      ({value: k, label: t(`business.payer_${k}`)}))}),
    field("payer_name"), field("company_number", {optional: true, hint: t("business.company_number_hint")}),
    field("other_premises", {optional: true, hint: t("business.other_premises_hint")}),
    privacyLink("business"), button(t("business.send"), {id: "business-send"}));
  let key = null;
  onSubmit(form, view, async () => {
    const get = name => form.elements[name]?.value?.trim() || "";
    const kind = name => form.querySelector(`input[name="${name}"]:checked`)?.value || null;
    const number = get("company_number").toUpperCase().replace(/\s/g, "");
    const body = {uprn: get("uprn") || null, activity: kind("activity"), starts: dateValue(form, "starts") || null,
      ratepayer: {name: get("payer_name"), kind: kind("payer_kind"), ...(number ? {company_number: number} : {})}};
    if (get("last_use")) body.last_use = get("last_use");
    if (get("trading_name")) body.trading_name = get("trading_name");
    if (get("other_premises")) body.other_premises_rv = get("other_premises").split(/[,\s]+/).map(v => Number(v.replace(/£/g, "")));
    key = key || newKey();
    try {
      const made = await api("/v1/me/businesses", {method: "POST", body, headers: {"Idempotency-Key": key}});
      return navigate(`/business/${encodeURIComponent(made.id)}`);
    } catch (error) {
      if (error?.status < 500) key = null;  // answered: a fixed form is a new telling
      if (error?.fields) error.fields = error.fields.map(f => ({...f, field: FIELDS[f.field] || f.field}));
      throw error;
    }
  }, Object.fromEntries(["premises_search", "activity", "starts", "payer_name", "company_number", "other_premises",
    "last_use"].map(f => [f, t(`business.${f}`)])));
  append(view, h("h1", {class: "heading-l"}, t("business.title")), h("p", {class: "body"}, t("business.lead")), form);
}

function trade(view, id, p, redraw) {
  const form = h("form", {novalidate: true, id: "trade-form"}, ...p.facts.prices.map(c => input({field: `bins_${c.id}`,
    label: t("business.trade_bin", {name: c.name, price: pounds(c.price)}), optional: true, inputmode: "numeric"})),
  button(t("business.trade_send"), {id: "trade-send"}));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const bins = p.facts.prices.map(c => ({container: c.id, count: Number(form.elements[`bins_${c.id}`].value || 0)}))
      .filter(b => b.count > 0);
    try {
      redraw(await api(`/v1/me/businesses/${encodeURIComponent(id)}/parts/trade_waste/choice`,
        {method: "POST", body: {choice: "request", bins}}));
    } catch (error) {
      showErrors(view, [{message: errorsOf(error)[0].message}]);
    }
  });
  return form;
}

function page(view, b) {
  const holder = h("div", {id: "business-page"});
  const redraw = fresh => holder.replaceWith(page(view, fresh));
  const parts = partsOf(view, b, redraw);
  const note = h("p", {class: "body", id: "business-under-way", role: "status"}, t("business.under_way"));
  // The services are told by the start's event: shown as they are told, without leaving the page.
  showAsMade(holder, b, () => api(`/v1/me/businesses/${encodeURIComponent(b.id)}`), parts,
    fresh => partsOf(view, fresh, redraw), note, t("business.told"),
    t("business.held_up"));
  append(holder, h("h1", {class: "heading-l"}, t("business.page_title")),
    h("p", {class: "body", id: "business-summary"}, t("business.summary", {name: b.trading_name
      || t(`business.activity_${b.activity}`), address: b.address, day: formatDay(b.starts, true)})),
    h("p", {class: "hint"}, t("business.reference", {id: b.id})), parts, note);
  return holder;
}

function partsOf(view, b, redraw) {
  return h("ul", {class: "list list--spaced", id: "business-parts", hidden: !b.parts.length}, b.parts.map(p => {
      const rule = p.facts.estimate?.scheme || (p.facts.rule ? {source: p.facts.rule, url: p.facts.url} : null);
      return h("li", {dataset: {part: p.name, state: p.state}}, h("strong", {}, t(`business.part_${p.kind}`)), ": ",
        p.text || t("business.under_way"),
        rule ? h("p", {class: "hint"}, t("business.rule", {source: rule.source}), " ",
          rule.url ? h("a", {href: rule.url, rel: "noopener", target: "_blank"}, t("business.rule_link")) : null) : null,
        p.facts.link ? h("p", {}, h("a", {href: p.facts.link, class: "button button--secondary", id: p.kind === "licence" ? `licence-${p.facts.id}` : undefined},
          t(p.facts.case ? "business.link_licence_case" : `business.link_${p.kind}`, {name: p.facts.licence_name || ""}))) : null,
        p.choices.includes("request") ? trade(view, b.id, p, redraw) : null);
    }));
}

export async function render(view, {url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  const id = decodeURIComponent(url.pathname.split("/")[2] || "");
  if (!id) return tell(view);
  try {
    append(view, page(view, await api(`/v1/me/businesses/${encodeURIComponent(id)}`)));
  } catch (error) {
    append(clear(view), h("h1", {class: "heading-l"}, t("business.page_title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
