// One bulky collection booking: where the payment provider sends the resident
// back (the app has checked the payment with the provider by then). Confirmed,
// still waiting for the payment, not booked, or cancelled and refunded; a
// confirmed one can be cancelled until its cut-off.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {button, errorsOf, onSubmit} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {drawnWhile} from "../read-again.js";
import {keptWhy} from "../reasons.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";

function row(key, value) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, value));
}

function details(booking) {
  return h("dl", {class: "summary-list", id: "booking"},
    row(t("bulky.reference"), booking.id),
    row(t("bulky.collection"), formatDay(booking.date)),
    row(t("bulky.address"), booking.address),
    booking.location ? row(t("bulky.location"), booking.location) : null,
    // Priced by a band: the items by name and the band's price, so the lines add up to the amount.
    row(t("bulky.items_heading"), h("ul", {class: "list"}, booking.items.map(i => h("li", {},
      booking.band ? i.name : `${i.name}: ${pounds(i.price)}`)))),
    booking.band ? row(t("bulky.price_band"), t("bulky.band", {from: booking.band.from, to: booking.band.up_to,
      price: pounds(booking.band.price)})) : null,
    booking.minimum_charge_top_up ? row(t("bulky.top_up"), pounds(booking.minimum_charge_top_up)) : null,
    row(t("bulky.amount"), booking.amount_text));
}

// From the collection day: what the crew did.
function collectionText(booking) {
  const c = booking.collection;
  if (c.status === "collected") {
    return t("bulky.collected_body", {when: c.at ? formatDate(c.at, true) : formatDay(booking.date)});
  }
  if (c.status === "not_collected") return t("bulky.not_collected_body", {reason: c.reason || ""});
  return t("bulky.scheduled_body");
}

function heading(booking) {
  const done = (booking.collection || {}).status;
  if (booking.status === "confirmed" && done === "collected") return t("bulky.collected");
  if (booking.status === "confirmed" && done === "not_collected") return t("bulky.not_collected");
  if (booking.status === "confirmed") return t("bulky.confirmed");
  if (booking.status === "held") return t("bulky.held");
  if (booking.status === "cancelled") return t("bulky.cancelled");
  return t("bulky.released");
}

function body(view, booking) {
  const out = [h("h1", {class: "heading-l"}, heading(booking))];
  if (booking.status === "confirmed" && booking.collection) {
    out.push(h("div", {class: "panel", id: "collection"}, collectionText(booking)), details(booking));
    const missed = booking.missed || {};
    if (missed.remedy === "rebook" && !missed.rebooked_at) {  // the council's free rebooking of a collection not made
      out.push(h("p", {class: "body"}, h("a", {id: "rebook-link",
        href: `/bulky/bookings/${encodeURIComponent(booking.id)}/change`}, t("bulky.rebook_link"))));
    }
  } else if (booking.status === "confirmed") {
    out.push(h("div", {class: "panel", id: "confirmed"}, t("bulky.confirmed_body", {date: formatDay(booking.date)})),
      details(booking));
    const changeAt = `/bulky/bookings/${encodeURIComponent(booking.id)}/change`;
    const pending = booking.pending_change;
    if (pending) {  // a dearer change waiting for its difference: its pay step is on the change screen
      out.push(h("div", {class: "panel", id: "change-waiting"},
        t("bulky.change_waiting", {amount: pending.difference_text}), " ",
        h("a", {href: changeAt}, t("bulky.change_pay", {amount: pending.difference_text}))));
    }
    if (new Date() < new Date(booking.cancel_before)) {
      if (!pending) {
        out.push(h("p", {class: "body"}, h("a", {id: "change-link", href: changeAt}, t("bulky.change_link"))));
      }
      const form = h("form", {novalidate: true},
        h("p", {class: "body"}, t("bulky.cancel_until", {when: formatDate(booking.cancel_before, true)})),
        button(t("bulky.cancel"), {warning: true}));
      onSubmit(form, view, async () => {
        const after = await api(`/v1/waste/bulky/bookings/${encodeURIComponent(booking.id)}/cancel`,
          {method: "POST", body: {}});
        redraw(view, ...body(view, after));
      });
      out.push(form);
    }
  } else if (booking.status === "held") {
    out.push(h("p", {class: "body"}, t("bulky.held_body")), details(booking));
    if (booking.payment && booking.payment.next_url) {
      out.push(h("p", {class: "body"}, h("a", {class: "button", href: booking.payment.next_url}, t("bulky.pay_now"))));
    }
    out.push(h("p", {class: "body"}, h("a", {href: location.pathname}, t("bulky.check_again"))));
  } else if (booking.status === "cancelled") {
    // A cancellation's answer says the refund is due (it follows from the cancellation's event); done on a later read.
    const refund = booking.refund || {};
    const said = refund.status === "done" ? t("bulky.refunded", {amount: pounds(refund.amount)})
      : refund.amount ? t("bulky.refunding", {amount: pounds(refund.amount)}) : t("bulky.refund_due");
    out.push(h("p", {class: "body", id: "refund"}, said), details(booking));
  } else {
    out.push(h("p", {class: "body"}, t("bulky.released_body")),
      h("p", {class: "body"}, h("a", {href: `/bulky?uprn=${encodeURIComponent(booking.uprn)}`}, t("bulky.again"))));
  }
  return out;
}

export async function render(view, {url}) {
  const id = decodeURIComponent(url.pathname.split("/").pop());
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  const read = () => api(`/v1/waste/bulky/bookings/${encodeURIComponent(id)}`, {headers: keptWhy(id)});
  try {
    // Held while the payment is being settled: read again, so the booking confirmed shows here, as the page
    // says it will.
    drawnWhile(view, await read(), read, booking => body(view, booking), booking => booking.status === "held");
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("bulky.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
