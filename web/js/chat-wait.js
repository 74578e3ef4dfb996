// A resident nobody has answered yet: their place and the expected wait, read
// again every 20 s and when the offer is due; then another way: an answer by
// e-mail, a phone call, or ending the chat (which is always there).
import {api} from "./api.js";
import {h} from "./dom.js";
import {button, input, Invalid, onSubmit} from "./forms.js";
import {t, tCount} from "./i18n.js";

const AGAIN_MS = 20000;
const minutes = s => Math.max(1, Math.round(s / 60));

export function waitingPanel(at, first, onEnded) {
  const place = h("p", {class: "body", id: "chat-queue", role: "status"});
  const offer = h("div", {id: "chat-offer"});
  const end = button(t("chat.end"), {type: "button", secondary: true, id: "chat-end",
    onclick: () => choose({choice: "end"}).then(onEnded)});
  const root = h("section", {"aria-label": t("chat.queue_label")}, place, offer, end);
  let timer;
  const choose = body => api(at("/choice"), {method: "POST", body}).then(show);
  const read = () => api(at("")).then(show).catch(() => null);

  function show(current) {
    clearTimeout(timer);
    const queue = current.queue;
    end.hidden = current.state === "closed";
    if (!queue || current.state !== "waiting") {
      place.textContent = "";
      offer.replaceChildren();
      return current;
    }
    // While the desk is closed the screen already says when it answers: a place in a queue nobody serves says nothing
    place.textContent = current.desk && !current.desk.open ? ""
      : [t(queue.more_ahead ? "chat.place_far" : "chat.place", {n: queue.place}),
        queue.wait_s == null ? t("chat.wait_unknown") : tCount("chat.wait", minutes(queue.wait_s))].join(" ");
    if (queue.offer && !offer.dataset.shown) showOffer(queue.offer, current.choice);
    // Drawn before the screen is attached: whether it is still shown is asked when the timer fires.
    timer = setTimeout(() => root.isConnected && read(),
      queue.offer_in_s > 0 ? Math.min(AGAIN_MS, queue.offer_in_s * 1000) : AGAIN_MS);
    return current;
  }

  function showOffer({phone, email}, choice) {
    offer.dataset.shown = "yes";
    const told = h("p", {class: "body", id: "chat-offer-status", role: "status"},
      choice === "email" ? t("chat.offer_email_chosen") : "");
    const byEmail = h("form", {novalidate: true, id: "chat-by-email"},
      email ? null : input({field: "offer_email", label: t("chat.email"), type: "email", autocomplete: "email"}),
      button(email ? t("chat.offer_email_to", {email}) : t("chat.offer_email"), {secondary: true}));
    onSubmit(byEmail, offer, async () => {
      const given = email ? undefined : byEmail.elements.offer_email.value.trim();
      if (!email && !given) throw new Invalid([{field: "offer_email", message: t("chat.offer_email_required")}]);
      await choose({choice: "email", email: given});
      told.textContent = t("chat.offer_email_chosen");
    }, {email: t("chat.email")});
    const call = h("a", {class: "button button--secondary", href: `tel:${phone.replace(/\s/g, "")}`, id: "chat-call",
      onclick: () => { choose({choice: "phone"}).catch(() => null); }}, t("chat.offer_call", {phone}));
    offer.replaceChildren(h("h2", {class: "heading-m"}, t("chat.offer_title")),
      h("p", {class: "body"}, t("chat.offer_lead")), byEmail, h("p", {class: "body"}, call), told);
  }

  show(first);
  return {root, show, stop: () => clearTimeout(timer)};
}
