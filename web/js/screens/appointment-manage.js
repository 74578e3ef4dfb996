// A message's cancel or move link: /appointments/manage?cancel=T or ?move=T
// (or an offer's ?leave=T: off the waiting list).
// Nothing happens until the resident presses the button; a move shows the
// free times of the same service first. No sign-in: the link is the key.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, group, Invalid, onSubmit, select} from "../forms.js";
import {formatClock, formatDay, t} from "../i18n.js";
import {redraw} from "../navigation.js";

const PAGE_DAYS = 7;  // a week of free times at a time; "Later times" asks for the next week
const dayOf = iso => new Date(iso).toLocaleDateString("en-CA", {timeZone: "Europe/London"});  // YYYY-MM-DD

function done(view, key, appointment) {
  redraw(view, h("div", {class: "panel", id: "changed"}, h("h1", {class: "panel__title"}, t(key)),
    h("div", {class: "panel__body"}, appointment.start_text)));
}

function leave(view, token) {
  // The link is the form's one answer: a refusal of it (used, out of date) shows at the button.
  const form = h("form", {novalidate: true, id: "leave"}, group("token", button(t("appointments.leave_button"), {warning: true})));
  onSubmit(form, view, async () => {
    await api("/v1/appointments/waiting-list/leave", {method: "POST", auth: false, body: {token}});
    redraw(view, h("div", {class: "panel", id: "changed"}, h("h1", {class: "panel__title"}, t("appointments.left"))));
  });
  append(view, h("h1", {class: "heading-l"}, t("appointments.leave_title")),
    h("p", {class: "body"}, t("appointments.leave_lead")), form);
}

export async function render(view, {params}) {
  if (params.get("leave")) return leave(view, params.get("leave"));
  const purpose = params.get("cancel") ? "cancel" : "move";
  const token = params.get(purpose) || "";
  let link;
  try {
    link = await api(`/v1/appointments/manage?${purpose}=${encodeURIComponent(token)}`, {auth: false});
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("appointments.manage_title")),
      h("p", {class: "body", id: "link-refused"}, errorsOf(error)[0].message));
    return;
  }
  const a = link.appointment;
  append(view, h("h1", {class: "heading-l"}, t(`appointments.${purpose}_title`)),
    h("p", {class: "body", id: "current"}, t("appointments.current", {service: a.service_name, when: a.start_text,
      place: a.place})));
  if (purpose === "cancel") {
    const form = h("form", {novalidate: true, id: "cancel"},
      group("token", button(t("appointments.cancel_button"), {warning: true})));
    onSubmit(form, view, async () => done(view, "appointments.cancelled",
      await api("/v1/appointments/cancel", {method: "POST", auth: false, body: {token}})));
    return append(view, form);
  }
  const from = /^\d{4}-\d{2}-\d{2}$/.test(params.get("from") || "") ? `&from=${params.get("from")}` : "";
  const page = await api(`/v1/appointments/services/${encodeURIComponent(a.service_id)}/slots?days=${PAGE_DAYS}${from}`,
    {auth: false});
  const later = page.next_from ? h("p", {class: "body"}, h("a", {class: "link", id: "later-times",
    href: `/appointments/manage?move=${encodeURIComponent(token)}&from=${page.next_from}`}, t("appointments.later_times")))
    : null;
  if (!page.slots.length) {
    return append(view, h("p", {class: "body", id: "no-times"}, t("appointments.none_this_week",
      {day: formatDay(page.from)})), later);
  }
  // A day, then its times, as when booking: a week's times in one list is too long on a phone.
  const days = [...new Set(page.slots.map(s => dayOf(s.start)))];
  const daySelect = select({field: "day", label: t("appointments.day"), options: days.map(d => ({value: d,
    label: formatDay(d)})), value: days[0]});
  const times = h("div", {id: "times"});
  const showTimes = () => times.replaceChildren(choices({field: "start", legend: t("appointments.new_time"),
    options: page.slots.filter(s => dayOf(s.start) === daySelect.querySelector("select").value).map(s => ({
      value: `${s.start}|${s.calendar_id}`, label: formatClock(s.start)}))}));
  daySelect.addEventListener("change", showTimes);
  showTimes();
  const form = h("form", {novalidate: true, id: "move"}, daySelect, times, button(t("appointments.move_button")));
  onSubmit(form, view, async () => {
    const picked = form.querySelector("input[name=start]:checked");
    if (!picked) throw new Invalid([{field: "start", message: t("appointments.time_required")}]);
    const [start, calendar_id] = picked.value.split("|");
    done(view, "appointments.moved", await api("/v1/appointments/move", {method: "POST", auth: false,
      body: {token, start, calendar_id}}));
  });
  append(view, form, later);
}
