// How we're doing: the council's public performance figures (GET /v1/stats)
// as charts, each with the table of its figures, and the open data files.
import {api} from "../api.js";
import {barChart, figuresTable} from "../chart.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {lang, t, tCount, tOr} from "../i18n.js";

const RECEIVED = "#1d4f91";  // both well over 3:1 against white (WCAG 1.4.11)
const FIXED = "#00703c";
const MONTHS_SHOWN = 12;

export async function render(view) {
  append(view, h("h1", {class: "heading-l"}, t("stats.title")), h("p", {class: "lead"}, t("stats.lead")));
  let stats;
  try {
    stats = await api("/v1/stats", {auth: false});
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  append(view, totals(stats.totals), months(stats.months), categories(stats.categories),
    channels(stats.channels), wards(stats.wards), satisfaction(stats.satisfaction), await openData(),
    h("p", {class: "body", id: "figures-link"}, h("a", {href: "/figures"}, t("stats.figures_link"))));
}

// What reporters answered, some days after a fix, when asked "has it been fixed?".
function satisfaction(answers) {
  const title = h("h2", {class: "heading-m", id: "satisfaction-h"}, t("stats.satisfaction"));
  if (!answers) return h("section", {"aria-labelledby": "satisfaction-h"}, title, h("p", {class: "body"}, t("stats.satisfaction_none")));
  return h("section", {"aria-labelledby": "satisfaction-h", id: "satisfaction"}, title,
    h("p", {class: "body"}, t("stats.satisfaction_line", {responses: number(answers.responses),
      average: answers.average.toLocaleString(locale(), {maximumFractionDigits: 1}), not_fixed: number(answers.not_fixed)})),
    figuresTable({caption: t("stats.satisfaction_ratings"), head: [t("stats.rating"), t("stats.answers")],
      rows: ["5", "4", "3", "2", "1"].map(n => [t(`questionnaire.rating_${n}`), number(answers.by_rating[n])])}));
}

function totals(all) {
  const rows = [[t("stats.received"), number(all.received)], [t("stats.open"), number(all.open)],
    [t("stats.fixed"), number(all.fixed)]];
  if (all.days_to_fix.median !== null) {
    rows.push([t("stats.typical_fix"), t("stats.days_typical", {median: days(all.days_to_fix.median),
      p90: days(all.days_to_fix.p90)})]);
  }
  return h("dl", {class: "summary-list", id: "totals"}, rows.map(([key, value]) => h("div", {class: "summary-list__row"},
    h("dt", {class: "summary-list__key"}, key), h("dd", {class: "summary-list__value"}, value))));
}

function months(all) {
  const shown = all.slice(-MONTHS_SHOWN);
  if (!shown.length) return null;
  const max = Math.max(1, ...shown.flatMap(m => [m.received, m.fixed]));
  return h("section", {"aria-labelledby": "months-h"},
    h("h2", {class: "heading-m", id: "months-h"}, t("stats.by_month")),
    barChart({title: t("stats.by_month"), summary: t("stats.by_month_summary"), max,
      series: [{name: t("stats.received"), colour: RECEIVED}, {name: t("stats.fixed"), colour: FIXED}],
      rows: shown.map(m => ({label: t("stats.month_line", {month: monthName(m.month), received: number(m.received),
        fixed: number(m.fixed)}), values: [m.received, m.fixed]}))}),
    figuresTable({caption: t("stats.by_month"), head: [t("stats.month"), t("stats.received"), t("stats.fixed"),
      t("stats.closed")], rows: shown.map(m => [monthName(m.month), number(m.received), number(m.fixed),
      number(m.closed)])}));
}

function categories(all) {
  const targeted = all.filter(c => c.within_target);
  return h("section", {"aria-labelledby": "categories-h"},
    h("h2", {class: "heading-m", id: "categories-h"}, t("stats.by_category")),
    targeted.length ? barChart({title: t("stats.within_target"), summary: t("stats.within_target_summary"), max: 1,
      series: [{name: t("stats.within_target"), colour: FIXED}],
      rows: targeted.map(c => ({label: t("stats.target_line", {category: c.name, share: percent(c.within_target.share),
        days: days(c.target_days)}), values: [c.within_target.share]}))}) : null,
    figuresTable({caption: t("stats.by_category"), numeric: i => i > 0,
      head: [t("stats.category"), t("stats.received"), t("stats.fixed"), t("stats.median"), t("stats.p90"),
        t("stats.target"), t("stats.within_target")],
      rows: all.map(c => [c.name, number(c.received), number(c.fixed), days(c.days_to_fix.median),
        days(c.days_to_fix.p90), days(c.target_days),
        c.within_target ? percent(c.within_target.share) : t("stats.none")])}));
}

function channels(all) {
  if (!all.length) return null;
  const name = c => tOr(`stats.channel.${c}`, c);
  return h("section", {"aria-labelledby": "channels-h"},
    h("h2", {class: "heading-m", id: "channels-h"}, t("stats.by_channel")),
    barChart({title: t("stats.by_channel"), summary: t("stats.by_channel_summary"), max: 1,
      series: [{name: t("stats.received"), colour: RECEIVED}],
      rows: all.map(c => ({label: t("stats.channel_line", {channel: name(c.channel), received: number(c.received),
        share: percent(c.share)}), values: [c.share]}))}),
    figuresTable({caption: t("stats.by_channel"), head: [t("stats.channel"), t("stats.received"), t("stats.share")],
      rows: all.map(c => [name(c.channel), number(c.received), percent(c.share)])}));
}

function wards(all) {
  if (!all.length) return null;
  return h("section", {"aria-labelledby": "wards-h"},
    h("h2", {class: "heading-m", id: "wards-h"}, t("stats.by_ward")),
    figuresTable({caption: t("stats.by_ward"), head: [t("stats.ward"), t("stats.received"), t("stats.fixed"),
      t("stats.open")], rows: all.map(w => [w.name, number(w.received), number(w.fixed), number(w.open)])}));
}

async function openData() {
  let about;
  try {
    about = await api("/v1/open-data", {auth: false});
  } catch (error) {
    return null;  // nothing published yet
  }
  return h("section", {"aria-labelledby": "open-data-h"},
    h("h2", {class: "heading-m", id: "open-data-h"}, t("stats.open_data")),
    h("p", {class: "body"}, t("stats.open_data_lead", {count: number(about.reports)})),
    h("ul", {class: "list list--bullet"}, about.files.filter(f => !f.name.endsWith(".json")).map(f =>
      h("li", {}, h("a", {href: f.url, download: f.name}, f.name), ` (${kilobytes(f.bytes)})`))),
    h("p", {class: "body"}, t("stats.licence"), " ", h("a", {href: about.licence.url, rel: "license"},
      about.licence.name), "."));
}

function locale() {
  return lang() === "cy" ? "cy-GB" : "en-GB";
}

function number(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

function percent(share) {
  return new Intl.NumberFormat(locale(), {style: "percent"}).format(share);
}

function days(n) {
  return n === null || n === undefined ? t("stats.none") : tCount("stats.days", n);
}

function kilobytes(bytes) {
  return t("stats.kb", {n: new Intl.NumberFormat(locale(), {maximumFractionDigits: 0}).format(Math.max(1, bytes / 1024))});
}

function monthName(month) {
  return new Intl.DateTimeFormat(locale(), {month: "long", year: "numeric"}).format(new Date(`${month}-15T12:00:00`));
}
