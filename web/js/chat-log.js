// A conversation's messages, for the resident's "Ask us" and the staff desk
// alike: a log (role=log, polite: new messages are read out without taking
// the focus), filled by polling with the cursor, and messages sent through an
// outbox of their own (one Idempotency-Key each, so a message sent again on a
// bad signal is stored once and shown once: when it comes back in the log).
import {api, Offline, retryable} from "./api.js";
import {append, h} from "./dom.js";
import {formatDate, t} from "./i18n.js";

export const POLL_MS = 2500;

export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join("");
}

function who(message, side) {
  if (message.author === "system") return t("chat.from_council");
  if (message.author === side) return t("chat.from_you");
  return message.author_name || (message.author === "staff" ? t("chat.from_officer") : t("chat.from_resident"));
}

export class ChatLog {
  /** path: the conversation's API path; query: "token=..." or ""; side: "resident" or "staff". */
  constructor({path, query = "", side, label, onState}) {
    Object.assign(this, {path, query, side, onState});
    this.cursor = 0;
    this.state = null;
    this.pending = [];  // [{key, text, el}]: sent by this page, not yet in the log
    // A list inside the log: role=log is not allowed on a list itself, and the
    // list keeps messages countable for screen readers.
    this.list = h("ol", {class: "chat__list"});
    this.region = h("div", {class: "chat__log", id: "chat-log", role: "log", "aria-live": "polite",
      "aria-label": label, tabindex: "0"}, this.list);
    this.waiting = h("ul", {class: "chat__pending", id: "chat-pending", "aria-label": t("chat.pending_label")});
    this.stopped = false;
  }

  elements() {
    return [this.region, this.waiting];
  }

  url(extra) {
    const params = [extra, this.query].filter(Boolean).join("&");
    return `${this.path}${params ? `?${params}` : ""}`;
  }

  /** New messages since the cursor, appended to the log; the pending ones are retried. */
  async poll() {
    const answer = await api(this.url(`after=${this.cursor}`));
    for (const message of answer.messages) {
      if (message.seq <= this.cursor) continue;
      append(this.list, h("li", {class: `chat__message chat__message--${message.author}`, dataset: {seq: message.seq}},
        h("span", {class: "caption"}, who(message, this.side), " · ", formatDate(message.created_at, true)),
        h("p", {class: "body chat__text"}, message.text),
        message.photos.map(p => h("img", {src: p.url, alt: t("chat.photo"), class: "chat__photo", loading: "lazy"}))));
    }
    this.cursor = answer.cursor;
    if (answer.state !== this.state) {
      this.state = answer.state;
      if (this.onState) this.onState(answer.state);
    }
    if (answer.more) return this.poll();
    return answer;
  }

  /** Poll every POLL_MS while the log is on the page; `root` leaving the page stops it. */
  start(root) {
    const tick = async () => {
      if (this.stopped || (this.started && !root.isConnected)) return;
      this.started = true;
      try {
        await this.flush();
        await this.poll();
      } catch (error) {
        if (!retryable(error)) console.warn(error);
      }
      this.timer = setTimeout(tick, POLL_MS);
    };
    this.timer = setTimeout(tick, POLL_MS);
    window.addEventListener("online", () => this.flush().then(() => this.poll()).catch(() => null));
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Queue a message: shown as "sending" until the log has it. */
  async send(text, postPath, body = {}) {
    const item = {key: newKey(), text, postPath, body: text ? {text, ...body} : body,
      el: h("li", {class: "chat__message chat__message--pending"}, h("p", {class: "body chat__text"}, text),
        h("span", {class: "caption chat__status"}, t("chat.sending")))};
    this.pending.push(item);
    append(this.waiting, item.el);
    await this.flush();
    await this.poll().catch(() => null);
  }

  async flush() {
    for (const item of [...this.pending]) {
      try {
        await api(item.postPath, {method: "POST", body: item.body, headers: {"Idempotency-Key": item.key}});
        this.pending.splice(this.pending.indexOf(item), 1);
        item.el.remove();
      } catch (error) {
        if (error instanceof Offline || retryable(error)) {
          item.el.querySelector(".chat__status").textContent = t("chat.waiting_for_signal");
          return;  // in order: the next waits for this one
        }
        this.pending.splice(this.pending.indexOf(item), 1);
        item.el.querySelector(".chat__status").textContent = t("chat.not_sent", {reason: error.message});
        throw error;
      }
    }
  }
}
