// Which desk each staff screen belongs to, the desks the officer's roles open
// (GET /v1/staff/desks: the API decides; this only chooses what to offer), and
// how often this officer opened each desk on this browser, so the menu puts the
// one they use most first. The counts are kept in localStorage per officer: a
// convenience of one computer, never sent anywhere (docs/decisions/staff.md).
import {api} from "../api.js";
import {DESK, SERVICES} from "../figures.js";
import {tokens} from "../session.js";

export const ADMINISTRATORS = "administrators";  // not a desk: screens only an administrator is offered

// Path prefixes, longest first wins; "/staff" alone is the inbox. A screen under no prefix is any officer's.
const DESK_OF = [
  ["/staff/reports", "reports"], ["/staff/take", "reports"], ["/staff/templates", "reports"],
  ["/staff/broadcasts", "broadcasts"], ["/staff/chat", "chat"], ["/staff/petitions", "petitions"],
  ["/staff/payments", "payments"], ["/staff/pay/links", "bills"], ["/staff/pay/reconciliation", "payments"],
  ["/staff/bulky", "bulky"], ["/staff/containers", "containers"], ["/staff/council-tax", "council_tax"],
  ["/staff/forms", "forms"], ["/staff/appointments", "appointments"], ["/staff/hire", "halls"], ["/staff/licensing", "licensing"],
  ["/staff/meetings", "meetings"], ["/staff/consultations", "consultations"], ["/staff/planning", "planning"], ["/staff/repairs", "repairs"],
  ["/staff/landlords", "landlords"], ["/staff/admissions", "admissions"],
  ["/staff/officers", ADMINISTRATORS], ["/staff/council", ADMINISTRATORS],
  ["/staff/retention", ADMINISTRATORS],
];
const USE = "doorstep.desk-use";
// The services feedback is kept for (the API's feedback/services.py), each read at its own desk's
// screen: /staff/feedback/<service> belongs to the desk whose officers deal with the service.
export const FEEDBACK_SERVICES = SERVICES;  // each read by its desk's officers (figures.js: the API's names)
const FEEDBACK = /^\/staff\/feedback\/([a-z_]+)$/;

/** The desk whose officers read `service`'s feedback: its own, but a move's is council tax's. */
export function feedbackDesk(service) {
  return DESK[service] || service;
}

export function deskOf(path) {
  if (path === "/staff") return "reports";
  const feedback = FEEDBACK.exec(path);
  if (feedback) return feedbackDesk(feedback[1]);
  const under = DESK_OF.filter(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))
    .sort((a, b) => b[0].length - a[0].length);
  return under.length ? under[0][1] : null;
}

/** Who is signed in here (the access token's subject), to keep each officer's desks and counts apart. */
function officer() {
  try {
    return JSON.parse(atob(tokens().access.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub || "";
  } catch {
    return "";
  }
}

let asked = null;

/** {desks: [{id, name}], roles, administrator} for the officer signed in now (asked once per officer). */
export function myDesks() {
  const who = officer();
  if (!asked || asked.who !== who) {
    asked = {who, answer: api("/v1/staff/desks")};
    asked.answer.catch(() => { asked = null; });  // asked again next time, not a failure kept
  }
  return asked.answer;
}

function counts() {
  try {
    return JSON.parse(localStorage.getItem(USE) || "{}") || {};
  } catch {
    return {};
  }
}

/** One more opening of `desk` by the officer signed in now. */
export function countUse(desk) {
  if (!desk) return;
  const all = counts();
  const mine = all[officer()] || {};
  mine[desk] = (mine[desk] || 0) + 1;
  all[officer()] = mine;
  try {
    localStorage.setItem(USE, JSON.stringify(all));
  } catch { /* a full or closed store: the menu keeps the council's order */ }
}

/** The desk this officer opened most here (the earliest in `order` on a tie), or null before any. */
export function mostUsed(order) {
  const mine = counts()[officer()] || {};
  return order.reduce((best, desk) => ((mine[desk] || 0) > (mine[best] || 0) ? desk : best), null) || null;
}
