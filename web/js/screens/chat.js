// "Ask us": a live conversation with council staff from any screen. The
// screen the resident came from (a property, a report) goes with it, so staff
// see what it is about. Messages arrive by polling with the cursor; a
// message typed without signal waits and is sent once when signal returns.
import {api} from "../api.js";
import {ChatLog, newKey} from "../chat-log.js";
import {append, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../router.js";
import {signedIn} from "../session.js";

const KEPT = "doorstep.conversations";  // {conversation id: its token (anonymous) or ""}
const TEXT_MAX = "2000";

function kept() {
  try {
    return JSON.parse(localStorage.getItem(KEPT)) || {};
  } catch {
    return {};
  }
}

function keep(id, token) {
  localStorage.setItem(KEPT, JSON.stringify({...kept(), [id]: token || ""}));
}

export async function render(view, {params}) {
  const id = params.get("id");
  return id ? conversation(view, id) : start(view, params);
}

function context(params) {
  const out = {screen: params.get("from") || "home"};
  if (params.get("report")) out.report_id = params.get("report");
  if (params.get("uprn")) out.uprn = params.get("uprn");
  return out;
}

function start(view, params) {
  const about = context(params);
  const key = newKey();  // one per form: pressing Send again on a bad signal starts one conversation
  const anonymous = !signedIn();
  const form = h("form", {novalidate: true},
    anonymous ? [
      input({field: "name", label: t("chat.name"), autocomplete: "name", maxlength: "100"}),
      input({field: "email", label: t("chat.email"), hint: t("chat.email_hint"), type: "email",
        autocomplete: "email", optional: true}),
      input({field: "phone", label: t("chat.phone"), type: "tel", autocomplete: "tel", optional: true})] : null,
    textarea({field: "text", label: t("chat.question"), rows: 4, maxlength: TEXT_MAX}),
    button(t("chat.start")));
  onSubmit(form, view, async () => {
    const body = {context: about, text: form.elements.text.value.trim()};
    if (!body.text) throw new Invalid([{field: "text", message: t("chat.text_required")}]);
    if (anonymous) {
      for (const field of ["name", "email", "phone"]) {
        const value = form.elements[field].value.trim();
        if (value) body[field] = value;
      }
    }
    const made = await api("/v1/conversations", {method: "POST", body, headers: {"Idempotency-Key": key}});
    keep(made.id, made.token);
    navigate(`/chat?id=${encodeURIComponent(made.id)}`, {replace: true});
  }, {name: t("chat.name"), email: t("chat.email"), phone: t("chat.phone"), text: t("chat.question")});
  append(view, h("h1", {class: "heading-l"}, t("chat.title")),
    h("p", {class: "body"}, t("chat.lead")),
    about.uprn || about.report_id ? h("p", {class: "inset", id: "chat-about"},
      about.report_id ? t("chat.about_report", {id: about.report_id}) : t("chat.about_property")) : null,
    form);
}

async function conversation(view, id) {
  const token = kept()[id];
  const query = token ? `token=${encodeURIComponent(token)}` : "";
  const path = `/v1/conversations/${encodeURIComponent(id)}`;
  let current;
  try {
    current = await api(`${path}${query ? `?${query}` : ""}`);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("chat.title")), h("p", {class: "body"}, error.message));
    return;
  }
  const desk = h("p", {class: "inset", id: "chat-desk"}, current.desk.open ? t("chat.desk_open")
    : t("chat.desk_closed", {when: current.desk.answer_from ? formatDate(current.desk.answer_from, true) : "—"}));
  const rating = h("div", {id: "chat-rating"});
  const form = h("form", {novalidate: true, id: "chat-send"},
    textarea({field: "text", label: t("chat.your_message"), rows: 3, maxlength: TEXT_MAX}),
    button(t("chat.send")));
  const log = new ChatLog({path: `${path}/messages`, query, side: "resident", label: t("chat.log_label"),
    onState: state => {
      form.hidden = state === "closed";
      if (state === "closed" && current.rating == null) rate(rating, path, query);
    }});
  onSubmit(form, view, async () => {
    const text = form.elements.text.value.trim();
    if (!text) throw new Invalid([{field: "text", message: t("chat.text_required")}]);
    form.elements.text.value = "";
    await log.send(text, `${path}/messages${query ? `?${query}` : ""}`);
  }, {text: t("chat.your_message")});
  append(view, h("h1", {class: "heading-l"}, t("chat.conversation_title")), desk, ...log.elements(), form, rating);
  await log.poll().catch(() => null);
  log.start(view);
}

function rate(root, path, query) {
  const form = h("form", {novalidate: true},
    choices({field: "rating", legend: t("chat.rate_question"), small: true,
      options: [5, 4, 3, 2, 1].map(n => ({value: String(n), label: t(`chat.rating_${n}`)}))}),
    button(t("chat.rate")));
  onSubmit(form, root, async () => {
    const value = form.elements.rating.value;
    if (!value) throw new Invalid([{field: "rating", message: t("chat.rating_required")}]);
    await api(`${path}/rating${query ? `?${query}` : ""}`, {method: "POST", body: {rating: Number(value)}});
    root.replaceChildren(h("p", {class: "body", id: "chat-rated", role: "status"}, t("chat.rated")));
  }, {rating: t("chat.rate_question")});
  root.replaceChildren(form);
}
