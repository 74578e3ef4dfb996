// Licences: /licensing (the council's licence types, each with its fee and the law's periods in words),
// /licensing/apply/{type} (an application or a temporary event notice, then its fee), /licensing/cases/{id}
// (the applicant's case: each date with the rule that sets it, and a licence's renewal), /licensing/register (the public register)
// and /licensing/register/{id} (one case, and a representation while the period is open). The objector's
// name and address go to the licensing officers only: the page says so before they are asked.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, input, onSubmit, select, textarea} from "../forms.js";
import {formatDay, t, tOr} from "../i18n.js";
import {navigate} from "../navigation.js";
import {filePicker, question} from "../forms/questions.js";
import {signedIn} from "../session.js";

const CASE = "LC-[0-9A-Z]{4,16}";
const pounds = pence => `£${(pence / 100).toFixed(2)}`;
const day = iso => (iso ? formatDay(iso, true) : "");

export async function render(view, {params, url}) {
  const path = url.pathname.replace(/\/+$/, "");
  let found;
  if ((found = path.match(/^\/licensing\/apply\/([a-z0-9-]{1,48})$/))) return apply(view, found[1], params);
  if ((found = path.match(new RegExp(`^/licensing/cases/(${CASE})$`)))) return mine(view, found[1]);
  if ((found = path.match(new RegExp(`^/licensing/register/(${CASE})$`)))) return onRegister(view, found[1]);
  if (path === "/licensing/register") return register(view, params);
  return types(view);
}

async function ask(view, path, options) {
  try {
    return await api(path, {auth: signedIn(), ...options});
  } catch (error) {
    append(view, h("p", {class: "body", id: "licensing-error"}, errorsOf(error)[0].message));
    return null;
  }
}

function feeWords(fee) {
  if (!fee) return "";
  if (fee.by_band) return t("licensing.fee_banded", {from: pounds(Math.min(...Object.values(fee.by_band)))});
  return fee.amount ? pounds(fee.amount) : t("licensing.free");
}

async function types(view) {
  append(view, h("h1", {class: "heading-l"}, t("licensing.title")), h("p", {class: "body"}, t("licensing.intro")),
    h("p", {class: "body"}, h("a", {href: "/licensing/register", id: "licensing-register-link"}, t("licensing.register_link"))));
  const answer = await ask(view, "/v1/licensing/types", {auth: false});
  if (!answer) return;
  append(view, ...answer.types.map(type => h("section", {class: "licence-type", id: `type-${type.id}`},
    h("h2", {class: "heading-m"}, type.name),
    h("p", {class: "body"}, t("licensing.fee", {fee: feeWords(type.fee)})),
    type.law.clocks.length ? h("ul", {class: "list list--bullet"}, type.law.clocks.map(c =>
      h("li", {}, c.words, " ", h("span", {class: "hint"}, `(${c.source})`)))) : null,
    h("p", {class: "hint"}, type.law.missed_words),
    h("p", {class: "body"}, signedIn()
      ? h("a", {href: `/licensing/apply/${type.id}`, class: "button"},
        t(type.regime === "temporary_event_notice" ? "licensing.give_notice" : "licensing.apply"))
      : h("a", {href: `/sign-in?next=/licensing/apply/${type.id}`}, t("licensing.sign_in_to_apply"))))));
}

// A business's page links here with its trading name, address and UPRN (?name=&address=&uprn=): not asked again.
async function apply(view, typeId, params) {
  const from = {name: params.get("name") || "", address: params.get("address") || "", uprn: params.get("uprn") || undefined};
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, {replace: true});
  const answer = await ask(view, "/v1/licensing/types");
  const type = answer?.types.find(x => x.id === typeId);
  if (!type) return append(view, h("h1", {class: "heading-l"}, t("licensing.no_type")));
  const notice = type.regime === "temporary_event_notice";
  const bands = type.fee?.by_band ? Object.entries(type.fee.by_band) : null;
  const purposes = (type.purposes || ["new"]).filter(p => p !== "renewal");
  // The type's questions: its form on the forms engine, drawn by the forms' own renderer, checked by the API.
  const asked = type.form ? await api(`/v1/forms/${type.form}`).catch(() => null) : null;
  const readers = [];
  let pickers;
  const form = h("form", {novalidate: true, id: "licensing-apply"},
    purposes.length > 1 ? [choices({field: "purpose", legend: t("licensing.purpose"), value: "new",
      options: purposes.map(p => ({value: p, label: t(`licensing.purpose_${p}`)}))}),
      input({field: "varies", label: t("licensing.varies_number"), hint: t("licensing.varies_hint"), optional: true}),
      // A minor variation's kinds of change, in the law's words from the API (s.41A): asked of that purpose only.
      type.changes?.minor_variation ? choices({field: "changes", multiple: true, optional: true,
        legend: t("licensing.changes"), options: type.changes.minor_variation.map(c => ({value: c.id, label: c.label}))})
        : null] : null,
    input({field: "premises.name", label: t("licensing.premises_name"), optional: true, value: from.name}),
    // A street trader's "premises" is the street traded in, and the register shows it: never filled in with a home.
    input({field: "premises.address", value: from.address,
      label: tOr(`licensing.premises_address.${type.regime}`, t("licensing.premises_address")),
      hint: tOr(`licensing.premises_hint.${type.regime}`, undefined),
      autocomplete: type.regime === "street_trading" ? "off" : "street-address"}),
    bands ? select({field: "band", label: t("licensing.band"), hint: t("licensing.band_hint"),
      options: bands.map(([band, pence]) => ({value: band, label: `${type.law.fee_bands?.[band] || band}: ${pounds(pence)}`}))})
      : null,
    notice ? [input({field: "event.first_day", label: t("licensing.event_first_day"), type: "date"}),
      input({field: "event.start", label: t("licensing.event_start"), type: "time", value: "12:00"}),
      input({field: "event.hours", label: t("licensing.event_hours"), type: "number", inputmode: "numeric"}),
      input({field: "event.people", label: t("licensing.event_people"), hint: t("licensing.event_people_hint"),
        type: "number", inputmode: "numeric"}),
      choices({field: "event.personal_licence", legend: t("licensing.personal_licence"), options: [
        {value: "yes", label: t("licensing.yes")}, {value: "no", label: t("licensing.no")}], value: "no"})] : null,
    (asked?.pages || []).map(p => h("div", {}, p.title ? h("h2", {class: "heading-m"}, p.title) : null,
      p.questions.map(q => {
        const x = question({...q, id: `answers.${q.id}`});
        readers.push([q.id, x.read]);
        return x.el;
      }))),
    ...(pickers = documentPickers(type.documents)).map(p => p.el),
    button(t("licensing.continue_to_pay")));
  append(view, h("h1", {class: "heading-l"}, type.name), h("p", {class: "body"}, t("licensing.fee", {fee: feeWords(type.fee)})), form);
  let made, sent, key;  // one draft per answers: sent again (a document added after a 422) it is the same case
  onSubmit(form, view, async () => {
    const value = name => form.elements[name]?.value?.trim() || undefined;
    const body = {type: typeId, premises: {name: value("premises.name"), address: value("premises.address"), uprn: from.uprn},
      band: value("band"), applicant: {}};
    if (readers.length) body.answers = Object.fromEntries(readers.map(([id, read]) => [id, read(form)]));
    if (purposes.length > 1) {
      body.purpose = form.elements.purpose.value;
      if (body.purpose !== "new" && value("varies")) body.varies = value("varies");
      if (body.purpose === "minor_variation") body.changes = [...form.querySelectorAll("[name=changes]:checked")].map(c => c.value);
    }
    if (notice) {
      body.event = {first_day: value("event.first_day"), start: value("event.start"),
        hours: Number(value("event.hours")) || undefined, people: Number(value("event.people")) || undefined,
        personal_licence: form.elements["event.personal_licence"].value === "yes"};
    }
    if (JSON.stringify(body) !== sent) [made, sent, key] = [null, JSON.stringify(body), crypto.randomUUID()];
    made ??= await api("/v1/licensing/cases", {method: "POST", body, headers: {"Idempotency-Key": key}});
    await sendDocuments(made.id, pickers);
    const paying = await api(`/v1/licensing/cases/${made.id}/pay`, {method: "POST", body: {}});
    if (paying.payment?.next_url) location.assign(paying.payment.next_url);
    else navigate(`/licensing/cases/${made.id}`);
  });
}

// The form's questions as answered (the register: only those the form marks public).
export const answered = list => h("dl", {class: "summary-list", id: "licensing-answers"}, list.map(a =>
  h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, a.question),
    h("dd", {class: "summary-list__value"}, a.answer))));

function clocks(list) {
  return h("dl", {class: "summary-list", id: "licensing-clocks"}, list.map(c => h("div", {class: "summary-list__row"},
    h("dt", {class: "summary-list__key"}, c.label),
    h("dd", {class: "summary-list__value"}, h("strong", {}, day(c.last_day)), h("br"), c.rule,
      h("span", {class: "hint"}, ` (${c.source})`), c.note ? h("span", {class: "hint"}, ` ${c.note}`) : null))));
}

async function mine(view, id) {
  const found = await ask(view, `/v1/licensing/cases/${id}`);
  if (!found) return;
  append(view, h("h1", {class: "heading-l"}, `${found.premises.name || found.premises.address}: ${id}`),
    h("p", {class: "body", id: "licensing-state"}, h("strong", {class: "tag"}, t(`licensing.state.${found.state}`))),
    found.purpose === "variation" ? h("p", {class: "body", id: "licensing-varies"},
      found.varies ? t("licensing.varies", {number: found.varies}) : t("licensing.purpose_variation")) : null,
    found.refused ? h("div", {class: "inset", id: "licensing-refused"}, found.refused.words) : null,
    found.clocks.length ? clocks(found.clocks) : null,
    found.event?.late ? h("p", {class: "body"}, t("licensing.late_notice")) : null,
    found.representations.length ? h("section", {id: "licensing-representations"},
      h("h2", {class: "heading-m"}, t("licensing.representations")),
      h("ul", {class: "list list--bullet"}, found.representations.map(r => h("li", {}, r.words)))) : null,
    found.decision?.outcome ? h("section", {id: "licensing-decision"}, h("h2", {class: "heading-m"}, t("licensing.decision")),
      h("p", {class: "body"}, t(`licensing.state.${found.decision.outcome}`), ": ", found.decision.reasons)) : null,
    found.conditions.length ? h("ul", {class: "list list--bullet", id: "licensing-conditions"},
      found.conditions.map(c => h("li", {}, c))) : null,
    found.answers?.length ? answered(found.answers) : null,
    found.requests?.length ? requests(view, found) : null,
    found.documents?.length ? documents(view, found) : null,
    (found.kind === "notice" ? ["given", "objected", "hearing"] : ["received", "hearing"]).includes(found.state)
      ? withdrawal(view, found) : null,
    found.state === "withdrawn" && found.decision?.rule ? h("p", {class: "body", id: "licensing-withdrawn"},
      found.decision.rule) : null,
    found.renews ? h("p", {class: "body", id: "licensing-renews"},
      t("licensing.renews", {number: found.renews.number, to: day(found.renews.to)})) : null,
    found.licence?.to ? renewal(view, found) : null,
    found.licence && !found.licence.to && found.annual_fee !== undefined ? annualFee(view, found) : null);
}

// A licence with no end but an annual fee (s.55): paid from here (the reminder's link); unpaid, suspended (s.55A).
function annualFee(view, found) {
  const {licence, annual_fee: fee} = found;
  const go = button(t("licensing.pay_annual_fee"), {type: "button", id: "licensing-pay-annual-fee"});
  go.addEventListener("click", async () => {
    go.disabled = true;
    const paying = await ask(view, `/v1/licensing/cases/${found.id}/annual-fee/pay`, {method: "POST", body: {}});
    if (paying?.payment?.next_url) location.assign(paying.payment.next_url);
    go.disabled = false;
  });
  return h("section", {id: "licensing-annual-fee"}, h("h2", {class: "heading-m"}, t("licensing.annual_fee")),
    h("p", {class: "body"}, t(`licensing.licence_${licence.state}`)),
    fee?.notice ? h("p", {class: "inset"}, t("licensing.fee_notice", {due: day(fee.notice.due), on: day(fee.notice.suspends_on)})) : null,
    fee?.paid?.length ? h("p", {class: "hint"}, t("licensing.fee_paid", {due: day(fee.paid.at(-1))})) : null,
    ["current", "suspended"].includes(licence.state) ? go : null);
}

// A licence with an end: renewed from here (the reminder's link) with what was given last time, then paid.
function renewal(view, found) {
  const {licence} = found;
  const section = h("section", {id: "licensing-licence"}, h("p", {class: "body"},
    t("licensing.licence", {number: licence.number, from: day(licence.from), to: day(licence.to)})));
  if (licence.state !== "current") return section;
  const go = button(t("licensing.renew"), {type: "button", id: "licensing-renew"});
  go.addEventListener("click", async () => {
    go.disabled = true;
    const made = await ask(view, `/v1/licensing/cases/${found.id}/renew`, {method: "POST", body: {}});
    const paying = made && await ask(view, `/v1/licensing/cases/${made.id}/pay`, {method: "POST", body: {}});
    if (paying?.payment?.next_url) location.assign(paying.payment.next_url);
    else if (made) navigate(`/licensing/cases/${made.id}`);
    go.disabled = false;
  });
  append(section, h("p", {class: "hint"}, t("licensing.renew_hint", {to: day(licence.to)})), go);
  return section;
}

async function register(view, params) {
  const words = params.get("q") || "";
  const form = h("form", {method: "get", action: "/licensing/register", id: "register-search"},
    input({field: "q", label: t("licensing.search"), value: words}), button(t("licensing.search_button")));
  append(view, h("h1", {class: "heading-l"}, t("licensing.register_title")), h("p", {class: "body"}, t("licensing.register_intro")),
    form, h("p", {class: "body"}, h("a", {href: "/v1/licensing/register.csv", download: "licensing-register.csv"},
      t("licensing.open_data"))));
  const answer = await ask(view, `/v1/licensing/register?${query({q: words || undefined})}`, {auth: false});
  if (!answer) return;
  if (!answer.cases.length) return append(view, h("p", {class: "body", id: "register-empty"}, t("licensing.register_empty")));
  append(view, h("ul", {class: "list", id: "register-list"}, answer.cases.map(c => h("li", {},
    h("a", {href: `/licensing/register/${c.id}`}, c["premises.name"] || c["premises.address"] || c.id),
    " ", h("span", {class: "hint"}, `${c.type_name}${c.purpose === "variation" ? ` (${t("licensing.a_variation")})` : ""}: ${t(`licensing.state.${c.state}`)}`,
      c.representations_until ? ` ${t("licensing.until", {day: day(c.representations_until)})}` : "")))));
}

async function onRegister(view, id) {
  const found = await ask(view, `/v1/licensing/register/${id}`, {auth: false});
  if (!found) return;
  append(view, h("h1", {class: "heading-l"}, found["premises.name"] || found["premises.address"] || id),
    h("p", {class: "body"}, `${found.type_name}: ${t(`licensing.state.${found.state}`)}`),
    found["premises.address"] ? h("p", {class: "body"}, found["premises.address"]) : null,
    found.answers?.length ? answered(found.answers) : null);
  if (!found.representations.open) {
    return append(view, h("p", {class: "body", id: "representations-closed"}, found.representations.last_day
      ? t("licensing.closed_on", {day: day(found.representations.last_day)}) : t("licensing.not_open")));
  }
  const form = h("form", {novalidate: true, id: "representation-form"},
    textarea({field: "grounds", label: t("licensing.grounds"), hint: t("licensing.grounds_hint")}),
    choices({field: "objectives", legend: t("licensing.objectives"), multiple: true, optional: true,
      options: ["crime_and_disorder", "public_safety", "public_nuisance", "children"].map(o =>
        ({value: o, label: t(`licensing.objective.${o}`)}))}),
    input({field: "name", label: t("licensing.your_name"), autocomplete: "name"}),
    input({field: "email", label: t("licensing.your_email"), type: "email", autocomplete: "email"}),
    input({field: "address", label: t("licensing.your_address"), autocomplete: "street-address"}),
    h("p", {class: "body"}, t("licensing.private")), button(t("licensing.send")));
  append(view, h("h2", {class: "heading-m"}, t("licensing.make", {day: day(found.representations.last_day)})), form);
  onSubmit(form, view, async () => {
    const value = name => form.elements[name].value.trim();
    const objectives = [...form.querySelectorAll("input[name=objectives]:checked")].map(i => i.value);
    await api(`/v1/licensing/cases/${id}/representations`, {method: "POST", auth: false,
      body: {grounds: value("grounds"), name: value("name"), email: value("email"), address: value("address"), objectives}});
    form.replaceWith(h("div", {class: "panel", id: "representation-sent", role: "status"}, t("licensing.sent")));
  });
}

// Each document the type asks for, as a file question (the one upload path; a photo shrunk and its EXIF gone).
function documentPickers(list = []) {
  return list.map(d => ({id: d.id, ...filePicker({id: `document-${d.id}`, label: d.name, types: DOCUMENT_TYPES,
    hint: d.required ? t("licensing.document_required") : t("licensing.document_optional")}, d.sent)}));
}

const DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.oasis.opendocument.text"];

async function sendDocuments(id, pickers) {
  for (const p of pickers) {
    const [file] = p.read() || [];  // one sent before comes back as it was: the server changes nothing for it
    if (file) {
      await api(`/v1/licensing/cases/${id}/documents/${p.id}`, {method: "POST", body: {upload_id: file.upload_id, name: file.name}});
    }
  }
}

// The documents on a case: those sent, and until it is decided, each sent or replaced from here.
function documents(view, found) {
  const open = ["draft", "received", "hearing", "given"].includes(found.state);
  const section = h("section", {id: "licensing-documents"}, h("h2", {class: "heading-m"}, t("licensing.documents")));
  if (!open) {
    return append(section, h("ul", {class: "list"}, found.documents.map(d => h("li", {}, d.name, ": ",
      d.sent ? d.sent.name || t("licensing.document_sent") : t("licensing.document_not_sent")))));
  }
  const pickers = documentPickers(found.documents);
  const form = h("form", {novalidate: true, id: "licensing-documents-form"}, ...pickers.map(p => p.el),
    button(t("licensing.documents_send"), {secondary: true}));
  onSubmit(form, view, async () => {
    await sendDocuments(found.id, pickers);
    navigate(location.pathname, {replace: true});
  });
  return append(section, form);
}

// Withdrawing before the decision: the fee refunded or kept by the type's rule, which the answer says.
function withdrawal(view, found) {
  const k = found.kind === "notice" ? "withdraw_notice" : "withdraw";
  const form = h("form", {novalidate: true, id: "licensing-withdraw"}, h("h2", {class: "heading-m"}, t(`licensing.${k}_title`)),
    h("p", {class: "body"}, t(`licensing.${k}_hint`)), button(t(`licensing.${k}`), {warning: true}));
  onSubmit(form, view, async () => {
    await api(`/v1/licensing/cases/${found.id}/withdraw`, {method: "POST", body: {}});
    navigate(location.pathname, {replace: true});
  });
  return form;
}

// The licensing team's requests, each answered here in words (a document asked for goes with the documents).
function requests(view, found) {
  const open = ["received", "hearing"].includes(found.state);
  return h("section", {id: "licensing-requests"}, h("h2", {class: "heading-m"}, t("licensing.requests")),
    ...found.requests.map(r => {
      const item = h("div", {class: "inset", id: `request-${r.id}`}, h("p", {class: "body"}, r.words),
        r.reply_by ? h("p", {class: "hint"}, t("licensing.reply_by", {day: day(r.reply_by)})) : null,
        r.answer ? h("p", {class: "body"}, t("licensing.your_answer"), " ", r.answer.words) : null);
      if (!open) return item;
      const form = h("form", {novalidate: true}, textarea({field: "words", id: `f-words-${r.id}`, label: t("licensing.answer"), rows: 3,
        value: r.answer?.words || ""}), button(t("licensing.send_answer"), {secondary: true}));
      onSubmit(form, item, async () => {
        await api(`/v1/licensing/cases/${found.id}/requests/${r.id}/answer`, {method: "POST",
          body: {words: form.elements.words.value.trim()}});
        navigate(location.pathname, {replace: true});
      });
      return append(item, form);
    }));
}
