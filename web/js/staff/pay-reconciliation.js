// A fund's day: the cash file, and settled, posted and filed set side by side. It opens on
// the council's today, as the payments screen does; Show with no day says to choose one.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, Invalid, onSubmit, select} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {money, saveCsv} from "./payments.js";

const SIDES = ["settled", "posted", "file"];
const side = pence => (pence === null || pence === undefined ? t("staff.reconcile.missing") : money(pence));

function totals(fund, reached) {
  const row = name => h("div", {class: "summary-list__row"},
    h("dt", {class: "summary-list__key"}, t(`staff.reconcile.${name}`)),
    h("dd", {class: "summary-list__value"}, name === "settled" && !reached ? t("staff.reconcile.not_reached")
      : t("staff.reconcile.total", {amount: money(fund[`${name}_total`]), count: fund[`${name}_count`]})));
  return h("dl", {class: "summary-list", id: "reconcile-totals"}, SIDES.map(row));
}

function differences(fund, date) {
  if (!fund.differences.length) return h("p", {class: "body", id: "reconcile-none"}, t("staff.reconcile.agree"));
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "reconcile-differences"},
    h("caption", {class: "heading-s"}, t("staff.reconcile.differences", {count: fund.differences.length, date})),
    h("thead", {}, h("tr", {}, ["payment", ...SIDES].map(k => h("th", {scope: "col"}, t(`staff.reconcile.col_${k}`))))),
    h("tbody", {}, fund.differences.map(d => h("tr", {},
      h("th", {scope: "row"}, d.payment_id),
      SIDES.map(name => h("td", {class: "table__number"}, name in d ? side(d[name]) : t("staff.reconcile.not_reached"))))))));
}

// The council's calendar day now (YYYY-MM-DD), as the payments screen's first day.
const today = () => new Date().toLocaleDateString("en-CA", {timeZone: "Europe/London"});

export async function render(view, {url}) {
  const date = url.searchParams.get("date") || today();
  const wanted = url.searchParams.get("fund") || "";
  append(view, h("h1", {class: "heading-l"}, t("staff.reconcile.title")));
  let day, failed;
  try { // the day names every fund finance keeps, the services' (containers, hire) with the bills'
    day = await api(`/v1/staff/pay/reconciliation?date=${encodeURIComponent(date)}`);
  } catch (error) {
    failed = errorsOf(error)[0].message;
  }
  const form = h("form", {novalidate: true, class: "inline-form", id: "reconcile-day"},
    input({field: "date", label: t("staff.reconcile.day"), type: "date", value: date}),
    select({field: "fund", label: t("staff.reconcile.fund"), value: wanted,
      options: (day ? day.funds : []).map(f => ({value: f.fund, label: f.name}))}),
    button(t("staff.reconcile.show"), {secondary: true}));
  onSubmit(form, view, () => {
    if (!form.elements.date.value) throw new Invalid([{field: "date", message: t("staff.reconcile.day_missing")}]);
    return navigate(`/staff/pay/reconciliation?date=${encodeURIComponent(form.elements.date.value)}`
      + `&fund=${encodeURIComponent(form.elements.fund.value)}`);
  }, {date: t("staff.reconcile.day")});
  append(view, form);
  if (!day) {
    append(view, h("p", {class: "body", id: "reconcile-error"}, failed));
    return;
  }
  const fund = day.funds.find(f => f.fund === wanted) || day.funds[0];
  const named = fund.name;
  const status = h("p", {class: "body", role: "status", id: "cash-file-status"});
  const file = `/v1/staff/pay/cash-file.csv?fund=${encodeURIComponent(fund.fund)}&date=${encodeURIComponent(date)}`;
  append(view, h("h2", {class: "heading-m"}, t("staff.reconcile.of", {fund: named, date: formatDate(date)})),
    totals(fund, day.provider_reached),
    h("p", {class: "hint", id: "cash-file-hint"}, t("staff.reconcile.csv_hint", {fund: named})),
    h("p", {class: "body"}, button(t("staff.reconcile.csv"), {secondary: true, type: "button", id: "cash-file",
      "aria-describedby": "cash-file-hint",
      onclick: () => saveCsv(file, `cash-${fund.fund_code}-${date}.csv`, status,
        t("staff.reconcile.csv_ready", {fund: named, date: formatDate(date)}))})), status,
    differences(fund, formatDate(date)));
}
