// Halls, rooms and pitches at the desk (/staff/hire...): a place's week, each
// hour free, held, booked (with who) or closed (a bank holiday, a closure, a
// block with its reason); closing a time for maintenance, and opening again
// one closed by mistake; the deposits waiting for a check; a booking taken for
// a caller (card on the provider's page, or waived with a reason); and a
// booking's deposit after the officer's check: all, part or none, with why.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, choices, dateInput, dateValue, input, onSubmit, select, textarea} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {pounds} from "../screens/bulky.js";
import {bookingBody, bookingFields, showClashes} from "../screens/hire.js";
import {summaryRow} from "./common.js";
import {reasonFor, reasonForm, remember, why} from "./reasons.js";

const today = () => new Date().toLocaleDateString("en-CA", {timeZone: "Europe/London"});  // YYYY-MM-DD
// "YYYY-MM-DDTHH:MM" in London now, to compare with a session's date and start.
const nowInLondon = () => new Date().toLocaleString("sv-SE", {timeZone: "Europe/London"}).replace(" ", "T").slice(0, 16);
// Days counted at noon UTC, so no clock change moves a date.
const dayFrom = (date, days) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monday = date => dayFrom(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));
const weekOf = (place, first) => `/staff/hire?place=${encodeURIComponent(place)}&week=${first}`;
const londonTime = stamp => new Date(stamp).toLocaleTimeString("en-GB", {timeZone: "Europe/London", hour: "2-digit",
  minute: "2-digit"});
const hours = (from, to, label) => Array.from({length: to - from + 1}, (_, n) => ({value: String(from + n),
  label: label(from + n)}));

function cell(day, time, bookings, reopen) {
  if (day.closed) return h("td", {}, t("staff.hire.shut"));
  const at = day.hours.findIndex(x => x.time === time);
  const hour = day.hours[at];
  if (!hour) return h("td", {}, "");
  if (hour.state === "free") return h("td", {}, t("staff.hire.free"));
  if (hour.state === "blocked") {
    // A block closed by mistake is opened again from its first hour of the day (the whole block goes).
    const first = hour.block && day.hours[at - 1]?.block !== hour.block;
    return h("td", {}, h("strong", {class: "tag tag--grey"}, t("staff.hire.blocked")), " ", hour.reason,
      first ? reopen(day, hour) : null);
  }
  const who = bookings[hour.booking_id] || {};
  return h("td", {}, h("a", {href: `/staff/hire/bookings/${hour.booking_id}`},
    who.hirer_name || hour.booking_id), hour.state === "held"
    ? [" ", h("strong", {class: "tag tag--yellow"}, who.hold_until ? t("staff.hire.held_until",
      {time: londonTime(who.hold_until)}) : t("staff.hire.held"))] : null);
}

function table(calendar, reopen) {
  const times = [...new Set(calendar.calendar.flatMap(d => d.hours.map(x => x.time)))].sort();
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "hire-week"},
    h("caption", {class: "visually-hidden"}, t("staff.hire.caption")),
    h("thead", {}, h("tr", {}, h("th", {scope: "col"}, t("staff.hire.time")), calendar.calendar.map(d =>
      h("th", {scope: "col", id: `day-${d.date}`}, formatDay(d.date),
        d.closed ? [h("br"), t(`staff.hire.closed.${d.closed}`)] : null)))),
    h("tbody", {}, times.map(time => h("tr", {}, h("th", {scope: "row"}, time),
      calendar.calendar.map(d => cell(d, time, calendar.bookings, reopen)))))));
}

// Maintenance: the hours closed all or none; the week shown is read again with them in it.
function closing(view, place, shown) {
  const form = h("form", {novalidate: true, id: "hire-block"},
    h("h2", {class: "heading-m"}, t("staff.hire.block_title")),
    dateInput({field: "date", legend: t("staff.hire.block_date")}),
    select({field: "start", label: t("staff.hire.block_start"), value: "9",
      options: hours(0, 23, n => `${String(n).padStart(2, "0")}:00`)}),
    select({field: "hours", label: t("staff.hire.block_hours"), value: "1",
      options: hours(1, 16, n => tCount("hire.hours_n", n))}),
    textarea({field: "reason", label: t("staff.hire.block_reason"), hint: t("staff.hire.block_reason_hint"), rows: 2,
      maxlength: "500"}),
    button(t("staff.hire.block")));
  onSubmit(form, view, async () => {
    const date = dateValue(form, "date");
    const reason = form.elements.reason.value.trim();
    check(["date", t("staff.hire.block_date_required"), date], ["reason", t("staff.hire.block_reason_required"), reason]);
    const start = `${form.elements.start.value.padStart(2, "0")}:00`;
    const count = Number(form.elements.hours.value);
    await api(`/v1/staff/hire/places/${encodeURIComponent(place.id)}/blocks`, {method: "POST",
      body: {date, start, hours: count, reason}});
    await shown(monday(date), t("staff.hire.blocked_done", {day: formatDate(date), start,
      hours: tCount("hire.hours_n", count), reason}));
  });
  return form;
}

// Bookings whose sessions have ended with the deposit still held, the longest waiting first.
function waiting(deposits) {
  return [h("h2", {class: "heading-m", id: "hire-deposits-title"}, t("staff.hire.deposits_title")),
    deposits.bookings.length ? h("ul", {class: "list", id: "hire-deposits"}, deposits.bookings.map(b => h("li", {},
      h("a", {href: `/staff/hire/bookings/${b.id}`}, t("staff.hire.deposits_item", {id: b.id,
        hirer: b.hirer_name || t(`hire.who.${b.hirer_type}`), place: b.place_name, amount: pounds(b.deposit),
        day: formatDate(b.ended.slice(0, 10))})))))
      : h("p", {class: "body", id: "hire-deposits"}, t("staff.hire.deposits_none"))];
}

async function week(view, params) {
  const [{places}, deposits] = await Promise.all([api("/v1/hire/places"), api("/v1/staff/hire/deposits")]);
  const place = places.find(p => p.id === params.get("place")) || places[0];
  const picker = h("form", {novalidate: true, id: "hire-place"},
    select({field: "place", label: t("staff.hire.place"), value: place.id,
      options: places.map(p => ({value: p.id, label: p.name}))}),
    button(t("staff.hire.show"), {secondary: true}));
  const part = h("div", {id: "hire-shown"});
  const block = closing(view, place, async (first, done) => {
    history.replaceState(null, "", weekOf(place.id, first));
    await shown(first, done);
  });
  async function shown(first, done) {
    const calendar = await api(`/v1/staff/hire/places/${encodeURIComponent(place.id)}/calendar?from=${first}&days=7`);
    // Only what is there: replaceChildren, unlike h(), writes a null as the text "null".
    part.replaceChildren(...[
      done ? h("p", {class: "body", id: "hire-done", role: "status"}, done) : null,
      h("h2", {class: "heading-m", id: "hire-week-title"}, t("staff.hire.week", {place: place.name,
        day: formatDate(first)})),
      h("nav", {class: "body days", "aria-label": t("staff.hire.weeks")},
        h("a", {class: "days__link", href: weekOf(place.id, dayFrom(first, -7))}, t("staff.hire.previous")), " ",
        h("a", {class: "days__link", href: weekOf(place.id, monday(today()))}, t("staff.hire.this_week")), " ",
        h("a", {class: "days__link", href: weekOf(place.id, dayFrom(first, 7))}, t("staff.hire.next"))),
      table(calendar, reopen)].filter(Boolean));
  }
  // Each block's button: the block removed (twice is harmless), the week drawn again with its hours free.
  function reopen(day, hour) {
    const form = h("form", {novalidate: true, class: "hire-unblock", "data-block": hour.block},
      button(t("staff.hire.unblock"), {secondary: true, "aria-label": t("staff.hire.unblock_label",
        {time: hour.time, day: formatDate(day.date), reason: hour.reason})}));
    onSubmit(form, view, async () => {
      const gone = await api(`/v1/staff/hire/places/${encodeURIComponent(place.id)}/blocks/${hour.block}`,
        {method: "DELETE"});
      await shown(monday(day.date), t("staff.hire.unblocked_done", {day: formatDate(day.date),
        hours: tCount("hire.hours_n", gone.hours.length), reason: gone.reason}));
    });
    return form;
  }
  onSubmit(picker, view, async () => navigate(weekOf(picker.elements.place.value, monday(params.get("week") || today()))));
  await shown(monday(params.get("week") || today()));
  append(view, h("h1", {class: "heading-l"}, t("staff.hire.title")),
    h("p", {class: "body"}, h("a", {href: `/staff/hire/book?place=${encodeURIComponent(place.id)}`, id: "hire-take-link"},
      t("staff.hire.take_link"))), picker, part, block, ...waiting(deposits));
}

// A caller's booking: the residents' questions, then how it is paid; a block's clashes listed before anything is held.
async function take(view, params) {
  const {places} = await api("/v1/hire/places");
  const clashes = h("div", {id: "clashes", "aria-live": "polite"});
  const form = h("form", {novalidate: true, id: "hire-take"}, ...bookingFields(places, t("staff.hire.accept"),
    t("staff.hire.caller_name")),
    input({field: "caller_email", label: t("staff.hire.email"), hint: t("staff.hire.email_hint"), type: "email",
      optional: true, spellcheck: "false", autocomplete: "off"}),
    choices({field: "payment", legend: t("staff.hire.payment"), value: "card", options: [
      {value: "card", label: t("staff.hire.card"), hint: t("staff.hire.card_hint")},
      {value: "waived", label: t("staff.hire.waived"), hint: t("staff.hire.waived_hint")}]}),
    textarea({field: "waive_reason", label: t("staff.hire.waive_reason"), rows: 2, optional: true, maxlength: "500"}),
    clashes, button(t("staff.hire.take")));
  const chosen = form.querySelector(`input[name=place][value="${CSS.escape(params.get("place") || "")}"]`);
  if (chosen) chosen.checked = true;
  const key = crypto.randomUUID();  // the same request sent again (no answer came) makes one booking
  let skip = [];
  onSubmit(form, view, async () => {
    const payment = form.elements.payment.value;
    const reason = form.elements.waive_reason.value.trim();
    const body = {...bookingBody(form, skip, [["hirer_name", t("staff.hire.caller_name_required"),
      form.elements.hirer_name.value.trim()], ["waive_reason", t("staff.hire.waive_reason_required"),
      payment !== "waived" || reason]]), payment};
    if (payment === "waived") body.waive_reason = reason;
    if (form.elements.caller_email.value.trim()) body.caller_email = form.elements.caller_email.value.trim();
    let made;
    try {
      made = await api("/v1/staff/hire/bookings", {method: "POST", headers: {"Idempotency-Key": `${key}.${skip.length}`},
        body});
    } catch (error) {
      skip = showClashes(clashes, error, t("staff.hire.clashes"));  // shown first; pressing again books the rest
      return;
    }
    remember(made.id, t("staff.reason.taken_for_caller"));  // the booking's page reads it for that
    if (payment === "card") return location.assign(made.payment.next_url);  // key the caller's card in
    navigate(`/staff/hire/bookings/${made.id}`);
  });
  append(view, h("h1", {class: "heading-l"}, t("staff.hire.take_title")), form);
}

/** Pounds as typed ("60", "60.5", "£60.50") in pence; NaN when it is not an amount. */
const pence = text => /^£?\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text.replace("£", "")) * 100) : NaN;

// The officer's check: all of the deposit back, part of it, or none, and why (the hirer is told both).
function depositForm(view, b) {
  const form = h("form", {novalidate: true, id: "hire-deposit"},
    h("h2", {class: "heading-m"}, t("staff.hire.deposit_title")),
    choices({field: "returned", legend: t("staff.hire.deposit_back", {amount: pounds(b.deposit.amount)}), options: [
      {value: "all", label: t("staff.hire.deposit_all", {amount: pounds(b.deposit.amount)})},
      {value: "part", label: t("staff.hire.deposit_part")},
      {value: "none", label: t("staff.hire.deposit_none")}]}),
    input({field: "amount", label: t("staff.hire.deposit_amount"), hint: t("staff.hire.deposit_amount_hint"),
      class: "input input--width-5", inputmode: "decimal", optional: true, autocomplete: "off"}),
    textarea({field: "reason", label: t("staff.hire.deposit_reason"), hint: t("staff.hire.deposit_reason_hint"),
      rows: 3, maxlength: "500"}),
    button(t("staff.hire.deposit_send")));
  onSubmit(form, view, async () => {
    const how = form.elements.returned.value;
    const amount = pence(form.elements.amount.value.trim());
    const reason = form.elements.reason.value.trim();
    check(["returned", t("staff.hire.deposit_how_required"), how],
      ["amount", t("staff.hire.deposit_amount_required", {amount: pounds(b.deposit.amount)}),
        how !== "part" || (amount > 0 && amount < b.deposit.amount)],
      ["reason", t("staff.hire.deposit_reason_required"), reason]);
    const returned = {all: b.deposit.amount, part: amount, none: 0}[how];
    await api(`/v1/staff/hire/bookings/${b.id}/deposit`, {method: "POST", body: {returned, reason}});
    await booking(view, b.id);
  });
  return form;
}

function depositWords(b) {
  const d = b.deposit;
  if (d.status === "returned" || d.status === "kept") {
    return h("p", {class: "body", id: "hire-deposit-done", role: "status"}, t("staff.hire.deposit_done",
      {returned: pounds(d.returned), amount: pounds(d.amount), reason: d.reason, by: d.by}));
  }
  if (d.status === "held" && b.status === "confirmed") {  // the place is checked after the hire, never before
    return h("p", {class: "body", id: "hire-deposit-done"}, t("staff.hire.deposit_after", {
      day: formatDay(b.ends_at.slice(0, 10)), time: londonTime(b.ends_at)}));
  }
  return h("p", {class: "body", id: "hire-deposit-done"}, t(d.status === "none" ? "staff.hire.deposit_waived"
    : "staff.hire.deposit_later"));
}

// A held booking (a caller left at the card page): held until when, and how it is let go.
const heldWords = b => h("div", {class: "inset", id: "hire-held"}, t("staff.hire.held_booking",
  {time: londonTime(b.hold_until)}));

// A club's whole block: every session still to come cancelled at once, each refunded by its notice.
function cancelAll(view, b) {
  const form = h("form", {novalidate: true, id: "hire-cancel-all"},
    h("h2", {class: "heading-m"}, t("staff.hire.cancel_all_title")),
    h("p", {class: "body"}, t("staff.hire.cancel_all_lead")),
    textarea({field: "cancel_reason", label: t("staff.hire.cancel_all_reason"), rows: 2, maxlength: "500"}),
    button(t("staff.hire.cancel_all"), {warning: true}));
  onSubmit(form, view, async () => {
    const reason = form.elements.cancel_reason.value.trim();
    check(["cancel_reason", t("staff.hire.cancel_all_reason_required"), reason]);
    await api(`/v1/staff/hire/bookings/${b.id}/cancel`, {method: "POST", body: {reason}});
    await booking(view, b.id, t("staff.hire.cancelled_all"));
  });
  return form;
}

// A booking's page: the hirer's booking read once the officer says why (the API audits each reading).
async function booking(view, id, done = null, reason = reasonFor(id)) {
  if (reason === null) {
    return redraw(view, view.querySelector(".desk-menu"), h("h1", {class: "heading-l"},
      t("staff.hire.booking_title", {id})), reasonForm({id, formId: "booking-reason", lead: t("staff.hire.why_lead"),
      label: t("staff.hire.open_booking"), open: given => booking(view, id, null, given)}));
  }
  const [b, {places}] = await Promise.all([api(`/v1/hire/bookings/${encodeURIComponent(id)}`, {headers: why(reason)}),
    api("/v1/hire/places")]);
  const place = places.find(p => p.id === b.place) || {name: b.place};
  const sessions = h("ul", {class: "list", id: "sessions"}, b.sessions.map(s => h("li", {},
    t("hire.session", {day: formatDay(s.date), start: s.start, end: s.end}),
    s.status === "cancelled" ? [" ", h("strong", {}, t("hire.cancelled", {refund: pounds(s.refund?.amount || 0),
      percent: s.refund?.percent || 0}))] : null)));
  const first = b.sessions[0]?.date;
  const toCome = b.sessions.some(s => s.status === "booked" && `${s.date}T${s.start}` > nowInLondon());
  redraw(view, view.querySelector(".desk-menu"), h("h1", {class: "heading-l"}, t("staff.hire.booking_title", {id: b.id})),
    done ? h("p", {class: "body", id: "hire-done", role: "status"}, done) : null,
    b.status === "held" && b.hold_until ? heldWords(b) : null,
    h("dl", {class: "summary-list", id: "hire-booking"},
      summaryRow(t("staff.hire.hirer"), b.hirer_name || t(`hire.who.${b.hirer_type}`), " (", t(`hire.who.${b.hirer_type}`), ")"),
      summaryRow(t("staff.hire.place"), first ? h("a", {href: weekOf(b.place, monday(first))}, place.name) : place.name),
      summaryRow(t("staff.hire.status"), t(`staff.hire.status.${b.status}`)),
      summaryRow(t("staff.hire.paid"), b.total_text),
      summaryRow(t("staff.hire.deposit"), pounds(b.deposit.amount)),
      b.taken_by ? summaryRow(t("staff.hire.taken_by"), t(`staff.hire.card_or_waived.${b.taken_by.payment}`),
        b.taken_by.reason ? `: ${b.taken_by.reason}` : "") : null),
    h("h2", {class: "heading-m"}, t("staff.hire.sessions")), sessions,
    b.status === "confirmed" && b.deposit.status === "held" && Date.parse(b.ends_at) <= Date.now()
      ? depositForm(view, b) : depositWords(b),
    b.status === "confirmed" && toCome ? cancelAll(view, b) : null);
}

export async function render(view, {path, params}) {
  const id = path.match(/^\/staff\/hire\/bookings\/(HB-[0-9A-Z]{6})$/)?.[1];
  if (id) return booking(view, id);
  if (path === "/staff/hire/book") return take(view, params);
  return week(view, params);
}
