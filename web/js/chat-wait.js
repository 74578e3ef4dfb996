// A resident nobody has answered yet: their place and the expected wait, read
// again every 20 s and when the offer is due; then another way: an answer by
// e-mail, a phone call, or ending the chat (which is always there).
import {api} from "./api.js";
import {h} from "./dom.js";
import {button, input, Invalid, onSubmit} from "./forms.js";
import {t, tCount} from "./i18n.js";
import {cachedProfile, signedIn} from "./session.js";

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
    if (queue.offer && !offer.dataset.shown) showOffer(queue.offer, current.choice, current.desk && !current.desk.open);
    // Drawn before the screen is attached: whether it is still shown is asked when the timer fires.
    timer = setTimeout(() => root.isConnected && read(),
      queue.offer_in_s > 0 ? Math.min(AGAIN_MS, queue.offer_in_s * 1000) : AGAIN_MS);
    return current;
  }

  // A choice made: the offer gives way to what happens now (it stays in the conversation's messages).
  const chosen = key => offer.replaceChildren(h("p", {class: "body", id: "chat-offer-status", role: "status"}, t(key)));

  function showOffer({phone, email}, choice, closed) {
    offer.dataset.shown = "yes";
    if (choice === "email" || choice === "phone") return chosen(`chat.offer_${choice}_chosen`);
    const byEmail = h("form", {novalidate: true, id: "chat-by-email"},
      // Signed in: the account's address, ready to send or change.
      email ? null : input({field: "offer_email", label: t("chat.email"), type: "email", autocomplete: "email",
        value: cachedProfile()?.email || ""}),
      button(email ? t("chat.offer_email_to", {email}) : t("chat.offer_email"), {secondary: true}));
    if (!email && signedIn() && !cachedProfile()) {  // opened afresh: the profile is read, once
      api("/v1/me").then(me => { if (!byEmail.elements.offer_email.value) byEmail.elements.offer_email.value = me.email || ""; })
        .catch(() => null);
    }
    onSubmit(byEmail, offer, async () => {
      const given = email ? undefined : byEmail.elements.offer_email.value.trim();
      if (!email && !given) throw new Invalid([{field: "offer_email", message: t("chat.offer_email_required")}]);
      await choose({choice: "email", email: given});
      chosen("chat.offer_email_chosen");
    }, {email: t("chat.email")});
    const call = h("a", {class: "button button--secondary", href: `tel:${phone.replace(/\s/g, "")}`, id: "chat-call",
      onclick: () => { choose({choice: "phone"}).then(() => chosen("chat.offer_phone_chosen")).catch(() => null); }},
      t("chat.offer_call", {phone}));
    // While the desk is closed nobody is busy: say when it opens is on the screen already, and offer the other ways.
    offer.replaceChildren(h("h2", {class: "heading-m"}, t(closed ? "chat.offer_title_closed" : "chat.offer_title")),
      h("p", {class: "body"}, t(closed ? "chat.offer_lead_closed" : "chat.offer_lead")), byEmail,
      h("p", {class: "body"}, call));
  }

  show(first);
  return {root, show, stop: () => clearTimeout(timer)};
}
