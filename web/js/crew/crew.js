// The crew's screens: every /crew path (and /?job=, where a job's push
// leads), for a crew member's phone in a van. Its words, styles and screens
// come with the first crew screen, all at once: the service worker is asked
// to keep them, so a phone that opened its jobs with signal works all day
// without it.
import {addStylesheet, append, h} from "../dom.js";
import {addMessages, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {isCrew, signedIn} from "../session.js";
import * as job from "./job.js";
import * as jobs from "./jobs.js";

// Every file a crew screen may need with no signal (a test checks the list is whole).
export const CREW_FILES = ["/css/crew.css", "/messages/crew.en.json", "/js/crew/crew.js", "/js/crew/common.js",
  "/js/crew/conflict.js", "/js/crew/job.js", "/js/crew/jobs.js", "/js/crew/kept.js", "/js/crew/sending.js",
  "/js/crew/update-form.js", "/js/crew/job-map.js", "/js/crew/repair.js"];

let ready = null;

function prepare() {
  if (!ready) {
    ready = Promise.all([addStylesheet("/css/crew.css"), addMessages("crew")]);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.ready.then(r => r.active && r.active.postMessage({keep: CREW_FILES})).catch(() => null);
    }
  }
  return ready;
}

export async function render(view, context) {
  await prepare();
  const jobParam = context.params.get("job");
  const path = jobParam ? `/crew/jobs/${jobParam}` : context.url.pathname.replace(/\/+$/, "");
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(path)}`, {replace: true});
  if (!isCrew()) {
    append(view, h("h1", {class: "heading-l"}, t("crew.only_title")), h("p", {class: "body"}, t("crew.only_body")),
      h("p", {class: "body"}, h("a", {href: `/sign-in?next=${encodeURIComponent(path)}`}, t("crew.only_sign_in"))));
    return;
  }
  const one = path.match(/^\/crew\/jobs\/([^/]+)$/);
  if (one) return job.render(view, {...context, id: decodeURIComponent(one[1])});
  if (path === "/crew") return jobs.render(view, context);
  return (await import("../screens/not-found.js")).render(view, context);
}
