// Taking a bulky collection for a caller: their property found by postcode,
// the items (ticked, then how many, as residents choose them), an offered day, where the items are left; paid by card (the
// officer keys the caller's card in on the provider's page, card-not-present)
// or waived with a reason (confirmed at once, kept with who waived it).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, input, Invalid, onSubmit, select, textarea} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";
import {redraw} from "../navigation.js";
import {remember} from "../reasons.js";
import {chosen, itemsPicker, pounds, total} from "../screens/bulky.js";

const LABELS = () => ({postcode: t("staff.bulky.postcode"), uprn: t("staff.bulky.address"), date: t("staff.bulky.date"),
  location: t("staff.bulky.location"), caller_email: t("staff.bulky.email"), payment: t("staff.bulky.payment"),
  reason: t("staff.bulky.reason")});

function done(view, booking) {
  redraw(view, view.querySelector(".desk-menu"),
    h("div", {class: "panel", id: "taken"}, h("h1", {class: "panel__title"}, t("staff.bulky.done_title")),
      h("div", {class: "panel__body"}, t("staff.bulky.done_reference"), h("br"), h("strong", {id: "reference"}, booking.id))),
    h("p", {class: "body", id: "taken-summary"}, t("staff.bulky.done_body", {date: formatDay(booking.date),
      address: booking.address, reason: (booking.taken_by || {}).reason || ""})),
    h("p", {class: "body"}, h("a", {href: "/staff/bulky"}, t("staff.bulky.another"))));
}

async function bookingForm(view, uprn, address) {
  const [catalogue, dates] = await Promise.all([api("/v1/waste/bulky/items"),
    api(`/v1/places/${encodeURIComponent(uprn)}/bulky/dates`)]);
  const open = dates.dates.filter(d => d.places_left > 0);
  const heading = h("h2", {class: "heading-m", id: "bulky-address"}, address);
  if (!open.length) return [heading, h("p", {class: "body", id: "no-dates"}, t("staff.bulky.no_dates"))];
  const summary = h("p", {class: "body bold", id: "bulky-total", "aria-live": "polite"});
  const form = h("form", {novalidate: true, id: "bulky-take"},
    itemsPicker(catalogue, {}, t("staff.bulky.items", {max: catalogue.max_items})),  // as residents choose them
    choices({field: "date", legend: t("staff.bulky.date"), options: open.map(d => ({value: d.date,
      label: formatDay(d.date), hint: tCount("staff.bulky.places_left", d.places_left)}))}),
    input({field: "location", label: t("staff.bulky.location"), maxlength: "200", autocomplete: "off"}),
    input({field: "caller_email", label: t("staff.bulky.email"), hint: t("staff.bulky.email_hint"), type: "email",
      optional: true, spellcheck: "false", autocomplete: "off"}),
    summary,
    choices({field: "payment", legend: t("staff.bulky.payment"), value: "card", options: [
      {value: "card", label: t("staff.bulky.card"), hint: t("staff.bulky.card_hint")},
      {value: "waived", label: t("staff.bulky.waived"), hint: t("staff.bulky.waived_hint")}]}),
    textarea({field: "reason", label: t("staff.bulky.reason"), hint: t("staff.bulky.reason_hint"), rows: 2,
      optional: true, maxlength: "200"}),
    button(t("staff.bulky.submit")));
  const update = () => {
    const items = chosen(form, catalogue);
    summary.textContent = items.length ? t("staff.bulky.total", {total: pounds(total(items, catalogue)),
      count: items.length}) : t("staff.bulky.total_none");
  };
  form.addEventListener("input", update);
  update();
  const key = crypto.randomUUID();  // the same request sent again (no answer came) makes one booking
  onSubmit(form, view, async () => {
    const items = chosen(form, catalogue);
    const payment = form.elements.payment.value;
    const reason = form.elements.reason.value.trim();
    const problems = [];
    if (!items.length || items.length > catalogue.max_items) {
      problems.push({field: "items", message: t("staff.bulky.items_required",
        {max: catalogue.max_items})});
    }
    if (!form.elements.date.value) problems.push({field: "date", message: t("staff.bulky.date_required")});
    if (payment === "waived" && !reason) problems.push({field: "reason", message: t("staff.bulky.reason_required")});
    if (problems.length) throw new Invalid(problems);
    const body = {uprn, date: form.elements.date.value, items: items.map(i => i.id), payment,
      location: form.elements.location.value.trim()};
    if (payment === "waived") body.reason = reason;
    if (form.elements.caller_email.value.trim()) body.caller_email = form.elements.caller_email.value.trim();
    const booking = await api("/v1/staff/waste/bulky/bookings", {method: "POST",
      headers: {"Idempotency-Key": key}, body});
    remember(booking.id, t("staff.reason.taken_for_caller"));  // the booking's page it comes back to reads it for that
    if (payment === "card") return location.assign(booking.payment.next_url);  // key the caller's card in
    return done(view, booking);
  }, LABELS());
  return [heading, form];
}

// A caller's property by postcode, then the address from the list: `then(uprn, address)` gives what
// follows in `result` (the container desk finds its caller the same way).
export function addressFinder(view, result, then, prefix = "bulky") {
  const find = h("form", {novalidate: true, id: `${prefix}-find`},
    input({field: "postcode", label: t("staff.bulky.postcode"), class: "input input--width-10", autocomplete: "off"}),
    button(t("staff.bulky.find"), {secondary: true}));
  onSubmit(find, view, async () => {
    const postcode = find.elements.postcode.value.trim();
    if (!postcode) throw new Invalid([{field: "postcode", message: t("staff.bulky.postcode_required")}]);
    const found = await api(`/v1/places?postcode=${encodeURIComponent(postcode)}`);
    const pick = h("form", {novalidate: true, id: `${prefix}-pick`},
      select({field: "uprn", label: t("staff.bulky.address"), options: [{value: "", label:
        tCount("staff.bulky.addresses_found", found.addresses.length)},
      ...found.addresses.map(a => ({value: a.uprn, label: a.address}))]}),
      button(t("staff.bulky.choose"), {secondary: true}));
    onSubmit(pick, view, async () => {
      const uprn = pick.elements.uprn.value;
      if (!uprn) throw new Invalid([{field: "uprn", message: t("staff.bulky.address_required")}]);
      const chosenAddress = found.addresses.find(a => a.uprn === uprn).address;
      try {
        result.replaceChildren(...await then(uprn, chosenAddress));
      } catch (error) {
        result.replaceChildren(h("p", {class: "body"}, errorsOf(error)[0].message));
      }
    }, LABELS());
    result.replaceChildren(pick);
    pick.elements.uprn.focus();
  }, LABELS());
  return find;
}

export async function render(view) {
  const result = h("div", {id: "bulky-result"});
  const find = addressFinder(view, result, (uprn, address) => bookingForm(view, uprn, address));
  append(view, h("h1", {class: "heading-l"}, t("staff.bulky.title")), h("p", {class: "body"}, t("staff.bulky.lead")),
    find, result);
}
