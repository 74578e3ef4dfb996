// "You said, we did" on a service's feedback desk: what its officers wrote that changed because
// of the comments, published on the service's page for residents (web/js/feedback.js shows it
// there). The officer's own words only: nothing of a resident's comment is published.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {changeItem} from "../feedback.js";
import {button, check, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";

/** What is published for `service` now, newest first ([] when nothing is, or no answer). */
export async function published(service) {
  try {
    return (await api(`/v1/feedback/${service}/changes`)).changes;
  } catch {
    return [];
  }
}

export function publishForm(view, service, changes) {
  const list = h("ul", {class: "list", id: "feedback-changes-list"}, changes.map(changeItem));
  const none = h("p", {class: "body", id: "feedback-changes-none", hidden: changes.length > 0},
    t("staff.feedback.changes_none"));
  const labels = {you_said: t("staff.feedback.you_said"), we_did: t("staff.feedback.we_did")};
  const form = h("form", {novalidate: true, id: "feedback-publish"},
    textarea({field: "you_said", label: labels.you_said, hint: t("staff.feedback.you_said_hint"), rows: 3,
      maxlength: 600}),
    textarea({field: "we_did", label: labels.we_did, hint: t("staff.feedback.we_did_hint"), rows: 4, maxlength: 1200}),
    button(t("staff.feedback.publish")));
  const said = h("p", {class: "visually-hidden", role: "status"});
  onSubmit(form, view, async () => {
    const body = {you_said: form.elements.you_said.value.trim(), we_did: form.elements.we_did.value.trim()};
    check(["you_said", t("staff.feedback.you_said_required"), body.you_said],
      ["we_did", t("staff.feedback.we_did_required"), body.we_did]);
    const made = await api(`/v1/staff/feedback/${service}/changes`, {method: "POST", body});
    // The same words again are the change published before: listed once.
    const shown = [...list.children].some(li => li.textContent.includes(made.we_did)
      && li.textContent.includes(made.you_said));
    if (!shown) list.prepend(changeItem(made));
    none.hidden = true;
    form.reset();
    said.textContent = t("staff.feedback.published_said");
  }, labels);
  return h("section", {id: "feedback-changes", "aria-labelledby": "feedback-changes-title"},
    h("h2", {class: "heading-m", id: "feedback-changes-title"}, t("staff.feedback.changes_title")),
    h("p", {class: "body"}, t("staff.feedback.changes_lead")), none, list,
    append(h("div", {}), form, said));
}
