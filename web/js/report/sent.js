// The confirmation: the reference and how to follow the report; or, with
// no signal, that it is saved on the phone and will go when it can. One
// true state: a waiting report sent while this screen is open (or before a
// reload) becomes "Report sent" with its reference, never both. A complaint
// is "Complaint received", with the date the council's procedure answers it
// by and the rule that sets it (the API counts the working days).
import {api, query} from "../api.js";
import {append, clear, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {formatDay, t} from "../i18n.js";
import {waiting} from "../outbox.js";
import {shareButtons} from "../share.js";
import {deviceReports} from "../store.js";
import {isComplaint, loadServices} from "./draft.js";

/** The report this phone remembers for a queued entry once it has gone (see outbox.js). */
function sentFrom(key) {
  return key ? deviceReports().find(r => r.queued_key === key) : null;
}

/** Its reporter gave an email: every change is mailed to them, so following it would tell them twice. */
export const reporterHears = report => report.view === "private" && Boolean(report.contact?.email);

/** Who has it and when to expect it, as the council's answer says (left out, not guessed, without signal);
 * and, to a reporter who hears of it by email already, that they do, instead of the offer to follow it. */
function whoAndWhen(id, token, follow, complaint) {
  const box = h("div", {id: "who-and-when"});
  api(`/v1/reports/${encodeURIComponent(id)}${token ? `?${query({token})}` : ""}`).then(report => {
    const to = (report.sent_to || []).map(s => s.body).filter(Boolean);
    const aim = report.target;
    append(box, to.length ? h("p", {class: "body", id: "sent-to"}, t("report.sent.sent_to", {who: to.join(" and ")})) : null,
      complaint && aim?.date ? answerBy(aim) : null,
      aim && !(complaint && aim.date) ? h("p", {class: "body", id: "target"}, `${aim.text}.`) : null,
      aim?.rule && !(complaint && aim.date) ? h("p", {class: "hint", id: "target-rule"}, t("report.target.rule", {rule: aim.rule})) : null);
    if (reporterHears(report)) {
      follow.remove();
      append(box, h("p", {class: "body", id: "you-hear"}, t("report.page.you_hear")));
    }
  }).catch(() => {});
  return box;
}

/** "We will answer by Friday 11 December 2026 (10 working days under ...)": the date and the rule that made it. */
function answerBy(aim) {
  const date = formatDay(aim.date, true);
  return h("p", {class: "body", id: "answer-by"},
    aim.rule ? t("complaint.sent.answer_by", {date, rule: aim.rule}) : t("complaint.sent.answer_by_date", {date}));
}

/** Whether the report this phone sent is a complaint, by its category (none known, or no signal: a report). */
async function complaintSent(known) {
  if (!known.service_code) return false;
  try {
    return isComplaint((await loadServices()).find(s => s.service_code === known.service_code));
  } catch {
    return false;
  }
}

async function sentScreen(id) {
  const known = deviceReports().find(r => r.id === id) || {};
  const complaint = await complaintSent(known);
  const track = `/?report=${encodeURIComponent(id)}${known.token ? `&token=${encodeURIComponent(known.token)}` : ""}`;
  const follow = h("li", {}, h("a", {href: `/alerts/new?kind=report&report=${encodeURIComponent(id)}`}, t("report.sent.alerts")));
  return [
    h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t(complaint ? "complaint.sent.title" : "report.sent.title")),
      h("div", {class: "panel__body"}, t("report.sent.reference"), h("br"), h("strong", {id: "reference"}, id))),
    h("h2", {class: "heading-m"}, t("report.sent.next_title")),
    whoAndWhen(id, known.token, follow, complaint),
    complaint ? null : h("p", {class: "body"}, t("report.sent.next")),
    h("p", {class: "body"}, h("a", {href: track, id: "tracking-link", class: "tracking-link"},
      t(complaint ? "complaint.sent.track" : "report.sent.track"))),
    known.token ? h("p", {class: "hint"}, t(complaint ? "complaint.sent.link_private" : "report.sent.link_private")) : null,
    // A complaint is the resident's own business: nothing to share, and not "another problem".
    complaint ? null : shareButtons(new URL(track, location.href).href, t("report.sent.share_title", {id})),
    h("ul", {class: "list"},
      follow,
      complaint ? null : h("li", {}, h("a", {href: "/report/category"}, t("report.sent.another")))),
    feedbackQuestion(known.feedback)];
}

async function waitingScreen(entry) {
  // The categories were loaded on the way here, so this needs no signal.
  const complaint = await complaintSent({service_code: entry.body?.service_code});
  return [
    h("div", {class: "panel panel--waiting"}, h("h1", {class: "panel__title"}, t("report.queued.title")),
      h("div", {class: "panel__body"}, t("report.queued.body"))),
    h("p", {class: "body"}, complaint ? t("complaint.queued.detail")
      : t("report.queued.detail", {category: entry.serviceName})),
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
    append(view, await sentScreen(id));
    if (key) history.replaceState({}, "", `/report/sent?id=${encodeURIComponent(id)}`);
    return;
  }
  const entry = (await waiting()).find(e => e.key === key);
  append(view, entry ? await waitingScreen(entry) : goneScreen());
  if (!entry) return;
  // Sent while the resident looks: the screen becomes the confirmation, and says so.
  const live = h("p", {class: "visually-hidden", role: "status"});
  view.append(live);
  const onChange = async () => {
    if (!view.isConnected) {
      window.removeEventListener("doorstep:outbox", onChange);
      return;
    }
    const sent = sentFrom(key);
    if (!sent) return;
    window.removeEventListener("doorstep:outbox", onChange);
    history.replaceState({}, "", `/report/sent?id=${encodeURIComponent(sent.id)}`);
    const screen = await sentScreen(sent.id);
    append(clear(view), screen, live);
    document.title = document.title.replace(t("report.queued.title"), view.querySelector("h1").textContent);
    live.textContent = t("report.queued.now_sent", {id: sent.id});
  };
  window.addEventListener("doorstep:outbox", onChange);
}
