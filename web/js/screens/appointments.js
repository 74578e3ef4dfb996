// Book an appointment with staff, phone-first: the service, a day, a time
// (held for 10 minutes while the questions are answered), then booked, with
// the confirmation coming by e-mail and text. A time taken meanwhile offers
// the nearest others. /appointments?offer=AP-... books a waiting-list offer.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, feedbackQuestion, youSaidWeDid} from "../feedback.js";
import {button, check, choices, input, Invalid, onSubmit, privacyLink, select, textarea} from "../forms.js";
import {formatClock, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {signedIn} from "../session.js";

const LONDON = {timeZone: "Europe/London"};
const dayOf = iso => new Date(iso).toLocaleDateString("en-GB", {...LONDON, weekday: "long", day: "numeric",
  month: "long"});

function services(view, list) {
  append(view, h("h1", {class: "heading-l"}, t("appointments.title")),
    h("p", {class: "body"}, t("appointments.lead")),
    h("ul", {class: "list", id: "services"}, list.services.map(s => h("li", {},
      h("a", {href: `/appointments?service=${encodeURIComponent(s.id)}`, class: "link"}, s.name),
      h("span", {class: "hint"}, ` ${t(`appointments.mode.${s.mode}`)}, ${t("appointments.minutes", {minutes: s.minutes})}`)))),
    youSaidWeDid("appointments"));
}

function timesForm(view, service, slots, note) {
  const days = [...new Set(slots.map(s => dayOf(s.start)))];
  const daySelect = select({field: "day", label: t("appointments.day"), options: days.map(d => ({value: d, label: d})),
    value: days[0]});
  const times = h("div", {id: "times"});
  const showTimes = () => times.replaceChildren(choices({field: "start", legend: t("appointments.time"),
    options: slots.filter(s => dayOf(s.start) === daySelect.querySelector("select").value).map(s => ({
      value: `${s.start}|${s.calendar_id}`, label: formatClock(s.start),
      hint: s.places_left > 1 ? tCount("appointments.places_left", s.places_left) : undefined}))}));
  daySelect.addEventListener("change", showTimes);
  showTimes();
  const form = h("form", {novalidate: true, id: "pick-time"}, daySelect, times, button(t("appointments.continue")));
  const key = crypto.randomUUID();
  onSubmit(form, view, async () => {
    const picked = form.querySelector("input[name=start]:checked");
    if (!picked) throw new Invalid([{field: "start", message: t("appointments.time_required")}]);
    const [start, calendar_id] = picked.value.split("|");
    try {
      const held = await api("/v1/appointments/holds", {method: "POST", headers: {"Idempotency-Key": key},
        body: {service_id: service.id, start, calendar_id}});
      questions(view, service, held);
    } catch (error) {
      if (error.code !== "just_taken") throw error;
      redraw(view, h("h1", {class: "heading-l"}, service.name),
        timesForm(view, service, error.body.nearest, t("appointments.just_taken")));
    }
  });
  return [note ? h("div", {class: "notification", id: "just-taken", role: "alert"}, note) : null, form];
}

function questions(view, service, held) {
  const fields = held.questions.map(q => q.type === "choice"
    ? choices({field: `answers.${q.id}`, legend: q.label, optional: !q.required,
      options: q.options.map(o => ({value: o, label: o}))})
    : textarea({field: `answers.${q.id}`, label: q.label, optional: !q.required, rows: 2, maxlength: String(q.max || 500)}));
  const form = h("form", {novalidate: true, id: "answers"}, fields,
    // A call needs the number to call; otherwise a mobile is only for the texts.
    service.mode === "phone"
      ? input({field: "phone", label: t("appointments.phone_to_call"), hint: t("appointments.phone_to_call_hint"),
        type: "tel", autocomplete: "tel"})
      : input({field: "phone", label: t("appointments.phone"), hint: t("appointments.phone_hint"), type: "tel",
        autocomplete: "tel", optional: true}),
    // Signed in, the account's own address is used when this is left empty: say so.
    input({field: "email", label: t("appointments.email"), type: "email", autocomplete: "email", value: held.email || "",
      optional: signedIn()}),
    privacyLink("appointments"), button(t("appointments.book")));
  const key = crypto.randomUUID();
  onSubmit(form, view, async () => {
    const answers = {};
    for (const q of held.questions) {
      const el = form.elements[`answers.${q.id}`];
      const value = el ? String(el.value || "").trim() : "";
      if (value) answers[q.id] = value;
    }
    // Each question answered here, in its own words, before the API is asked.
    check(...held.questions.map(q => [`answers.${q.id}`, t(q.type === "choice" ? "form.unanswered_choice"
      : "form.unanswered_text", {question: q.label}), !q.required || answers[q.id]]),
    ["phone", t("appointments.phone_to_call_required"), service.mode !== "phone" || form.elements.phone.value.trim()]);
    const body = {answers, email: form.elements.email.value.trim() || undefined,
      phone: form.elements.phone.value.trim() || undefined};
    const booked = await api(`/v1/appointments/${held.id}/book`, {method: "POST", headers: {"Idempotency-Key": key},
      body});
    confirmation(view, booked);
  });
  redraw(view, h("h1", {class: "heading-l"}, service.name),
    h("p", {class: "body", id: "held"}, t("appointments.held", {when: held.start_text})), form);
}

function confirmation(view, booked) {
  // An earlier time may come free: the waiting list offers it, held for a while, to the first waiting.
  const wait = h("form", {novalidate: true, id: "wait"}, button(t("appointments.wait_button"), {secondary: true}));
  onSubmit(wait, view, async () => {
    await api("/v1/appointments/waiting-list", {method: "POST", body: {service_id: booked.service_id,
      before: booked.start, ...(booked.phone ? {phone: booked.phone} : {})}});
    wait.replaceWith(h("p", {class: "body", id: "waiting"}, t("appointments.waiting")));
  });
  redraw(view, h("div", {class: "panel", id: "booked"}, h("h1", {class: "panel__title"}, t("appointments.booked")),
    h("div", {class: "panel__body"}, booked.start_text)),
  h("p", {class: "body", id: "booked-summary"}, t("appointments.booked_body", {service: booked.service_name,
    how: t(`appointments.mode.${booked.mode}`), place: booked.place, reference: booked.id})),
  h("p", {class: "body"}, t("appointments.booked_messages")),
  h("p", {class: "body"}, t("appointments.wait_lead")), wait,
  feedbackQuestion(booked.feedback));  // booked: how did it go? (a waiting list's offer moves a booking: none)
}

export async function render(view, {params}) {
  const here = `/appointments${location.search}`;
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(here)}`, {replace: true});
  const list = await api("/v1/appointments/services", {auth: false});
  if (!params.get("offer")) countStart("appointments");  // an offer taken finishes a booking begun before
  if (params.get("offer")) {
    const held = await api(`/v1/appointments/${encodeURIComponent(params.get("offer"))}`);
    return questions(view, list.services.find(s => s.id === held.service_id), held);
  }
  const service = list.services.find(s => s.id === params.get("service"));
  if (!service) return services(view, list);
  const {slots} = await api(`/v1/appointments/services/${encodeURIComponent(service.id)}/slots`, {auth: false});
  append(view, h("h1", {class: "heading-l"}, service.name),
    h("p", {class: "body"}, `${t(`appointments.mode.${service.mode}`)}: ${service.place}`));
  if (!slots.length) return append(view, h("p", {class: "body", id: "no-times"}, t("appointments.no_times")));
  append(view, timesForm(view, service, slots));
}
