// The line under the header that says the phone is offline, and which
// reports (or a crew's job updates) are waiting to be sent or were just
// sent from the queue.
import {clear, h} from "./dom.js";
import {t, tCount} from "./i18n.js";
import {waiting} from "./outbox.js";

let justSent = [];

async function show() {
  const box = document.getElementById("status");
  const queued = await waiting();
  const updates = await waiting("job_update");
  const lines = [];
  // A crew's phone is told about its updates, not invited to report a problem.
  const crew = location.pathname.startsWith("/crew");
  if (!navigator.onLine) lines.push(h("p", {class: "banner__line"}, t(crew ? "status.offline_crew" : "status.offline")));
  const pending = queued.filter(e => e.state !== "rejected");
  const rejected = queued.filter(e => e.state === "rejected");
  if (pending.length) {
    lines.push(h("p", {class: "banner__line", id: "waiting-reports"}, tCount("status.waiting", pending.length), " ",
      h("a", {href: "/track#waiting-list", class: "banner__link"}, t("status.see_waiting"))));
  }
  if (rejected.length) {
    lines.push(h("p", {class: "banner__line"}, tCount("status.rejected", rejected.length), " ",
      h("a", {href: "/track#waiting-list", class: "banner__link"}, t("status.see_waiting"))));
  }
  const stuck = updates.some(e => e.state !== "waiting");
  if (updates.length) {
    lines.push(h("p", {class: "banner__line", id: "waiting-updates"},
      stuck ? t("status.updates_need_you") : tCount("status.updates_waiting", updates.length), " ",
      h("a", {href: "/crew", class: "banner__link"}, t("status.see_jobs"))));
  }
  for (const id of justSent) {
    lines.push(h("p", {class: "banner__line"}, t("status.sent", {id}), " ",
      h("a", {href: `/?report=${encodeURIComponent(id)}`, class: "banner__link"}, t("status.track_it", {id}))));
  }
  clear(box);
  if (lines.length) box.append(h("div", {class: "banner"}, lines));
}

export function start() {
  window.addEventListener("online", show);
  window.addEventListener("offline", show);
  window.addEventListener("doorstep:outbox", event => {
    if (event.detail && event.detail.sent) justSent = [...justSent, ...event.detail.sent];
    show();
  });
  document.addEventListener("doorstep:rendered", () => {
    justSent = [];
    show();
  });
  return show();
}
