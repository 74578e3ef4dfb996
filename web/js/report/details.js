// Step 4: the category's notice and questions, photos and a description
// (for a complaint: what happened).
import {append, h} from "../dom.js";
import {button, Invalid, onSubmit, showErrors, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {photoPicker} from "./photo-picker.js";
import {fieldInput, fieldValue, missing, wrong} from "./fields.js";
import {backLink, caption, currentService, draft, fieldLabels, isComplaint, nextStep, previousStep, takeErrors,
        update} from "./draft.js";

export async function render(view) {
  const service = await currentService();
  if (!service) return navigate("/report/category", {replace: true});
  const d = draft();
  const defs = service.fields || [];
  const photos = photoPicker();
  const said = isComplaint(service) ? "complaint.details" : "report.details";  // its words: a complaint's or a report's
  const form = h("form", {novalidate: true},
    defs.map(def => fieldInput(def, (d.fields || {})[def.code])),
    photos.element,
    textarea({field: "description", label: t(`${said}.description`), hint: t(`${said}.description_hint`),
      value: d.description || "", maxlength: 4000, rows: 5}),
    button(t("form.continue")));
  onSubmit(form, view, () => {
    const fields = {};
    for (const def of defs) {
      const value = fieldValue(form, def);
      if (value !== "" && !(Array.isArray(value) && !value.length)) fields[def.code] = value;
    }
    const description = form.elements.description.value.trim();
    const problems = [...missing(defs, fields), ...wrong(defs, form)]
      .sort((a, b) => defs.findIndex(d => a.field === `fields.${d.code}`) - defs.findIndex(d => b.field === `fields.${d.code}`));
    if (!description) problems.push({field: "description", message: t(`${said}.description_required`)});
    update({fields, description});
    if (problems.length) throw new Invalid(problems);
    return navigate(nextStep(service, "/report/details"));
  }, fieldLabels(service));

  append(view, backLink(previousStep(service, "/report/details")),
    caption(service),
    h("h1", {class: "heading-l"}, isComplaint(service) ? t("complaint.details.title")
      : t("report.details.title", {category: service.name.toLowerCase()})),
    service.notice ? h("div", {class: "warning-text"}, h("span", {class: "warning-text__icon", "aria-hidden": "true"}, "!"),
      h("strong", {class: "warning-text__text"}, h("span", {class: "visually-hidden"}, t("report.details.notice")),
        service.notice)) : null,
    form);
  const errors = takeErrors("/report/details");
  if (errors.length) showErrors(view, errors, fieldLabels(service));
}
