// Petitions at the desk: the queue by state; one petition's moderation,
// response and debate (If-Match: the version read), invalidation and audit.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, dateInput, dateValue, errorsOf, input, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDate, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";

const STATES = ["sponsored", "pending", "open", "closed", "rejected"];
const REASONS = ["duplicate", "not_council", "no_action", "offensive", "irrelevant", "personal", "legal"];

export async function render(view, {path, params}) {
  const found = path.match(/^\/staff\/petitions\/(PT-[0-9A-Z]{6})$/);
  return found ? one(view, found[1]) : queue(view, params);
}

async function queue(view, params) {
  const state = STATES.includes(params.get("state")) ? params.get("state") : "sponsored";
  append(view, h("h1", {class: "heading-l"}, t("staff.petitions.title")),
    h("nav", {"aria-label": t("staff.petitions.states")}, h("ul", {class: "list list--inline"},
      STATES.map(s => h("li", {}, s === state ? h("strong", {"aria-current": "page"}, t(`staff.petitions.state.${s}`))
        : h("a", {href: `/staff/petitions?state=${s}`}, t(`staff.petitions.state.${s}`)))))));
  let answer;
  try {
    answer = await api(`/v1/staff/petitions?${query({state, cursor: params.get("cursor") || undefined})}`);
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  if (!answer.petitions.length) return append(view, h("p", {class: "body", id: "no-petitions"}, t("staff.petitions.none")));
  append(view, h("div", {class: "table-wrap"}, h("table", {class: "table", id: "petition-queue"},
    h("caption", {class: "visually-hidden"}, t("staff.petitions.title")),
    h("thead", {}, h("tr", {}, ["action", "signatures", "sponsors", "created"].map(k =>
      h("th", {scope: "col"}, t(`staff.petitions.col_${k}`))))),
    h("tbody", {}, answer.petitions.map(p => h("tr", {},
      h("th", {scope: "row"}, h("a", {href: `/staff/petitions/${p.id}`}, p.action)),
      h("td", {}, String(p.signature_count)), h("td", {}, `${p.sponsor_count} / ${p.sponsors_needed}`),
      h("td", {}, formatDate(p.created_at))))))));
  if (answer.next_cursor) {
    append(view, h("p", {class: "body"}, h("a", {href: `/staff/petitions?${query({state, cursor: answer.next_cursor})}`},
      t("staff.petitions.more"))));
  }
}

function filled(form, names, body = {}) {
  for (const f of names) {
    const value = form.elements[f].value.trim();
    if (value) body[f] = value;
  }
  return body;
}

const section = (title, ...children) => [h("h2", {class: "heading-m"}, title), ...children];

async function one(view, id) {
  let p;
  try {
    p = await api(`/v1/staff/petitions/${id}`);
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("staff.petitions.not_found")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const again = () => navigate(`/staff/petitions/${id}`, {replace: true});
  const change = (what, body) => api(`/v1/staff/petitions/${id}/${what}`, {method: "POST", body,
    headers: {"If-Match": `"${p.version}"`}});
  append(view, h("p", {class: "caption"}, t(`staff.petitions.state.${p.state}`)),
    h("h1", {class: "heading-l"}, p.action), h("p", {class: "body"}, p.background),
    p.details ? h("p", {class: "body"}, p.details) : null,
    h("p", {class: "body", id: "petition-counts"}, tCount("staff.petitions.counts", p.signature_count, {
      sponsors: p.sponsor_count, needed: p.sponsors_needed})),
    h("p", {class: "body"}, h("a", {href: `/petitions/${p.id}`}, t("staff.petitions.public"))));
  if (["pending", "sponsored"].includes(p.state)) {
    const publish = h("form", {novalidate: true, id: "publish-form"},
      textarea({field: "note", label: t("staff.petitions.note"), optional: true, rows: 2}),
      button(t("staff.petitions.publish")));
    onSubmit(publish, view, async () => {
      await change("publish", filled(publish, ["note"]));
      again();
    }, {note: t("staff.petitions.note")});
    const reject = h("form", {novalidate: true, id: "reject-form"},
      choices({field: "reason", legend: t("staff.petitions.reason"),
        options: REASONS.map(r => ({value: r, label: t(`staff.petitions.reason.${r}`)}))}),
      textarea({field: "note", label: t("staff.petitions.reject_note"), optional: true, rows: 2}),
      button(t("staff.petitions.reject"), {warning: true}));
    onSubmit(reject, view, async () => {
      await change("reject", filled(reject, ["note"], {reason: reject.elements.reason.value}));
      again();
    }, {reason: t("staff.petitions.reason"), note: t("staff.petitions.reject_note")});
    append(view, section(t("staff.petitions.publish_title"), publish), section(t("staff.petitions.reject_title"), reject));
  }
  if (["open", "closed"].includes(p.state)) {
    const respond = h("form", {novalidate: true, id: "response-form"},
      textarea({field: "text", label: t("staff.petitions.response"), value: p.response?.text || "", rows: 5}),
      button(t("staff.petitions.respond")));
    onSubmit(respond, view, async () => {
      await change("response", {text: respond.elements.text.value.trim()});
      again();
    }, {text: t("staff.petitions.response")});
    const debate = h("form", {novalidate: true, id: "debate-form"},
      dateInput({field: "date", legend: t("staff.petitions.debate_date"), value: p.debate?.date}),
      textarea({field: "note", label: t("staff.petitions.debate_note"), optional: true, rows: 2,
        value: p.debate?.note || ""}),
      button(t("staff.petitions.schedule")));
    onSubmit(debate, view, async () => {
      await change("debate", filled(debate, ["note"], {date: dateValue(debate, "date")}));
      again();
    }, {date: t("staff.petitions.debate_date"), note: t("staff.petitions.debate_note")});
    const invalidate = h("form", {novalidate: true, id: "invalidate-form"},
      h("p", {class: "body"}, t("staff.petitions.invalidate_lead")),
      input({field: "domain", label: t("staff.petitions.domain"), optional: true}),
      input({field: "postcode", label: t("staff.petitions.postcode"), optional: true}),
      input({field: "client", label: t("staff.petitions.client"), optional: true}),
      button(t("staff.petitions.invalidate"), {warning: true}));
    const outcome = h("p", {class: "body", id: "invalidate-outcome", role: "status"});
    onSubmit(invalidate, view, async () => {
      const body = filled(invalidate, ["domain", "postcode", "client"]);
      // Each box may be left empty, not all three: said at the first, before the API is asked.
      if (!Object.keys(body).length) throw new Invalid([{field: "domain", message: t("staff.petitions.invalidate_missing")}]);
      const done = await api(`/v1/staff/petitions/${id}/invalidate`, {method: "POST", body});
      outcome.textContent = tCount("staff.petitions.invalidated", done.invalidated, {uncounted: done.uncounted,
        total: done.signature_count});
    }, {domain: t("staff.petitions.domain"), postcode: t("staff.petitions.postcode"),
      client: t("staff.petitions.client")});
    append(view, section(t("staff.petitions.response_title"), respond),
      section(t("staff.petitions.debate_title"), debate),
      section(t("staff.petitions.invalidate_title"), invalidate, outcome));
  }
  append(view, section(t("staff.petitions.audit"), h("ul", {class: "list", id: "petition-audit"},
    p.audit.length ? p.audit.map(e => h("li", {}, `${formatDate(e.at, true)}: ${t(`staff.petitions.action.${e.action}`)}`,
      ` (${e.by})`)) : h("li", {}, t("staff.petitions.no_audit")))));
}
