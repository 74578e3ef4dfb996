// A conversation's messages: a polite role=log; a sent message keeps its
// Idempotency-Key until stored and shows once, from the log.
// Live: where the API names a socket (socket_url), messages are pushed as they
// are stored; on (re)connecting the log asks for those after its cursor, and a
// ping every 5 minutes keeps the socket under API Gateway's 10-minute idle limit.
// Where no socket can be had, it polls with the cursor. Each message is shown
// once, by its number (seq), whichever way it came.
import {api, retryable, socketAddress} from "./api.js";
import {append, h} from "./dom.js";
import {formatDate, t} from "./i18n.js";
import {tokens} from "./session.js";

export const newKey = () => crypto.randomUUID();
const POLL_MS = 2500;
const PING_MS = 5 * 60 * 1000;
const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

export class ChatLog {
  constructor({path, query, side, label, onState, socket}) {
    Object.assign(this, {path, query, side, onState, socket, cursor: 0, pending: [], tries: 0});
    this.list = h("ol", {class: "chat__list"});  // role=log is not allowed on a list itself
    this.log = h("div", {class: "chat__log", id: "chat-log", role: "log", "aria-live": "polite", tabindex: "0",
      "aria-label": t("chat.log_label"), "data-live": "polling"}, this.list);
    this.waiting = h("ul", {class: "chat__list", id: "chat-pending", "aria-label": t("chat.pending_label")});
  }

  elements() {
    return [this.log, this.waiting];
  }

  // Messages after the cursor, in order: one already shown (seq <= cursor) is
  // skipped; one beyond the next (a gap) is fetched with the cursor instead.
  show(got) {
    for (const m of got.messages) {
      if (m.seq <= this.cursor) continue;
      if (m.seq !== this.cursor + 1) return false;
      append(this.list, h("li", {class: `chat__message chat__message--${m.author}`},
        h("span", {class: "caption"}, m.author === "system" ? t("chat.from_council") : m.author === this.side
          ? t("chat.from_you") : m.author_name || t(`chat.from_${m.author}`), " · ", formatDate(m.created_at, true)),
        h("p", {class: "body chat__text"}, m.text),
        m.photos.map(p => h("img", {src: p.url, alt: t("chat.photo"), class: "photo-list__img"}))));
      this.cursor = m.seq;
    }
    if (got.state && got.state !== this.state) this.onState?.(this.state = got.state);
    return true;
  }

  async poll() {
    const got = await api(`${this.path}?after=${this.cursor}${this.query ? `&${this.query}` : ""}`);
    this.show(got);
    this.cursor = Math.max(this.cursor, got.cursor);
    return got.more ? this.poll() : got;
  }

  get live() {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  // While `root` is shown: the socket when there is one, else a poll every 2.5 s;
  // messages waiting for signal are sent again on each tick and when it returns.
  start(root) {
    this.root = root;
    const tick = () => {
      if (!root.isConnected) return this.ws?.close();
      this.flush().then(() => (this.live ? null : this.poll())).catch(() => null)
        .finally(() => setTimeout(tick, POLL_MS));
    };
    setTimeout(tick, POLL_MS);
    addEventListener("online", () => root.isConnected && this.flush().catch(() => null));
    if (this.socket && "WebSocket" in window) this.connect();
  }

  connect() {
    const params = new URLSearchParams(this.query || "");
    params.set("conversation", this.path.split("/")[3]);
    const access = tokens()?.access;
    if (!params.get("token") && access) params.set("access_token", access);
    let ws;
    try {
      ws = this.ws = new WebSocket(socketAddress(this.socket, params));
    } catch {
      return;  // refused by the page's policy or the browser: polling goes on
    }
    ws.onopen = () => {
      this.tries = 0;
      this.log.dataset.live = "socket";
      ws.send(JSON.stringify({action: "since", after: this.cursor}));  // resume: what came while away
      this.ping = setInterval(() => ws.send(JSON.stringify({action: "ping"})), PING_MS);
      this.flush().catch(() => null);
    };
    ws.onmessage = event => this.heard(JSON.parse(event.data));
    ws.onclose = () => {
      clearInterval(this.ping);
      this.log.dataset.live = "polling";
      if (this.ws !== ws || !this.root.isConnected) return;
      setTimeout(() => this.root.isConnected && this.connect(), RETRY_MS[Math.min(this.tries++, RETRY_MS.length - 1)]);
    };
  }

  heard(frame) {
    if (frame.type === "message") {
      if (!this.show({messages: [frame.message], state: frame.state})) {
        this.ws.send(JSON.stringify({action: "since", after: this.cursor}));  // a gap: fetch from the cursor
      }
    } else if (frame.type === "messages") {
      this.show(frame);
      if (frame.more) this.ws.send(JSON.stringify({action: "since", after: this.cursor}));
    } else if (frame.type === "state") {
      this.show({messages: [], state: frame.state});
    }
  }

  async send(text, url, body = {}) {
    const item = {key: newKey(), url, body: text ? {text, ...body} : body,
      el: h("li", {class: "chat__message"}, h("p", {class: "body chat__text"}, text),
        h("span", {class: "caption"}, t("chat.sending")))};
    this.pending.push(item);
    append(this.waiting, item.el);
    await this.flush();
    if (!this.live) await this.poll().catch(() => null);  // live: it comes back on the socket
  }

  // One at a time (a tick, the signal's return and a reconnect may all ask):
  // two runs would each take the first item off the list.
  flush() {
    this.flushing ??= this.sendWaiting().finally(() => { this.flushing = null; });
    return this.flushing;
  }

  async sendWaiting() {
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
