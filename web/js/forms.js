// GOV.UK design system form patterns: labelled inputs with hints, radios and
// checkboxes in fieldsets, the date input, and the error summary whose links
// move focus to the field; the API's `fields` errors land on their inputs.
import {Offline} from "./api.js";
import {fieldId, h, uid} from "./dom.js";
import {t} from "./i18n.js";

/** A form group answering to API field names `field` (space-separated). */
export function group(field, ...children) {
  return h("div", {class: "form-group", dataset: {field}}, ...children);
}

function labelText(label, optional) {
  return optional ? `${label} ${t("form.optional")}` : label;
}

function hintFor(hint) {
  return hint ? h("div", {class: "hint", id: uid("hint")}, hint) : null;
}

// `id`: where one page holds the same field twice (two forms' "reasons"), each control's own, for it and its label.
export function input({field, label, hint, value = "", type = "text", optional, heading, id = fieldId(field), ...attrs}) {
  const hintEl = hintFor(hint);
  const control = h("input", {class: "input", id, name: field, type, value, "aria-describedby": hintEl?.id, ...attrs});
  const labelEl = h("label", {class: "label", for: id}, labelText(label, optional));
  return group(field, heading ? h("h1", {class: "label-wrapper"}, labelEl) : labelEl, hintEl, control);
}

export function textarea({field, label, hint, value = "", rows = 5, optional, id = fieldId(field), ...attrs}) {
  const hintEl = hintFor(hint);
  return group(field, h("label", {class: "label", for: id}, labelText(label, optional)), hintEl,
    h("textarea", {class: "textarea", id, name: field, rows, value, "aria-describedby": hintEl?.id, ...attrs}));
}

export function select({field, label, hint, options, value}) {
  const id = fieldId(field);
  const hintEl = hintFor(hint);
  return group(field, h("label", {class: "label", for: id}, label), hintEl,
    h("select", {class: "select", id, name: field, "aria-describedby": hintEl?.id},
      options.map(o => h("option", {value: o.value, selected: o.value === value}, o.label))));
}

/**
 * Radios or checkboxes: options [{value, label, hint}], value a string or
 * array. The first input's id is the field's (error links go there) unless
 * `anchor` is false: one field split over several fieldsets.
 */
export function choices({field, legend, hint, options, value, multiple = false, optional, headingLegend, small,
                         anchor = true}) {
  const hintEl = hintFor(hint);
  const chosen = new Set([].concat(value ?? []));
  const kind = multiple ? "checkboxes" : "radios";
  const items = options.map((o, i) => {
    const id = i === 0 && anchor ? fieldId(field) : fieldId(`${field}-${o.value}`);
    const itemHint = o.hint ? h("div", {class: `hint ${kind}__hint`, id: `${id}-hint`}, o.hint) : null;
    return h("div", {class: `${kind}__item`, dataset: {search: o.search || ""}},
      h("input", {class: `${kind}__input`, id, name: field, type: multiple ? "checkbox" : "radio", value: o.value,
        checked: chosen.has(o.value), "aria-describedby": itemHint?.id}),
      h("label", {class: `label ${kind}__label`, for: id}, o.label), itemHint);
  });
  const legendText = labelText(legend, optional);
  return group(field, h("fieldset", {class: "fieldset", "aria-describedby": hintEl?.id},
    h("legend", {class: headingLegend ? "legend legend--l" : "legend"},
      headingLegend ? h("h1", {class: "legend__heading"}, legendText) : legendText),
    hintEl, h("div", {class: `${kind}${small ? ` ${kind}--small` : ""}`}, items)));
}

/** The GOV.UK date input: day, month, year; read with dateValue(). */
export function dateInput({field, legend, hint, value, optional}) {
  const [year, month, day] = (value || "").split("-");
  const base = fieldId(field);
  const part = (name, val, width, first) => h("div", {class: "date-input__item"},
    h("label", {class: "label date-input__label", for: first ? base : `${base}-${name}`}, t(`date.${name}`)),
    h("input", {class: `input input--width-${width}`, id: first ? base : `${base}-${name}`, name: `${field}.${name}`,
      inputmode: "numeric", value: val || ""}));
  const hintEl = hintFor(hint || t("date.hint"));
  return group(field, h("fieldset", {class: "fieldset", role: "group", "aria-describedby": hintEl.id},
    h("legend", {class: "legend"}, labelText(legend, optional)), hintEl,
    h("div", {class: "date-input"}, part("day", day, 2, true), part("month", month, 2), part("year", year, 4))));
}

/** "YYYY-MM-DD", "" when all parts are empty, or the parts as typed (the API says what is wrong). */
export function dateValue(form, field) {
  const get = name => (form.elements[`${field}.${name}`]?.value || "").trim();
  const [day, month, year] = [get("day"), get("month"), get("year")];
  if (!day && !month && !year) return "";
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) {
    return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  }
  return `${year}-${month}-${day}`;
}

export function button(text, {secondary, warning, type = "submit", ...attrs} = {}) {
  const kind = secondary ? " button--secondary" : warning ? " button--warning" : "";
  return h("button", {class: `button${kind}`, type, ...attrs}, text);
}

/** What a form's own checks throw: [{field, message}] like the API's `fields`. */
export class Invalid extends Error {
  constructor(fields) {
    super(fields[0]?.message);
    // The app's own messages are whole sentences ("Choose how wide the pothole is"): no label before them.
    this.fields = fields.map(f => ({whole: true, ...f}));
  }
}

/**
 * A form's submit: the last try's errors cleared, `work(event)` run, and
 * whatever it throws (Invalid, the API's errors, no signal) shown GOV.UK's
 * way, with `labels` naming the fields in the summary.
 */
export function onSubmit(form, view, work, labels = {}) {
  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors(view);
    try {
      await work(event);
    } catch (error) {
      showErrors(view, errorsOf(error), labels, form);
    }
  });
}

/** Errors as [{field, message}] from anything a submit may throw. */
export function errorsOf(error) {
  if (error instanceof Offline) return [{field: null, message: t("error.offline")}];
  if (error && error.fields && error.fields.length) return error.fields;
  return [{field: null, message: error?.message || t("error.generic")}];
}

/** The whole screen a part of it is on: the summary goes at its top, above the h1, whichever form is sent. */
function screenOf(root) {
  return root.closest?.(".screen") || root;
}

export function clearErrors(part) {
  const root = screenOf(part);
  root.querySelectorAll(".error-summary").forEach(el => el.remove());
  root.querySelectorAll(".form-group--error").forEach(g => {
    g.classList.remove("form-group--error");
    g.querySelectorAll(".error-message").forEach(el => el.remove());
    g.querySelectorAll("[aria-invalid]").forEach(el => {
      el.removeAttribute("aria-invalid");
      el.setAttribute("aria-describedby", (el.getAttribute("aria-describedby") || "")
        .split(" ").filter(x => x && !x.startsWith("err-")).join(" "));
    });
  });
  document.title = document.title.replace(t("title.error_prefix"), "");
}

/** The form group that answers to an API field ("photos[1]" -> "photos", "fields.size"). */
export function groupFor(root, field) {
  if (!field) return null;
  const groups = [...root.querySelectorAll("[data-field]")];
  const names = [field, field.replace(/\[\d+\]/g, ""), field.split(".")[0]];
  for (const name of names) {
    const found = groups.find(g => g.dataset.field.split(" ").includes(name));
    if (found) return found;
  }
  return null;
}

/**
 * The API's words ("Is required.") read as the question's own: "Enter <label>"
 * when nothing was given, the label before anything else. The app's own
 * messages are whole sentences already ("Enter your full name").
 */
function inWords(message, label, whole) {
  if (whole || !label || message.toLowerCase().includes(label.toLowerCase())) return message;
  const question = label.replace(/[?:]\s*$/, "");
  if (/^is required\b/i.test(message)) return t("form.enter_the", {label: question.charAt(0).toLowerCase() + question.slice(1)});
  return t("form.field_says", {label: question, message: message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, "")});
}

/**
 * Every check that fails, thrown at once in the form's order (GOV.UK: every
 * problem in one summary): rules are [field, message, ok].
 */
export function check(...rules) {
  const failed = rules.filter(([, , ok]) => !ok).map(([field, message]) => ({field, message}));
  if (failed.length) throw new Invalid(failed);
}

/** Whether typed text could be an e-mail address (the API's check stays the last word). */
export function looksLikeEmail(text) {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
}

/** Whether typed text could be a phone number, by the API's rule: 7 to 15 digits, spaces, brackets, dashes, a leading +. */
export function looksLikePhone(text) {
  return /^(?=.{7,20}$)\+?[ ()-]*(?:[0-9][ ()-]*){7,15}$/.test(text);
}

/** The line above a form's button where it asks for personal data: the council's privacy notice, at this part's section. */
export function privacyLink(part) {
  return h("p", {class: "body"}, h("a", {href: `/privacy#${part}`}, t("privacy.link")));
}

/**
 * Show errors GOV.UK's way: a summary first, linking to each field's message.
 * An error of no field (no signal, a link used meanwhile) goes to the first
 * question of `sent`, the form or part pressed: where the person tries again.
 */
export function showErrors(part, errors, labels = {}, sent = null) {
  clearErrors(part);
  const root = screenOf(part);
  const list = h("ul", {class: "error-summary__list"});
  for (const {field, message, whole} of errors) {
    const g = groupFor(part, field) || groupFor(root, field)  // the form's own field first
      || (!field && sent ? (sent.dataset?.field ? sent : sent.querySelector("[data-field]")) : null);
    const target = g && (g.querySelector("input:not([type=hidden]), textarea, select") || g.querySelector("button"));
    if (target && !target.id) target.id = uid("field");
    const label = labels[field] || labels[field?.replace(/\[\d+\]/g, "")] || "";
    const text = inWords(message, label, whole || !g);
    if (g && !g.classList.contains("form-group--error")) {
      g.classList.add("form-group--error");
      const id = uid("err");
      // The same words at the field as in the summary (GOV.UK's error message).
      const note = h("p", {class: "error-message", id}, h("span", {class: "visually-hidden"}, t("form.error")), text);
      const place = g.querySelector(":scope > .hint, :scope > fieldset > .hint")
        || g.querySelector(":scope > fieldset > legend, :scope > label, :scope > h1");
      if (place) place.after(note); else g.prepend(note);  // a group of a button only: the words above it
      g.querySelectorAll("input, textarea, select").forEach(el => {
        el.setAttribute("aria-invalid", "true");
        el.setAttribute("aria-describedby", `${el.getAttribute("aria-describedby") || ""} ${id}`.trim());
      });
    }
    const link = target
      ? h("a", {href: `#${target.id}`, onclick: e => { e.preventDefault(); target.focus(); target.scrollIntoView({block: "center"}); }}, text)
      : text;
    list.append(h("li", {}, link));
  }
  const summary = h("div", {class: "error-summary", tabindex: "-1", "aria-labelledby": "error-summary-title"},
    h("h2", {class: "error-summary__title", id: "error-summary-title"}, t("form.error_summary")),
    list);
  // Under the back link, or the staff menu: above the heading either way.
  const back = root.querySelector(":scope > .back-link") || root.querySelector(":scope > .desk-menu");
  if (back) back.after(summary); else root.prepend(summary);
  if (!document.title.startsWith(t("title.error_prefix"))) document.title = t("title.error_prefix") + document.title;
  summary.focus();
  return summary;
}
