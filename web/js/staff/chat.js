// Live chat at the desk: the queue of waiting conversations (how long each
// has waited, what it is about), taking one, and one conversation: its
// context, its messages (polled with the cursor) and the answer box, with
// response templates, linking a report, and closing.
import {api} from "../api.js";
import {ChatLog} from "../chat-log.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, Invalid, onSubmit, select, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../router.js";

const QUEUE_MS = 3000;

export async function render(view, {path}) {
  const id = path.split("/")[3];
  return id ? conversation(view, decodeURIComponent(id)) : queue(view);
}

function waited(seconds) {
  return seconds < 60 ? t("staff.chat.seconds", {n: seconds}) : t("staff.chat.minutes", {n: Math.floor(seconds / 60)});
}

function about(context) {
  const parts = [context.screen ? t("staff.chat.from_screen", {screen: context.screen}) : null,
    context.report_id ? t("staff.chat.about_report", {id: context.report_id}) : null,
    context.uprn ? t("staff.chat.about_property", {uprn: context.uprn}) : null];
  return parts.filter(Boolean).join("; ") || t("staff.none");
}

async function queue(view) {
  const status = h("p", {class: "body", id: "chat-status", role: "status"});
  const waiting = h("div", {id: "chat-queue"});
  const mine = h("div", {id: "chat-mine"});
  append(view, h("h1", {class: "heading-l"}, t("staff.chat.title")), status,
    h("h2", {class: "heading-m"}, t("staff.chat.waiting")), waiting,
    h("h2", {class: "heading-m"}, t("staff.chat.mine")), mine);
  let shown = "";
  const take = async id => {
    try {
      await api(`/v1/staff/conversations/${encodeURIComponent(id)}/take`, {method: "POST", body: {}});
      navigate(`/staff/chat/${encodeURIComponent(id)}`);
    } catch (error) {
      status.textContent = errorsOf(error)[0].message;
      shown = "";
      await refresh();
    }
  };
  const refresh = async () => {
    const answer = await api("/v1/staff/conversations");
    const now = JSON.stringify([answer.waiting.map(c => [c.id, Math.floor(c.waited_s / 60)]), answer.mine.map(c => c.id)]);
    // Redrawn only when something changed, and never under the keyboard's focus.
    if (now === shown || view.contains(document.activeElement) && waiting.contains(document.activeElement)) return;
    shown = now;
    waiting.replaceChildren(answer.waiting.length ? h("table", {class: "table", id: "chat-waiting"},
      h("caption", {class: "visually-hidden"}, t("staff.chat.waiting")),
      h("thead", {}, h("tr", {}, ["who", "about", "waited", "action"].map(k =>
        h("th", {scope: "col"}, t(`staff.chat.col_${k}`))))),
      h("tbody", {}, answer.waiting.map(c => h("tr", {},
        h("th", {scope: "row"}, c.name || t("staff.chat.someone")),
        h("td", {}, about(c.context)), h("td", {}, waited(c.waited_s)),
        h("td", {}, button(t("staff.chat.take"), {type: "button", class: "button button--secondary",
          "aria-label": t("staff.chat.take_named", {name: c.name || t("staff.chat.someone")}),
          onclick: () => take(c.id)})))))) : h("p", {class: "body"}, t("staff.chat.none_waiting")));
    mine.replaceChildren(answer.mine.length ? h("ul", {class: "list"}, answer.mine.map(c => h("li", {},
      h("a", {href: `/staff/chat/${encodeURIComponent(c.id)}`}, c.name || t("staff.chat.someone")), " — ",
      about(c.context)))) : h("p", {class: "body"}, t("staff.chat.none_mine")));
  };
  await refresh().catch(error => { status.textContent = errorsOf(error)[0].message; });
  const tick = () => {
    if (!view.isConnected) return;
    refresh().catch(() => null).finally(() => setTimeout(tick, QUEUE_MS));
  };
  setTimeout(tick, QUEUE_MS);
}

async function conversation(view, id) {
  const path = `/v1/staff/conversations/${encodeURIComponent(id)}`;
  let c;
  let templates = [];
  try {
    [c, {templates}] = await Promise.all([api(`/v1/conversations/${encodeURIComponent(id)}`),
      api("/v1/staff/templates").catch(() => ({templates: []}))]);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("staff.chat.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  const status = h("p", {class: "body", id: "chat-status", role: "status"});
  const log = new ChatLog({path: `/v1/conversations/${encodeURIComponent(id)}/messages`, side: "staff",
    label: t("staff.chat.log_label")});
  const action = (name, body = {}) => api(`${path}/${name}`, {method: "POST", body});
  const reload = () => navigate(`/staff/chat/${encodeURIComponent(id)}`, {replace: true});
  const contact = c.contact || {};
  append(view, h("h1", {class: "heading-l"}, t("staff.chat.with", {name: contact.name || t("staff.chat.someone")})),
    h("dl", {class: "summary-list", id: "chat-context"},
      [["about", about(c.context)], ["email", contact.email], ["phone", contact.phone],
       ["officer", c.officer_name], ["reports", (c.report_ids || []).join(", ")]].filter(([, v]) => v).map(([k, v]) =>
        h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t(`staff.chat.key_${k}`)),
          h("dd", {class: "summary-list__value"}, v)))),
    status, ...log.elements());
  if (c.state === "waiting") {
    append(view, button(t("staff.chat.take"), {type: "button", id: "chat-take", onclick: async () => {
      try {
        await action("take");
        reload();
      } catch (error) {
        status.textContent = errorsOf(error)[0].message;
      }
    }}));
  } else if (c.state === "taken" && c.yours) {
    const form = h("form", {novalidate: true, id: "chat-answer"},
      templates.length ? select({field: "template", label: t("staff.chat.template"),
        options: [{value: "", label: t("staff.chat.no_template")},
          ...templates.filter(x => x.active !== false).map(x => ({value: x.id, label: x.title}))]}) : null,
      textarea({field: "text", label: t("staff.chat.answer"), rows: 3, maxlength: "2000", optional: templates.length > 0}),
      button(t("staff.chat.send")));
    onSubmit(form, view, async () => {
      const text = form.elements.text.value.trim();
      const template = form.elements.template?.value || "";
      if (!text && !template) throw new Invalid([{field: "text", message: t("staff.chat.text_required")}]);
      form.elements.text.value = "";
      if (form.elements.template) form.elements.template.value = "";
      await log.send(text, `${path}/answer`, template ? {template} : {});
    }, {text: t("staff.chat.answer"), template: t("staff.chat.template")});
    const linkForm = h("form", {novalidate: true, id: "chat-link"},
      input({field: "report_id", label: t("staff.chat.link_label"), hint: t("staff.chat.link_hint")}),
      button(t("staff.chat.link"), {secondary: true}));
    onSubmit(linkForm, view, async () => {
      const reportId = linkForm.elements.report_id.value.trim();
      if (!reportId) throw new Invalid([{field: "report_id", message: t("staff.chat.link_required")}]);
      await action("link", {report_id: reportId});
      reload();
    }, {report_id: t("staff.chat.link_label")});
    append(view, form, linkForm, button(t("staff.chat.close"), {type: "button", secondary: true, id: "chat-close",
      onclick: async () => {
        try {
          await action("close");
          reload();
        } catch (error) {
          status.textContent = errorsOf(error)[0].message;
        }
      }}));
  } else if (c.state === "taken") {
    append(view, h("p", {class: "inset"}, t("staff.chat.someone_else", {name: c.officer_name})));
  }
  await log.poll().catch(() => null);
  log.start(view);
}
