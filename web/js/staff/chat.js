// Live chat at the desk: the queue, taking one, answering (templates),
// making a report from what was said or linking one, closing.
import {api, ApiError} from "../api.js";
import {ChatLog, newKey} from "../chat-log.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, input, Invalid, onSubmit, select, textarea} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {fieldInput, fieldValue, missing} from "../report/fields.js";
import {navigate} from "../navigation.js";
import {placePicker} from "../where.js";
import {staffServices} from "./common.js";
import {deskSocket} from "./desk-socket.js";

const API = "/v1/staff/conversations";
const page = id => `/staff/chat/${id}`;

export async function render(view, {path}) {
  const id = path.split("/")[3];
  const status = h("p", {class: "body", id: "chat-status", role: "status"});
  // A refused action (taken first, too many at once) is said in the status.
  const act = (url, body = {}, next = path) => api(url, {method: "POST", body}).then(() => navigate(next, {replace: true}),
    error => { status.textContent = errorsOf(error)[0].message; });
  return id ? conversation(view, id, status, act) : queue(view, status, act);
}

const about = c => [c.screen && t("staff.chat.from_screen", {screen: c.screen}),
  c.report_id && t("staff.chat.about_report", {id: c.report_id}),
  c.uprn && t("staff.chat.about_property", {uprn: c.uprn})].filter(Boolean).join("; ");
const named = c => c.name || t("staff.chat.someone");
// What a waiting resident was offered and chose (chat-wait.js), as the desk reads it.
const offered = c => [c.offered_at && t("staff.chat.offered", {time: formatDate(c.offered_at, true)}),
  c.choice && t(`staff.chat.chose_${c.choice}`)].filter(Boolean).join("; ");

async function queue(view, status, act) {
  const waiting = h("ul", {class: "list", id: "chat-waiting"});
  const mine = h("ul", {class: "list", id: "chat-mine"});
  append(view, h("h1", {class: "heading-l"}, t("staff.chat.title")), status, searchForm(view),
    h("h2", {class: "heading-m"}, t("staff.chat.waiting")), waiting, h("h2", {class: "heading-m"}, t("staff.chat.mine")), mine);
  let shown;
  const refresh = async given => {
    const q = given || await api(API);
    const now = JSON.stringify([q.waiting.map(c => [c.id, Math.floor(c.waited_s / 60), offered(c)]), q.mine.map(c => c.id)]);
    if (now === shown || waiting.contains(document.activeElement)) return;  // never redrawn under the focus
    shown = now;
    waiting.replaceChildren(...q.waiting.map(c => h("li", {class: "chat__row"},
      h("strong", {}, named(c)), ` — ${about(c.context)} — `, t("staff.chat.waited", {n: Math.floor(c.waited_s / 60)}),
      offered(c) && h("span", {class: "chat__offer"}, ` — ${offered(c)}`), " ",
      button(t("staff.chat.take"), {type: "button", secondary: true, "aria-label": t("staff.chat.take_named", {name: named(c)}),
        onclick: () => act(`${API}/${c.id}/take`, {}, page(c.id))}))));
    mine.replaceChildren(...q.mine.map(c => h("li", {}, h("a", {href: page(c.id)}, named(c)), ` — ${about(c.context)}`)));
    if (!q.waiting.length) waiting.append(h("li", {}, t("staff.chat.none_waiting")));
  };
  // Nudged over the socket when the queue changes; polled every 3 s without one (and each
  // minute with one, for the minutes waited).
  let socket = null;
  let read = 0;
  const fresh = given => refresh(given).then(() => { read = Date.now(); });
  const tick = () => {
    if (!view.isConnected) return socket?.close();
    const due = !socket?.open() || Date.now() - read > 60000;
    (due ? fresh() : Promise.resolve()).catch(() => null).finally(() => setTimeout(tick, 3000));
  };
  const first = await api(API).catch(error => { status.textContent = errorsOf(error)[0].message; });
  if (first) await fresh(first).catch(() => null);
  socket = deskSocket(view, waiting, first?.socket_url, {desk: "queue"},
    message => message.type === "queue" && fresh().catch(() => null));
  setTimeout(tick, 3000);
}

// Search by a conversation's or a report's reference, or the resident's e-mail or phone.
function searchForm(view) {
  const found = h("div", {id: "chat-found", "aria-live": "polite"});
  const form = h("form", {novalidate: true, id: "chat-search", role: "search"},
    input({field: "q", label: t("staff.chat.search"), hint: t("staff.chat.search_hint"), type: "search",
      autocomplete: "off", spellcheck: "false"}), button(t("staff.chat.search_button"), {secondary: true}));
  onSubmit(form, view, async () => {
    const q = form.elements.q.value.trim();
    if (!q) throw new Invalid([{field: "q", message: t("staff.chat.search_required")}]);
    const {conversations} = await api(`${API}/search?q=${encodeURIComponent(q)}`);
    found.replaceChildren(conversations.length ? h("ul", {class: "list"}, conversations.map(c => h("li", {},
      h("a", {href: page(c.id)}, `${named(c)} (${c.id})`), ` — ${[t(`staff.chat.state_${c.state}`), about(c.context)]
        .filter(Boolean).join("; ")}`))) : h("p", {class: "body"}, t("staff.chat.search_none", {q})));
  }, {q: t("staff.chat.search")});
  return [form, found];
}

async function conversation(view, id, status, act) {
  const [c, {templates}] = await Promise.all([api(`/v1/conversations/${id}`),
    api("/v1/staff/templates").catch(() => ({templates: []}))]);
  const log = new ChatLog({path: `/v1/conversations/${id}/messages`, side: "staff", socket: c.socket_url});
  const contact = c.contact || {};
  const context = h("p", {class: "inset", id: "chat-context"});
  const show = now => { context.textContent = [about(now.context), contact.email, contact.phone, now.officer_name,
    ...now.report_ids].filter(Boolean).join(" · "); };
  show(c);
  // A report made or linked: said in the status and the context line, the log left as it is.
  const changed = (now, key, reference) => {
    show(now);
    status.textContent = t(key, {id: reference});
  };
  append(view, h("h1", {class: "heading-l"}, t("staff.chat.with", {name: named(contact)})), context,
    offered(c) && h("p", {class: "body", id: "chat-offered"}, offered(c)), status,
    ...log.elements());
  if (c.state === "waiting") append(view, button(t("staff.chat.take"), {type: "button", onclick: () => act(`${API}/${id}/take`)}));
  if (c.yours) {
    const form = h("form", {novalidate: true},
      select({field: "template", label: t("staff.chat.template"), options: [{value: "", label: t("staff.chat.no_template")},
        ...templates.filter(x => x.active !== false).map(x => ({value: x.id, label: x.title}))]}),
      textarea({field: "text", label: t("staff.chat.answer"), rows: 3, maxlength: "2000", optional: true}),
      button(t("staff.chat.send")));
    onSubmit(form, view, async () => {
      const {text, template} = form.elements;
      if (!text.value.trim() && !template.value) throw new Invalid([{field: "text", message: t("staff.chat.text_required")}]);
      const sent = [text.value.trim(), `${API}/${id}/answer`, template.value ? {template: template.value} : {}];
      form.reset();
      await log.send(...sent);
    });
    append(view, form, button(t("staff.chat.close"), {type: "button", secondary: true, onclick: () => act(`${API}/${id}/close`)}),
      ...await reportForms(view, id, changed));
  }
  await log.poll().catch(() => null);
  log.start(view);
}

// A report from the conversation, its category, place, answers and words
// drafted from what the resident said (the officer changes any of them);
// or a link to a report that exists.
async function reportForms(view, id, changed) {
  const [draft, services] = await Promise.all([api(`${API}/${id}/report-draft`), staffServices()]);
  const LABELS = {service_code: t("staff.take.category"), description: t("staff.take.description"),
    location: t("staff.take.where"), lat: t("staff.take.where"), lon: t("staff.take.where"), uprn: t("staff.take.where")};
  let place = draft.place && {...draft.place, label: draft.place.address || t("staff.chat.report_place_point")};
  let key = newKey();  // pressed twice: one report
  const chosen = h("p", {class: "inset", id: "chat-report-place", "aria-live": "polite"});
  const say = () => { chosen.textContent = place ? t("staff.take.place", {place: place.label}) : t("staff.take.no_place"); };
  const picker = placePicker({fields: "location lat lon uprn", gpsLabel: t("staff.take.here"), onPick: point => {
    place = point;
    say();
  }});
  picker.querySelector("button").id = "f-location";
  const questions = h("div", {id: "chat-report-questions"});
  const serviceOf = code => services.find(s => s.service_code === code);
  const choose = () => {
    const service = serviceOf(form.elements.service_code.value);
    const suggested = service && service.service_code === draft.service_code ? draft.fields : {};
    clear(questions).append(...(service?.fields || []).map(def => fieldInput(def, suggested[def.code])));
    for (const def of service?.fields || []) LABELS[`fields.${def.code}`] = def.label;
  };
  const form = h("form", {novalidate: true, id: "chat-report"},
    select({field: "service_code", label: t("staff.take.category"), value: draft.service_code || "",
      hint: draft.matched_words?.length ? t("staff.chat.report_suggested", {words: draft.matched_words.join(", ")}) : null,
      options: [{value: "", label: t("staff.take.choose")}, ...services.map(s => ({value: s.service_code, label: s.name}))]}),
    questions, h("h3", {class: "heading-s"}, t("staff.take.where")), chosen, picker,
    textarea({field: "description", label: t("staff.take.description"), rows: 3, value: draft.description || ""}),
    button(t("staff.chat.report_make")));
  say();
  form.elements.service_code.addEventListener("change", choose);
  choose();
  onSubmit(form, view, async () => {
    const service = serviceOf(form.elements.service_code.value);
    const answers = Object.fromEntries((service?.fields || []).map(def => [def.code, fieldValue(form, def)]));
    const problems = service ? missing(service.fields || [], answers)
      : [{field: "service_code", message: t("staff.take.category_required")}];
    if (service?.location === "required" && !place) problems.push({field: "location", message: t("staff.take.place_required")});
    if (problems.length) throw new Invalid(problems);
    const body = {service_code: service.service_code, description: form.elements.description.value.trim(),
      fields: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== "" && !(Array.isArray(v) && !v.length)))};
    if (place && service.location !== "none") Object.assign(body, {lat: place.lat, lon: place.lon}, place.uprn ? {uprn: place.uprn} : {});
    try {
      const made = await api(`${API}/${id}/report`, {method: "POST", body, headers: {"Idempotency-Key": key}});
      changed(made.conversation, "staff.chat.report_made", made.report_id);
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) key = newKey();  // refused: the corrected one is new
      throw error;
    }
  }, LABELS);
  const link = h("form", {novalidate: true, id: "chat-link"},
    input({field: "report_id", label: t("staff.chat.link_reference"), hint: t("staff.chat.link_hint"),
      class: "input input--width-10", autocomplete: "off", spellcheck: "false"}),
    button(t("staff.chat.link"), {secondary: true}));
  onSubmit(link, view, async () => {
    const reference = link.elements.report_id.value.trim();
    if (!reference) throw new Invalid([{field: "report_id", message: t("staff.chat.link_required")}]);
    const now = await api(`${API}/${id}/link`, {method: "POST", body: {report_id: reference}}).catch(error => {
      // No such report: said at the box, in the desk's words, not the API's bare "No report …".
      if (error instanceof ApiError && error.code === "report_not_found") {
        throw new Invalid([{field: "report_id", message: t("staff.chat.link_unknown", {reference})}]);
      }
      throw error;
    });
    link.reset();
    changed(now, "staff.chat.linked", reference.toUpperCase());
  }, {report_id: t("staff.chat.link_reference")});
  return [h("h2", {class: "heading-m"}, t("staff.chat.report_title")), form,
    h("h2", {class: "heading-m"}, t("staff.chat.link_title")), link];
}
