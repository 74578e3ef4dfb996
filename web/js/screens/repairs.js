// A tenant's repairs: /repairs (the way to report one, and each reported, newest
// first), /repairs/RP-... (one), /repairs/RP-.../time (an AM or PM time the
// contractor's scheduler offers, chosen or changed) and /repairs/RP-.../cancel.
// Every date is the API's, in its words (the Right to Repair's, the inspection's,
// the written summary's); an emergency has no time to choose. A scheduler that
// cannot answer never loses a repair: the tenant is told a time will be offered by text.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {feedbackQuestion, youSaidWeDid} from "../feedback.js";
import {button, choices, errorsOf, Invalid, onSubmit} from "../forms.js";
import {formatClock, formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {flush, waiting} from "../outbox.js";
import {signedIn} from "../session.js";
import {after} from "./repair-after.js";
import {answersIn, questions} from "./repair-report.js";

const TAGS = {reported: "tag--blue", booked: "tag--green", cancelled: "tag--grey", done: "tag--grey"};
const OPEN = ["reported", "booked"];

const when = a => t("repairs.appointment", {day: formatDay(a.day, true), half: t(`repairs.half.${a.half}`),
  from: formatClock(a.start), to: formatClock(a.end)});

function title(tree, r) {
  const {location, issue} = answersIn(tree, r);
  return location && issue ? `${location.label}: ${issue.label}` : r.id;
}

/** "Attended within 24 hours": the emergency's own clock, from when the council knew. */
function emergencyHours(r) {
  const clock = r.dates.find(d => d.clock === "emergency");
  return clock ? Math.round((new Date(clock.due) - new Date(r.aware_at)) / 3600000) : 24;
}

/** A date with the span and rule that made it: "... (1 working day under the Right to Repair (Scotland))". */
const said = d => d.by ? t("repairs.by_rule", {text: d.text, by: d.by}) : d.text;

function card(tree, r) {
  const open = OPEN.includes(r.status) && !r.emergency;
  return h("li", {class: "card repair-card", id: r.id},
    h("h2", {class: "heading-s card__title"}, h("a", {href: `/repairs/${r.id}`}, title(tree, r))),
    h("p", {class: "card__meta"}, h("strong", {class: `tag ${TAGS[r.status]}`}, t(`repairs.status.${r.status}`)), " ",
      t("repairs.reference", {id: r.id, date: formatDate(r.created_at)})),
    h("p", {class: "body"}, r.address),
    r.emergency && OPEN.includes(r.status) ? h("p", {class: "body"}, t("repairs.emergency_hours", {hours: emergencyHours(r)})) : null,
    r.appointment?.state === "booked" && OPEN.includes(r.status)
      ? h("p", {class: "body repair-time"}, t("repairs.booked_for", {when: when(r.appointment)})) : null,
    r.right_to_repair_days ? h("p", {class: "body"}, tCount("repairs.right_to_repair", r.right_to_repair_days)) : null,
    r.status === "cancelled" ? null : h("ul", {class: "list list--bullet repair-dates"}, r.dates.map(d => h("li", {}, said(d)))),
    r.contractors_text && OPEN.includes(r.status) ? h("p", {class: "body repair-contractors"}, r.contractors_text) : null,
    r.other_contractor ? h("div", {class: "inset repair-other-contractor"}, r.other_contractor.text) : null,
    r.compensation_so_far_text ? h("div", {class: "inset repair-owed"}, r.compensation_so_far_text) : null,
    r.summary ? h("div", {class: "inset repair-summary"}, h("h3", {class: "heading-s"},
      t("repairs.summary", {date: formatDate(r.investigated_at)})), h("p", {class: "body"}, r.summary)) : null,
    r.done_what ? h("p", {class: "body"}, t("repairs.done", {date: formatDate(r.done_at), what: r.done_what})) : null,
    r.compensation_text ? h("div", {class: "inset repair-compensation"}, r.compensation_text) : null,
    open ? h("ul", {class: "list list--inline"},
      h("li", {}, h("a", {href: `/repairs/${r.id}/time`}, t(r.appointment ? "repairs.move" : "repairs.choose"),
        h("span", {class: "visually-hidden"}, ` ${r.id}`))),
      h("li", {}, h("a", {href: `/repairs/${r.id}/cancel`}, t("repairs.cancel"),
        h("span", {class: "visually-hidden"}, ` ${r.id}`)))) : null);
}

// A repair a neighbour reported to a shared part of the tenant's block: "It affects me too", counted once.
function blockCard(tree, r) {
  const said = h("p", {class: "body", role: "status"}, tCount("repairs.block.me_too", r.me_too));
  const press = h("button", {class: "button button--secondary", type: "button", disabled: r.mine_too},
    t(r.mine_too ? "repairs.block.said" : "repairs.block.press"));
  press.addEventListener("click", async () => {
    press.disabled = true;
    try {
      said.textContent = tCount("repairs.block.me_too", (await api(`/v1/repairs/${r.id}/me-too`, {method: "POST", body: {}})).me_too);
      press.textContent = t("repairs.block.said");
    } catch (error) {
      said.textContent = errorsOf(error)[0].message;
      press.disabled = false;
    }
  });
  return h("li", {class: "card repair-card", id: `block-${r.id}`}, h("h3", {class: "heading-s card__title"}, title(tree, r)),
    h("p", {class: "card__meta"}, t("repairs.reference", {id: r.id, date: formatDate(r.created_at)})),
    r.description ? h("p", {class: "body"}, r.description) : null, said, press);
}

async function inYourBlock(view, tree) {
  const {blocks} = await api("/v1/me/block-repairs").catch(() => ({blocks: []}));  // the rest of the page stands
  for (const b of blocks) {
    append(view, h("h2", {class: "heading-m"}, t("repairs.block.title", {block: b.name})),
      h("p", {class: "body"}, t("repairs.block.lead")),
      b.repairs.length ? h("ul", {class: "cards", id: "block-repairs"}, b.repairs.map(r => blockCard(tree, r)))
        : h("p", {class: "body"}, t("repairs.block.none")));
  }
}

async function list(view, params) {
  append(view, h("h1", {class: "heading-l"}, t("repairs.title")),
    params.get("cancelled") ? h("div", {class: "inset", id: "repair-cancelled", role: "status"},
      t("repairs.cancelled", {id: params.get("cancelled")})) : null,
    h("p", {class: "body"}, t("repairs.lead")),
    h("a", {class: "button button--start", href: "/repairs/new", role: "button", draggable: "false"}, t("repairs.report.title")),
    h("h2", {class: "heading-m"}, t("repairs.yours")));
  await flush().catch(() => null);  // a repair saved on this phone goes first, with its own key: listed once
  const saved = (await waiting("repair")).filter(e => e.state === "waiting").length;
  if (saved) append(view, h("p", {class: "body", id: "repairs-waiting"}, tCount("repairs.waiting", saved)));
  const [tree, {repairs}] = await Promise.all([questions(), api("/v1/me/repairs")]);
  append(view, repairs.length ? h("ul", {class: "cards", id: "my-repairs"}, repairs.map(r => card(tree, r)))
    : h("p", {class: "body", id: "no-repairs"}, t("repairs.none")));
  await inYourBlock(view, tree);
  append(view, youSaidWeDid("repairs"));
}

async function one(view, id, params) {
  const [tree, r] = await Promise.all([questions(), api(`/v1/repairs/${id}`)]);
  append(view, h("a", {class: "back-link", href: "/repairs"}, t("repairs.yours")), h("h1", {class: "heading-l"}, title(tree, r)),
    params.get("reopened") ? h("div", {class: "inset", id: "repair-reopened", role: "status"}, t("repair_after.reopened")) : null,
    h("ul", {class: "cards"}, card(tree, r)), r.description ? h("p", {class: "body"}, r.description) : null,
    r.photos?.length ? h("ul", {class: "photo-list"}, r.photos.map((src, i) => h("li", {class: "photo-list__item"},
      h("img", {src, alt: t("report.photos.alt", {n: i + 1}), class: "photo-list__img"})))) : null);
  await after(view, r);
}

// `question`: the repair's feedback, asked once it is reported (booking a time is no transaction of its own).
function booked(view, r, question = null) {
  redraw(view, h("div", {class: "panel", id: "repair-booked"}, h("h1", {class: "panel__title"}, t("repairs.booked")),
    h("div", {class: "panel__body"}, when(r.appointment))),
  h("p", {class: "body"}, t("repairs.booked_body", {id: r.id})),
  h("p", {class: "body"}, h("a", {href: "/repairs"}, t("repairs.yours"))), feedbackQuestion(question));
}

// Just reported (`asking`): how did reporting go? Asked where the resident stops: the time booked, or this page
// when there is no time to choose.
async function time(view, id, params, note = null, asking = Boolean(params.get("new"))) {
  const r = await api(`/v1/repairs/${id}`);
  const fresh = params.get("new");
  const question = asking ? r.feedback : null;
  append(view, fresh ? null : h("a", {class: "back-link", href: "/repairs"}, t("repairs.yours")),
    fresh ? h("div", {class: "panel", id: "repair-reported"}, h("h1", {class: "panel__title"}, t("repairs.reported")),
      h("div", {class: "panel__body"}, t("repairs.reported_ref", {id: r.id}))) : null,
    h(fresh ? "h2" : "h1", {class: fresh ? "heading-m" : "heading-l"}, t(r.appointment ? "repairs.move" : "repairs.choose")),
    r.dates.length ? h("p", {class: "body", id: "repair-due"}, said(r.dates[0])) : null);
  if (r.emergency) {
    return append(view, h("p", {class: "body", id: "repair-no-choice"}, t("repairs.emergency_hours", {hours: emergencyHours(r)})),
      feedbackQuestion(question));
  }
  if (!OPEN.includes(r.status)) return append(view, h("p", {class: "body"}, t(`repairs.status.${r.status}`)));
  let offered;
  try {
    offered = (await api(`/v1/repairs/${id}/slots`)).slots;
  } catch (error) {
    if (error.status !== 503) throw error;
    // Taken, with its order to follow: the contractor's diary is offered by text when it answers.
    return append(view, h("div", {class: "inset", id: "repair-later"}, t("repairs.later")),
      h("p", {class: "body"}, h("a", {href: "/repairs"}, t("repairs.yours"))), feedbackQuestion(question));
  }
  if (!offered.length) {
    return append(view, h("p", {class: "body", id: "repair-later"}, t("repairs.no_times")), feedbackQuestion(question));
  }
  const form = h("form", {novalidate: true, id: "repair-time"}, choices({field: "slot", legend: t("repairs.slot.title"),
    hint: t("repairs.slot.hint"), options: offered.map(s => ({value: `${s.day}|${s.half}`,
      label: `${formatDay(s.day)}, ${t(`repairs.half.${s.half}`)}`, hint: `${formatClock(s.start)} – ${formatClock(s.end)}`}))}),
  button(t(r.appointment ? "repairs.slot.move" : "repairs.slot.book")));
  onSubmit(form, view, async () => {
    const picked = form.querySelector("input[name=slot]:checked");
    if (!picked) throw new Invalid([{field: "slot", message: t("repairs.slot.required")}]);
    const [day, half] = picked.value.split("|");
    try {
      booked(view, await api(`/v1/repairs/${id}/appointment${r.appointment ? "/move" : ""}`, {method: "POST", body: {day, half}}),
        question);
    } catch (error) {
      if (error.code === "already_booked") return booked(view, await api(`/v1/repairs/${id}`), question);  // pressed twice
      if (!["slot_taken", "slot_not_offered"].includes(error.code)) throw error;  // the times offered again
      view.replaceChildren();
      await time(view, id, new URLSearchParams(), errorsOf(error)[0].message, asking);
    }
  });
  append(view, note ? h("div", {class: "inset", id: "slot-taken", role: "alert"}, note) : null, form);
}

async function cancel(view, id) {
  const r = await api(`/v1/repairs/${id}`);
  const form = h("form", {novalidate: true, id: "repair-cancel"}, button(t("repairs.cancel_confirm"), {warning: true}));
  onSubmit(form, view, async () => {
    await api(`/v1/repairs/${id}/cancel`, {method: "POST"});
    navigate(`/repairs?cancelled=${encodeURIComponent(id)}`, {replace: true});
  });
  append(view, h("a", {class: "back-link", href: "/repairs"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t("repairs.cancel_title", {id})),
    r.appointment ? h("p", {class: "body"}, t("repairs.booked_for", {when: when(r.appointment)})) : null,
    h("p", {class: "body"}, t("repairs.cancel_lead")), form);
}

export async function render(view, {url, params}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, {replace: true});
  const found = url.pathname.replace(/\/+$/, "").match(/^\/repairs\/(RP-[0-9A-Z]{6})(?:\/(time|cancel))?$/);
  try {
    if (!found) return await list(view, params);
    if (found[2] === "time") return await time(view, found[1], params);
    return await (found[2] === "cancel" ? cancel(view, found[1]) : one(view, found[1], params));
  } catch (error) {
    view.replaceChildren(h("h1", {class: "heading-l"}, t("repairs.title")),
      h("p", {class: "body", id: "repairs-error"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/repairs"}, t("repairs.yours"))));
  }
}
