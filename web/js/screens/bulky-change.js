// Change a confirmed bulky collection before its cut-off: another offered day
// and/or other items. The new total says what it buys and, where cheaper, what
// comes back to the card; where dearer, what more is to pay. A dearer change
// is held by the API while the difference is paid: the pay step sends the
// resident to the provider's page, and the booking page shows the outcome
// (the app asks the provider, never trusting the return alone).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, input, Invalid, onSubmit} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {signedIn} from "../session.js";
import {chosen, itemsPicker, itemsProblem, pounds, total} from "./bulky.js";

// The pay step of a change that costs more (shown after sending it, or on
// coming back to this screen while it waits).
export function payStep(booking, back) {
  const pending = booking.pending_change;
  const payment = pending.payment || {};
  return [h("h2", {class: "heading-m", id: "change-costs-more"},
    t("bulky.change_costs_more", {amount: pending.difference_text})),
  h("p", {class: "body"}, t("bulky.change_pay_body", {when: formatDate(pending.hold_until, true)})),
  h("p", {class: "body"}, t("bulky.change_pay_signal")),
  payment.next_url
    ? h("p", {class: "body"}, h("a", {class: "button", id: "pay-difference", href: payment.next_url},
      t("bulky.change_pay", {amount: pending.difference_text})))
    : h("p", {class: "body"}, t("bulky.change_paying")),
  h("p", {class: "body"}, h("a", {href: back}, t("bulky.change_back")))];
}

export async function render(view, {url}) {
  const id = decodeURIComponent(url.pathname.split("/").slice(-2)[0]);
  const back = `/bulky/bookings/${encodeURIComponent(id)}`;
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  append(view, h("h1", {class: "heading-l"}, t("bulky.change_title")));
  let booking, catalogue, dates;
  try {
    booking = await api(`/v1/waste/bulky/bookings/${encodeURIComponent(id)}`);
    [catalogue, dates] = await Promise.all([api("/v1/waste/bulky/items"),
      api(`/v1/places/${encodeURIComponent(booking.uprn)}/bulky/dates`)]);
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  if (booking.status === "confirmed" && booking.pending_change) {
    append(view, ...payStep(booking, back));
    return;
  }
  const missed = booking.missed || {};
  const rebooking = missed.remedy === "rebook" && !missed.rebooked_at;  // free, past the old day's cut-off
  if (booking.status !== "confirmed" || (new Date() >= new Date(booking.cancel_before) && !rebooking)) {
    append(view, h("p", {class: "body", id: "cannot-change"}, t("bulky.change_closed")),
      h("p", {class: "body"}, h("a", {href: back}, t("bulky.change_back"))));
    return;
  }
  const counts = {};
  for (const item of booking.items) counts[item.id] = (counts[item.id] || 0) + 1;
  const offered = dates.dates.filter(d => d.places_left > 0 || d.date === booking.date);
  if (!offered.some(d => d.date === booking.date)) offered.unshift({date: booking.date, places_left: 0});
  const summary = h("p", {class: "body bold", id: "change-total", "aria-live": "polite"});
  const form = h("form", {novalidate: true},
    h("p", {class: "body"}, t("bulky.change_paid", {amount: pounds(booking.amount)})),
    itemsPicker(catalogue, counts),
    choices({field: "date", legend: t("bulky.date"), value: booking.date, options: offered.map(d => ({
      value: d.date, label: formatDay(d.date), hint: d.date === booking.date ? t("bulky.change_current")
        : tCount("bulky.places_left", d.places_left)}))}),
    input({field: "location", label: t("bulky.location"), value: booking.location || "", maxlength: "200", optional: true}),
    summary, h("p", {class: "body"}, t("bulky.change_signal")), button(t("bulky.change_submit")));
  const update = () => {
    const items = chosen(form, catalogue);
    if (!items.length) {
      summary.textContent = t("bulky.total_none");
      return;
    }
    const amount = total(items, catalogue);
    const difference = amount - booking.amount;
    const text = t("bulky.change_total", {total: pounds(amount), count: items.length});
    summary.textContent = difference < 0 ? `${text} ${t("bulky.change_refund", {amount: pounds(-difference)})}`
      : difference > 0 ? `${text} ${t("bulky.change_more", {amount: pounds(difference)})}` : text;
  };
  form.addEventListener("input", update);
  update();
  const key = crypto.randomUUID();  // one change however often it is pressed or retried
  onSubmit(form, view, async () => {
    const items = chosen(form, catalogue);
    const problem = itemsProblem(items, catalogue);
    if (problem) throw new Invalid([problem]);
    const body = {date: form.elements.date.value || booking.date, location: form.elements.location.value.trim()};
    const before = booking.items.map(i => i.id).sort().join(" ");
    if (items.map(i => i.id).sort().join(" ") !== before) body.items = items.map(i => i.id);
    const after = await api(`/v1/waste/bulky/bookings/${encodeURIComponent(id)}/change`,
      {method: "POST", headers: {"Idempotency-Key": key}, body});
    if (after.pending_change) {
      redraw(view, h("h1", {class: "heading-l"}, t("bulky.change_title")), ...payStep(after, back));
      return;
    }
    navigate(back);
  });  // the API words each error from its field: no label before it
  append(view, form, h("p", {class: "body"}, h("a", {href: back}, t("bulky.change_back"))));
}
