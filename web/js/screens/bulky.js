// Book a bulky waste collection for my property: how many of each item (each
// with its price), the day (the property's round days with places left),
// where the items will be; the total says what it buys. Paying needs signal:
// the card page is the payment provider's, and the screen says so.
import {api} from "../api.js";
import {append, fieldId, h} from "../dom.js";
import {countStart, youSaidWeDid} from "../feedback.js";
import {button, choices, errorsOf, input, Invalid, onSubmit, privacyLink, select} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";

export function pounds(pence) {
  return `£${Math.floor(pence / 100).toLocaleString("en-GB")}.${String(pence % 100).padStart(2, "0")}`;
}

export function chosen(form, catalogue) {
  const items = [];
  for (const item of catalogue.items) {
    const box = form.elements[`item-${item.id}`];  // items first, then how many (itemsPicker); else a number box
    const count = box && !box.checked ? 0 : Number.parseInt(form.elements[`count-${item.id}`].value || "0", 10);
    for (let i = 0; i < (Number.isFinite(count) && count > 0 ? count : 0); i++) items.push(item);
  }
  return items;
}

const banded = catalogue => catalogue.pricing === "banded";

// What the items cost, as the API prices them (waste/bookings.amount_of).
export function total(items, catalogue) {
  if (!items.length) return 0;
  if (banded(catalogue)) return (catalogue.bands.find(b => b.up_to >= items.length) || {price: 0}).price;
  const sum = items.reduce((all, item) => all + item.price, 0);
  return Math.max(sum, catalogue.minimum_charge);
}

// What a resident chooses first: a checkbox per item with its price; ticking one
// shows "How many?" for it. Ten number boxes showing 0 asked the second question first.
// `legend`: the question in the asker's words (staff's desk asks for a caller).
export function itemsPicker(catalogue, already = {}, legend = null) {
  const max = catalogue.max_items;
  const counts = Array.from({length: max}, (_, n) => ({value: String(n + 1), label: String(n + 1)}));
  // A form group answering to "items": an error about them links to the first box and shows at the legend.
  return h("div", {class: "form-group", dataset: {field: "items"}}, h("fieldset", {class: "fieldset", id: "items"},
    h("legend", {class: "legend"}, legend || t("bulky.items", {max})),
    h("div", {class: "checkboxes"}, catalogue.items.map((item, i) => {
      const id = i === 0 ? fieldId("items") : fieldId(`item-${item.id}`);
      const hint = banded(catalogue) ? null
        : h("div", {class: "hint checkboxes__hint", id: `${id}-hint`}, t("bulky.each", {price: pounds(item.price)}));
      const many = select({field: `count-${item.id}`, label: t("bulky.how_many", {item: item.name}), options: counts,
        value: String(already[item.id] || 1)});
      many.classList.add("checkboxes__conditional");
      many.hidden = !already[item.id];
      const box = h("input", {class: "checkboxes__input", id, name: `item-${item.id}`, type: "checkbox", value: "yes",
        checked: Boolean(already[item.id]),
        "aria-describedby": hint?.id, onchange: () => { many.hidden = !box.checked; }});
      return h("div", {class: "checkboxes__item"}, box, h("label", {class: "label checkboxes__label", for: id}, item.name),
        hint, many);
    }))));
}

/** What is wrong with the items chosen, in words: none, or more than a collection takes. */
export function itemsProblem(items, catalogue) {
  if (!items.length) return {field: "items", message: t("bulky.items_none")};
  if (items.length > catalogue.max_items) return {field: "items", message: t("bulky.items_required", {max: catalogue.max_items})};
  return null;
}

// The price as lines that add up: each item and how many, the minimum charge's top-up, the total.
export function priceLines(items, catalogue) {
  const amount = total(items, catalogue);
  const lines = [];
  if (!banded(catalogue)) {
    for (const item of catalogue.items) {
      const n = items.filter(i => i.id === item.id).length;
      if (n) lines.push(t("bulky.line", {item: item.name, count: n, price: pounds(n * item.price)}));
    }
    const sum = items.reduce((all, item) => all + item.price, 0);
    if (amount > sum) lines.push(t("bulky.top_up_line", {price: pounds(amount - sum), minimum: pounds(catalogue.minimum_charge)}));
  }
  return [...lines, t("bulky.total", {total: pounds(amount), count: items.length})];
}

// Banded prices in words: "1 to 3 items: £30.00; 4 to 6 items: £50.00".
function bandsText(catalogue) {
  let from = 1;
  return catalogue.bands.map(b => {
    const text = t("bulky.band", {from, to: b.up_to, price: pounds(b.price)});
    from = b.up_to + 1;
    return text;
  }).join("; ");
}

export async function render(view, {params}) {
  const uprn = params.get("uprn") || "";
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(`/bulky?uprn=${uprn}`)}`, {replace: true});
  countStart("bulky");
  append(view, h("h1", {class: "heading-l"}, t("bulky.title")));
  let catalogue, dates;
  try {
    [catalogue, dates] = await Promise.all([api("/v1/waste/bulky/items"),
      api(`/v1/places/${encodeURIComponent(uprn)}/bulky/dates`)]);
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/property"}, t("property.search_again"))));
    return;
  }
  const open = dates.dates.filter(d => d.places_left > 0);
  append(view, h("p", {class: "body", id: "bulky-prices"}, banded(catalogue)
    ? t("bulky.lead_banded", {max: catalogue.max_items, bands: bandsText(catalogue)})
    : t("bulky.lead", {max: catalogue.max_items, minimum: pounds(catalogue.minimum_charge)})));
  if (!open.length) {
    append(view, h("p", {class: "body", id: "no-dates"}, t("bulky.no_dates")));
    return;
  }
  const summary = h("div", {class: "body", id: "bulky-total", "aria-live": "polite"});
  const form = h("form", {novalidate: true},
    h("p", {class: "inset", id: "bulky-address"}, t("bulky.for_address", {address: dates.address || uprn})),
    itemsPicker(catalogue),
    choices({field: "date", legend: t("bulky.date"), options: open.map(d => ({value: d.date,
      label: formatDay(d.date), hint: tCount("bulky.places_left", d.places_left)}))}),
    input({field: "location", label: t("bulky.location"), hint: t("bulky.location_hint"), maxlength: "200", optional: true}),
    summary, h("p", {class: "body"}, t("bulky.needs_signal")), privacyLink("bulky"), button(t("bulky.pay")));
  const update = () => {
    const items = chosen(form, catalogue);
    summary.replaceChildren(...(items.length ? priceLines(items, catalogue) : [t("bulky.total_none")])
      .map((line, i, all) => h("p", {class: i === all.length - 1 ? "body bold" : "body"}, line)));
  };
  form.addEventListener("input", update);
  update();
  const key = crypto.randomUUID();  // one booking however often Pay is pressed
  onSubmit(form, view, async () => {
    const items = chosen(form, catalogue);
    const problems = [itemsProblem(items, catalogue)].filter(Boolean);
    const date = form.elements.date.value;
    if (!date) problems.push({field: "date", message: t("bulky.date_required")});
    if (problems.length) throw new Invalid(problems);
    const booking = await api("/v1/waste/bulky/bookings", {method: "POST", headers: {"Idempotency-Key": key},
      body: {uprn, date, items: items.map(i => i.id), location: form.elements.location.value.trim()}});
    location.assign(booking.payment.next_url);  // the provider's card page
  });  // the API words each error from its field: no label before it
  append(view, form, youSaidWeDid("bulky"));
}

