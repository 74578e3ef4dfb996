// Live chat at the desk: the queue, taking one, answering (templates), closing.
import {api} from "../api.js";
import {ChatLog} from "../chat-log.js";
import {append, h} from "../dom.js";
import {button, errorsOf, Invalid, onSubmit, select, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../router.js";

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

async function queue(view, status, act) {
  const waiting = h("ul", {class: "list", id: "chat-waiting"});
  const mine = h("ul", {class: "list", id: "chat-mine"});
  append(view, h("h1", {class: "heading-l"}, t("staff.chat.title")), status,
    h("h2", {class: "heading-m"}, t("staff.chat.waiting")), waiting, h("h2", {class: "heading-m"}, t("staff.chat.mine")), mine);
  let shown;
  const refresh = async () => {
    const q = await api(API);
    const now = JSON.stringify([q.waiting.map(c => [c.id, Math.floor(c.waited_s / 60)]), q.mine.map(c => c.id)]);
    if (now === shown || waiting.contains(document.activeElement)) return;  // never redrawn under the focus
    shown = now;
    waiting.replaceChildren(...q.waiting.map(c => h("li", {class: "chat__row"},
      h("strong", {}, named(c)), ` — ${about(c.context)} — `, t("staff.chat.waited", {n: Math.floor(c.waited_s / 60)}), " ",
      button(t("staff.chat.take"), {type: "button", secondary: true, "aria-label": t("staff.chat.take_named", {name: named(c)}),
        onclick: () => act(`${API}/${c.id}/take`, {}, page(c.id))}))));
    mine.replaceChildren(...q.mine.map(c => h("li", {}, h("a", {href: page(c.id)}, named(c)), ` — ${about(c.context)}`)));
    if (!q.waiting.length) waiting.append(h("li", {}, t("staff.chat.none_waiting")));
  };
  const tick = () => view.isConnected && refresh().catch(() => null).finally(() => setTimeout(tick, 3000));
  await refresh().catch(error => { status.textContent = errorsOf(error)[0].message; });
  setTimeout(tick, 3000);
}

async function conversation(view, id, status, act) {
  const [c, {templates}] = await Promise.all([api(`/v1/conversations/${id}`),
    api("/v1/staff/templates").catch(() => ({templates: []}))]);
  const log = new ChatLog({path: `/v1/conversations/${id}/messages`, side: "staff", socket: c.socket_url});
  const contact = c.contact || {};
  append(view, h("h1", {class: "heading-l"}, t("staff.chat.with", {name: named(contact)})),
    h("p", {class: "inset", id: "chat-context"}, [about(c.context), contact.email, contact.phone, c.officer_name,
      ...c.report_ids].filter(Boolean).join(" · ")), status, ...log.elements());
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
    append(view, form, button(t("staff.chat.close"), {type: "button", secondary: true, onclick: () => act(`${API}/${id}/close`)}));
  }
  await log.poll().catch(() => null);
  log.start(view);
}
