// A form's case, from the link in an e-mail about it (/form-case#<token>: the
// token stays in the fragment, out of server logs): the form, its reference,
// where it is and the council's latest words. No account: the link is the
// right, and it shows what the e-mail said, never the answers sent.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";

export async function render(view) {
  const token = decodeURIComponent(location.hash.slice(1));
  let found;
  try {
    found = await api(`/v1/form-cases/${encodeURIComponent(token)}`, {auth: false});
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("form_case.failed")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  append(view, h("span", {class: "caption"}, found.form), h("h1", {class: "heading-l"}, found.reference),
    h("dl", {class: "summary", id: "form-case"},
      h("dt", {}, t("form_case.status")), h("dd", {id: "form-case-status"}, found.status),
      h("dt", {}, t("form_case.sent")), h("dd", {}, formatDate(found.sent_at)),
      h("dt", {}, t("form_case.changed")), h("dd", {}, formatDate(found.updated_at))),
    found.update ? [h("h2", {class: "heading-m"}, t("form_case.latest")),
      h("p", {class: "body", id: "form-case-update"}, found.update)] : null,
    h("p", {class: "hint"}, t(found.closed ? "form_case.closed_note" : "form_case.open_note")));
}
