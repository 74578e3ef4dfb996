// Payment runs: /landlords/runs (newest first, searchable by the period paid
// in), /landlords/runs/{ref} (one run's lines, a page of PAGE at a time so a
// housing association's 2,000 lines never make a phone draw 14,000 cells; the
// whole run is fetched once and kept while its pages are turned), its CSV for
// a finance system, and /landlords/runs/{ref}/print (the remittance advice,
// every line, laid out for paper).
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, dateInput, dateValue, onSubmit} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {age, ask, back, pounds, row, wide} from "./common.js";

const PAGE = 100;
let kept = null;  // {ref, run}: the run last opened, so turning its pages reads nothing again

async function runOf(view, ref) {
  if (kept?.ref !== ref) {
    const run = await ask(view, `/v1/me/landlord/runs/${ref}`);
    kept = run ? {ref, run} : null;
  }
  return kept?.run;
}

async function list(view, params) {
  const chosen = {from: params.get("from") || "", to: params.get("to") || ""};
  const form = h("form", {novalidate: true, id: "landlord-period"},
    dateInput({field: "from", legend: t("ll.runs.from"), value: chosen.from, optional: true}),
    dateInput({field: "to", legend: t("ll.runs.to"), value: chosen.to, optional: true}),
    button(t("ll.runs.show"), {secondary: true}));
  onSubmit(form, view, async () => {
    const asked = query({from: dateValue(form, "from"), to: dateValue(form, "to")});
    await api(`/v1/me/landlord/runs?${asked}`);  // the API's words for a date it cannot read, at its field
    await navigate(`/landlords/runs?${asked}`);
  }, {from: t("ll.runs.from"), to: t("ll.runs.to")});
  append(view, back(), h("h1", {class: "heading-l"}, t("ll.runs.title")), form);
  const answer = await ask(view, `/v1/me/landlord/runs?${query(chosen)}`);
  if (!answer) return;
  if (!answer.runs.length) return append(view, age(answer), h("p", {class: "body", id: "landlord-runs"}, t("ll.runs.none")));
  append(view, age(answer), wide(t("ll.runs.title"), h("table", {class: "table", id: "landlord-runs"},
    h("thead", {}, h("tr", {}, ["paid_on", "lines", "total"].map(k =>
      h("th", {scope: "col", class: k === "paid_on" ? null : "table__number"}, t(`ll.runs.${k}`))))),
    h("tbody", {}, answer.runs.map(r => h("tr", {},
      h("th", {scope: "row"}, h("a", {href: `/landlords/runs/${r.run_ref}`}, formatDay(r.paid_on, true))),
      h("td", {class: "table__number"}, r.lines.toLocaleString("en-GB")),
      h("td", {class: "table__number"}, pounds(r.total))))))));
}

function lines(items, caption) {
  return wide(caption, h("table", {class: "table landlord-lines", id: "landlord-lines"},
    h("caption", {class: "visually-hidden"}, caption),
    h("thead", {}, h("tr", {}, ["claim", "tenant", "period", "amount", "recovered"].map(k =>
      h("th", {scope: "col", class: ["amount", "recovered"].includes(k) ? "table__number" : null}, t(`ll.line.${k}`))))),
    h("tbody", {}, items.map(l => h("tr", {},
      h("td", {}, h("a", {href: `/landlords/claims/${l.claim_ref}`}, l.claim_ref)),
      h("th", {scope: "row"}, l.tenant, h("br"), h("span", {class: "hint"}, `${l.address}, ${l.postcode}`)),
      h("td", {}, t("ll.line.from_to", {from: formatDate(l.period_start), to: formatDate(l.period_end)})),
      h("td", {class: "table__number"}, pounds(l.amount)),
      h("td", {class: "table__number"}, l.recovered ? pounds(l.recovered) : "–"))))));
}

async function download(view, ref, note) {
  const text = await api(`/v1/me/landlord/runs/${ref}/csv`, {headers: {Accept: "text/csv"}});
  const link = h("a", {href: URL.createObjectURL(new Blob([text], {type: "text/csv"})), download: `${ref}.csv`});
  document.body.append(link);
  link.click();
  link.remove();
  note.textContent = t("ll.run.downloaded", {file: `${ref}.csv`});
}

async function one(view, ref, params) {
  const run = await runOf(view, ref);
  if (!run) return;
  const pages = Math.max(1, Math.ceil(run.items.length / PAGE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(params.get("page") || "1", 10) || 1));
  const note = h("p", {class: "body", role: "status", id: "landlord-csv-done"});
  const csv = h("form", {class: "inline-form", id: "landlord-csv"}, button(t("ll.run.csv"), {secondary: true}));
  onSubmit(csv, view, () => download(view, ref, note));
  const turn = (n, key) => h("li", {}, h("a", {href: `/landlords/runs/${ref}?page=${n}`, rel: key}, t(`ll.run.${key}`)));
  append(view, back("/landlords/runs", "ll.runs.back"), h("span", {class: "caption"}, ref),
    h("h1", {class: "heading-l"}, t("ll.run.title", {day: formatDay(run.paid_on, true)})), age(run),
    h("dl", {class: "summary-list", id: "landlord-run"}, row("ll.run.total", pounds(run.total)),
      row("ll.run.lines", run.items.length.toLocaleString("en-GB")),
      row("ll.run.fetched", formatDate(run.fetched_at, true))),
    csv, note, h("p", {class: "body no-print"}, h("a", {href: `/landlords/runs/${ref}/print`, id: "landlord-print-link"},
      t("ll.run.print"))),
    h("h2", {class: "heading-m", id: "landlord-page"}, t("ll.run.page", {page, pages,
      first: (page - 1) * PAGE + 1, last: Math.min(page * PAGE, run.items.length)})),
    lines(run.items.slice((page - 1) * PAGE, page * PAGE), t("ll.run.lines_caption", {page, pages})),
    h("nav", {class: "pagination", "aria-label": t("ll.run.pages")}, h("ul", {class: "list list--inline"},
      page > 1 ? turn(page - 1, "prev") : null, page < pages ? turn(page + 1, "next") : null)));
}

async function print(view, ref, landlord) {
  const run = await runOf(view, ref);
  if (!run) return;
  append(view, h("div", {class: "no-print"}, back(`/landlords/runs/${ref}`, "ll.print.back"),
    h("p", {class: "body"}, button(t("ll.print.press"), {type: "button", onclick: () => window.print()}))),
  h("h1", {class: "heading-l"}, t("ll.print.title")),
  h("dl", {class: "summary-list landlord-remittance"}, row("ll.print.to", landlord.name),
    row("ll.print.creditor", landlord.creditor_ref), row("ll.print.reference", ref),
    row("ll.print.paid_on", formatDay(run.paid_on, true)), row("ll.run.total", pounds(run.total)),
    row("ll.run.lines", tCount("ll.print.lines", run.items.length))),
  lines(run.items, t("ll.print.title")));
}

export async function render(view, {path, params, landlord}) {
  const [, ref, printing] = path.match(/^\/landlords\/runs(?:\/([A-Z0-9]{4,30})(\/print)?)?$/);
  if (!ref) return list(view, params);
  return printing ? print(view, ref, landlord) : one(view, ref, params);
}
