// A form's fee: paid on the provider's card page, then the paid page asks the API how it stands (the
// address the provider sends the resident back to proves nothing) until the form is sent or back to pay again.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {keep, kept, sendPages, tokenHeader} from "./local.js";

const money = pence => new Intl.NumberFormat("en-GB", {style: "currency", currency: "GBP"}).format(pence / 100);
const path = id => `/v1/form-submissions/${encodeURIComponent(id)}`;

export function feeNote(check) {
  return [h("h2", {class: "heading-m"}, t("forms.fee.title")),
    h("p", {class: "body", id: "form-fee"}, t("forms.fee.amount", {amount: money(check.fee.amount_pence),
      description: check.fee.description})),
    ["failed", "cancelled", "error"].includes(check.payment_status)
      ? h("p", {class: "error-message", id: "form-fee-not-taken"}, t("forms.fee.not_taken")) : null,
    h("p", {class: "body"}, t("forms.fee.lead"))];
}

export async function pay(submissionId, declaration) {
  await sendPages(submissionId);
  const made = await api(`${path(submissionId)}/pay`, {method: "POST", body: {declaration},
    headers: tokenHeader(submissionId)});
  if (made.payment?.next_url) location.assign(made.payment.next_url);
  else await navigate(`${location.pathname}?step=paid`, {replace: true});
}

export async function paid(view, formId, submissionId) {
  const check = `/forms/${encodeURIComponent(formId)}/${encodeURIComponent(submissionId)}?step=check`;
  append(view, h("div", {class: "panel", id: "form-paying"}, h("h1", {class: "panel__title"}, t("forms.fee.checking"))),
    h("p", {class: "body"}, t("forms.fee.checking_body")));
  for (let tries = 0; tries === 0 || view.isConnected; tries++) {  // drawn off-page first: asked at once
    const shown = await api(path(submissionId), {headers: tokenHeader(submissionId)}).catch(() => null);
    if (shown?.state === "submitted") {
      keep(submissionId, {reference: shown.reference, what_happens_next: shown.what_happens_next, feedback: shown.feedback,
        copy: Boolean(kept(submissionId)?.definition?.copy_of_answers), paid_text: money(shown.paid.amount),
        answers: {}, unsent: [], definition: null, token: null});
      return navigate(`${location.pathname}?step=sent`, {replace: true});
    }
    if (shown?.state === "in_progress") {
      return view.replaceChildren(h("h1", {class: "heading-l"}, t("forms.fee.not_taken_title")),
        h("p", {class: "body", id: "form-fee-not-taken"}, t("forms.fee.not_taken")),
        h("p", {class: "body"}, h("a", {href: check}, t("forms.fee.back_to_check"))));
    }
    if (tries === 20) append(view, h("p", {class: "body"}, t("forms.fee.slow")));
    await new Promise(done => setTimeout(done, tries < 10 ? 1500 : 5000));
  }
}
