// An officer's day at the desk (and on a phone): the day's appointments in
// time order with the answers and how to reach each resident; mark arrived,
// seen or did not attend (the resident is then offered to book again).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, choices, errorsOf, input, Invalid, onSubmit, select} from "../forms.js";
import {formatClock, formatDay, lang, t, tCount} from "../i18n.js";
import {redraw} from "../navigation.js";

const LONDON = {timeZone: "Europe/London"};
// A UK number as people dial it (+447700900123: 07700 900123).
const national = e164 => /^\+44\d{10}$/.test(e164 || "") ? `0${e164.slice(3, 7)} ${e164.slice(7)}` : e164;
const today = () => new Date().toLocaleDateString("en-CA", LONDON);  // YYYY-MM-DD
// The day before or after a calendar date (YYYY-MM-DD), counted at noon UTC so no clock change moves it.
const dayFrom = (date, days) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
// A question in the officer's words (the setup's staff_label), the resident's where it has none.
const asked = q => q.staff_label || q.label;
// Each answer after its question's words (not the field's id).
const answered = a => Object.entries(a.answers || {})
  .map(([k, v]) => `${asked((a.questions || []).find(q => q.id === k) || {label: k})}: ${v}`).join("; ");
// The London day (YYYY-MM-DD) of an API moment.
const dayOf = iso => new Date(iso).toLocaleDateString("en-CA", LONDON);
// Nobody arrives for a call or a video call: those are seen, or missed.
const MARKS = {in_person: {booked: ["arrived", "no_show"], arrived: ["seen", "no_show"]},
  call: {booked: ["seen", "no_show"]}};

function row(view, a, refresh, date) {
  // Nobody arrives, is seen or misses a day to come (the server refuses it too).
  const marks = date > today() ? [] : MARKS[a.mode === "in_person" ? "in_person" : "call"][a.status] || [];
  return h("li", {class: "desk-list__item", id: `appointment-${a.id}`},
    h("p", {class: "body bold"}, `${formatClock(a.start)} ${a.service_name}`),
    h("p", {class: "body"}, a.name || t("staff.appointments.no_name")),
    // A call's number is what the officer needs: a link a desk phone or softphone dials.
    a.mode === "phone" && a.phone
      ? h("p", {class: "body"}, h("a", {class: "link", href: `tel:${a.phone}`},
        t("staff.appointments.call", {phone: national(a.phone)})))
      : h("p", {class: "body"}, [national(a.phone), a.email].filter(Boolean).join(", ")),
    h("p", {class: "body"}, answered(a)),
    h("p", {class: "body", dataset: {status: a.status}}, t(`staff.appointments.status.${a.status}`)),
    a.status === "booked" ? button(t("staff.appointments.move"), {type: "button", secondary: true,
      onclick: event => moving(view, a, event.target, refresh)}) : null,
    marks.map(status => button(t(`staff.appointments.mark.${status}`), {type: "button", secondary: true,
      onclick: async () => {
        try {
          await api(`/v1/staff/appointments/${a.id}/mark`, {method: "POST", body: {status}});
          refresh();
        } catch (error) {
          append(view, h("p", {class: "error-message", role: "alert"}, errorsOf(error)[0].message));
        }
      }})));
}

// Moving a booking: the service's free times, one chosen; the resident is told (the move's event).
async function moving(view, a, from, refresh) {
  const {slots} = await api(`/v1/appointments/services/${encodeURIComponent(a.service_id)}/slots?days=14`);
  const form = h("form", {novalidate: true, id: `move-${a.id}`},
    choices({field: "start", legend: t("staff.appointments.new_time"), options: slots.slice(0, 12)
      .map(s => ({value: `${s.start}|${s.calendar_id}`, label: s.text}))}),
    button(t("staff.appointments.move")));
  onSubmit(form, view, async () => {
    const picked = form.querySelector("input[name=start]:checked");
    if (!picked) throw new Invalid([{field: "start", message: t("staff.appointments.time_required")}]);
    const [start, calendar_id] = picked.value.split("|");
    await api(`/v1/staff/appointments/${a.id}/move`, {method: "POST", body: {start, calendar_id}});
    refresh();
  });
  from.replaceWith(form);
}

// A datetime-local value read on the council's clock (London), whatever the desk computer's zone.
function londonToIso(local) {
  const guess = new Date(`${local}:00Z`);
  const parts = new Intl.DateTimeFormat("en-GB", {...LONDON, year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23"}).formatToParts(guess);
  const part = type => Number(parts.find(p => p.type === type).value);
  const ahead = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute")) - guess.getTime();
  return new Date(guess.getTime() - ahead).toISOString();
}

// What a block did, named: the calendar and each day's times ("Wednesday 23 December: 9am, 9:45am and 11:15am").
function blockedWords(done, calendarName) {
  const list = new Intl.ListFormat(lang(), {type: "conjunction"});
  const days = new Map();
  for (const start of done.blocked_starts) days.set(dayOf(start), [...(days.get(dayOf(start)) || []), formatClock(start)]);
  const times = [...days].map(([day, clocks]) => t("staff.appointments.blocked_day",
    {day: formatDay(day), times: list.format(clocks)})).join("; ");
  const kept = done.already_taken.length;  // none kept: nothing to say of them
  return [done.blocked ? tCount("staff.appointments.blocked_at", done.blocked, {calendar: calendarName, times})
    : t("staff.appointments.blocked_none", {calendar: calendarName}),
  kept ? tCount("staff.appointments.blocked_kept", kept) : ""].filter(Boolean).join(" ");
}

// Blocking time (busy-unavailable): every free place of a calendar's slots from one moment to another.
// `after`: what else shows those times (the caller's choices), read again.
function blocking(view, calendars, after) {
  const form = h("form", {novalidate: true, id: "block"},
    h("h2", {class: "heading-m"}, t("staff.appointments.block_title")),
    select({field: "calendar_id", label: t("staff.appointments.calendar"),
      options: calendars.map(c => ({value: c.id, label: c.name})), value: calendars[0]?.id}),
    input({field: "from", label: t("staff.appointments.block_from"), type: "datetime-local"}),
    input({field: "to", label: t("staff.appointments.block_to"), type: "datetime-local"}),
    button(t("staff.appointments.block")));
  onSubmit(form, view, async () => {
    const [from, to] = [form.elements.from.value, form.elements.to.value];
    check(["from", t("staff.appointments.block_from_required"), from], ["to", t("staff.appointments.block_to_required"), to]);
    const done = await api("/v1/staff/appointments/blocks", {method: "POST",
      body: {calendar_id: form.elements.calendar_id.value, from: londonToIso(from), to: londonToIso(to)}});
    view.querySelector("#blocked")?.remove();
    form.before(h("p", {class: "body", id: "blocked", role: "status"}, blockedWords(done, done.calendar_name)));
    await after();
  });
  return form;
}

// A caller on the phone or at the desk: booked at once (no hold), told by text or e-mail if given;
// then the day list and the times offered are read again, so neither shows the time as it was.
async function forCaller(view, load, date) {
  const {services} = await api("/v1/appointments/services");
  const picker = select({field: "service", label: t("staff.appointments.service"),
    options: services.map(s => ({value: s.id, label: s.name})), value: services[0]?.id});
  const times = h("div", {id: "caller-times"});
  const questions = h("div", {id: "caller-questions"});
  const chosen = () => services.find(s => s.id === picker.querySelector("select").value);
  const showTimes = async () => {
    const service = chosen();
    const {slots} = await api(`/v1/appointments/services/${encodeURIComponent(service.id)}/slots?days=14`);
    times.replaceChildren(choices({field: "start", legend: t("staff.appointments.time"), options: slots.slice(0, 12)
      .map(s => ({value: `${s.start}|${s.calendar_id}`, label: s.text}))}));
    questions.replaceChildren(...service.questions.map(q => q.type === "choice"
      ? select({field: `answers.${q.id}`, label: asked(q), options: [{value: "", label: ""},
        ...q.options.map(o => ({value: o, label: o}))]})
      : input({field: `answers.${q.id}`, label: asked(q), optional: !q.required, autocomplete: "off"})));
  };
  picker.addEventListener("change", showTimes);
  await showTimes();
  const form = h("form", {novalidate: true, id: "book-for-caller"},
    h("h2", {class: "heading-m"}, t("staff.appointments.for_caller")), picker, times, questions,
    input({field: "name", label: t("staff.appointments.caller_name"), autocomplete: "off"}),
    input({field: "phone", label: t("staff.appointments.caller_phone"), type: "tel", optional: true, autocomplete: "off"}),
    input({field: "email", label: t("staff.appointments.caller_email"), type: "email", optional: true,
      autocomplete: "off"}),
    button(t("staff.appointments.book")));
  let key = crypto.randomUUID();  // sent again with no answer: the same booking
  onSubmit(form, view, async () => {
    const picked = form.querySelector("input[name=start]:checked");
    if (!picked) throw new Invalid([{field: "start", message: t("staff.appointments.time_required")}]);
    const [start, calendar_id] = picked.value.split("|");
    const answers = {};
    for (const q of chosen().questions) {
      const value = String(form.elements[`answers.${q.id}`]?.value || "").trim();
      if (value) answers[q.id] = value;
    }
    const body = {service_id: chosen().id, start, calendar_id, answers, name: form.elements.name.value.trim(),
      channel: "phone"};
    for (const field of ["phone", "email"]) if (form.elements[field].value.trim()) body[field] = form.elements[field].value.trim();
    const made = await api("/v1/staff/appointments", {method: "POST", headers: {"Idempotency-Key": key}, body});
    key = crypto.randomUUID();  // the next caller's is another booking
    view.querySelector("#caller-booked")?.remove();
    const on = dayOf(made.start);
    form.before(h("p", {class: "body", id: "caller-booked", role: "status"},
      t("staff.appointments.booked", {reference: made.id, when: made.start_text}),
      on === date ? "" : [" ", h("a", {href: `/staff/appointments?date=${on}`},
        t("staff.appointments.show_day", {day: formatDay(on)}))]));
    form.reset();
    await Promise.all([load(), showTimes()]);
  });
  return {form, showTimes};
}

export async function render(view, {params}) {
  const date = params.get("date") || today();
  const load = async () => {
    const day = await api(`/v1/staff/appointments/day?date=${encodeURIComponent(date)}`);
    const kept = [...view.querySelectorAll("#caller-booked, #book-for-caller, #blocked, #block")];
    const when = `${formatDay(date)} ${date.slice(0, 4)}`;
    redraw(view, view.querySelector(".desk-menu"), h("h1", {class: "heading-l"}, t("staff.appointments.title", {date: when})),
      h("nav", {class: "body days", id: "days", "aria-label": t("staff.appointments.days")},
        h("a", {class: "days__link", href: `/staff/appointments?date=${dayFrom(date, -1)}`},
          t("staff.appointments.previous_day")), " ",
        h("a", {class: "days__link", href: `/staff/appointments?date=${dayFrom(date, 1)}`},
          t("staff.appointments.next_day"))),
      day.appointments.length
        ? h("ul", {class: "desk-list", id: "day-list"}, day.appointments.map(a => row(view, a, load, date)))
        : h("p", {class: "body", id: "none"}, t("staff.appointments.none")), ...kept);
    return day;
  };
  const {calendars} = await load();
  const caller = await forCaller(view, load, date);
  append(view, caller.form, blocking(view, calendars, caller.showTimes));
}
