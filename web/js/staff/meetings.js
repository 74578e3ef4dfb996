// Democratic services' desk for meetings: /staff/meetings (meetings ahead or
// past), /staff/meetings/{id} (its registrations to speak, each accepted or
// declined with a reason, a late one added at the chair's discretion, the
// speakers' list to print or download) and /staff/meetings/{id}/print (the
// chair's list: no contact details), /staff/meetings/{id}/questions (written
// questions and the member's answers). The webcast's chapters are webcast.js.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, choices, errorsOf, input, looksLikeEmail, looksLikePhone, onSubmit, select,
  textarea} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {saveCsv} from "./payments.js";

export async function render(view, {path, url}) {
  const found = path.match(/^\/staff\/meetings\/(\d{1,12})(?:\/(print|webcast|questions))?$/);
  if (!found) return list(view, url.searchParams.get("when") === "past");
  if (found[2] === "webcast") return (await import("./webcast.js")).render(view, found[1]);
  if (found[2] === "questions") return questions(view, found[1]);
  return found[2] === "print" ? printable(view, found[1]) : speakers(view, found[1]);
}

function when(m) {
  return m.time ? t("staff.meetings.at", {day: formatDay(m.date), time: m.time}) : formatDay(m.date);
}

function itemName(i) {
  return i.number ? `${i.number} ${i.title}` : i.title;
}

async function list(view, past) {
  append(view, h("h1", {class: "heading-l"}, t("staff.meetings.title")),
    h("ul", {class: "list list--inline meeting-links"},
      h("li", {}, h("a", {href: past ? "/staff/meetings" : "/staff/meetings?when=past"},
        t(past ? "staff.meetings.ahead" : "staff.meetings.past"))),
      h("li", {}, h("a", {href: "/staff/meetings/speaking-rules"}, t("staff.rules.link")))));
  let answer;
  try {
    answer = await api(`/v1/meetings?${query({when: past ? "past" : undefined})}`);
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  if (!answer.meetings.length) return append(view, h("p", {class: "body"}, t("staff.meetings.none")));
  append(view, h("ul", {class: "list meeting-links", id: "desk-meetings"}, answer.meetings.map(m => h("li", {},
    h("a", {href: `/staff/meetings/${m.id}`}, `${m.committee_title}, ${when(m)}`),
    m.cancelled ? [" ", h("strong", {class: "tag tag--red"}, t("staff.meetings.cancelled"))] : null))));
}

async function read(view, id) {
  try {
    const [meeting, listed, speaking] = await Promise.all([api(`/v1/meetings/${id}`),
      api(`/v1/staff/meetings/${id}/speakers`), api(`/v1/meetings/${id}/speaking`)]);
    return {meeting, listed, speaking};
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("staff.meetings.speakers")),
      h("p", {class: "body", id: "desk-meeting-error"}, errorsOf(error)[0].message));
    return null;
  }
}

const HOLDING = new Set(["registered", "accepted"]);

function needsText(r) {
  return r.needs.length ? r.needs.map(n => t(`staff.meetings.need_${n}`)).join(", ") : t("staff.meetings.no_needs");
}

async function speakers(view, id) {
  const got = await read(view, id);
  if (!got) return;
  const {meeting, listed, speaking} = got;
  const items = new Map((meeting.items || []).map(i => [i.id, i]));
  append(view, h("span", {class: "caption"}, `${meeting.committee_title}, ${when(meeting)}`),
    h("h1", {class: "heading-l"}, t("staff.meetings.speakers")),
    h("p", {class: "body", id: "desk-deadline"}, deadline(speaking)),
    h("ul", {class: "list list--inline meeting-links"},
      h("li", {}, h("a", {href: `/staff/meetings/${id}/print`, id: "print-link"}, t("staff.meetings.print"))),
      h("li", {}, h("a", {href: `/staff/meetings/${id}/questions`}, t("staff.meetings.questions"))),
      h("li", {}, h("a", {href: `/staff/meetings/${id}/webcast`}, t("staff.meetings.webcast"))),
      h("li", {}, h("a", {href: `/staff/meetings/${id}/live-questions`}, t("staff.live.title"))),
      h("li", {}, h("a", {href: `/staff/meetings/${id}/tags`}, t("staff.meetings.tags")))));
  const status = h("p", {class: "body", role: "status", id: "speakers-csv-status"});
  append(view, h("p", {class: "body"}, button(t("staff.meetings.csv"), {secondary: true, type: "button",
    id: "speakers-csv", onclick: () => saveCsv(`/v1/staff/meetings/${id}/speakers.csv`, `speakers-${id}.csv`, status,
      t("staff.meetings.csv_ready"))})), status);
  const regs = listed.registrations;
  append(view, h("h2", {class: "heading-m", id: "speakers-count"}, tCount("staff.meetings.count", regs.length)),
    h("p", {class: "body", role: "status", id: "decided"}));
  append(view, h("ol", {class: "list", id: "registrations"}, regs.map(r => registration(view, id, r, items))));
  append(view, late(view, id, meeting, speaking));
}

function deadline(speaking) {
  return `${t(speaking.open ? "staff.meetings.closes" : "staff.meetings.closed", {moment: speaking.closes})} ${
    tCount("staff.meetings.places_left", speaking.places_left)}`;
}

/** After a change that moved them, the desk's counts as the API now has them: no reload. */
async function recount(view, meetingId) {
  view.querySelector("#speakers-count").textContent = tCount("staff.meetings.count",
    view.querySelectorAll("#registrations > li").length);
  const speaking = await api(`/v1/meetings/${meetingId}/speaking`);
  view.querySelector("#desk-deadline").textContent = deadline(speaking);
}

function registration(view, meetingId, r, items) {
  const item = items.get(r.item_id);
  const row = (key, value) => h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, value));
  const tag = h("strong", {class: `tag ${r.status === "accepted" ? "tag--green" : HOLDING.has(r.status) ? "tag--blue"
    : "tag--grey"}`}, t(`staff.meetings.status_${r.status}`));
  const card = h("li", {class: "registration", id: `reg-${r.id}`, dataset: {name: r.name}},
    h("h3", {class: "heading-s"}, r.name, " ", tag, r.late ? [" ", h("strong", {class: "tag tag--yellow"},
      t("staff.meetings.late"))] : null),
    h("dl", {class: "summary-list"},
      row(t("staff.meetings.item"), item ? itemName(item) : r.item_id),
      r.side ? row(t("staff.meetings.side"), t(`staff.meetings.side_${r.side}`)) : null,
      row(t("staff.meetings.mode"), t(`staff.meetings.mode_${r.mode}`)),
      row(t("staff.meetings.needs"), needsText(r)),
      row(t("staff.meetings.contact"), [r.email, r.phone].filter(Boolean).join(", ") || t("staff.meetings.no_contact")),
      row(t("staff.meetings.registered_at"), formatDate(r.created_at, true)),
      r.reason ? row(t("staff.meetings.reason"), r.reason) : null));
  if (r.status === "registered") card.append(decide(view, meetingId, r, items));
  return card;
}

/** Accept, or decline with a reason the speaker is told: If-Match with the version listed. */
function decide(view, meetingId, r, items) {
  const send = async body => {
    const done = await api(`/v1/staff/meetings/${meetingId}/speakers/${r.id}/decision`, {method: "POST", body,
      headers: {"If-Match": `"${r.version}"`}});
    const card = view.querySelector(`#reg-${r.id}`);
    const now = registration(view, meetingId, done, items);
    card.replaceWith(now);
    const title = now.querySelector("h3");
    title.tabIndex = -1;
    title.focus();  // the pressed button has gone: the focus stays on this speaker
    view.querySelector("#decided").textContent = t(`staff.meetings.decided_${done.status}`, {name: done.name});
    await recount(view, meetingId);
  };
  const accept = h("form", {novalidate: true, class: "accept-form"},
    button(t("staff.meetings.accept"), {"aria-label": t("staff.meetings.accept_named", {name: r.name})}));
  onSubmit(accept, view, () => send({decision: "accept"}));
  const field = `reason-${r.id}`;
  const decline = h("form", {novalidate: true, class: "decline-form"},
    textarea({field, label: t("staff.meetings.decline_reason", {name: r.name}), hint: t("staff.meetings.reason_hint"),
      rows: 2, maxlength: "500"}),
    button(t("staff.meetings.decline"), {warning: true, "aria-label": t("staff.meetings.decline_named", {name: r.name})}));
  onSubmit(decline, view, () => {
    const reason = decline.elements[field].value.trim();
    check([field, t("staff.meetings.reason_required", {name: r.name}), reason]);
    return send({decision: "decline", reason});
  });
  return h("div", {class: "registration__actions"}, accept, decline);
}

/** A late speaker at the chair's discretion: past the deadline and the caps, accepted at once, with the reason. */
function late(view, id, meeting, speaking) {
  const offered = (meeting.items || []).filter(i => i.public_can_speak && !i.heading);
  if (!offered.length) return null;
  const form = h("form", {novalidate: true, id: "late-form"},
    h("h2", {class: "heading-m"}, t("staff.meetings.late_title")),
    h("p", {class: "body"}, t("staff.meetings.late_intro")),
    select({field: "item_id", label: t("staff.meetings.item"), options: offered.map(i => ({value: i.id,
      label: itemName(i)}))}),
    input({field: "name", label: t("staff.meetings.name"), maxlength: "100"}),
    speaking.sides ? choices({field: "side", legend: t("staff.meetings.side"), small: true,
      options: ["for", "against"].map(v => ({value: v, label: t(`staff.meetings.side_${v}`)}))}) : null,
    choices({field: "mode", legend: t("staff.meetings.mode"), small: true,
      options: ["in_person", "remote"].map(v => ({value: v, label: t(`staff.meetings.mode_${v}`)}))}),
    choices({field: "needs", legend: t("staff.meetings.needs"), multiple: true, optional: true, small: true,
      options: ["hearing_loop", "interpreter", "step_free"].map(v => ({value: v, label: t(`staff.meetings.need_${v}`)}))}),
    input({field: "email", label: t("staff.meetings.email"), type: "email", optional: true, maxlength: "254"}),
    input({field: "phone", label: t("staff.meetings.phone"), type: "tel", optional: true, maxlength: "20"}),
    textarea({field: "reason", label: t("staff.meetings.late_reason"), hint: t("staff.meetings.late_reason_hint"),
      rows: 2, maxlength: "500"}),
    button(t("staff.meetings.late_add")));
  onSubmit(form, view, async () => {
    const el = form.elements;
    const body = {item_id: el.item_id.value, name: el.name.value.trim(), mode: el.mode.value || "",
      needs: [...form.querySelectorAll("input[name=needs]:checked")].map(c => c.value), reason: el.reason.value.trim()};
    if (speaking.sides) body.side = el.side.value || "";
    if (el.email.value.trim()) body.email = el.email.value.trim();
    if (el.phone.value.trim()) body.phone = el.phone.value.trim();
    check(["name", t("staff.meetings.name_required"), body.name],
      ["side", t("staff.meetings.side_required"), !speaking.sides || body.side],
      ["mode", t("staff.meetings.mode_required"), body.mode],
      ["email", t("staff.meetings.email_invalid"), !body.email || looksLikeEmail(body.email)],
      ["phone", t("staff.meetings.phone_invalid"), !body.phone || looksLikePhone(body.phone)],
      ["reason", t("staff.meetings.late_reason_required"), body.reason]);
    const made = await api(`/v1/staff/meetings/${id}/speakers`, {method: "POST", body});
    view.querySelector("#registrations").append(registration(view, id, made,
      new Map(offered.map(i => [i.id, i]))));
    form.reset();
    view.querySelector("#decided").textContent = t("staff.meetings.late_added", {name: made.name});
    await recount(view, id);
  });
  return form;
}

/** The chair's list: those holding a place, in agenda order, first come first within an item; no contact details. */
async function printable(view, id) {
  const got = await read(view, id);
  if (!got) return;
  const {meeting, listed, speaking} = got;
  const order = new Map((meeting.items || []).map((i, n) => [i.id, n]));
  const items = new Map((meeting.items || []).map(i => [i.id, i]));
  const holding = listed.registrations.filter(r => HOLDING.has(r.status))
    .sort((a, b) => (order.get(a.item_id) - order.get(b.item_id)) || a.created_at.localeCompare(b.created_at));
  const cols = ["item", "name", ...(speaking.sides ? ["side"] : []), "mode", "needs", "minutes", "status"];
  append(view, h("a", {class: "back-link no-print", href: `/staff/meetings/${id}`}, t("staff.meetings.back")),
    h("h1", {class: "heading-l"}, t("staff.meetings.print_title", {committee: meeting.committee_title,
      day: when(meeting)})),
    h("p", {class: "body no-print"}, button(t("staff.meetings.print_button"), {type: "button", secondary: true,
      onclick: () => window.print()})),
    holding.length ? h("table", {class: "table chair-list", id: "chair-list"},
      h("thead", {}, h("tr", {}, cols.map(c => h("th", {scope: "col"}, t(`staff.meetings.col_${c}`))))),
      h("tbody", {}, holding.map(r => h("tr", {},
        h("td", {}, items.get(r.item_id) ? itemName(items.get(r.item_id)) : r.item_id),
        h("th", {scope: "row"}, r.name),
        speaking.sides ? h("td", {}, r.side ? t(`staff.meetings.side_${r.side}`) : "") : null,
        h("td", {}, t(`staff.meetings.mode_${r.mode}`)),
        h("td", {}, needsText(r)),
        h("td", {class: "table__num"}, String(listed.minutes_each ?? speaking.minutes_each)),
        h("td", {}, t(`staff.meetings.status_${r.status}`), r.late ? ` (${t("staff.meetings.late")})` : "")))))
      : h("p", {class: "body"}, t("staff.meetings.nobody")));
}

/** Written questions, first asked first, with who asked; the member's answer recorded with If-Match. */
async function questions(view, id) {
  let meeting, listed;
  try {
    [meeting, listed] = await Promise.all([api(`/v1/meetings/${id}`), api(`/v1/staff/meetings/${id}/questions`)]);
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("staff.meetings.questions")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const items = new Map((meeting.items || []).map(i => [i.id, i]));
  append(view, h("a", {class: "back-link", href: `/staff/meetings/${id}`}, t("staff.meetings.back")),
    h("span", {class: "caption"}, `${meeting.committee_title}, ${when(meeting)}`),
    h("h1", {class: "heading-l"}, t("staff.meetings.questions")),
    h("p", {class: "body"}, t("staff.meetings.questions_intro")));
  if (!listed.questions.length) return append(view, h("p", {class: "body"}, t("staff.meetings.no_questions")));
  append(view, h("ol", {class: "list", id: "desk-questions"}, listed.questions.map(q => {
    const field = `answer-${q.id}`;
    const saved = h("p", {class: "body", role: "status"});
    const form = h("form", {novalidate: true, class: "answer-form"},
      textarea({field, label: t("staff.meetings.answer_of", {member: q.member}), value: q.answer || "", rows: 4,
        maxlength: "8000"}),
      button(t("staff.meetings.answer_save"), {secondary: true}), saved);
    let version = q.version;
    onSubmit(form, view, async () => {
      saved.textContent = "";
      const answer = form.elements[field].value.trim();
      check([field, t("staff.meetings.answer_required", {member: q.member}), answer]);
      const done = await api(`/v1/staff/meetings/${id}/questions/${q.id}/answer`, {method: "POST", body: {answer},
        headers: {"If-Match": `"${version}"`}});
      version = done.version;
      saved.textContent = t("staff.meetings.answer_saved");
    });
    const item = items.get(q.item_id);
    return h("li", {class: "registration desk-question"},
      h("h2", {class: "heading-s"}, t("staff.meetings.question_to", {member: q.member,
        item: item ? itemName(item) : q.item_id})),
      h("dl", {class: "summary-list"},
        h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t("staff.meetings.asked_by")),
          h("dd", {class: "summary-list__value"}, [q.asked_by, q.email].filter(Boolean).join(", "), " ",
            t(q.name_public ? "staff.meetings.name_public" : "staff.meetings.name_private"))),
        h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, t("staff.meetings.asked_at")),
          h("dd", {class: "summary-list__value"}, formatDate(q.created_at, true)))),
      h("p", {class: "body"}, q.question), form);
  })));
}
