// Taking part in a meeting: register to speak on an item
// (/meetings/{id}/items/{item}/speak), put a written question to a member
// (/meetings/{id}/items/{item}/question), and withdraw a registration by the
// link in its messages (/meetings/speaking/withdraw?token=). Each form says its
// deadline in words before the first question, from the committee's rules as
// the API reads them; the API stays the last word on the deadline and places.
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, choices, input, looksLikePhone, onSubmit, privacyLink, textarea} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {signedIn} from "../session.js";

const WORD = /\S+/g;

export async function render(view, {url, params}) {
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "/meetings/speaking/withdraw") return withdraw(view, params.get("token") || "");
  const [, meetingId, itemId, what] = path.match(/^\/meetings\/(\d{1,12})\/items\/(\d{1,12})\/(speak|question)$/);
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(path)}`, {replace: true});
  append(view, h("a", {class: "back-link", href: `/meetings/${meetingId}#item-${itemId}`}, t("nav.back")));
  let meeting, speaking;
  try {
    [meeting, speaking] = await Promise.all([api(`/v1/meetings/${meetingId}`, {auth: false}),
      api(`/v1/meetings/${meetingId}/speaking`, {auth: false})]);
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t(`take_part.${what}_title`)),
      h("p", {class: "body", id: "take-part-error"}, error.message));
  }
  const item = (meeting.items || []).find(i => i.id === itemId && !i.heading);
  append(view, h("span", {class: "caption"}, t("take_part.caption", {committee: meeting.committee_title,
      day: formatDay(meeting.date)})),
    h("h1", {class: "heading-l"}, t(`take_part.${what}_title`)),
    item ? h("p", {class: "lead", id: "take-part-item"}, item.number ? `${item.number} ${item.title}` : item.title) : null);
  if (!item) return append(view, h("p", {class: "body"}, t("take_part.no_item")));
  return what === "speak" ? speak(view, meeting, item, speaking) : question(view, meeting, item, speaking.questions);
}

/** The deadline in words, open or passed: shown before anything is asked. */
function notice(id, open, key, closes) {
  return h("div", {class: "inset", id}, t(`take_part.${key}_${open ? "closes" : "closed"}`, {moment: closes}));
}

async function speak(view, meeting, item, speaking) {
  const offered = speaking.items.find(i => i.id === item.id);
  append(view, notice("speak-deadline", speaking.open, "speak", speaking.closes));
  if (!offered) return append(view, h("p", {class: "body", id: "speak-not-here"}, t("take_part.not_on_item")));
  if (!speaking.open) return null;
  append(view, h("p", {class: "body", id: "speak-places"}, t("take_part.minutes", {minutes: speaking.minutes_each}),
    " ", offered.places_left ? tCount("take_part.places_left", offered.places_left) : t("take_part.full")));
  if (!offered.places_left) return null;
  const me = await myProfile();
  const form = h("form", {novalidate: true, id: "speak-form"},
    input({field: "name", label: t("take_part.name"), hint: t("take_part.name_hint"), value: me?.name || "",
      autocomplete: "name", maxlength: "100"}),
    speaking.sides ? choices({field: "side", legend: t("take_part.side"), options: ["for", "against"].map(value =>
      ({value, label: t(`take_part.side_${value}`)}))}) : null,
    choices({field: "mode", legend: t("take_part.mode"), options: ["in_person", "remote"].map(value =>
      ({value, label: t(`take_part.mode_${value}`), hint: t(`take_part.mode_${value}_hint`)}))}),
    choices({field: "needs", legend: t("take_part.needs"), hint: t("take_part.needs_hint"), multiple: true,
      optional: true, options: ["hearing_loop", "interpreter", "step_free"].map(value =>
        ({value, label: t(`take_part.need_${value}`)}))}),
    input({field: "phone", label: t("take_part.phone"), hint: t("take_part.phone_hint"), type: "tel",
      autocomplete: "tel", optional: true, maxlength: "20"}),
    privacyLink("meetings"), button(t("take_part.speak_send")));
  const key = crypto.randomUUID();  // one per screen: a press retried, or pressed twice, takes one place
  onSubmit(form, view, async () => {
    const el = form.elements;
    const body = {name: el.name.value.trim(), mode: el.mode.value || "",
      needs: [...form.querySelectorAll("input[name=needs]:checked")].map(c => c.value)};
    if (speaking.sides) body.side = el.side.value || "";
    if (el.phone.value.trim()) body.phone = el.phone.value.trim();
    check(["name", t("take_part.name_required"), body.name],
      ["side", t("take_part.side_required"), !speaking.sides || body.side],
      ["mode", t("take_part.mode_required"), body.mode],
      ["phone", t("take_part.phone_invalid"), !body.phone || looksLikePhone(body.phone)]);
    const made = await api(`/v1/meetings/${meeting.id}/items/${item.id}/speakers`, {method: "POST",
      headers: {"Idempotency-Key": key}, body});
    redraw(view, h("div", {class: "panel", id: "speak-done"}, h("h1", {class: "panel__title"}, t("take_part.speak_done")),
      h("div", {class: "panel__body"}, t("take_part.speak_done_body", {minutes: speaking.minutes_each}))),
      h("p", {class: "body"}, t("take_part.speak_done_next")),
      h("dl", {class: "summary-list"},
        row(t("take_part.item"), item.number ? `${item.number} ${item.title}` : item.title),
        row(t("take_part.name"), made.name),
        made.side ? row(t("take_part.side"), t(`take_part.side_${made.side}`)) : null,
        row(t("take_part.mode"), t(`take_part.mode_${made.mode}`)),
        row(t("take_part.needs"), made.needs.length ? made.needs.map(n => t(`take_part.need_${n}`)).join(", ")
          : t("take_part.no_needs"))),
      h("p", {class: "body"}, h("a", {href: `/meetings/${meeting.id}#item-${item.id}`}, t("take_part.back_to_agenda"))));
  });
  append(view, form);
}

function row(key, value) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, value));
}

function words(text) {
  return (text.match(WORD) || []).length;
}

/** GOV.UK's character count, in words: what is left, or how many too many, said as they type. */
function wordCount(area, most) {
  const said = h("div", {class: "hint word-count", id: "question-words", "aria-live": "polite"});
  let pause;
  const update = () => {
    const left = most - words(area.value);
    said.classList.toggle("word-count--over", left < 0);
    clearTimeout(pause);
    // The visible count changes at once; a screen reader hears it once typing pauses (GOV.UK's choice).
    said.setAttribute("aria-live", "off");
    said.textContent = left >= 0 ? tCount("take_part.words_left", left) : tCount("take_part.words_over", -left);
    pause = setTimeout(() => said.setAttribute("aria-live", "polite"), 1000);
  };
  area.addEventListener("input", update);
  update();
  return said;
}

async function question(view, meeting, item, rules) {
  append(view, notice("question-deadline", rules.open, "question", rules.closes),
    h("p", {class: "body"}, t("take_part.question_intro", {words: rules.words})));
  if (!rules.open) return null;
  const me = await myProfile();
  const form = h("form", {novalidate: true, id: "question-form"},
    input({field: "name", label: t("take_part.name"), value: me?.name || "", autocomplete: "name", maxlength: "100"}),
    input({field: "member", label: t("take_part.member"), hint: t("take_part.member_hint"), maxlength: "100"}),
    textarea({field: "question", label: t("take_part.question"), hint: tCount("take_part.question_hint", rules.words),
      rows: 6, maxlength: "2000"}),
    choices({field: "name_public", legend: t("take_part.consent"), multiple: true, optional: true,
      options: [{value: "yes", label: t("take_part.consent_yes")}]}),
    button(t("take_part.question_send")));
  const area = form.elements.question;
  area.after(wordCount(area, rules.words));
  const key = crypto.randomUUID();
  onSubmit(form, view, async () => {
    const el = form.elements;
    const body = {name: el.name.value.trim(), member: el.member.value.trim(), question: el.question.value.trim(),
      name_public: el.name_public.checked};
    const count = words(body.question);
    check(["name", t("take_part.name_required"), body.name],
      ["member", t("take_part.member_required"), body.member],
      ["question", t("take_part.question_required"), count],
      ["question", tCount("take_part.question_too_long", rules.words, {words: count}), count <= rules.words]);
    await api(`/v1/meetings/${meeting.id}/items/${item.id}/questions`, {method: "POST",
      headers: {"Idempotency-Key": key}, body});
    redraw(view, h("div", {class: "panel", id: "question-done"},
      h("h1", {class: "panel__title"}, t("take_part.question_done"))),
      h("p", {class: "body"}, t(body.name_public ? "take_part.question_done_named" : "take_part.question_done_unnamed")),
      h("p", {class: "body"}, h("a", {href: `/meetings/${meeting.id}#item-${item.id}`}, t("take_part.back_to_agenda"))));
  });
  append(view, form);
}

/** "Planning Committee on Monday 7 December 2026, on item 4a: Land at ...", from what the link is for. */
function withdrawingFrom(link) {
  const item = link.item_number ? `${link.item_number}: ${link.item_title}` : link.item_title;
  return {committee: link.committee_title, day: formatDay(link.date), item};
}

async function withdraw(view, token) {
  append(view, h("h1", {class: "heading-l"}, t("take_part.withdraw_title")));
  let link;
  try {
    link = await api(`/v1/speaking/withdraw?token=${encodeURIComponent(token)}`, {auth: false});
  } catch (error) {
    return append(view, h("p", {class: "body", id: "withdraw-error"}, error.message));
  }
  const named = link.item_title ? withdrawingFrom(link) : null;
  if (!link.holding) {
    return append(view, h("p", {class: "body", id: "withdraw-for"},
      named ? t("take_part.withdraw_done_already", named) : t("take_part.withdraw_gone")));
  }
  append(view, named ? h("p", {class: "lead", id: "withdraw-for"}, t("take_part.withdraw_from", named)) : null,
    h("p", {class: "body"}, t("take_part.withdraw_body")));
  // A POST from the press, never on opening: a mail scanner following the link changes nothing.
  const form = h("form", {novalidate: true, id: "withdraw-form"}, button(t("take_part.withdraw_button"), {warning: true}));
  onSubmit(form, view, async () => {
    const gone = await api("/v1/speaking/withdraw", {method: "POST", auth: false, body: {token}});
    redraw(view, h("div", {class: "panel", id: "withdrawn"}, h("h1", {class: "panel__title"}, t("take_part.withdrawn")),
      named ? h("div", {class: "panel__body", id: "withdrawn-from"}, t("take_part.withdrawn_from", named)) : null),
      h("p", {class: "body"}, t("take_part.withdrawn_body")),
      h("p", {class: "body"}, h("a", {href: `/meetings/${gone.meeting_id}#item-${gone.item_id}`},
        t("take_part.back_to_agenda"))));
  });
  append(view, form);
}
