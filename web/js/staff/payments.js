// Payments of a day (council-wide): every payment taken and refund made that
// day with totals, each payment's page (to refund it with a reason), and the
// day as CSV for finance (fetched with the officer's session, then saved).
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, input, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {pounds} from "../screens/bulky.js";

export const money = pence => (pence < 0 ? `−${pounds(-pence)}` : pounds(pence));

function totals(day) {
  const row = (key, value) => h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t(key)),
    h("dd", {class: "summary-list__value"}, value));
  return h("dl", {class: "summary-list", id: "payment-totals"},
    row("staff.payments.taken", money(day.totals.payments)), row("staff.payments.refunded", money(day.totals.refunds)),
    row("staff.payments.net", money(day.totals.net)), row("staff.payments.count", String(day.totals.count)));
}

function table(day) {
  const cols = ["time", "kind", "reference", "description", "amount", "by"];
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "payments"},
    h("caption", {class: "visually-hidden"}, t("staff.payments.caption", {date: day.date})),
    h("thead", {}, h("tr", {}, cols.map(k => h("th", {scope: "col"}, t(`staff.payments.col_${k}`))))),
    h("tbody", {}, day.entries.map(e => h("tr", {},
      h("td", {}, formatDate(e.at, true)),
      h("td", {}, t(`staff.payments.kind_${e.kind}`)),
      h("th", {scope: "row"}, h("a", {href: `/staff/payments/${encodeURIComponent(e.payment_id)}`}, e.reference)),
      h("td", {}, e.description || ""),
      h("td", {class: "table__number"}, money(e.amount)),
      h("td", {}, [e.by, e.reason].filter(Boolean).join(": ")))))));
}

/** A CSV read with the officer's session, then saved under `name`; `status` says how it went. */
export async function saveCsv(path, name, status, done) {
  status.textContent = t("staff.payments.csv_preparing");
  try {
    const text = await api(path);
    const link = h("a", {href: URL.createObjectURL(new Blob([text], {type: "text/csv"})), download: name, hidden: true});
    document.body.append(link);
    link.click();
    link.remove();
    status.textContent = done;
  } catch (error) {
    status.textContent = errorsOf(error)[0].message;
  }
}

const download = (date, status) => saveCsv(`/v1/staff/payments.csv?date=${encodeURIComponent(date)}`,
  `payments-${date}.csv`, status, t("staff.payments.csv_ready", {date}));

export async function render(view, {url}) {
  const wanted = url.searchParams.get("date") || "";
  append(view, h("h1", {class: "heading-l"}, t("staff.payments.title")));
  const form = h("form", {novalidate: true, class: "inline-form", id: "payments-day"},
    input({field: "date", label: t("staff.payments.day"), type: "date", value: wanted}),
    button(t("staff.payments.show"), {secondary: true}));
  onSubmit(form, view, () => navigate(`/staff/payments?date=${encodeURIComponent(form.elements.date.value)}`));
  append(view, form);
  let day;
  try {
    day = await api(`/v1/staff/payments${wanted ? `?date=${encodeURIComponent(wanted)}` : ""}`);
  } catch (error) {
    append(view, h("p", {class: "body", id: "payments-error"}, errorsOf(error)[0].message));
    return;
  }
  if (!wanted) form.elements.date.value = day.date;
  const status = h("p", {class: "body", role: "status", id: "csv-status"});
  append(view, h("h2", {class: "heading-m"}, t("staff.payments.of_day", {date: formatDate(day.date)})), totals(day),
    h("p", {class: "hint", id: "payments-csv-hint"}, t("staff.payments.csv_hint")),
    h("p", {class: "body"}, button(t("staff.payments.csv"), {secondary: true, type: "button", id: "payments-csv",
      "aria-describedby": "payments-csv-hint",
      onclick: () => download(day.date, status)})), status,
    day.entries.length ? table(day) : h("p", {class: "body", id: "payments-none"}, t("staff.payments.none")));
}

