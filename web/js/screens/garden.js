// Garden waste for my property: the subscription it has (until when, how many
// bins), or the year it could pay for now (a new one, or a renewal once the
// window opens), the number of bins with each one's yearly price and the
// total. Paying needs signal: the card page is the payment provider's.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, youSaidWeDid} from "../feedback.js";
import {button, choices, errorsOf, Invalid, onSubmit, privacyLink} from "../forms.js";
import {formatDate, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";

function yearly(prices, bins) {
  return prices.first_bin_price + prices.other_bin_price * (bins - 1);
}

export async function render(view, {params}) {
  const uprn = params.get("uprn") || "";
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(`/garden?uprn=${uprn}`)}`, {replace: true});
  countStart("garden");
  append(view, h("h1", {class: "heading-l"}, t("garden.title")));
  let place;
  try {
    place = await api(`/v1/places/${encodeURIComponent(uprn)}/garden`);
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/property"}, t("property.search_again"))));
    return;
  }
  const prices = place.prices;
  if (place.current) {
    append(view, h("p", {class: "body", id: "garden-current"}, tCount("garden.current", place.current.bins,
      {end: formatDate(place.current.end)})));
  }
  if (!place.offer) {
    append(view, h("p", {class: "body", id: "garden-renewal"}, t("garden.renew_from",
      {date: formatDate(place.renewal_opens)})));
    return;
  }
  append(view, h("p", {class: "body"}, t(place.offer.renewal ? "garden.renew_lead" : "garden.lead", {
    start: formatDate(place.offer.start), end: formatDate(place.offer.end),
    first: pounds(prices.first_bin_price), other: pounds(prices.other_bin_price)})));
  const counts = Array.from({length: prices.max_bins}, (_, i) => i + 1);
  const form = h("form", {novalidate: true},
    choices({field: "bins", legend: t("garden.bins"), options: counts.map(n => ({value: String(n),
      label: tCount("garden.bins_option", n, {total: pounds(yearly(prices, n))})}))}),
    h("p", {class: "body"}, t("bulky.needs_signal_short")), privacyLink("garden"), button(t("bulky.pay")));
  const key = crypto.randomUUID();
  onSubmit(form, view, async () => {
    const bins = Number.parseInt(form.elements.bins.value || "0", 10);
    if (!bins) throw new Invalid([{field: "bins", message: t("garden.bins_required")}]);
    const made = await api("/v1/waste/garden/subscriptions", {method: "POST", headers: {"Idempotency-Key": key},
      body: {uprn, bins}});
    location.assign(made.payment.next_url);
  });  // the API words each error from its field: no label before it
  append(view, form, youSaidWeDid("garden"));
}
