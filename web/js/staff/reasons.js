// Why an officer opens a person's details: asked before they are read, sent with the reading (the
// Access-Reason header) and kept in the audit by the API. A reason given for a thing in this tab is used
// again for it (a page read again after a change, a caller's card payment coming back: ../reasons.js), each
// reading audited again.
import {h} from "../dom.js";
import {button, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {remember} from "../reasons.js";

export {reasonFor, remember, why} from "../reasons.js";

/**
 * The question before a person's details are read: `open(reason)` reads them (its errors are shown against
 * the box: the API names the header, the form its field) and the reason is kept for `id` once it worked.
 */
export function reasonForm({id, formId, lead, label, open}) {
  const form = h("form", {novalidate: true, id: formId, class: "inset reason-form"},
    lead ? h("p", {class: "body"}, lead) : null,
    textarea({field: "access_reason", label: t("staff.reason.label"), hint: t("staff.reason.hint"), rows: 2,
      maxlength: "300"}),
    button(label, {secondary: true}));
  onSubmit(form, form, async () => {
    const reason = form.elements.access_reason.value.trim();
    try {
      await open(reason);
    } catch (error) {
      if (error.fields) error.fields = error.fields.map(f => ({...f, field: f.field === "Access-Reason"
        ? "access_reason" : f.field}));
      throw error;
    }
    remember(id, reason);
  }, {access_reason: t("staff.reason.label")});
  return form;
}
