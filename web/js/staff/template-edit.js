// Adding or changing a response template (administrators). A change names
// the version it was made to, so two administrators cannot overwrite each
// other unseen.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, input, onSubmit, select, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {options, stateLabel, STATES, staffServices} from "./common.js";
import {isAdmin} from "./templates.js";

function checkbox(field, label, checked) {
  return h("div", {class: "form-group", dataset: {field}}, h("div", {class: "checkboxes__item"},
    h("input", {class: "checkboxes__input", type: "checkbox", id: `f-${field}`, name: field, checked}),
    h("label", {class: "label checkboxes__label", for: `f-${field}`}, label)));
}

export async function render(view, {params}) {
  const id = params.get("id");
  const back = h("a", {class: "back-link", href: "/staff/templates"}, t("nav.back"));
  if (!isAdmin()) {
    append(view, back, h("h1", {class: "heading-l"}, t("staff.templates.admins_title")),
      h("p", {class: "body"}, t("staff.templates.admins_only")));
    return;
  }
  let list;
  let services;
  try {
    [list, services] = await Promise.all([api("/v1/staff/templates"), staffServices()]);
  } catch (error) {
    append(view, back, h("h1", {class: "heading-l"}, t("staff.templates.title")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  const template = id ? list.templates.find(x => x.id === id) : null;
  const placeholders = Object.keys(list.placeholders).map(p => `{${p}}`).join(" ");
  const form = h("form", {id: "template-form", novalidate: true},
    input({field: "title", label: t("staff.templates.col_title"), value: template?.title || ""}),
    textarea({field: "text", label: t("staff.templates.col_text"), value: template?.text || "", rows: 5,
      hint: t("staff.templates.text_hint", {placeholders})}),
    select({field: "state", label: t("staff.templates.col_state"), value: template?.state || "",
      options: options(STATES.map(s => ({value: s, label: stateLabel(s)})), t("staff.none"))}),
    checkbox("auto", t("staff.templates.auto_label"), Boolean(template?.auto)),
    checkbox("active", t("staff.templates.active_label"), template ? template.active !== false : true),
    choices({field: "service_codes", legend: t("staff.templates.col_categories"), multiple: true, small: true, optional: true,
      hint: t("staff.templates.categories_hint"), value: template?.service_codes || [],
      options: services.map(s => ({value: s.service_code, label: s.name}))}),
    button(t("staff.templates.save")));
  onSubmit(form, view, async () => {
    const body = {title: form.elements.title.value.trim(), text: form.elements.text.value.trim(),
      state: form.elements.state.value || null, auto: form.elements.auto.checked, active: form.elements.active.checked,
      service_codes: [...form.querySelectorAll("input[name=service_codes]:checked")].map(i => i.value)};
    if (template) {
      await api(`/v1/staff/templates/${encodeURIComponent(template.id)}`,
        {method: "PATCH", body, headers: {"If-Match": `"${template.version}"`}});
    } else {
      await api("/v1/staff/templates", {method: "POST", body});
    }
    navigate("/staff/templates");
  }, {title: t("staff.templates.col_title"), text: t("staff.templates.col_text"), state: t("staff.templates.col_state"),
      service_codes: t("staff.templates.col_categories")});
  const remove = template ? h("form", {id: "template-delete", novalidate: true},
    button(t("staff.templates.delete"), {warning: true})) : null;
  if (remove) onSubmit(remove, view, async () => {
    await api(`/v1/staff/templates/${encodeURIComponent(template.id)}`,
      {method: "DELETE", headers: {"If-Match": `"${template.version}"`}});
    navigate("/staff/templates");
  });
  append(view, back, h("h1", {class: "heading-l"}, t(template ? "staff.templates.edit_title" : "staff.templates.new_title")),
    form, remove);
}
