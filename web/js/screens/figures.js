// The council's figures of channel shift (GET /v1/figures), for a councillor: its year (April to March), each
// service month by month: digital take-up, completion, satisfaction with its number of answers, cost per
// transaction and the saving against the council's own costs per channel. Each chart has its table, the
// definitions stand beside them with the rule for small numbers and whose guidance it follows: every count is
// shown, and satisfaction withheld (fewer than 10 answers) is said to be.
import {api} from "../api.js";
import {barChart, figuresTable} from "../chart.js";
import {append, h} from "../dom.js";
import {errorsOf, select, button} from "../forms.js";
import {councilYear, monthName, monthShort, number, percent, pounds} from "../figures.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";

const FIRST_YEAR = 2020;
const COLOURS = ["#1d4f91", "#00703c", "#6f3c97"];  // each over 3:1 against white (WCAG 1.4.11)

export async function render(view, {params}) {
  const now = new Date();
  const latest = councilYear(now);
  const asked = Number(params.get("year"));
  const year = asked >= FIRST_YEAR && asked <= latest ? asked : latest;
  let figures;
  try {
    figures = await api(`/v1/figures?year=${year}`, {auth: false});
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("figures.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  const begun = figures.months.filter(m => m <= now.toISOString().slice(0, 7));
  const services = Object.keys(figures.services);
  append(view, h("h1", {class: "heading-l"}, t("figures.title")),
    h("p", {class: "lead"}, t("figures.lead", {council: figures.council, first: year, last: year + 1})),
    // The year in a few numbers and a way to each service first: 13 services' charts make a long page.
    services.length ? [yearSoFar(figures.summary, figures.summary_by_month.filter(m => begun.includes(m.month))),
      contents(services)] : null,
    chooser(year, latest), downloads(year, begun), costs(figures.costs_pence),
    definitions(figures.definitions, figures.small_numbers),
    Object.keys(figures.services).length
      ? Object.entries(figures.services).map(([service, months]) => serviceSection(service,
        months.filter(m => begun.includes(m.month))))
      : h("p", {class: "body", id: "figures-none"}, t("figures.none")));
}

/** The council's year so far in a few numbers (the API's summary: every service's months added), then the same
 * month by month. */
function yearSoFar(summary, months) {
  const rows = [
    ["digital_take_up", said(summary, "digital_take_up", percent)],
    ["completion_rate", said(summary, "completion_rate", percent)],
    ["satisfaction", summary.satisfaction === null ? said(summary, "satisfaction", percent)
      : t("figures.satisfaction_of", {share: percent(summary.satisfaction), answers: number(summary.answers)})],
    ["saving_pence", pounds(summary.saving_pence)],
    ["transactions", number(summary.transactions)]];
  return h("section", {"aria-labelledby": "figures-year-h"},
    h("h2", {class: "heading-m", id: "figures-year-h"}, t("figures.year_so_far")),
    h("dl", {class: "summary-list", id: "figures-year-so-far"}, rows.map(([name, value]) =>
      h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t(`figures.${name}`)),
        h("dd", {class: "summary-list__value"}, value)))),
    byMonth(months));
}

/** The year's trend on a phone's width: a table of the months (every service added, the API's summary_by_month),
 * each figure written with a bar under it (a column reads as a chart), satisfaction withheld said to be and why. */
function byMonth(months) {
  const most = Math.max(1, ...months.map(m => m.saving_pence));
  const cell = (m, name, write, colour, max = 100) => h("td", {class: "table__num"},
    m.withheld.includes(name) ? h("span", {class: "table__note"}, t("figures.withheld_month")) : m[name] === null ? t("figures.nothing") : [write(m[name]),
      h("span", {class: "bar", "aria-hidden": "true"}, h("span", {class: "bar__fill",
        style: {width: `${(100 * Math.min(1, m[name] / max)).toFixed(1)}%`, background: colour}}))]);
  return [h("h3", {class: "heading-s", id: "figures-by-month-h"}, t("figures.by_month")),
    h("div", {class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "figures-by-month-h"},
      h("table", {class: "table table--small", id: "figures-by-month", "aria-labelledby": "figures-by-month-h"},
        h("thead", {}, h("tr", {}, ["month", "head_take_up", "head_completion", "head_satisfaction", "head_saving"]
          .map((name, i) => h("th", {scope: "col", class: i ? "table__num" : null}, t(`figures.${name}`))))),
        h("tbody", {}, months.map(m => h("tr", {}, h("th", {scope: "row"}, monthShort(m.month)),
          cell(m, "digital_take_up", percent, COLOURS[0]), cell(m, "completion_rate", percent, COLOURS[1]),
          cell(m, "satisfaction", percent, COLOURS[2]), cell(m, "saving_pence", pounds, COLOURS[1], most))))))];
}

/** A link to each service's section, so a councillor reaches a service's trend in two taps. */
function contents(services) {
  return h("nav", {"aria-labelledby": "figures-contents-h"},
    h("h2", {class: "heading-m", id: "figures-contents-h"}, t("figures.contents")),
    h("ul", {class: "list list--bullet", id: "figures-contents"}, services.map(service =>
      h("li", {}, h("a", {href: `#figures-${service}`}, t(`figures.service_${service}`))))));
}

function chooser(year, latest) {
  const years = [];
  for (let y = latest; y >= FIRST_YEAR; y--) years.push({value: String(y), label: t("figures.year", {first: y, last: y + 1})});
  const form = h("form", {id: "figures-year"}, select({field: "year", label: t("figures.choose_year"),
    options: years, value: String(year)}), button(t("figures.show"), {secondary: true}));
  form.addEventListener("submit", event => {
    event.preventDefault();
    navigate(`/figures?year=${form.elements.year.value}`);
  });
  return form;
}

function downloads(year, begun) {
  const last = begun[begun.length - 1];
  return h("section", {"aria-labelledby": "figures-files-h"},
    h("h2", {class: "heading-m", id: "figures-files-h"}, t("figures.files")),
    h("ul", {class: "list list--bullet", id: "figures-files"},
      h("li", {}, h("a", {href: `/v1/figures?year=${year}&format=csv`, download: `figures-${year}.csv`}, t("figures.csv"))),
      h("li", {}, h("a", {href: `/v1/figures?year=${year}&format=json`}, t("figures.json"))),
      last ? h("li", {}, h("a", {href: `/v1/figures/report?month=${last}`, download: `figures-${last}.pdf`},
        t("figures.report", {month: monthName(last)}))) : null));
}

function costs(pence) {
  return h("section", {"aria-labelledby": "figures-costs-h"},
    h("h2", {class: "heading-m", id: "figures-costs-h"}, t("figures.costs")),
    h("p", {class: "body"}, t("figures.costs_lead")),
    h("dl", {class: "summary-list", id: "figures-costs"}, ["online", "assisted", "phone", "face_to_face"].map(name =>
      h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t(`figures.channel_${name}`)),
        h("dd", {class: "summary-list__value"}, pounds(pence[name]))))));
}

function definitions(all, small) {
  return h("details", {class: "details", id: "figures-definitions", open: true},
    h("summary", {class: "details__summary"}, t("figures.definitions")),
    h("dl", {class: "summary-list"}, Object.entries(all).map(([name, words]) => h("div", {class: "summary-list__row"},
      h("dt", {class: "summary-list__key"}, t(`figures.${name}`)), h("dd", {class: "summary-list__value"}, words)))),
    // The rule and its sources, as the API gives them beside the figures (named, so a reader can check them).
    h("h3", {class: "heading-s"}, t("figures.small_numbers")),
    h("p", {class: "body"}, small.rule),
    h("ul", {class: "list list--bullet"}, small.sources.map(source =>
      h("li", {}, h("a", {href: source.url}, source.name)))));
}

/** A figure as written: its value, "withheld" where the API withheld it (satisfaction from few answers), else
 * none, for want of anything to divide by (`short`: the words inside a chart's sentence). */
function said(m, name, write, short = false) {
  if (m[name] !== null && m[name] !== undefined) return write(m[name]);
  const withheld = (m.withheld || []).includes(name);
  return t(`figures.${withheld ? "withheld" : "nothing"}${short ? "_short" : ""}`);
}

/** One month's figures as a chart's line says them (short) or the table shows them. */
function shareFigures(m, short) {
  const answers = m.counts.answers;
  return {month: monthName(m.month), take_up: said(m, "digital_take_up", percent, short),
    completion: said(m, "completion_rate", percent, short), satisfaction: said(m, "satisfaction", percent, short),
    answers: number(answers)};
}

function moneyFigures(m, short) {
  return {month: monthName(m.month), transactions: said(m, "transactions", number, short),
    cost: said(m, "cost_per_transaction_pence", pounds, short), saving: said(m, "saving_pence", pounds, short)};
}

const CHANNELS = ["online", "assisted", "phone", "face_to_face"];

/** A channel's count as the table shows it: every count is published, however small. */
function counted(m, channel) {
  return number(m.counts[channel]);
}

function serviceSection(service, months) {
  const id = `figures-${service}`;
  const name = t(`figures.service_${service}`);
  const shares = months.map(m => shareFigures(m, false));
  const money = months.map(m => moneyFigures(m, false));
  const most = Math.max(1, ...months.map(m => m.saving_pence || 0));
  return h("section", {"aria-labelledby": `${id}-h`, id, class: "figures-service"},
    h("h2", {class: "heading-m", id: `${id}-h`}, name),
    barChart({title: t("figures.shares_title", {service: name}), summary: t("figures.shares_summary"), max: 100,
      series: [t("figures.digital_take_up"), t("figures.completion_rate"), t("figures.satisfaction")]
        .map((label, i) => ({name: label, colour: COLOURS[i]})),
      rows: months.map(m => ({label: t("figures.shares_line", shareFigures(m, true)),
        values: [m.digital_take_up || 0, m.completion_rate || 0, m.satisfaction || 0]}))}),
    figuresTable({caption: t("figures.shares_title", {service: name}),
      head: [t("figures.month"), t("figures.digital_take_up"), t("figures.completion_rate"), t("figures.satisfaction"),
        t("figures.answers")],
      rows: shares.map(s => [s.month, s.take_up, s.completion, s.satisfaction, s.answers])}),
    barChart({title: t("figures.saving_title", {service: name}), summary: t("figures.saving_summary"), max: most,
      series: [{name: t("figures.saving_pence"), colour: COLOURS[1]}],
      rows: months.map(m => ({label: t("figures.saving_line", moneyFigures(m, true)), values: [m.saving_pence || 0]}))}),
    figuresTable({caption: t("figures.saving_title", {service: name}),
      // Each channel's count too: an officer's booking for a caller shows as one more "by an officer".
      head: [t("figures.month"), t("figures.transactions"), ...CHANNELS.map(c => t(`figures.channel_${c}`)),
        t("figures.cost_per_transaction_pence"), t("figures.saving_pence")],
      rows: money.map((s, i) => [s.month, s.transactions, ...CHANNELS.map(c => counted(months[i], c)), s.cost,
        s.saving])}));
}
