// One application for a school place: the child, the schools in order, the round's dates each with the
// rule that sets it, a change until the closing date, and once offers are out (never before: the API
// shows none) the offer, the waiting lists with the child's place on each, accepting or declining it
// by its date, and an appeal for a school preferred above it, with the appeal's deadline.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, onSubmit, select, showErrors, textarea} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {roundName} from "./schools.js";

const path = app => `/v1/me/school-applications/${encodeURIComponent(app.id)}`;

function dates(app) {
  return h("dl", {class: "summary-list", id: "school-dates"}, Object.entries(app.round_dates).map(([name, d]) =>
    h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t(`schools.date_${name}`)),
      h("dd", {class: "summary-list__value"}, formatDay(d.date, true), h("p", {class: "hint"}, d.source)))));
}

function answer(view, app, redraw) {
  if (app.answer) {
    return h("p", {class: "body", id: "school-answer"}, t(`schools.answered_${app.answer.answer}`,
      {school: app.offer.school_name}));
  }
  const send = choice => async () => {
    try {
      redraw(await api(`${path(app)}/answer`, {method: "POST", body: {answer: choice}}));
    } catch (error) {
      showErrors(view, errorsOf(error));
    }
  };
  return h("div", {id: "school-answer"}, h("p", {class: "body"}, t("schools.answer_by",
    {day: formatDay(app.round_dates.accept_by?.date || app.offer.released_at.slice(0, 10), true)})),
  button(t("schools.accept"), {type: "button", id: "school-accept", onclick: send("accept")}),
  button(t("schools.decline"), {type: "button", secondary: true, id: "school-decline", onclick: send("decline")}));
}

function appeal(view, app, redraw) {
  const names = Object.fromEntries(app.preferences.map(p => [p.school_id, p.school_name]));
  const by = app.round_dates.appeal_by;
  const made = app.appeals.map(a => h("li", {}, t("schools.appealed", {school: names[a.school_id] || a.school_id,
    day: formatDay(a.lodged_at.slice(0, 10), true)}), a.note ? h("p", {class: "hint"}, a.note) : null));
  if (!made.length && !app.appealable.length) return [];  // nothing to appeal, nothing appealed: no heading over nothing
  const parts = [h("h2", {class: "heading-m"}, t("schools.appeal_title")),
    made.length ? h("ul", {class: "list", id: "school-appeals"}, made) : null];
  if (!app.appealable.length) return parts;
  const form = h("form", {novalidate: true, id: "school-appeal"},
    by ? h("p", {class: "body"}, t("schools.appeal_by", {day: formatDay(by.date, true)})) : null,
    select({field: "school_id", label: t("schools.appeal_school"),
      options: app.appealable.map(id => ({value: id, label: names[id]}))}),
    textarea({field: "grounds", label: t("schools.grounds"), hint: t("schools.grounds_hint"), rows: 4, maxlength: "2000"}),
    button(t("schools.appeal_send"), {secondary: true}));
  onSubmit(form, view, async () => redraw(await api(`${path(app)}/appeals`, {method: "POST",
    body: {school_id: form.elements.school_id.value, grounds: form.elements.grounds.value}})),
  {grounds: t("schools.grounds")});
  return [...parts, form];
}

// Places offered from waiting lists: each its own date, accepted or declined by naming its school.
function waitingOffers(view, app, redraw) {
  return app.waiting_offers.map(w => h("div", {class: "inset", dataset: {offered: w.school_id}},
    h("p", {class: "body bold"}, w.text),
    w.answer ? h("p", {class: "body"}, t(`schools.answered_${w.answer.answer}`, {school: w.school_name}))
      : h("div", {}, ["accept", "decline"].map(choice => button(t(`schools.${choice}`), {type: "button",
        secondary: choice === "decline", onclick: async () => {
          try {
            redraw(await api(`${path(app)}/answer`, {method: "POST", body: {answer: choice, school_id: w.school_id}}));
          } catch (error) {
            showErrors(view, errorsOf(error));
          }
        }})))));
}

function offer(view, app, redraw) {
  if (app.placing && !app.offer) {
    return [h("p", {class: "body", id: "school-placing"}, app.placing.text), ...appeal(view, app, redraw)];
  }
  if (!app.offer) {
    const day = app.round_dates.offer;
    return [h("p", {class: "body", id: "school-offer"}, day ? t("schools.offer_on", {day: formatDay(day.date, true)})
      : t("schools.offer_later"))];
  }
  return [h("h2", {class: "heading-m"}, t("schools.offer")),
    h("p", {class: "body bold", id: "school-offer"}, app.offer.text),
    app.offer.waiting.length ? h("ul", {class: "list", id: "school-waiting"}, app.offer.waiting.map(w =>
      h("li", {dataset: {school: w.school_id}}, w.text))) : null,
    app.offer.school_id ? answer(view, app, redraw) : null, ...waitingOffers(view, app, redraw),
    ...appeal(view, app, redraw)];
}

function draw(view, app) {
  const holder = h("div", {id: "school-page"});
  const redraw = fresh => holder.replaceWith(draw(view, fresh));
  append(holder, h("a", {class: "back-link", href: "/schools"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t("schools.page_title", {child: app.child.name})),
    h("p", {class: "body"}, roundName(app.round)),
    h("p", {class: "hint", id: "school-reference"}, t("schools.reference", {id: app.id})),
    h("ol", {class: "list list--number", id: "school-choices"}, app.preferences.map(p => h("li", {},
      p.school_name, p.sibling ? h("span", {class: "hint"}, " ", t("schools.with_sibling", {name: p.sibling.name})) : null))),
    h("p", {class: "body"}, t("schools.home_is", {address: app.home.address})),
    app.can_change ? h("p", {class: "body"}, h("a", {href: `/schools/${encodeURIComponent(app.id)}/change`,
      id: "school-change"}, t("schools.change"))) : null,
    ...offer(view, app, redraw),
    h("h2", {class: "heading-m"}, t("schools.dates")), dates(app));
  return holder;
}

export async function render(view, {url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  try {
    append(view, draw(view, await api(`/v1/me/school-applications/${encodeURIComponent(decodeURIComponent(
      url.pathname.split("/")[2]))}`)));
  } catch (error) {
    append(clear(view), h("h1", {class: "heading-l"}, t("schools.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
