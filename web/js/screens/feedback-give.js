// /feedback/give?token=&service=: the confirmation message's link to the question its screen
// asked, for a resident who closed the screen first. The token alone says which transaction;
// the API refuses one that is not genuine when the answer is sent.
import {append, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {t, tOr} from "../i18n.js";

export async function render(view, {params}) {
  const token = params.get("token");
  append(view, h("h1", {class: "heading-l"}, t("feedback.give_title")));
  if (!token) {
    append(view, h("p", {class: "body", id: "feedback-no-link"}, t("feedback.give_no_link")));
    return;
  }
  const service = params.get("service") || "";
  // The service it asks about, named (the link may be opened days after, from the e-mail).
  const named = /^[a-z_]{1,20}$/.test(service) ? tOr(`figures.service_${service}`, "") : "";
  append(view, named ? h("p", {class: "lead", id: "feedback-about"}, t("feedback.give_about", {service: named})) : null,
    feedbackQuestion({service, token}));
}
