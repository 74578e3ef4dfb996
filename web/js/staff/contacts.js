// Phone and face-to-face contacts: a service's officers (or an administrator) enter each month's, which count
// towards the service's digital take-up alone. Each month is set to the numbers typed, never added to, with the
// version read (If-Match): sending a month again changes nothing, and another officer's change is shown first.
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, input, onSubmit, select} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {councilYear, DESK, monthName, SERVICES} from "../figures.js";
import {myDesks} from "./desks.js";

export async function render(view, {params}) {
  const {desks, administrator} = await myDesks();
  const opened = new Set(desks.map(d => d.id));
  const mine = SERVICES.filter(s => administrator || opened.has(DESK[s] || s));
  append(view, h("h1", {class: "heading-l"}, t("staff.contacts.title")), h("p", {class: "body"}, t("staff.contacts.lead")));
  if (!mine.length) return append(view, h("p", {class: "body"}, t("staff.contacts.none")));
  const service = mine.includes(params.get("service")) ? params.get("service") : mine[0];
  const year = Number(params.get("year")) || councilYear(new Date());
  const chooser = h("form", {id: "contacts-service"},
    select({field: "service", label: t("staff.contacts.service"), value: service,
      options: mine.map(s => ({value: s, label: t(`figures.service_${s}`)}))}),
    button(t("staff.contacts.show"), {secondary: true}));
  chooser.addEventListener("submit", event => {
    event.preventDefault();
    navigate(`/staff/figures/contacts?service=${chooser.elements.service.value}&year=${year}`);
  });
  const part = h("div", {id: "contacts"});
  append(view, chooser, part);
  await draw(part, view, service, year);
}

async function draw(part, view, service, year, notice = "", chosen = null) {
  const entered = await api(`/v1/staff/figures/${service}/contacts?year=${year}`);
  const now = new Date().toISOString().slice(0, 7);
  const begun = entered.months.filter(m => m.month <= now);
  const form = h("form", {novalidate: true, id: "contacts-form"},
    h("h2", {class: "heading-m"}, t("staff.contacts.enter", {service: t(`figures.service_${service}`)})),
    select({field: "month", label: t("staff.contacts.month"), value: chosen || begun[begun.length - 1]?.month,
      options: begun.map(m => ({value: m.month, label: monthName(m.month)}))}),
    input({field: "phone", label: t("staff.contacts.phone"), inputmode: "numeric", class: "input input--width-10",
      autocomplete: "off"}),
    input({field: "face_to_face", label: t("staff.contacts.face_to_face"), inputmode: "numeric",
      class: "input input--width-10", autocomplete: "off"}),
    button(t("staff.contacts.save")));
  const fill = () => {
    const m = entered.months.find(x => x.month === form.elements.month.value);
    // A month never entered is empty, not 0: nobody should save "no contacts" without typing it.
    form.elements.phone.value = m?.version ? m.phone : "";
    form.elements.face_to_face.value = m?.version ? m.face_to_face : "";
  };
  form.elements.month.addEventListener("change", fill);
  fill();
  onSubmit(form, view, async () => {
    const month = entered.months.find(x => x.month === form.elements.month.value);
    const count = name => (/^[0-9]+$/.test(form.elements[name].value.trim())
      ? Number(form.elements[name].value.trim()) : form.elements[name].value);
    let said = t("staff.contacts.saved", {month: monthName(month.month)});
    try {
      await api(`/v1/staff/figures/${service}/contacts/${month.month}`, {method: "PUT",
        body: {phone: count("phone"), face_to_face: count("face_to_face")}, headers: {"If-Match": `"${month.version}"`}});
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "edit_conflict")) throw error;
      said = t("staff.contacts.changed_first", {month: monthName(month.month)});
    }
    await draw(part, view, service, year, said, month.month);  // the month just sent stays chosen
    part.querySelector("#contacts-status").focus();
  }, {phone: t("staff.contacts.phone"), face_to_face: t("staff.contacts.face_to_face")});
  append(clear(part), h("p", {class: "body", role: "status", id: "contacts-status", tabindex: "-1"}, notice), form,
    h("table", {class: "table", id: "contacts-year"},
      h("caption", {class: "table__caption"}, t("staff.contacts.year", {first: year, last: year + 1})),
      h("thead", {}, h("tr", {}, [t("staff.contacts.month"), t("staff.contacts.phone"), t("staff.contacts.face_to_face")]
        .map((cell, i) => h("th", {scope: "col", class: i ? "table__num" : null}, cell)))),
      h("tbody", {}, begun.map(m => h("tr", {}, h("th", {scope: "row"}, monthName(m.month)),
        h("td", {class: "table__num"}, m.version ? String(m.phone) : t("staff.contacts.not_entered")),
        h("td", {class: "table__num"}, m.version ? String(m.face_to_face) : t("staff.contacts.not_entered")))))));
}
