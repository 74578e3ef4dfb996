// Start-up: settings and words first, then the shell, the screens, the
// service worker (offline) and the queue of reports waiting to be sent.
import {api} from "./api.js";
import {loadConfig} from "./config.js";
import {branding, councilName, loadCouncil, serviceEnded} from "./council.js";
import {h} from "./dom.js";
import {loadMessages, t} from "./i18n.js";
import {startFlushing} from "./outbox.js";
import {start as startRouter} from "./router.js";
import {isCrew, isStaff, signedIn} from "./session.js";
import {start as startStatus} from "./status.js";

const STAFF_NAV = [["/staff", "nav.staff"]];  // offered after a staff sign-in, on any screen
const CREW_NAV = [["/crew", "nav.crew"]];
const NAV = [["/report/category", "nav.report"], ["/track", "nav.track"], ["/find", "nav.find"],
             ["/alerts", "nav.alerts"], ["/account", "nav.account"]];

function shell() {
  const skip = document.getElementById("skip-link");
  skip.textContent = t("nav.skip");
  skip.hidden = false;
  const logo = branding("logo");
  document.getElementById("brand").append(...(logo ? [h("img", {class: "header__logo", src: logo, alt: ""})] : []),
    councilName() || t("app.name"));
  const nav = document.getElementById("nav");
  nav.setAttribute("aria-label", t("nav.label"));
  const links = () => (isStaff() ? [...STAFF_NAV, ...NAV] : isCrew() ? [...CREW_NAV, ...NAV] : NAV)
    .map(([href, key]) => h("li", {}, h("a", {class: "nav__link", href}, t(key))));
  const list = h("ul", {class: "nav__list"}, links());
  nav.append(list);
  nav.hidden = false;
  document.getElementById("footer").append(...footer());
  document.addEventListener("doorstep:rendered", () => {
    if (list.children.length !== links().length) list.replaceChildren(...links());
    for (const link of nav.querySelectorAll("a")) {
      const here = location.pathname.startsWith(new URL(link.href).pathname.split("/").slice(0, 2).join("/"));
      if (here && location.pathname !== "/") link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
  });
}

/** Who runs the app and how to reach them: the council's own contact details, each when it gave one. */
function footer() {
  const [phone, email, website, emergency] = ["phone", "email", "website", "emergency_phone"].map(branding);
  const line = (...content) => h("p", {class: "footer__text"}, ...content);
  return [
    councilName() ? line(t("footer.council", {council: councilName()})) : null,
    phone ? line(t("footer.phone", {phone})) : null,
    email ? line(t("footer.email"), " ", h("a", {href: `mailto:${email}`}, email)) : null,
    website ? line(h("a", {href: website}, t("footer.website", {council: councilName()}))) : null,
    emergency ? line(t("footer.emergency", {phone: emergency})) : null,
    line(h("a", {href: "/performance"}, t("footer.performance"))),
    line(h("a", {href: "/feedback"}, t("footer.feedback"))),
  ].filter(Boolean);
}

async function registerServiceWorker() {
  if (!("serviceWorker" in navigator)) return;
  try {
    await navigator.serviceWorker.register("/sw.js", {scope: "/"});
  } catch (error) {
    console.warn("Doorstep: no offline support", error);
  }
}

async function boot() {
  const [config] = await Promise.all([loadConfig(), loadCouncil()]);
  if (serviceEnded()) {  // the council has left this service: its words (the API's), and no screen, kept or not
    const said = document.createElement("h1");
    said.textContent = serviceEnded();
    document.getElementById("screen").replaceChildren(said);
    document.getElementById("brand").remove();  // no council to name or link to here any more
    return;
  }
  await loadMessages(config.language || "en");
  shell();
  registerServiceWorker();
  await startRouter();
  startStatus();
  startFlushing();
  // A linked resident's council tax copy is read while they look elsewhere, so a tap on the
  // account answers from it (screens/council-tax.js sets the mark; the answer is not awaited).
  if (signedIn() && localStorage.getItem("doorstep.ctax-linked")) {
    api("/v1/me/council-tax/warm", {method: "POST", body: {}}).catch(() => {});
  }
}

boot();
