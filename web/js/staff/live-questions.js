// Democratic services moderate a meeting's live questions
// (/staff/meetings/{id}/live-questions): waiting ones first, each approved
// (shown to the chair and everyone watching at once), rejected, or, once
// approved, marked answered or taken off the screens; each decision names the
// version read (If-Match), so two officers never decide over each other. The
// list is read again when the desk's socket nudges it (a question arrives or is
// decided), every 5 s while it has no socket, and never redrawn under the focus.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {deskSocket} from "./desk-socket.js";

const ACTIONS = {waiting: ["approve", "reject"], approved: ["answered", "reject"], answered: [], rejected: []};
const ORDER = ["waiting", "approved", "answered", "rejected"];

export async function render(view, {path}) {
  const id = path.match(/^\/staff\/meetings\/(\d{1,12})\/live-questions$/)[1];
  const at = `/v1/staff/meetings/${id}/live-questions`;
  const status = h("p", {class: "body", id: "live-status", role: "status"});
  const list = h("ul", {class: "list", id: "live-moderation", "data-live": "polling"});
  append(view, h("h1", {class: "heading-l"}, t("staff.live.title")),
    h("p", {class: "body"}, h("a", {href: `/meetings/${id}/live?screen=chair`}, t("staff.live.chair_screen"))),
    status, list);
  let shown;
  const refresh = async given => {
    const answer = given || await api(at);
    const now = JSON.stringify(answer.questions.map(q => [q.id, q.version]));
    if (now === shown || list.contains(document.activeElement)) return;  // never redrawn under the focus
    shown = now;
    const sorted = [...answer.questions].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
    list.replaceChildren(...sorted.map(q => h("li", {class: `live-row live-row--${q.status}`, id: `live-row-${q.id}`},
      h("p", {class: "body"}, q.question),
      h("p", {class: "hint"}, t(`staff.live.status.${q.status}`), " · ",
        q.name_public ? `${q.first_name}, ${q.ward}` : t("staff.live.no_name"), " · ", formatDate(q.created_at, true)),
      ACTIONS[q.status].map(action => button(t(`staff.live.${action}`), {type: "button", secondary: action !== "approve",
        "aria-label": t(`staff.live.${action}_named`, {question: q.question.slice(0, 60)}),
        onclick: () => decide(q, action)})))));
    if (!sorted.length) list.append(h("li", {}, t("staff.live.none")));
  };
  const decide = async (q, action) => {
    try {
      await api(`${at}/${q.id}/decision`, {method: "POST", body: {decision: action},
        headers: {"If-Match": `"${q.version}"`}});
      status.textContent = t(`staff.live.done_${action}`);
    } catch (error) {
      status.textContent = errorsOf(error)[0].message;  // changed meanwhile: the list is read again
    }
    document.activeElement?.blur();
    await refresh().catch(() => null);
  };
  let socket = null;
  const tick = () => {
    if (!view.isConnected) return socket?.close();
    (socket?.open() ? Promise.resolve() : refresh()).catch(() => null)
      .finally(() => setTimeout(tick, 5000));
  };
  const first = await api(at).catch(error => { status.textContent = errorsOf(error)[0].message; });
  if (first) await refresh(first).catch(() => null);
  socket = deskSocket(view, list, first?.socket_url, {meeting: id, desk: "live"},
    message => message.type === "live_queue" && refresh().catch(() => null));
  setTimeout(tick, 5000);
}
