// Paths to screens. Every screen is a module loaded on first visit (the
// first load carries only the shell); links Doorstep sends land here too:
// /?report=, /?broadcast=, /verify, /reset-password, /alerts/confirm, /questionnaire, /petitions/confirm...
import {append, clear, h} from "./dom.js";
import {t} from "./i18n.js";
import {navigate, settle, useRenderer} from "./navigation.js";
import {unavailable} from "./services.js";

const screens = {
  "/": () => import("./screens/home.js"),
  "/report/category": () => import("./report/category.js"),
  "/report/location": () => import("./report/location.js"),
  "/report/nearby": () => import("./report/nearby.js"),
  "/report/details": () => import("./report/details.js"),
  "/report/contact": () => import("./report/contact.js"),
  "/report/sent": () => import("./report/sent.js"),
  "/track": () => import("./screens/track.js"),
  "/find": () => import("./screens/find.js"),
  "/property": () => import("./screens/property.js"),
  "/alerts": () => import("./screens/alerts.js"),
  "/alerts/new": () => import("./screens/alert-new.js"),
  "/alerts/confirm": () => import("./screens/alert-links.js"),
  "/alerts/unsubscribe": () => import("./screens/alert-links.js"),
  "/sign-in": () => import("./screens/sign-in.js"),
  "/sign-in/return": () => import("./screens/sign-in-return.js"),  // back from the council's national account
  "/sign-in/staff/return": () => import("./screens/sign-in-return.js"),  // an officer back from the council's directory
  "/signed-out": () => import("./screens/signed-out.js"),  // back from the directory's own sign-out
  "/register": () => import("./screens/register.js"),
  "/verify": () => import("./screens/account-links.js"),
  "/reset-password": () => import("./screens/account-links.js"),
  "/account": () => import("./screens/account.js"),
  "/account/reports": () => import("./screens/my-reports.js"),
  "/account/meetings": () => import("./screens/my-meetings.js"),
  "/account/delete": () => import("./screens/account-delete.js"),
  "/account/council-tax": () => import("./screens/council-tax.js"),
  "/performance": () => import("./screens/performance.js"),
  "/figures": () => import("./screens/figures.js"),  // the council's figures of channel shift, for councillors
  "/feedback": () => import("./screens/feedback-door.js"),  // complaints, comments and compliments
  "/questionnaire": () => import("./screens/questionnaire.js"),
  "/bulky": () => import("./screens/bulky.js"),
  "/garden": () => import("./screens/garden.js"),
  "/missed-bin": () => import("./screens/missed-bin.js"),
  "/body": () => import("./screens/body-link.js"),
  "/chat": () => import("./screens/chat.js"),
  "/appointments": () => import("./screens/appointments.js"),
  "/appointments/manage": () => import("./screens/appointment-manage.js"),
  "/pay": () => import("./screens/pay.js"),
  "/form-case": () => import("./screens/form-case.js"),  // a form's case from its e-mail: /form-case#<token>
  "/moving": () => import("./screens/moving.js"),  // moving home, told once
  "/schools": () => import("./screens/schools.js"),  // school places: my applications
  "/starting-school": () => import("./screens/starting-school.js"),  // my child is starting school, told once
  "/business": () => import("./screens/business.js"),  // starting a business, told once
  "/feedback/give": () => import("./screens/feedback-give.js"),  // a confirmation message's "how did it go?"
  "/privacy": () => import("./screens/privacy.js"),  // the council's privacy notice; /privacy#<part> from a collecting screen
};
const onHome = {
  report: () => import("./screens/report-page.js"),
  support: () => import("./report/me-too.js"),  // a "me too" e-mail's link: /?support=<token>
  "withdraw-support": () => import("./report/me-too-withdraw.js"),  // its other link: /?withdraw-support=<token>
  broadcast: () => import("./screens/broadcast.js"),
  job: () => import("./crew/crew.js"),  // a crew's push: /?job=<id>
};

let sequence = 0;
let first = true;
let shown = null;  // the path and query of the screen drawn: a link within it moves only the fragment

function screenFor(url) {
  // A service this council does not provide: who does, or that it is not here, in place of its screens (none
  // of which would answer).
  if (unavailable(url)) return () => import("./screens/provided-elsewhere.js");
  // Staff screens are one module's business: nothing of them loads for a resident.
  if (/^\/staff(\/|$)/.test(url.pathname)) return () => import("./staff/desk.js");
  if (/^\/crew(\/|$)/.test(url.pathname)) return () => import("./crew/crew.js");
  if (/^\/petitions(\/|$)/.test(url.pathname)) return () => import("./screens/petitions.js");
  if (/^\/meetings(\/|$)/.test(url.pathname) || url.pathname === "/decisions") return () => import("./screens/meetings.js");
  if (/^\/forms(\/|$)/.test(url.pathname)) return () => import("./screens/forms.js");
  if (/^\/consultations(\/|$)/.test(url.pathname)) return () => import("./screens/consultations.js");
  if (/^\/planning(\/|$)/.test(url.pathname)) return () => import("./screens/planning.js");
  if (url.pathname === "/licensing/consult") return () => import("./screens/licence-consult.js");  // a consultee's link
  if (/^\/licensing(\/|$)/.test(url.pathname)) return () => import("./screens/licensing.js");
  if (/^\/repairs\/new$/.test(url.pathname)) return () => import("./screens/repair-report.js");
  if (/^\/repairs(\/|$)/.test(url.pathname)) return () => import("./screens/repairs.js");
  // The landlords' portal is one module's business too, with a budget of its own (docs/decisions/web.md).
  if (/^\/landlords(\/|$)/.test(url.pathname)) return () => import("./landlords/portal.js");
  if (/^\/bulky\/bookings\/[^/]+$/.test(url.pathname)) return () => import("./screens/bulky-booking.js");
  if (/^\/bulky\/bookings\/[^/]+\/change$/.test(url.pathname)) return () => import("./screens/bulky-change.js");
  if (/^\/garden\/subscriptions\/\d+\/[\d-]+$/.test(url.pathname)) return () => import("./screens/garden-subscription.js");
  if (/^\/containers(\/[^/]+)?$/.test(url.pathname)) return () => import("./screens/containers.js");
  if (/^\/hire(\/bookings\/[^/]+)?$/.test(url.pathname)) return () => import("./screens/hire.js");
  if (/^\/moving\/[^/]+$/.test(url.pathname)) return () => import("./screens/moving-page.js");
  if (/^\/schools\/(apply|[^/]+\/change)$/.test(url.pathname)) return () => import("./screens/schools.js");
  if (/^\/schools\/[^/]+$/.test(url.pathname)) return () => import("./screens/school-page.js");
  if (/^\/starting-school\/[^/]+$/.test(url.pathname)) return () => import("./screens/starting-school-page.js");
  if (/^\/business\/[^/]+$/.test(url.pathname)) return () => import("./screens/business.js");
  if (url.pathname === "/" || url.pathname === "/index.html") {
    for (const [param, load] of Object.entries(onHome)) {
      if (url.searchParams.get(param)) return load;
    }
  }
  return screens[url.pathname.replace(/\/+$/, "") || "/"] || (() => import("./screens/not-found.js"));
}

export async function render() {
  const mine = ++sequence;
  const url = new URL(location.href);
  shown = url.pathname + url.search;
  const target = document.getElementById("screen");
  const view = h("div", {class: "screen"});
  try {
    const module = await screenFor(url)();
    await module.render(view, {params: url.searchParams, url});
  } catch (error) {
    console.error(error);
    append(clear(view), h("h1", {class: "heading-l"}, t("error.page_title")),
      h("p", {class: "body"}, t("error.page_body")));
  }
  if (mine !== sequence) return;  // a later navigation won
  append(clear(target), view);
  settle(view, !first);
  if (!first) window.scrollTo(0, 0);
  first = false;
  document.dispatchEvent(new CustomEvent("doorstep:rendered", {detail: url.pathname + url.search}));
}

function internal(link) {
  if (!link || link.target || link.hasAttribute("download") || link.origin !== location.origin) return false;
  const path = link.pathname;
  return !path.startsWith("/v1/") && !path.startsWith("/open311/") && !/\.[a-z0-9]+$/i.test(path);
}

export function start() {
  useRenderer(render);
  document.addEventListener("click", event => {
    const link = event.target.closest("a[href]");
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || !internal(link) || (link.hash && link.pathname === location.pathname && link.search === location.search)) {
      return;
    }
    event.preventDefault();
    navigate(link.href);
  });
  // A link to a part of the screen (the figures' contents) moves the fragment and fires popstate: the browser
  // scrolls to the part itself, and drawing the screen again would put the reader back at its top.
  window.addEventListener("popstate", () => {
    if (location.pathname + location.search !== shown) render();
  });
  return render();
}
