// Hire a hall, room or pitch (/hire): one session or the same weekday and time
// for some weeks, checked whole; dates that cannot be had are listed and the
// hirer books the rest knowingly (skip), then pays. A booking's page
// (/hire/bookings/{id}): its sessions, each cancellable with the refund the terms give.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, feedbackQuestion, youSaidWeDid} from "../feedback.js";
import {button, check, choices, dateInput, dateValue, errorsOf, input, onSubmit, privacyLink, select} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {drawnWhile} from "../read-again.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";

const range = (from, to, label) => Array.from({length: to - from + 1}, (_, n) => ({value: String(from + n),
  label: label(from + n)}));

// Cancelling is its own part, under its own heading after the booking, each button naming its session:
// never a button straight under a time, where a tap meant for the time cancels it.
function cancelling(view, b) {
  const open = b.sessions.filter(s => s.status !== "cancelled");
  if (b.status !== "confirmed" || !open.length) return [];
  return [h("h2", {class: "heading-m", id: "cancel-title"}, t("hire.cancel_title")),
    h("p", {class: "body"}, t("hire.cancel_lead")),
    h("ul", {class: "list list--spaced", id: "cancel-sessions"}, open.map(s => h("li", {}, button(
      t("hire.cancel_session", {day: formatDay(s.date), start: s.start}), {warning: true, type: "button",
        id: `cancel-${s.date}`, onclick: async () => {
          try {
            await api(`/v1/hire/bookings/${b.id}/sessions/${s.date}/cancel`, {method: "POST"});
            view.replaceChildren();
            await booking(view, b.id);  // drawn again as it now stands
          } catch (error) { append(view, h("p", {class: "body"}, errorsOf(error)[0].message)); }
        }}))))];
}

async function booking(view, id) {
  // Held while its payment is being settled: read again, so the booking confirmed shows here.
  const read = () => api(`/v1/hire/bookings/${encodeURIComponent(id)}`);
  drawnWhile(view, await read(), read, b => bookingPage(view, b), b => b.status === "held");
}

function bookingPage(view, b) {
  const list = h("ul", {class: "list", id: "sessions"}, b.sessions.map(s => h("li", {},
    t("hire.session", {day: formatDay(s.date), start: s.start, end: s.end}),
    s.status === "cancelled" ? [" ", h("strong", {}, t("hire.cancelled", {refund: pounds(s.refund?.amount || 0),
      percent: s.refund?.percent || 0}))] : null)));
  return [h("h1", {class: "heading-l"}, t(`hire.${b.status}`)),
    h("p", {class: "body", id: "hire-place"}, t("hire.at_place", {place: b.place_name || b.place})),
    h("p", {class: "body"}, t("hire.summary", {id: b.id, total: b.total_text, deposit: pounds(b.deposit.amount)})),
    b.skipped.length ? h("p", {class: "body", id: "skipped"}, t("hire.skipped", {dates: b.skipped.map(d => formatDate(d)).join(", ")})) : null,
    h("h2", {class: "heading-m"}, t("hire.sessions_title")), list,
    b.status === "held" && b.payment?.next_url
      ? h("p", {class: "body"}, h("a", {class: "button", href: b.payment.next_url}, t("bulky.pay_now"))) : null,
    ...cancelling(view, b), feedbackQuestion(b.feedback)];  // confirmed: how did it go?
}

/** A booking's questions: the place, who hires, when, how often, the terms
 * (`accept`: the box's words, a resident's own or an officer's for a caller). */
export function bookingFields(places, accept = t("hire.accept"), name = t("hire.name")) {
  return [choices({field: "place", legend: t("hire.place"), options: places.map(p => ({value: p.id, label: p.name,
    hint: t("hire.place_hint", {capacity: p.capacity, resident: pounds(p.prices.resident),
      community: pounds(p.prices.community), deposit: pounds(p.deposit)})}))}),
  choices({field: "hirer_type", legend: t("hire.who"), options: ["resident", "community", "commercial"].map(v => ({
    value: v, label: t(`hire.who.${v}`)}))}),
  input({field: "hirer_name", label: name, optional: name === t("hire.name"), maxlength: "120"}),
  dateInput({field: "date", legend: t("hire.date")}),
  select({field: "start", label: t("hire.start"), options: range(9, 21, n => `${String(n).padStart(2, "0")}:00`)
    .map(o => ({...o, value: o.label})), value: "18:00"}),
  select({field: "hours", label: t("hire.hours"), options: range(1, 8, n => tCount("hire.hours_n", n)), value: "2"}),
  select({field: "weeks", label: t("hire.weeks"), options: range(1, 40, n => tCount("hire.weeks_n", n)), value: "1"}),
  choices({field: "terms_accepted", legend: t("hire.terms"), hint: places[0]?.terms, multiple: true,
    options: [{value: "yes", label: accept}]})];
}

/** The booking's body from its questions, each checked in its own words first, all at once (issue 47). */
export function bookingBody(form, skip, extra = []) {
  check(["place", t("hire.place_required"), form.elements.place.value],
    ["hirer_type", t("hire.who_required"), form.elements.hirer_type.value],
    ["date", t("hire.date_required"), dateValue(form, "date")],
    ["terms_accepted", t("hire.terms_required"), form.elements.terms_accepted.checked], ...extra);
  return {place: form.elements.place.value, hirer_type: form.elements.hirer_type.value,
    hirer_name: form.elements.hirer_name.value.trim(), date: dateValue(form, "date"), start: form.elements.start.value,
    hours: Number(form.elements.hours.value), weeks: Number(form.elements.weeks.value), skip,
    terms_accepted: form.elements.terms_accepted.checked};
}

/** A block's dates that cannot be had, listed in `box`; returns them, to skip when booked again. `again`: the
 * words naming the button that books the rest (a resident's "Check and pay", the desk's "Check and book"). */
export function showClashes(box, error, again = t("hire.clashes")) {
  if (error.code !== "block_clashes") throw error;  // one session: the server's own words, in the error summary
  const until = c => c.held_until ? new Date(c.held_until).toLocaleTimeString("en-GB",
    {timeZone: "Europe/London", hour: "2-digit", minute: "2-digit"}) : "";
  box.replaceChildren(h("div", {class: "warning-text"}, again),
    h("ul", {class: "list", id: "clash-list"}, error.body.clashes.map(c => h("li", {},
      t(`hire.clash.${c.state}`, {day: formatDate(c.date), time: until(c)})))));
  return error.body.clashes.map(c => c.date);
}

export async function render(view, {url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, {replace: true});
  const id = url.pathname.split("/")[3];
  let places;
  try {
    if (id) return await booking(view, id);
    places = (await api("/v1/hire/places")).places;
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("hire.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  countStart("halls");  // the booking form, not a booking's own page
  const clashes = h("div", {id: "clashes", "aria-live": "polite"});
  const form = h("form", {novalidate: true}, ...bookingFields(places), clashes, privacyLink("hire"), button(t("hire.book")));
  const key = crypto.randomUUID();
  let skip = [];
  onSubmit(form, view, async () => {
    const body = bookingBody(form, skip);
    try {
      const made = await api("/v1/hire/bookings", {method: "POST", headers: {"Idempotency-Key": `${key}.${skip.length}`}, body});
      location.assign(made.payment.next_url);
    } catch (error) {
      skip = showClashes(clashes, error);  // shown first; pressing again books the rest
    }
  });
  append(view, h("h1", {class: "heading-l"}, t("hire.title")), form, youSaidWeDid("halls"));
}
