// My account: who I am, my reports, my alerts, my data (download), and
// leaving (delete), and signing out.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, onSubmit, showErrors} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {forget, rememberProfile, signedIn, tokens} from "../session.js";

function row(key, value) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, value));
}

async function download(view) {
  try {
    const data = await api("/v1/me/export");
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], {type: "application/json"}));
    const save = h("a", {href: url, download: "my-doorstep-data.json", hidden: true});
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (error) {
    showErrors(view, errorsOf(error));
  }
}

async function signOut() {
  const current = tokens();
  if (current) await api("/v1/auth/logout", {method: "POST", body: {refresh_token: current.refresh}, auth: false})
    .catch(() => null);
  forget();
  // Signed in with the council's directory: its session ends too, or the next officer at this desk is them.
  const away = current?.provider ? await api(`/v1/auth/staff-providers/${encodeURIComponent(current.provider)}/sign-out`,
    {auth: false}).then(found => found.url).catch(() => null) : null;
  if (away) location.assign(away);
  else navigate("/", {replace: true});
}

// My bulky collections: each to its page, and while it can be changed, to its change screen.
function bulkyBookings({bookings}) {
  if (!bookings.length) return [];
  const now = new Date();
  return [h("h2", {class: "heading-m"}, t("account.bulky_title")),
    h("ul", {class: "list list--spaced", id: "bulky-bookings"}, bookings.map(b => {
      const page = `/bulky/bookings/${encodeURIComponent(b.id)}`;
      const missed = b.missed || {};
      const changeable = b.status === "confirmed" && (now < new Date(b.cancel_before) && !b.collection
        || missed.remedy === "rebook" && !missed.rebooked_at);
      return h("li", {}, h("a", {href: page}, t("account.bulky_booking",
        {day: formatDay(b.date), status: t(`bulky.${b.status}`), id: b.id})),
      changeable ? [" ", h("a", {href: `${page}/change`, id: `change-${b.id}`,
        "aria-label": t("account.bulky_change_label", {day: formatDay(b.date)})}, t("account.bulky_change"))] : null);
    }))];
}

// My garden waste years: each to its page (paying, renewing, cancelling are there).
function gardenSubscriptions({subscriptions}) {
  if (!subscriptions.length) return [];
  const today = new Date().toISOString().slice(0, 10);
  return [h("h2", {class: "heading-m"}, t("account.garden_title")),
    h("ul", {class: "list list--spaced", id: "garden-subscriptions"}, subscriptions.map(s => h("li", {},
      h("a", {href: `/garden/subscriptions/${encodeURIComponent(s.uprn)}/${encodeURIComponent(s.start)}`},
        t("account.garden_row", {address: s.address, start: formatDate(s.start), end: formatDate(s.end),
          state: t(`account.garden_state_${s.status === "active" && s.end < today ? "ended" : s.status}`)})))))];
}

// My bins and boxes ordered: each to its page (paying, cancelling are there).
function containerRequests({requests}) {
  if (!requests.length) return [];
  return [h("h2", {class: "heading-m"}, t("account.containers_title")),
    h("ul", {class: "list list--spaced", id: "container-requests"}, requests.map(r => h("li", {},
      h("a", {href: `/containers/${encodeURIComponent(r.id)}`}, t("account.container_row", {name: r.name, id: r.id,
        state: t(`account.container_state_${r.status}`, {day: r.delivery_date ? formatDay(r.delivery_date) : ""})})))))];
}

// My consultation responses: each to its consultation; while it is open, to changing the response, once closed,
// to its results when they are out.
function consultationResponses({responses}) {
  if (!responses.length) return [];
  return [h("h2", {class: "heading-m"}, t("account.consultations_title")),
    h("ul", {class: "list list--spaced", id: "my-consultation-responses"}, responses.map(r => {
      const page = `/consultations/${encodeURIComponent(r.consultation_id)}`;
      return h("li", {}, h("a", {href: page}, r.title), " ", t("account.consultation_reference", {id: r.id}), h("br"),
        r.can_change ? [t("account.consultation_open", {when: r.closes_words}), " ",
          h("a", {href: `${page}/respond`, id: `change-${r.id}`, "aria-label": t("account.consultation_change_label",
            {title: r.title})}, t("consultations.change"))]
        : r.results_published ? h("a", {href: `${page}/results`}, t("consultations.results_link"))
          : t("account.consultation_closed", {when: r.closes_words}));
    }))];
}

// My hall, room and pitch bookings: each to its page (paying, cancelling a session are there).
function hireBookings({bookings}) {
  if (!bookings.length) return [];
  return [h("h2", {class: "heading-m"}, t("account.hire_title")),
    h("ul", {class: "list list--spaced", id: "hire-bookings"}, bookings.map(b => h("li", {},
      h("a", {href: `/hire/bookings/${encodeURIComponent(b.id)}`}, t("account.hire_row", {place: b.place_name,
        first: formatDay(b.sessions[0].date), sessions: tCount("account.hire_sessions", b.sessions.length),
        state: t(`hire.${b.status}`), id: b.id})))))];
}

// My bills paid by reference: each to its page (how its payment stands).
function bills({bills: mine}) {
  if (!mine.length) return [];
  return [h("h2", {class: "heading-m"}, t("account.bills_title")),
    h("ul", {class: "list list--spaced", id: "my-bills"}, mine.map(b => h("li", {},
      h("a", {href: `/pay?paid=${encodeURIComponent(b.id)}`}, t("account.bill_row", {fund: b.fund_name,
        reference: b.reference, amount: b.amount_text, when: formatDate(b.created_at),
        state: t(`account.bill_state_${b.status === "success" ? "paid" : b.status ? "not_paid" : "waiting"}`)})),
      b.payment_reference ? ` ${t("account.bill_payment_reference", {number: b.payment_reference})}` : null)))];
}

// My conversations with the council: each to its transcript, with the reports made from it or linked to it.
function conversations({conversations: mine}) {
  if (!mine.length) return [];
  return [h("h2", {class: "heading-m"}, t("account.chat_title")),
    h("ul", {class: "list list--spaced", id: "my-conversations"}, mine.map(c => h("li", {},
      h("a", {href: `/chat?id=${encodeURIComponent(c.id)}`}, t("account.chat_row",
        {when: formatDate(c.created_at, true), state: t(`account.chat_state_${c.state}`)})),
      c.report_ids.length ? [h("br"), t("account.chat_reports"), " ",
        c.report_ids.map((id, i) => [i ? ", " : "", h("a", {href: `/?report=${encodeURIComponent(id)}`}, id)])] : null)))];
}

// My appointments to come (move or cancel by their links) and the waiting lists I am on (leave).
function appointments({appointments: mine, waiting = []}) {
  if (!mine.length && !waiting.length) return [];
  const leave = w => async event => {
    await api(`/v1/appointments/waiting-list/${encodeURIComponent(w.service_id)}`, {method: "DELETE"}).catch(() => null);
    event.target.closest("li").remove();
  };
  return [h("h2", {class: "heading-m"}, t("account.appointments_title")),
    h("ul", {class: "list list--spaced", id: "my-appointments"}, mine.map(a => h("li", {},
      t("account.appointment_row", {service: a.service_name, when: a.start_text}), " ",
      h("a", {href: a.links.move}, t("account.appointment_move")), " ",
      h("a", {href: a.links.cancel}, t("account.appointment_cancel")))),
    waiting.map(w => h("li", {}, t("account.waiting_row", {service: w.service_name}), " ",
      button(t("account.waiting_leave"), {type: "button", secondary: true, onclick: leave(w)}))))];
}

// Taking part in meetings: my registrations to speak (withdrawn by their link while one holds a place), my
// written questions and the questions I sent during a webcast, each named by its meeting and item ("Planning Committee, Monday 7 December 2026 at 18:00:
// 4a Land at Acomb Road") and linked to the item on the agenda (where an answer is published after the meeting).
// A meeting gone from the council's copy names nothing: the row is still theirs, with no agenda to link to.
function meetingOf(x) {
  const day = formatDay(x.date, true);
  const when = x.time ? t("meetings.at", {day, time: x.time}) : day;
  const item = x.item_number ? `${x.item_number} ${x.item_title}` : x.item_title;
  return h("a", {href: `/meetings/${encodeURIComponent(x.meeting_id)}#item-${encodeURIComponent(x.item_id)}`},
    item ? t("account.taking_part_meeting", {committee: x.committee_title, when, item})
    : t("account.taking_part_meeting_only", {committee: x.committee_title, when}));
}

function takingPart({speaking = [], questions = [], live_questions: live = []}) {
  if (!speaking.length && !questions.length && !live.length) return [];
  const named = x => (x.committee_title ? [meetingOf(x), h("br")] : null);
  return [h("h2", {class: "heading-m"}, t("account.taking_part_title")),
    h("ul", {class: "list list--spaced", id: "my-taking-part"},
      speaking.map(r => h("li", {}, named(r), t("account.speaking_row", {when: formatDate(r.created_at),
        state: t(`account.speaking_state_${r.status}`)}),
        r.withdraw_url ? [" ", h("a", {href: r.withdraw_url}, t("account.speaking_withdraw"))] : null)),
      questions.map(q => h("li", {}, named(q), t(q.answer ? "account.question_answered" : "account.question_row",
        {member: q.member, when: formatDate(q.created_at)}))),
      // Questions sent during a webcast: what they asked and what the moderator did with it.
      live.map(q => h("li", {}, named(q), t("account.live_question_row", {when: formatDate(q.created_at),
        state: t(`account.live_question_${q.status}`)}), h("br"), t("account.live_question_text", {question: q.question}))))];
}

// My moves home: each to its page (what it changed, what waits for my choice).
function moves({moves: mine}) {
  if (!mine.length) return [];
  return [h("h2", {class: "heading-m"}, t("account.moves_title")),
    h("ul", {class: "list list--spaced", id: "my-moves"}, mine.map(m => h("li", {},
      h("a", {href: `/moving/${encodeURIComponent(m.id)}`}, t("account.move_row", {day: formatDay(m.date, true)})))))];
}

// Their name, which an account may not have yet (one made before names were asked for): set here.
function nameForm(view, me) {
  const saved = h("p", {class: "body", role: "status", id: "name-saved"});
  const form = h("form", {novalidate: true, id: "name-form"},
    input({field: "name", label: t("account.name"), hint: t("account.name_hint"), autocomplete: "name",
      value: me.name || "", spellcheck: "false"}),
    button(t("account.name_save"), {secondary: true}), saved);
  onSubmit(form, view, async () => {
    saved.textContent = "";
    const changed = await api("/v1/me", {method: "PATCH", body: {name: form.elements.name.value}});
    rememberProfile(changed);
    saved.textContent = t("account.name_saved");
  }, {name: t("account.name")});
  return form;
}

/** The other councils of this service where they have signed in: what they made there is at its address. */
function elsewhere(councils) {
  if (!councils.length) return [];
  return [h("p", {class: "body", id: "elsewhere"}, t("account.elsewhere_lead")),
    h("ul", {class: "list"}, ...councils.map(c => h("li", {}, h("a", {href: c.url}, c.name))))];
}

export async function render(view) {
  if (!signedIn()) return navigate("/sign-in?next=/account", {replace: true});
  // The lists below are asked for together with the profile: one round trip's wait, not ten.
  const lists = Promise.all([["/v1/me/bulky-bookings", "bookings"], ["/v1/me/garden-subscriptions", "subscriptions"],
    ["/v1/me/conversations", "conversations"], ["/v1/me/bills", "bills"], ["/v1/me/appointments", "appointments"],
    ["/v1/me/taking-part", "speaking"], ["/v1/me/container-requests", "requests"],
    ["/v1/me/consultation-responses", "responses"],
    ["/v1/me/hire-bookings", "bookings"], ["/v1/me/moves", "moves"]]
    .map(([path, key]) => api(path).catch(() => ({[key]: []}))));
  let me;
  try {
    me = await api("/v1/me");
    rememberProfile(me);
  } catch (error) {
    if (!signedIn()) return navigate("/sign-in?next=/account", {replace: true});
    append(view, h("h1", {class: "heading-l"}, t("account.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  // An account signed in through a provider may have no address at all (none shared): nothing was sent to
  // confirm, and the resident is told where they will hear from us instead.
  const noEmail = me.email ? null
    : h("div", {class: "inset", id: "no-email"}, h("p", {class: "body"}, t("account.no_email")));
  const resend = me.email_verified || !me.email ? noEmail : h("div", {class: "inset"},
    h("p", {class: "body"}, t("account.unverified")),
    button(t("account.resend"), {type: "button", secondary: true, onclick: async event => {
      await api("/v1/auth/verify/resend", {method: "POST", body: {}}).catch(() => null);
      event.target.replaceWith(h("p", {class: "body", role: "status"}, t("account.resent")));
    }}));
  const [bulky, garden, chats, paid, appts, part, containers, responses, halls, moving] = await lists;
  append(view, h("h1", {class: "heading-l"}, t("account.title")), resend,
    h("dl", {class: "summary-list"}, me.email ? row(t("account.email"), me.email) : null,
      me.phone ? row(t("contact.phone"), me.phone) : null),
    nameForm(view, me),
    h("ul", {class: "list list--spaced"},
      h("li", {}, h("a", {href: "/account/reports"}, t("account.my_reports"))),
      h("li", {}, h("a", {href: "/account/meetings"}, t("account.my_meetings"))),
      h("li", {}, h("a", {href: "/alerts"}, t("account.my_alerts"))),
      h("li", {}, h("a", {href: "/property"}, t("account.my_property"))),
      h("li", {}, h("a", {href: "/account/council-tax"}, t("account.council_tax"))),
      h("li", {}, h("a", {href: "/landlords"}, t("account.landlords"))),
      h("li", {}, h("a", {href: "/moving", id: "moving-link"}, t("account.moving")))),
    ...elsewhere(me.elsewhere || []),
    ...moves(moving),
    ...bulkyBookings(bulky),
    ...gardenSubscriptions(garden),
    ...containerRequests(containers),
    ...hireBookings(halls),
    ...bills(paid),
    ...conversations(chats),
    ...appointments(appts),
    ...takingPart(part),
    ...consultationResponses(responses),
    h("h2", {class: "heading-m"}, t("account.data_title")),
    h("p", {class: "body"}, t("account.data_lead")),
    button(t("account.download"), {type: "button", secondary: true, id: "download-data", onclick: () => download(view)}),
    h("h2", {class: "heading-m"}, t("account.leave_title")),
    h("ul", {class: "list list--spaced"},
      h("li", {}, button(t("account.sign_out"), {type: "button", secondary: true, onclick: signOut})),
      h("li", {}, h("a", {href: "/account/delete"}, t("account.delete")))));
}
