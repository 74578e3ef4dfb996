// An officer's day at the desk (and on a phone): the day's appointments in
// time order with the answers and how to reach each resident; mark arrived,
// seen or did not attend (the resident is then offered to book again).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {t} from "../i18n.js";
import {redraw} from "../router.js";

const LONDON = {timeZone: "Europe/London"};
const timeOf = iso => new Date(iso).toLocaleTimeString("en-GB", {...LONDON, hour: "numeric", minute: "2-digit"});
const today = () => new Date().toLocaleDateString("en-CA", LONDON);  // YYYY-MM-DD

function row(view, a, refresh) {
  const marks = {booked: ["arrived", "no_show"], arrived: ["seen", "no_show"]}[a.status] || [];
  return h("li", {class: "desk-list__item", id: `appointment-${a.id}`},
    h("p", {class: "body bold"}, `${timeOf(a.start)} ${a.service_name}`),
    h("p", {class: "body"}, [a.name || a.email || a.phone || "", a.phone ? ` ${a.phone}` : ""].join("")),
    h("p", {class: "body"}, Object.entries(a.answers || {}).map(([k, v]) => `${k}: ${v}`).join("; ")),
    h("p", {class: "body", dataset: {status: a.status}}, t(`staff.appointments.status.${a.status}`)),
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

export async function render(view, {params}) {
  const date = params.get("date") || today();
  const load = async () => {
    const day = await api(`/v1/staff/appointments/day?date=${encodeURIComponent(date)}`);
    redraw(view, view.querySelector(".desk-menu"), h("h1", {class: "heading-l"}, t("staff.appointments.title", {date})),
      day.appointments.length
        ? h("ul", {class: "desk-list", id: "day-list"}, day.appointments.map(a => row(view, a, load)))
        : h("p", {class: "body", id: "none"}, t("staff.appointments.none")));
  };
  await load();
}
