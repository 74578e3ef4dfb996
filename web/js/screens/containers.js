// Order a bin or box for my property (/containers?uprn=): the containers its
// rounds take, why, the price; a paid one goes to the provider's card page.
// A request's own page (/containers/{id}): where the provider sends the resident
// back, and where it is cancelled until the crew has delivered it.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, feedbackQuestion, youSaidWeDid} from "../feedback.js";
import {button, choices, errorsOf, input, onSubmit, privacyLink} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {drawnWhile} from "../read-again.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";

const row = (key, value) => h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
  h("dd", {class: "summary-list__value"}, value));

// A cancellation's answer says the refund is due (it follows from the cancellation's event); done on a later read.
function refundText(r) {
  const refund = r.refund;
  if (!refund) return t(r.amount && r.payment?.status === "success" ? "bulky.refund_due" : "containers.nothing_paid");
  return t(refund.status === "done" ? "bulky.refunded" : "bulky.refunding", {amount: pounds(refund.made ?? refund.amount)});
}

function request(view, r) {
  const out = [h("h1", {class: "heading-l"}, t(`containers.${r.status}`)),
    r.delivery_date && r.status === "confirmed" ? h("div", {class: "panel", id: "delivery"},
      t("containers.delivery", {day: formatDay(r.delivery_date)})) : null,
    r.status === "cancelled" ? h("p", {class: "body", id: "refund"}, refundText(r)) : null,
    h("dl", {class: "summary-list", id: "request"}, row(t("containers.reference"), r.id),
      row(t("containers.container"), r.name), row(t("bulky.address"), r.address),
      row(t("bulky.amount"), r.amount_text))];
  if (r.status === "held" && r.payment?.next_url) {
    out.push(h("p", {class: "body"}, h("a", {class: "button", href: r.payment.next_url}, t("bulky.pay_now"))));
  }
  if (r.cancellable) {
    const form = h("form", {novalidate: true, id: "cancel-request"},
      h("p", {class: "body"}, t(r.amount ? "containers.cancel_until_paid" : "containers.cancel_until")),
      button(t("containers.cancel"), {warning: true}));
    onSubmit(form, view, async () => {
      const after = await api(`/v1/waste/containers/requests/${encodeURIComponent(r.id)}/cancel`,
        {method: "POST", body: {}});
      redraw(view, ...request(view, after));
    });
    out.push(form);
  }
  out.push(feedbackQuestion(r.feedback));  // confirmed: how did it go? (none asked while held)
  return out;
}

export async function render(view, {params, url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, {replace: true});
  const id = url.pathname.split("/")[2];
  try {
    if (id) {  // held while its payment is being settled: read again, so the request confirmed shows here
      const read = () => api(`/v1/waste/containers/requests/${encodeURIComponent(id)}`);
      return drawnWhile(view, await read(), read, r => request(view, r), r => r.status === "held");
    }
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("containers.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const uprn = params.get("uprn") || "";
  countStart("containers");  // an order begun, not a request's own page
  append(view, h("h1", {class: "heading-l"}, t("containers.title")));
  let offer;
  try {
    offer = await api(`/v1/places/${encodeURIComponent(uprn)}/containers`);
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const price = (c, reason) => (c.prices[reason] ? pounds(c.prices[reason]) : t("containers.free"));
  const form = h("form", {novalidate: true},
    h("p", {class: "inset"}, t("bulky.for_address", {address: offer.address})),
    choices({field: "container", legend: t("containers.which"), options: offer.containers.map(c => ({value: c.id,
      label: c.name, hint: c.open_request ? t("containers.open", {reference: c.open_request})
        : c.request_open ? t("containers.open_here") : c.in_stock ? t("containers.price", {price: price(c, "damaged")}) : t("containers.none_left")}))}),
    choices({field: "reason", legend: t("containers.why"), options: offer.reasons.map(r => ({value: r.id,
      label: r.name, hint: r.charged ? null : t("containers.free")}))}),
    input({field: "notes", label: t("containers.where"), optional: true, maxlength: "300"}),
    h("p", {class: "body"}, t("bulky.needs_signal")), privacyLink("containers"), button(t("containers.order")));
  const key = crypto.randomUUID();
  onSubmit(form, view, async () => {
    const made = await api("/v1/waste/containers/requests", {method: "POST", headers: {"Idempotency-Key": key},
      body: {uprn, container: form.elements.container.value, reason: form.elements.reason.value,
        notes: form.elements.notes.value.trim()}});
    if (made.payment?.next_url) location.assign(made.payment.next_url);
    else navigate(`/containers/${made.id}`);
  });
  append(view, form, youSaidWeDid("containers"));
}
