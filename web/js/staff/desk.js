// The staff desk: every /staff path, for council staff at a desktop. Its
// words (messages/staff.<lang>.json) and styles (css/staff.css) come with
// the first staff screen, so a resident's phone never fetches them.
import {addStylesheet, append, h} from "../dom.js";
import {addMessages, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {isStaff, signedIn} from "../session.js";
import {ADMINISTRATORS, FEEDBACK_SERVICES, countUse, deskOf, feedbackDesk, mostUsed, myDesks} from "./desks.js";

const FEEDBACK = "/staff/feedback";

const SCREENS = [
  [/^\/staff\/?$/, () => import("./inbox.js")],
  [/^\/staff\/reports\/[^/]+$/, () => import("./report.js")],
  [/^\/staff\/take$/, () => import("./take.js")],
  [/^\/staff\/templates$/, () => import("./templates.js")],
  [/^\/staff\/templates\/edit$/, () => import("./template-edit.js")],
  [/^\/staff\/broadcasts$/, () => import("./broadcasts.js")],
  [/^\/staff\/chat(\/CV-[0-9a-f]{16})?$/, () => import("./chat.js")],
  [/^\/staff\/petitions(\/PT-[0-9A-Z]{6})?$/, () => import("./petitions.js")],
  [/^\/staff\/payments$/, () => import("./payments.js")],
  [/^\/staff\/payments\/[0-9a-f]{32}$/, () => import("./payment.js")],
  [/^\/staff\/pay\/links$/, () => import("./pay-links.js")],
  [/^\/staff\/pay\/reconciliation$/, () => import("./pay-reconciliation.js")],
  [/^\/staff\/bulky$/, () => import("./bulky-take.js")],
  [/^\/staff\/containers(\/CR-[0-9A-Z]{6})?$/, () => import("./containers.js")],
  [/^\/staff\/council-tax$/, () => import("./council-tax.js")],
  [/^\/staff\/council-tax\/failed$/, () => import("./council-tax-failed.js")],
  [/^\/staff\/council-tax\/moves$/, () => import("./moves.js")],
  [/^\/staff\/forms$/, () => import("./forms.js")],
  [/^\/staff\/forms\/hand-ons$/, () => import("./form-hand-ons.js")],
  [/^\/staff\/appointments$/, () => import("./appointments.js")],
  [/^\/staff\/meetings(\/\d{1,12}(\/(print|webcast|questions))?)?$/, () => import("./meetings.js")],
  [/^\/staff\/meetings\/sync$/, () => import("./meetings-sync.js")],
  [/^\/staff\/planning\/sync$/, () => import("./planning-sync.js")],
  [/^\/staff\/meetings\/speaking-rules$/, () => import("./speaking-rules.js")],
  [/^\/staff\/meetings\/\d{1,12}\/tags$/, () => import("./meeting-tags.js")],
  [/^\/staff\/meetings\/forthcoming-tags$/, () => import("./forthcoming-tags.js")],
  [/^\/staff\/hire(\/book|\/bookings\/HB-[0-9A-Z]{6})?$/, () => import("./hire.js")],
  [/^\/staff\/licensing(\/LC-[0-9A-Z]{4,16})?$/, () => import("./licensing.js")],
  [/^\/staff\/meetings\/\d{1,12}\/live-questions$/, () => import("./live-questions.js")],
  [/^\/staff\/consultations(\/[a-z0-9][a-z0-9-]{1,59})?$/, () => import("./consultations.js")],
  [/^\/staff\/officers$/, () => import("./officers.js")],
  [/^\/staff\/council$/, () => import("./council.js")],
  [/^\/staff\/retention$/, () => import("./retention.js")],
  [/^\/staff\/figures\/contacts$/, () => import("./contacts.js")],
  [/^\/staff\/landlords$/, () => import("./landlords.js")],
  [/^\/staff\/repairs$/, () => import("./repairs.js")],
  [/^\/staff\/repairs\/RP-[0-9A-Z]{6}$/, () => import("./repair.js")],
  [/^\/staff\/feedback(\/[a-z_]+)?$/, () => import("./feedback.js")],
  [/^\/staff\/admissions$/, () => import("./admissions.js")],
];
const MENU = [["/staff", "staff.nav.inbox"], ["/staff/take", "staff.nav.take"],
              ["/staff/templates", "staff.nav.templates"], ["/staff/broadcasts", "staff.nav.broadcasts"],
              ["/staff/chat", "staff.nav.chat"], ["/staff/petitions", "staff.nav.petitions"],
              ["/staff/payments", "staff.nav.payments"], ["/staff/pay/links", "staff.nav.pay_links"],
              ["/staff/pay/reconciliation", "staff.nav.reconcile"], ["/staff/bulky", "staff.nav.bulky"],
              ["/staff/containers", "staff.nav.containers"],
              ["/staff/council-tax", "staff.nav.council_tax"], ["/staff/landlords", "staff.nav.landlords"],
              ["/staff/forms", "staff.nav.forms"], ["/staff/forms/hand-ons", "staff.nav.hand_ons"],
              ["/staff/appointments", "staff.nav.appointments"], ["/staff/hire", "staff.nav.hire"],
              ["/staff/licensing", "staff.nav.licensing"],
              ["/staff/meetings", "staff.nav.meetings"], ["/staff/meetings/sync", "staff.nav.meetings_sync"],
              ["/staff/planning/sync", "staff.nav.planning_sync"], ["/staff/consultations", "staff.nav.consultations"],
              ["/staff/repairs", "staff.nav.repairs"], ["/staff/admissions", "staff.nav.admissions"],
              ["/staff/feedback", "staff.nav.feedback"],
              ["/staff/officers", "staff.nav.officers"], ["/staff/figures/contacts", "staff.nav.contacts"],
              ["/staff/council", "staff.nav.council"], ["/staff/retention", "staff.nav.retention"]];

const CONTACTS = "/staff/figures/contacts";

let ready = null;

function prepare() {
  if (!ready) {
    ready = Promise.all([addStylesheet("/css/staff.css"), addMessages("staff")]);
    // The wide desk layout is for staff paths only; a resident screen is phone-sized again.
    document.addEventListener("doorstep:rendered", () =>
      document.body.classList.toggle("desk", /^\/staff(\/|$)/.test(location.pathname)));
  }
  return ready;
}

/** The menu's entries the officer's desks open (`opened` null: not known, so all), the desk they
 * open most here first and the rest in the council's order. */
function entries(opened) {
  // Feedback and a service's contacts are any desk's that deals with a service (their screens list
  // theirs): none for meetings alone. Contacts come last, so they are never anyone's landing page.
  const anyService = !opened || FEEDBACK_SERVICES.some(s => opened.has(feedbackDesk(s)));
  const opens = href => (href === FEEDBACK ? anyService : !deskOf(href) || opened.has(deskOf(href)));
  const theirs = MENU.filter(([href]) => href !== CONTACTS && (!opened || opens(href)));
  const first = mostUsed([...new Set(theirs.map(([href]) => deskOf(href)).filter(Boolean))]);
  // Before any is used the council's order alone (an entry of no desk, Feedback, is not one of "theirs").
  const most = first ? theirs.filter(([href]) => deskOf(href) === first) : [];
  const contacts = anyService ? MENU.filter(([href]) => href === CONTACTS) : [];
  return [...most, ...theirs.filter(entry => !most.includes(entry)), ...contacts];
}

function menu(path, shown) {
  // The longest entry the path is under is the current one (/staff/forms/hand-ons is not /staff/forms).
  const under = href => path === href || path.startsWith(`${href}/`);
  const deepest = shown.map(([href]) => href).filter(href => href !== "/staff" && under(href))
    .sort((a, b) => b.length - a.length)[0];
  const current = href => (href === "/staff" ? path === "/staff" || path.startsWith("/staff/reports")
    : href === deepest);
  return h("nav", {class: "desk-menu", "aria-label": t("staff.nav.label")},
    h("ul", {class: "desk-menu__list"}, shown.map(([href, key]) => h("li", {},
      h("a", {class: "desk-menu__link", href, "aria-current": current(href) ? "page" : null}, t(key))))));
}

/** A desk none of the officer's roles opens, asked for by its address: said so, with the way to theirs. */
function refusal(shown) {
  if (!shown.length) {
    return [h("h1", {class: "heading-l"}, t("staff.no_desks_title")), h("p", {class: "body"}, t("staff.no_desks_body"))];
  }
  const [href, key] = shown[0];
  return [h("h1", {class: "heading-l"}, t("staff.desk_refused_title")), h("p", {class: "body"}, t("staff.desk_refused_body")),
    h("p", {class: "body"}, h("a", {href, id: "desk-refused-back"}, t("staff.desk_refused_back", {desk: t(key)})))];
}

export async function render(view, context) {
  await prepare();
  document.body.classList.add("desk");
  const path = context.url.pathname.replace(/\/+$/, "") || "/staff";
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(path + context.url.search)}`, {replace: true});
  if (!isStaff()) {
    append(view, h("h1", {class: "heading-l"}, t("staff.only_title")), h("p", {class: "body"}, t("staff.only_body")),
      h("p", {class: "body"}, h("a", {href: `/sign-in?next=${encodeURIComponent(path)}`}, t("staff.only_sign_in"))));
    return;
  }
  const found = SCREENS.find(([pattern]) => pattern.test(path));
  if (!found) return (await import("../screens/not-found.js")).render(view, context);
  // The API refuses a desk not theirs whatever this shows; unknown desks (no answer) offer everything.
  const opened = await myDesks().then(mine => new Set([...mine.desks.map(d => d.id),
    ...(mine.administrator ? [ADMINISTRATORS] : [])]), () => null);
  const desk = deskOf(path);
  if (opened && desk && !opened.has(desk)) {
    const shown = entries(opened);
    if (path === "/staff" && shown.length) return navigate(shown[0][0], {replace: true});  // the inbox is not theirs
    append(view, menu(path, shown), ...refusal(shown));
    return;
  }
  countUse(desk);
  append(view, menu(path, entries(opened)));
  const screen = await found[1]();
  await screen.render(view, {...context, path});
}
