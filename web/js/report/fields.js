// A category's extra questions, one input per API field type: text,
// number, date, single_choice, multi_choice. Values are read back in the
// shape the API wants; the API's own checks stay the final word.
import {choices, dateInput, dateValue, input} from "../forms.js";
import {t} from "../i18n.js";

export function fieldInput(def, value) {
  const common = {field: `fields.${def.code}`, optional: !def.required};
  switch (def.type) {
    case "single_choice":
      return choices({...common, legend: def.label, value, small: def.options.length > 3,
        options: def.options.map(o => ({value: o.key, label: o.label}))});
    case "multi_choice":
      return choices({...common, legend: def.label, value, multiple: true, hint: t("form.select_all"),
        options: def.options.map(o => ({value: o.key, label: o.label}))});
    case "date":
      return dateInput({...common, legend: def.label, value});
    case "number":
      return input({...common, label: def.label, value: value ?? "", inputmode: "decimal", spellcheck: "false",
        class: "input input--width-5",
        hint: def.min !== undefined && def.max !== undefined ? t("form.number_range", {min: def.min, max: def.max}) : null});
    default:
      return input({...common, label: def.label, value: value ?? "", maxlength: def.max_length,
        class: def.max_length && def.max_length <= 20 ? "input input--width-10" : "input"});
  }
}

export function fieldValue(form, def) {
  const name = `fields.${def.code}`;
  if (def.type === "date") return dateValue(form, name);
  if (def.type === "multi_choice") return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);
  if (def.type === "single_choice") return form.querySelector(`input[name="${name}"]:checked`)?.value || "";
  const raw = (form.elements[name]?.value || "").trim();
  if (def.type === "number" && raw !== "" && Number.isFinite(Number(raw))) return Number(raw);
  return raw;
}

/** The checks worth making before the API sees it: required answers, so an offline report is complete. */
export function missing(defs, values) {
  return defs.filter(d => d.required && [undefined, "", null].includes(values[d.code])
    || (d.required && Array.isArray(values[d.code]) && !values[d.code].length))
    .map(d => ({field: `fields.${d.code}`, message: unanswered(d)}));
}

/**
 * Answers given that cannot be right, each in the question's words: a number
 * that is not one or out of its range, a date that is not a date. Checked on
 * the question's own page, not after Send.
 */
export function wrong(defs, form) {
  const problems = [];
  for (const def of defs) {
    const name = `fields.${def.code}`;
    const question = def.label.trim().replace(/\?$/, "");
    if (def.type === "number") {
      const raw = (form.elements[name]?.value || "").trim();
      const number = Number(raw);
      if (raw === "") continue;
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(number)) {
        problems.push({field: name, message: t("form.number_wanted", {question})});
      } else if ((def.min !== undefined && number < def.min) || (def.max !== undefined && number > def.max)) {
        problems.push({field: name, message: t("form.number_outside", {question, min: def.min, max: def.max})});
      }
    } else if (def.type === "date") {
      const value = dateValue(form, name);
      if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push({field: name, message: t("form.date_wanted", {question})});
    }
  }
  return problems;
}

/**
 * What to say when a question is left unanswered, as GOV.UK writes it: the
 * category's own words when it has them (`error_message`: "Choose how wide
 * the pothole is"), else a whole sentence made from the question itself.
 */
export function unanswered(def) {
  if (def.error_message) return def.error_message;
  const question = def.label.trim();
  const key = def.type === "multi_choice" ? "form.unanswered_multi"
    : def.type === "single_choice" ? "form.unanswered_choice" : "form.unanswered_text";
  return t(key, {question});
}

/** How an answer reads back: option labels rather than keys. */
export function answerText(def, value) {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return null;
  const label = key => (def.options || []).find(o => o.key === key)?.label || key;
  if (def.type === "multi_choice") return [].concat(value).map(label).join(", ");
  if (def.type === "single_choice") return label(value);
  return String(value);
}
