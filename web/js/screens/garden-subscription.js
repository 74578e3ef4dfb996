// One garden waste subscription: where the payment provider sends the resident
// back (the app has checked the payment with the provider by then).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {drawnWhile} from "../read-again.js";
import {signedIn} from "../session.js";

const HEADINGS = {active: "garden.active", pending: "garden.pending", failed: "garden.failed",
  cancelled: "garden.cancelled"};

export async function render(view, {url}) {
  const id = url.pathname.split("/").slice(-2).join(".");  // /garden/subscriptions/{uprn}/{start}
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  const read = () => api(`/v1/waste/garden/subscriptions/${encodeURIComponent(id)}`);
  let sub;
  try {
    sub = await read();
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("garden.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  // Pending while the payment is being settled: read again, so the subscription shows active with no reload.
  drawnWhile(view, sub, read, drawn, fresh => fresh.status === "pending");
}

/** The subscription, its way to pay while unpaid, and once paid the feedback question. */
function drawn(sub) {
  const rows = [[t("bulky.address"), sub.address], [t("garden.bins"), String(sub.bins)],
    [t("garden.period"), t("garden.period_value", {start: formatDate(sub.start), end: formatDate(sub.end)})],
    [t("bulky.amount"), sub.amount_text]];
  return [h("h1", {class: "heading-l"}, t(HEADINGS[sub.status] || "garden.title")),
    h("dl", {class: "summary-list", id: "subscription"}, ...rows.map(([key, value]) =>
      h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
        h("dd", {class: "summary-list__value"}, value)))),
    sub.status === "pending" && sub.payment && sub.payment.next_url
      ? h("p", {class: "body"}, h("a", {class: "button", href: sub.payment.next_url}, t("bulky.pay_now"))) : null,
    ...(sub.status === "failed" ? [h("p", {class: "body"}, t("bulky.released_body")),
      h("p", {class: "body"}, h("a", {href: `/garden?uprn=${encodeURIComponent(sub.uprn)}`}, t("bulky.again")))] : []),
    feedbackQuestion(sub.feedback)];  // paid: how did it go? (none asked before)
}
