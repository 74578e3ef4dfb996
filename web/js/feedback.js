// How did it go? GOV.UK's "Give feedback" at the end of a transaction: one optional question on
// the five-point scale, "How could we improve this service?", and a reply only when asked for
// (docs/decisions/feedback.md). Any confirmation that carries the API's `feedback: {service, token}`
// asks with one line: append(view, feedbackQuestion(answer.feedback)). Also here: a service's start
// counted once per visit (nothing of who), and its "you said, we did" for its start page.
import {api} from "./api.js";
import {append, fieldId, h} from "./dom.js";
import {button, check, choices, group, looksLikeEmail, onSubmit, privacyLink, textarea} from "./forms.js";
import {formatDate, t} from "./i18n.js";

export const RATINGS = [5, 4, 3, 2, 1];  // very satisfied first, as GOV.UK lists them
const STARTED = "doorstep.started.";

/** The words of a rating (1 very dissatisfied .. 5 very satisfied): the desk's too. */
export function ratingLabel(rating) {
  return t(`feedback.rating.${rating}`);
}

function replyBox(given) {
  const email = group("reply_email",
    h("label", {class: "label", for: fieldId("reply_email")}, t("feedback.reply_email")),
    h("div", {class: "hint", id: "reply-email-hint"}, t("feedback.reply_email_hint")),
    h("input", {class: "input", id: fieldId("reply_email"), name: "reply_email", type: "email", autocomplete: "email",
      spellcheck: "false", value: given?.reply_email || "", "aria-describedby": "reply-email-hint"}));
  email.classList.add("checkboxes__conditional");
  email.id = "reply-email-box";
  email.hidden = !given?.reply_email;
  const box = h("input", {class: "checkboxes__input", id: fieldId("reply"), name: "reply", type: "checkbox",
    value: "yes", checked: Boolean(given?.reply_email), "aria-controls": email.id,
    "aria-expanded": String(Boolean(given?.reply_email))});
  box.addEventListener("change", () => {
    email.hidden = !box.checked;
    box.setAttribute("aria-expanded", String(box.checked));
  });
  return group("reply", h("div", {class: "checkboxes"}, h("div", {class: "checkboxes__item"}, box,
    h("label", {class: "label checkboxes__label", for: box.id}, t("feedback.reply")), email)));
}

function askForm(section, question, given) {
  const form = h("form", {novalidate: true, class: "feedback__form"},
    choices({field: "rating", legend: t("feedback.question"), value: given ? String(given.rating) : undefined,
      options: RATINGS.map(r => ({value: String(r), label: ratingLabel(r)}))}),
    textarea({field: "improve", label: t("feedback.improve"), hint: t("feedback.improve_hint"), optional: true,
      value: given?.improve || "", maxlength: 1200}),
    replyBox(given),
    privacyLink("feedback"), button(t("feedback.send")));
  onSubmit(form, section, async () => {
    const rating = Number(form.elements.rating.value);
    const improve = form.elements.improve.value.trim();
    const wantsReply = form.elements.reply.checked;
    const email = form.elements.reply_email.value.trim();
    check(["rating", t("feedback.rating_required"), rating],
      ["reply_email", t("feedback.reply_email_required"), !wantsReply || looksLikeEmail(email)]);
    const body = {token: question.token, rating, ...(improve ? {improve} : {}),
      ...(wantsReply ? {reply_email: email} : {})};
    const given = await api("/v1/feedback", {method: "POST", body});
    thanks(section, question, {...given, reply_email: wantsReply ? email : ""});
  }, {rating: t("feedback.question"), improve: t("feedback.improve"), reply_email: t("feedback.reply_email")});
  return form;
}

function thanks(section, question, given) {
  const box = h("div", {class: "inset", id: "feedback-thanks", tabindex: "-1"},
    h("h3", {class: "heading-s"}, t("feedback.thanks")),
    h("p", {class: "body"}, t("feedback.changeable", {until: formatDate(given.changeable_until, true)})),
    button(t("feedback.change"), {type: "button", secondary: true, onclick: () => ask(section, question, given)}));
  section.querySelector(".feedback__form")?.replaceWith(box);
  box.focus();
}

function ask(section, question, given = null) {
  const form = askForm(section, question, given);
  const shown = section.querySelector("#feedback-thanks, .feedback__form");
  if (shown) shown.replaceWith(form); else append(section, form);
  if (given) form.querySelector("input")?.focus();
}

/** The question a confirmation's `feedback` ({service, token}) asks, or null when it asks none. */
export function feedbackQuestion(question) {
  if (!question || !question.token) return null;
  const section = h("section", {class: "feedback", id: "feedback", "aria-labelledby": "feedback-title"},
    h("h2", {class: "heading-m", id: "feedback-title"}, t("feedback.title")),
    h("p", {class: "body"}, t("feedback.lead")));
  ask(section, question);
  return section;
}

/** A service's journey begun online: counted once per visit (this tab's session), nothing kept of who;
 * never waited for, and a failure only means it may be counted on the next visit. */
export function countStart(service) {
  try {
    if (sessionStorage.getItem(STARTED + service)) return;
    sessionStorage.setItem(STARTED + service, "1");
  } catch {
    return;  // no session storage: counting without it could count a visit many times
  }
  api("/v1/feedback/starts", {method: "POST", body: {service}, auth: false}).catch(() => {
    try { sessionStorage.removeItem(STARTED + service); } catch { /* nothing kept, nothing to undo */ }
  });
}

/** One change published: what residents said, and what the council did about it. */
export function changeItem(c) {
  return h("li", {class: "you-said__item"},
    h("p", {class: "body"}, h("strong", {}, t("feedback.you_said")), " ", c.you_said),
    h("p", {class: "body"}, h("strong", {}, t("feedback.we_did")), " ", c.we_did),
    h("p", {class: "hint"}, t("feedback.published", {date: formatDate(c.published_at)})));
}

/** "You said, we did": what the council changed because of `service`'s comments, newest first, filled
 * in when the API answers; nothing at all (no heading) while there is none, or no answer. */
export function youSaidWeDid(service) {
  const place = h("div", {class: "you-said-place"});
  api(`/v1/feedback/${encodeURIComponent(service)}/changes`, {auth: false}).then(({changes}) => {
    if (!changes.length) return place.remove();
    place.replaceWith(h("section", {class: "you-said", id: "you-said", "aria-labelledby": "you-said-title"},
      h("h2", {class: "heading-m", id: "you-said-title"}, t("feedback.you_said_title")),
      h("ul", {class: "list"}, changes.map(changeItem))));
  }).catch(() => place.remove());
  return place;
}
