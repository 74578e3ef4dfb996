// The licensing desk: /staff/licensing (cases by the clock due soonest, at risk and late marked) and
// /staff/licensing/{id} (one case: its clocks with the rule and source of each, consultees, representations
// with who made them, each checked relevant or not with the words the applicant reads, the hearing's day,
// conditions, the decision with reasons, and a licence suspended, reinstated or revoked). A case is read once the
// officer says why (reasons.js; the API audits each reading), and read again with that reason after each change.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, errorsOf, input, onSubmit, select, textarea} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {summaryRow} from "./common.js";
import {keptWhy} from "../reasons.js";
import {reasonFor, reasonForm, why} from "./reasons.js";

const day = iso => (iso ? formatDay(iso, true) : "");

export async function render(view, {url}) {
  const found = url.pathname.match(/^\/staff\/licensing\/(LC-[0-9A-Z]{4,16})$/);
  return found ? one(view, found[1]) : list(view);
}

async function list(view) {
  append(view, h("h1", {class: "heading-l"}, t("staff.licensing.title")));
  let answer;
  try {
    answer = await api("/v1/staff/licensing/cases");
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  if (!answer.cases.length) return append(view, h("p", {class: "body", id: "licensing-none"}, t("staff.licensing.none")));
  append(view, h("div", {class: "table-wrap"}, h("table", {class: "table", id: "licensing-cases"},
    h("thead", {}, h("tr", {}, ["case", "premises", "state", "next"].map(c => h("th", {scope: "col"}, t(`staff.licensing.col_${c}`))))),
    h("tbody", {}, answer.cases.map(c => h("tr", {},
      h("td", {}, h("a", {href: `/staff/licensing/${c.id}`}, c.id)),
      h("td", {}, c.premises.name || c.premises.address || c.type_name), h("td", {}, t(`licensing.state.${c.state}`)),
      h("td", {}, c.next_clock ? `${c.next_clock.label}: ${day(c.next_clock.last_day)}` : "",
        c.late ? h("strong", {class: "tag tag--red"}, t("staff.licensing.late"))
          : c.at_risk ? h("strong", {class: "tag tag--yellow"}, t("staff.licensing.at_risk")) : null)))))));
}

async function one(view, id) {
  const box = h("div", {id: "licensing-case"});
  append(view, box);
  if (reasonFor(id) !== null) return draw(box, id);
  append(box, h("h1", {class: "heading-l"}, t("staff.licensing.case_title", {id})), reasonForm({id,
    formId: "licensing-reason", lead: t("staff.licensing.why_lead"), label: t("staff.licensing.open_case"),
    open: given => draw(box, id, given)}));
}

// `given`: the reason just typed, whose refusal is shown against its box; otherwise the one kept for the case.
async function draw(box, id, given = null) {
  // Read first, then redraw: clearing before the answer came left the case (and its heading) blank meanwhile.
  let c;
  try {
    c = await api(`/v1/staff/licensing/cases/${id}`, {headers: why(given ?? reasonFor(id))});
  } catch (error) {
    if (given !== null) throw error;
    return append(clear(box), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  clear(box);
  const change = (path, body) => api(`/v1/staff/licensing/cases/${id}/${path}`,
    {method: "POST", body, headers: {"If-Match": `"${c.version}"`}}).then(() => draw(box, id));
  append(box, h("h1", {class: "heading-l"}, `${c.premises.name || c.premises.address}: ${id}`),
    h("dl", {class: "summary-list"}, summaryRow(t("staff.licensing.type"), c.type_name), summaryRow(t("staff.licensing.state"), t(`licensing.state.${c.state}`)),
      summaryRow(t("staff.licensing.applicant"), `${c.applicant.name || ""} ${c.applicant.email || ""}`),
      ...c.clocks.map(k => summaryRow(k.label, [h("strong", {}, day(k.last_day)), " ", k.rule,
        h("span", {class: "hint"}, ` (${k.source})${k.note ? ` ${k.note}` : ""}`)]))),
    c.refused ? h("div", {class: "inset"}, c.refused.words) : null,
    c.answers?.length ? h("section", {id: "licensing-answers"}, h("h2", {class: "heading-m"}, t("staff.licensing.answers")),
      h("dl", {class: "summary-list"}, c.answers.map(a => summaryRow(a.question, a.answer)))) : null,
    h("h2", {class: "heading-m"}, t("staff.licensing.consultees")),
    h("ul", {class: "list", id: "licensing-consultees"}, c.consultees.map(k => h("li", {}, k.name, ": ",
      k.answer ? `${t(`staff.licensing.answer.${k.answer}`)}${k.late ? ` (${t("staff.licensing.late")})` : ""}` : t("staff.licensing.waiting"),
      k.words ? h("span", {class: "hint"}, ` ${k.words}`) : null))),
    c.requests?.length ? h("section", {id: "licensing-asked"}, h("h2", {class: "heading-m"}, t("staff.licensing.requests")),
      h("ul", {class: "list"}, c.requests.map(r => h("li", {}, r.words, h("br"), h("span", {class: "hint"},
        r.answer ? t("staff.licensing.answered", {words: r.answer.words}) : t("staff.licensing.unanswered")))))) : null,
    c.documents?.length ? documents(id, c.documents) : null,
    c.checks_asked?.length ? h("section", {id: "licensing-checks"}, h("h2", {class: "heading-m"}, t("staff.licensing.checks")),
      c.check_due ? h("p", {class: "body"}, t("staff.licensing.check_due", {check: c.check_due.check, day: day(c.check_due.due)})) : null,
      h("ul", {class: "list"}, [...c.checks, ...c.nr3s.map(e => ({check: "nr3s", on: e.decided_on, outcome: e.decision}))].map(k =>
        h("li", {}, `${k.check}: ${day(k.on)}, ${k.outcome}${k.certificate ? ` (${k.certificate})` : ""}`)))) : null,
    h("h2", {class: "heading-m"}, t("staff.licensing.representations")),
    ...c.representations.map(r => representation(id, r, () => draw(box, id))));
  const forms = [
    ["requests", [textarea({field: "words", label: t("staff.licensing.request_words"), rows: 3}),
      c.documents?.length ? select({field: "document", label: t("staff.licensing.request_document"),
        options: [{value: "", label: t("staff.licensing.request_no_document")}, ...c.documents.map(d => ({value: d.id, label: d.name}))]}) : null,
      input({field: "reply_by", label: t("staff.licensing.request_reply_by"), type: "date", optional: true})],
    f => ({words: f.elements.words.value.trim(), document: f.elements.document?.value || undefined,
      reply_by: f.elements.reply_by.value || undefined})],
    ["hearing", [input({field: "day", label: t("staff.licensing.hearing_day"), type: "date"}),
      textarea({field: "why", id: "f-hearing-why", label: t("staff.licensing.hearing_why"), optional: true, rows: 2})],
    f => ({day: f.elements.day.value, why: f.elements.why.value.trim() || undefined})],
    ["conditions", [textarea({field: "conditions", label: t("staff.licensing.conditions"), hint: t("staff.licensing.conditions_hint"),
      value: c.conditions.join("\n")})], f => ({conditions: f.elements.conditions.value.split("\n").map(x => x.trim()).filter(Boolean)})],
    ["decision", [choices({field: "outcome", legend: t("staff.licensing.outcome"), options: ["granted", "refused"].map(o =>
      ({value: o, label: t(`staff.licensing.outcome_${o}`)}))}), textarea({field: "reasons", label: t("staff.licensing.reasons")})],
    f => ({outcome: f.elements.outcome.value, reasons: f.elements.reasons.value.trim()})],
  ];
  if (c.checks_asked?.length) {
    forms.push(["checks", [select({field: "check", label: t("staff.licensing.check"), options: c.checks_asked.map(k => ({value: k, label: k}))}),
      input({field: "on", label: t("staff.licensing.check_on"), type: "date"}), choices({field: "outcome", legend: t("staff.licensing.outcome"),
        options: ["clear", "found"].map(o => ({value: o, label: t(`staff.licensing.check_${o}`)}))}),
      input({field: "certificate", label: t("staff.licensing.certificate"), optional: true})],
    f => ({check: f.elements.check.value, on: f.elements.on.value, outcome: f.elements.outcome.value,
      certificate: f.elements.certificate.value.trim() || undefined})]);
  }
  if (c.licence) {
    forms.push(["licence", [choices({field: "action", legend: t("staff.licensing.licence_action"), options:
      ["suspend", "reinstate", "revoke", "surrender"].map(a => ({value: a, label: t(`staff.licensing.action_${a}`)}))}),
    textarea({field: "reasons", id: "f-licence-reasons", label: t("staff.licensing.reasons")})],
    f => ({action: f.elements.action.value, reasons: f.elements.reasons.value.trim()})]);
  }
  for (const [path, fields, bodyOf] of forms) {
    const form = h("form", {novalidate: true, id: `licensing-${path}`}, h("h2", {class: "heading-m"}, t(`staff.licensing.form_${path}`)),
      ...fields, button(t("staff.licensing.save"), {secondary: true}));
    append(box, form);
    onSubmit(form, form, () => change(path, bodyOf(form)));  // its errors on its own fields: two forms have "reasons"
  }
}

function representation(id, r, again) {
  const item = h("section", {class: "inset", id: `rep-${r.id}`},
    h("p", {class: "body"}, r.grounds),
    h("p", {class: "hint"}, `${r.contact.name}, ${r.contact.address}, ${r.contact.email}: ${t(`staff.licensing.rep_${r.state}`)}`),
    r.words ? h("p", {class: "body"}, t("staff.licensing.shared_as"), " ", r.words) : null);
  if (r.state !== "received") return item;
  const form = h("form", {novalidate: true},
    textarea({field: "shared", id: `f-shared-${r.id}`, label: t("staff.licensing.shared"), hint: t("staff.licensing.shared_hint"), rows: 3}),
    textarea({field: "why", id: `f-why-${r.id}`, label: t("staff.licensing.not_relevant_why"), optional: true, rows: 2}),
    button(t("staff.licensing.relevant")), button(t("staff.licensing.not_relevant"), {secondary: true, value: "no", name: "verdict"}));
  onSubmit(form, item, async event => {
    const relevant = event.submitter?.value !== "no";
    await api(`/v1/staff/licensing/cases/${id}/representations/${r.id}/check`, {method: "POST",
      body: {relevant, shared: form.elements.shared.value.trim() || undefined, why: form.elements.why.value.trim() || undefined}});
    again();
  });
  append(item, form);
  return item;
}

// The documents sent: each opened through a link made for this officer (a minute), with the reason the case was
// opened for (audited by the API).
function documents(id, list) {
  const status = h("p", {class: "hint", role: "status", id: "licensing-document-status"});
  return h("section", {id: "licensing-documents"}, h("h2", {class: "heading-m"}, t("staff.licensing.documents")),
    h("ul", {class: "list"}, list.map(d => h("li", {}, d.sent
      ? button(t("staff.licensing.document_open", {name: d.name, file: d.sent.name || d.id}), {type: "button",
        secondary: true, class: "button button--secondary button--small", onclick: async () => {
          try {
            const link = await api(`/v1/staff/licensing/cases/${id}/documents/${d.id}`, {method: "POST", body: {},
              headers: keptWhy(id)});
            status.textContent = t("staff.licensing.document_opened", {name: link.name});
            location.assign(link.url);
          } catch (error) {
            status.textContent = errorsOf(error)[0].message;
          }
        }})
      : `${d.name}: ${t(d.required ? "staff.licensing.document_missing" : "staff.licensing.document_not_sent")}`))),
    status);
}
