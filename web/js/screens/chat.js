// "Ask us": a chat with council staff, carrying the screen it was asked from.
import {api} from "../api.js";
import {ChatLog, newKey} from "../chat-log.js";
import {waitingPanel} from "../chat-wait.js";
import {append, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit, privacyLink, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";

const KEPT = "doorstep.conversations";  // {id: token}
const kept = () => JSON.parse(localStorage.getItem(KEPT) || "{}");
const said = (form, field) => form.elements[field].value.trim();
const needed = (value, field, key) => { if (!value) throw new Invalid([{field, message: t(key)}]); };
const area = (field, rows) => textarea({field, label: t(`chat.${field === "text" ? "question" : field}`), rows,
  maxlength: "2000"});

export async function render(view, {params}) {
  const id = params.get("id");
  return id ? conversation(view, id) : start(view, params);
}

function start(view, params) {
  const context = {screen: params.get("from") || "home", report_id: params.get("report") || undefined,
    uprn: params.get("uprn") || undefined};
  const key = newKey();  // Send pressed twice: one conversation
  const anonymous = !signedIn();
  const form = h("form", {novalidate: true},
    anonymous ? [input({field: "name", label: t("chat.name"), autocomplete: "name"}),
      input({field: "email", label: t("chat.email"), hint: t("chat.email_hint"), type: "email", autocomplete: "email",
        optional: true}),
      input({field: "phone", label: t("chat.phone"), type: "tel", autocomplete: "tel", optional: true})] : null,
    area("text", 4), privacyLink("chat"), button(t("chat.start")));
  onSubmit(form, view, async () => {
    const body = {context, text: said(form, "text")};
    for (const field of anonymous ? ["name", "email", "phone"] : []) body[field] = said(form, field) || undefined;
    // Every missing answer at once, in the order of the form.
    const missing = [anonymous && !body.name && {field: "name", message: t("chat.name_required")},
      anonymous && !body.email && !body.phone && {field: "email", message: t("chat.contact_required")},
      !body.text && {field: "text", message: t("chat.text_required")}].filter(Boolean);
    if (missing.length) throw new Invalid(missing);
    const made = await api("/v1/conversations", {method: "POST", body, headers: {"Idempotency-Key": key}});
    localStorage.setItem(KEPT, JSON.stringify({...kept(), [made.id]: made.token || ""}));
    navigate(`/chat?id=${made.id}`, {replace: true});
  });
  append(view, h("h1", {class: "heading-l"}, t("chat.title")), h("p", {class: "body"}, t("chat.lead")), form);
}

async function conversation(view, id) {
  const token = kept()[id];
  const query = token ? `token=${encodeURIComponent(token)}` : "";
  const path = `/v1/conversations/${encodeURIComponent(id)}`;
  const at = suffix => `${path}${suffix}${query ? `?${query}` : ""}`;
  const current = await api(at(""));
  const rating = h("div", {id: "chat-rating"});
  const form = h("form", {novalidate: true, id: "chat-send"}, area("your_message", 3), button(t("chat.send")));
  const closed = state => {
    form.hidden = state === "closed";
    if (form.hidden && current.rating == null && !rating.hasChildNodes()) rate(rating, at("/rating"));
  };
  const waiting = waitingPanel(at, current, now => closed(now.state));
  const log = new ChatLog({path: `${path}/messages`, query, side: "resident", socket: current.socket_url,
    onState: state => {
      closed(state);
      if (state !== "waiting") waiting.show({...current, state, queue: null});
    }});
  onSubmit(form, view, async () => {
    const text = said(form, "your_message");
    needed(text, "your_message", "chat.text_required");
    form.reset();
    await log.send(text, at("/messages"));
  });
  append(view, h("h1", {class: "heading-l"}, t("chat.conversation_title")),
    h("p", {class: "inset", id: "chat-desk"}, current.desk.open ? t("chat.desk_open")
      // The server's words for the moment, as its message in the conversation says it: one way, not two.
      : t("chat.desk_closed", {when: current.desk.answer_from_text})), waiting.root, ...log.elements(), form,
    rating);
  await log.poll().catch(() => null);
  log.start(view);
}

function rate(root, url) {
  const form = h("form", {novalidate: true}, choices({field: "rating", legend: t("chat.rate_question"), small: true,
    options: [5, 4, 3, 2, 1].map(n => ({value: `${n}`, label: t(`chat.rating_${n}`)}))}), button(t("chat.rate")));
  onSubmit(form, root, async () => {
    needed(form.elements.rating.value, "rating", "chat.rating_required");
    await api(url, {method: "POST", body: {rating: Number(form.elements.rating.value)}});
    root.replaceChildren(h("p", {class: "body", id: "chat-rated", role: "status"}, t("chat.rated")));
  });
  root.replaceChildren(form);
}
