// A meeting's live questions: /meetings/{id}/live for a resident watching (the
// questions democratic services approved, in a polite live region, each pushed
// over the socket as it is approved, and, signed in while the meeting is live,
// a form to send one on the item now on) and /meetings/{id}/live?screen=chair,
// the chair's screen (the questions only, large). A question is kept by its id
// and shown at its highest version, however often and in whatever order its
// frames come; where no socket can be had the list is read every 5 s.
import {api, socketAddress} from "../api.js";
import {newKey} from "../chat-log.js";
import {append, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {signedIn} from "../session.js";

const POLL_MS = 5000;
const PING_MS = 5 * 60 * 1000;
const RETRY_MS = [1000, 2000, 5000, 10000, 30000];
const SHOWN = new Set(["approved", "answered"]);

export async function render(view, {params, url}) {
  const id = url.pathname.match(/^\/meetings\/(\d{1,12})\/live/)[1];
  const chair = params.get("screen") === "chair";
  const [meeting, now] = await Promise.all([api(`/v1/meetings/${id}`, {auth: false}),
    api(`/v1/meetings/${id}/live-questions`, {auth: false})]);
  const screen = new Questions(id, chair, meeting);
  append(view, h("h1", {class: chair ? "heading-xl" : "heading-l"}, t("live.title", {committee: meeting.committee_title})),
    screen.nowOn, chair || !signedIn() ? null : form(id, screen),
    !chair && !signedIn() ? h("p", {class: "body", id: "live-sign-in"}, h("a", {href: "/sign-in?next=" +
      encodeURIComponent(`/meetings/${id}/live`)}, t("live.sign_in"))) : null,
    h("h2", {class: "heading-m"}, t("live.approved")), screen.log);
  screen.take(now);
  screen.start(view, now.socket_url);
}

class Questions {
  constructor(id, chair, meeting) {
    Object.assign(this, {id, chair, meeting, kept: new Map(), tries: 0});
    this.list = h("ol", {class: "list live-questions", id: "live-questions"});
    this.log = h("div", {role: "log", "aria-live": "polite", "aria-label": t("live.log_label"), tabindex: "0",
      class: chair ? "live live--chair" : "live", "data-live": "polling"}, this.list);
    this.nowOn = h("p", {class: "inset", id: "live-now"});
  }

  take(answer) {
    const item = this.meeting.items.find(i => i.id === answer.now_on);
    this.live = Boolean(answer.live);
    this.nowOnId = answer.now_on;
    this.nowOn.textContent = item ? t("live.now_on", {number: item.number || "", title: item.title})
      : t("live.not_live");
    answer.questions.forEach(q => this.show(q));
  }

  // One element per question, changed in place: the log announces what is new, not the whole list again.
  show(q) {
    const was = this.kept.get(q.id);
    if (was && was.version >= q.version) return;
    this.kept.set(q.id, q);
    const shown = document.getElementById(`live-q-${q.id}`);
    if (!SHOWN.has(q.status)) return shown?.remove();
    const el = h("li", {class: `live-question live-question--${q.status}`, id: `live-q-${q.id}`},
      h("p", {class: this.chair ? "heading-m" : "body"}, q.question),
      h("p", {class: "hint"}, q.asked_by, q.status === "answered" ? ` · ${t("live.answered")}` : ""));
    return shown ? shown.replaceWith(el) : append(this.list, el);
  }

  async poll() {
    this.take(await api(`/v1/meetings/${this.id}/live-questions`, {auth: false}));
  }

  start(root, socket) {
    this.root = root;
    const tick = () => {
      if (!root.isConnected) return this.ws?.close();
      (this.ws?.readyState === WebSocket.OPEN ? Promise.resolve() : this.poll()).catch(() => null)
        .finally(() => setTimeout(tick, POLL_MS));
    };
    setTimeout(tick, POLL_MS);
    if (socket && "WebSocket" in window) this.connect(socket);
  }

  connect(socket) {
    let ws;
    try {
      ws = this.ws = new WebSocket(socketAddress(socket, {meeting: this.id}));
    } catch {
      return;  // refused by the page's policy or the browser: polling goes on
    }
    ws.onopen = () => {
      this.tries = 0;
      this.log.dataset.live = "socket";
      ws.send(JSON.stringify({action: "since"}));  // what was approved while away
      this.ping = setInterval(() => ws.send(JSON.stringify({action: "ping"})), PING_MS);
    };
    ws.onmessage = event => {
      const frame = JSON.parse(event.data);
      if (frame.type === "live_question") this.show(frame.question);
      else if (frame.type === "live_questions") this.take(frame);
    };
    ws.onclose = () => {
      clearInterval(this.ping);
      this.log.dataset.live = "polling";
      if (this.ws !== ws || !this.root.isConnected) return;
      setTimeout(() => this.root.isConnected && this.connect(socket), RETRY_MS[Math.min(this.tries++, RETRY_MS.length - 1)]);
    };
  }
}

// Signed in: a question on the item now on. Its name and ward are shown only when the resident says so;
// the ward is found from their postcode.
function form(id, screen) {
  let key = newKey();  // Send pressed twice, or sent again on a bad signal: one question
  const named = h("div", {id: "live-named", hidden: true},
    input({field: "first_name", label: t("live.first_name"), autocomplete: "given-name"}),
    input({field: "postcode", label: t("live.postcode"), hint: t("live.postcode_hint"), autocomplete: "postal-code"}));
  const root = h("form", {novalidate: true, id: "live-send"},
    textarea({field: "question", label: t("live.question"), hint: t("live.question_hint"), rows: 3, maxlength: "500"}),
    choices({field: "name_public", legend: t("live.show_name"), small: true, value: "no",
      options: [{value: "no", label: t("live.show_name_no")}, {value: "yes", label: t("live.show_name_yes")}]}),
    named, button(t("live.send")), h("p", {class: "body", id: "live-sent", role: "status"}));
  root.addEventListener("change", () => { named.hidden = root.elements.name_public.value !== "yes"; });
  onSubmit(root, root, async () => {
    const said = field => root.elements[field].value.trim();
    // The item the resident saw on: if the chair has moved on meanwhile, they are told which item is on now.
    const body = {question: said("question"), item_id: screen.nowOnId || undefined,
      name_public: said("name_public") === "yes"};
    const missing = [!body.question && {field: "question", message: t("live.question_required")},
      body.name_public && !said("first_name") && {field: "first_name", message: t("live.first_name_required")},
      body.name_public && !said("postcode") && {field: "postcode", message: t("live.postcode_required")}].filter(Boolean);
    if (missing.length) throw new Invalid(missing);
    if (body.name_public) {
      body.first_name = said("first_name");
      const found = await api(`/v1/councillors?postcode=${encodeURIComponent(said("postcode"))}`, {auth: false})
        .catch(() => null);
      if (!found?.ward) throw new Invalid([{field: "postcode", message: t("live.postcode_unknown")}]);
      body.ward_id = found.ward.id;
    }
    await api(`/v1/meetings/${id}/live-questions`, {method: "POST", body, headers: {"Idempotency-Key": key}});
    key = newKey();
    root.elements.question.value = "";
    root.querySelector("#live-sent").textContent = t("live.sent");
  });
  return root;
}
