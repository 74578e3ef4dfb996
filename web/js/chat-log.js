// A conversation's messages: a polite role=log polled with the cursor; a sent
// message keeps its Idempotency-Key until stored and shows once, from the log.
import {api, retryable} from "./api.js";
import {append, h} from "./dom.js";
import {formatDate, t} from "./i18n.js";

export const newKey = () => crypto.randomUUID();

export class ChatLog {
  constructor({path, query, side, label, onState}) {
    Object.assign(this, {path, query, side, onState, cursor: 0, pending: []});
    this.list = h("ol", {class: "chat__list"});  // role=log is not allowed on a list itself
    this.waiting = h("ul", {class: "chat__list", id: "chat-pending", "aria-label": t("chat.pending_label")});
  }

  elements() {
    return [h("div", {class: "chat__log", id: "chat-log", role: "log", "aria-live": "polite", tabindex: "0",
      "aria-label": t("chat.log_label")}, this.list), this.waiting];
  }

  async poll() {
    const got = await api(`${this.path}?after=${this.cursor}${this.query ? `&${this.query}` : ""}`);
    for (const m of got.messages.filter(m => m.seq > this.cursor)) {
      append(this.list, h("li", {class: `chat__message chat__message--${m.author}`},
        h("span", {class: "caption"}, m.author === "system" ? t("chat.from_council") : m.author === this.side
          ? t("chat.from_you") : m.author_name || t(`chat.from_${m.author}`), " · ", formatDate(m.created_at, true)),
        h("p", {class: "body chat__text"}, m.text),
        m.photos.map(p => h("img", {src: p.url, alt: t("chat.photo"), class: "photo-list__img"}))));
    }
    this.cursor = got.cursor;
    if (got.state !== this.state) this.onState?.(this.state = got.state);
    return got.more ? this.poll() : got;
  }

  // Every 2.5 s while `root` is shown.
  start(root) {
    const tick = () => root.isConnected && this.flush().then(() => this.poll()).catch(() => null)
      .finally(() => setTimeout(tick, 2500));
    setTimeout(tick, 2500);
  }

  async send(text, url, body = {}) {
    const item = {key: newKey(), url, body: text ? {text, ...body} : body,
      el: h("li", {class: "chat__message"}, h("p", {class: "body chat__text"}, text),
        h("span", {class: "caption"}, t("chat.sending")))};
    this.pending.push(item);
    append(this.waiting, item.el);
    await this.flush();
    await this.poll().catch(() => null);
  }

  async flush() {
    for (const item of [...this.pending]) {
      try {
        await api(item.url, {method: "POST", body: item.body, headers: {"Idempotency-Key": item.key}});
        item.el.remove();
      } catch (error) {
        const later = retryable(error);
        item.el.lastChild.textContent = t(later ? "chat.waiting_for_signal" : "chat.not_sent", {reason: error.message});
        if (later) return;  // in order: the next waits for this one
      }
      this.pending.shift();
    }
  }
}
