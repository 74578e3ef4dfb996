// The confirmation: the reference and how to follow the report; or, with
// no signal, that it is saved on the phone and will go when it can. One
// true state: a waiting report sent while this screen is open (or before a
// reload) becomes "Report sent" with its reference, never both.
import {api, query} from "../api.js";
import {append, clear, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {t} from "../i18n.js";
import {waiting} from "../outbox.js";
import {shareButtons} from "../share.js";
import {deviceReports} from "../store.js";

/** The report this phone remembers for a queued entry once it has gone (see outbox.js). */
function sentFrom(key) {
  return key ? deviceReports().find(r => r.queued_key === key) : null;
}

/** Its reporter gave an email: every change is mailed to them, so following it would tell them twice. */
export const reporterHears = report => report.view === "private" && Boolean(report.contact?.email);

/** Who has it and when to expect it, as the council's answer says (left out, not guessed, without signal);
 * and, to a reporter who hears of it by email already, that they do, instead of the offer to follow it. */
function whoAndWhen(id, token, follow) {
  const box = h("div", {id: "who-and-when"});
  api(`/v1/reports/${encodeURIComponent(id)}${token ? `?${query({token})}` : ""}`).then(report => {
    const to = (report.sent_to || []).map(s => s.body).filter(Boolean);
    append(box, to.length ? h("p", {class: "body", id: "sent-to"}, t("report.sent.sent_to", {who: to.join(" and ")})) : null,
      report.target ? h("p", {class: "body", id: "target"}, `${report.target.text}.`) : null,
      report.target?.rule ? h("p", {class: "hint", id: "target-rule"}, t("report.target.rule", {rule: report.target.rule})) : null);
    if (reporterHears(report)) {
      follow.remove();
      append(box, h("p", {class: "body", id: "you-hear"}, t("report.page.you_hear")));
    }
  }).catch(() => {});
  return box;
}

function sentScreen(id) {
  const known = deviceReports().find(r => r.id === id) || {};
  const track = `/?report=${encodeURIComponent(id)}${known.token ? `&token=${encodeURIComponent(known.token)}` : ""}`;
  const follow = h("li", {}, h("a", {href: `/alerts/new?kind=report&report=${encodeURIComponent(id)}`}, t("report.sent.alerts")));
  return [
    h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("report.sent.title")),
      h("div", {class: "panel__body"}, t("report.sent.reference"), h("br"), h("strong", {id: "reference"}, id))),
    h("h2", {class: "heading-m"}, t("report.sent.next_title")),
    whoAndWhen(id, known.token, follow),
    h("p", {class: "body"}, t("report.sent.next")),
    h("p", {class: "body"}, h("a", {href: track, id: "tracking-link", class: "tracking-link"}, t("report.sent.track"))),
    known.token ? h("p", {class: "hint"}, t("report.sent.link_private")) : null,
    shareButtons(new URL(track, location.href).href, t("report.sent.share_title", {id})),
    h("ul", {class: "list"},
      follow,
      h("li", {}, h("a", {href: "/report/category"}, t("report.sent.another")))),
    feedbackQuestion(known.feedback)];
}

function waitingScreen(entry) {
  return [
    h("div", {class: "panel panel--waiting"}, h("h1", {class: "panel__title"}, t("report.queued.title")),
      h("div", {class: "panel__body"}, t("report.queued.body"))),
    h("p", {class: "body"}, t("report.queued.detail", {category: entry.serviceName})),
    h("p", {class: "body"}, h("a", {href: "/track#waiting-list"}, t("report.queued.track")))];
}

function goneScreen() {
  return [h("h1", {class: "heading-l"}, t("report.queued.gone_title")),
    h("p", {class: "body"}, t("report.queued.gone")),
    h("p", {class: "body"}, h("a", {href: "/track"}, t("report.queued.track_all")))];
}

export async function render(view, {params}) {
  const key = params.get("queued");
  let id = params.get("id") || sentFrom(key)?.id;
  if (id) {
    append(view, sentScreen(id));
    if (key) history.replaceState({}, "", `/report/sent?id=${encodeURIComponent(id)}`);
    return;
  }
  const entry = (await waiting()).find(e => e.key === key);
  append(view, entry ? waitingScreen(entry) : goneScreen());
  if (!entry) return;
  // Sent while the resident looks: the screen becomes the confirmation, and says so.
  const live = h("p", {class: "visually-hidden", role: "status"});
  view.append(live);
  const onChange = () => {
    if (!view.isConnected) {
      window.removeEventListener("doorstep:outbox", onChange);
      return;
    }
    const sent = sentFrom(key);
    if (!sent) return;
    window.removeEventListener("doorstep:outbox", onChange);
    history.replaceState({}, "", `/report/sent?id=${encodeURIComponent(sent.id)}`);
    append(clear(view), sentScreen(sent.id), live);
    document.title = document.title.replace(t("report.queued.title"), t("report.sent.title"));
    live.textContent = t("report.queued.now_sent", {id: sent.id});
  };
  window.addEventListener("doorstep:outbox", onChange);
}
