// Questions drawn GOV.UK's way from the definition's words, read back as the API takes them.
import {append, clear, fieldId, h} from "../dom.js";
import {button, choices, clearErrors, dateInput, input, select, showErrors, textarea} from "../forms.js";
import {resize, uploadPhoto} from "../photos.js";
import {tokenHeader} from "./local.js";
import {t, tCount} from "../i18n.js";
import {searchAddresses} from "../where.js";

const INPUTS = {
  email: {type: "email", autocomplete: "email", spellcheck: false},
  phone: {type: "tel", autocomplete: "tel"},
  number: {inputmode: "decimal", class: "input input--width-10"},
  national_insurance_number: {class: "input input--width-10", spellcheck: false},
  organisation_name: {autocomplete: "organization"},
};

/** An answer left empty, as the engine counts one (forms/answers.py blank). */
export function blank(answer) {
  if (answer && typeof answer === "object" && !Array.isArray(answer)) return Object.values(answer).every(blank);
  return answer === null || answer === undefined || (Array.isArray(answer) && !answer.length)
    || (typeof answer === "string" && !answer.trim());
}

// Told apart as the engine tells them (forms/wording.py asked): a question whose verb comes before its
// subject ("Do you support it?", "When did it happen?") cannot follow "Select" or "Enter".
const AUXILIARIES = new Set("am is are was were do does did have has had can could will would shall should may might must".split(" "));
const SUBJECTS = new Set("i you your it its they their we our he his she her the this that these those a an there my someone anyone".split(" "));

function asked(label) {
  const words = label.toLowerCase().match(/[a-z']+/g) || [];
  if (!/\?\s*$/.test(label) || !words.length) return false;
  return AUXILIARIES.has(words[0]) || words.some((w, i) => AUXILIARIES.has(w) && SUBJECTS.has(words[i + 1]));
}

/**
 * A required question left empty, in the engine's own words (forms/wording.py required): the form's own
 * (`error_if_empty`), else "Select …" for a choice, "Enter …" otherwise, the question as words in a
 * sentence (no "?", a lower-case first word); a question asked is quoted whole ("Answer “Why …?”").
 */
export function requiredWords(q) {
  if (q.error_if_empty) return q.error_if_empty;
  const chosen = ["selection", "property", "file"].includes(q.type);
  if (asked(q.label)) {
    const question = q.label.trim();
    return t(q.type === "file" ? "forms.required_file_asked" : chosen ? "forms.required_select_asked" : "forms.required_asked",
      {question});
  }
  const said = q.label.trim().replace(/\s*\?$/, "");
  const lower = /^.[a-z ]/.test(said) || said.length === 1 ? said.charAt(0).toLowerCase() + said.slice(1) : said;
  return t(chosen ? "forms.required_select" : "forms.required", {label: lower});
}

export function question(q, answer, {heading = false, submissionId} = {}) {
  const common = {field: q.id, hint: q.hint, optional: q.optional};
  const single = {...common, label: q.label, heading};
  switch (q.type) {
    case "selection": {
      const chosen = answer ?? (q.several ? [] : "");
      const el = choices({...common, legend: q.label, headingLegend: heading, multiple: Boolean(q.several),
        hint: q.hint || (q.several ? t("form.select_all") : undefined), value: chosen,
        options: q.options.map(o => ({value: o.value, label: o.label, hint: o.hint}))});
      return {el, read: form => q.several
        ? [...form.querySelectorAll(`input[name="${q.id}"]:checked`)].map(i => i.value)
        : (form.querySelector(`input[name="${q.id}"]:checked`)?.value ?? null)};
    }
    case "date": {
      const [year, month, day] = typeof answer === "string" ? answer.split("-") : [answer?.year, answer?.month, answer?.day];
      const el = dateInput({...common, legend: q.label, value: year ? `${year}-${month}-${day}` : ""});
      const part = (form, name) => (form.elements[`${q.id}.${name}`]?.value || "").trim();
      return {el: headed(el, heading), read: form => blankToNull({day: part(form, "day"), month: part(form, "month"),
        year: part(form, "year")})};
    }
    case "name": return parts(q, answer, heading, q.parts === "full" || !q.parts ? ["full"]
      : q.parts === "first_last" ? ["first", "last"] : ["first", "middle", "last"]);
    case "address": return parts(q, answer, heading, ["line1", "line2", "town", "postcode"]);
    case "property": return property(q, answer, heading);
    case "file": return filePicker(q, answer, {heading, submissionId});
    case "add_another": return addAnother(q, answer);
    case "text":
      if (q.length === "long") {
        const el = textarea({...common, label: q.label, value: answer ?? "", maxlength: q.max_length});
        return {el: headed(el, heading), read: form => text(form, q.id)};
      }
    default: {
      const el = input({...single, value: answer ?? "", ...(INPUTS[q.type] || {})});
      return {el, read: form => text(form, q.id)};
    }
  }
}

function text(form, name) {
  return (form.elements[name]?.value || "").trim() || null;
}

function blankToNull(value) {
  return Object.values(value).every(v => !v) ? null : value;
}

function headed(el, heading) {
  if (!heading) return el;
  const label = el.querySelector("label, legend");
  if (label.tagName === "LEGEND") {
    label.classList.add("legend--l");
    label.replaceChildren(h("h1", {class: "legend__heading"}, ...label.childNodes));
  } else {
    label.replaceWith(h("h1", {class: "label-wrapper"}, label));
  }
  return el;
}

function parts(q, answer, heading, names) {
  const given = typeof answer === "string" ? {full: answer} : answer || {};
  if (names.length === 1) {
    const el = input({field: q.id, label: q.label, hint: q.hint, optional: q.optional, heading,
      value: given.full || "", autocomplete: "name"});
    return {el, read: form => text(form, q.id)};
  }
  const auto = {first: "given-name", middle: "additional-name", last: "family-name", line1: "address-line1",
    line2: "address-line2", town: "address-level2", postcode: "postal-code"};
  const inputs = names.map(part => input({field: `${q.id}.${part}`, label: t(`forms.part.${part}`),
    optional: part === "middle" || part === "line2", value: given[part] || "", autocomplete: auto[part],
    ...(part === "postcode" ? {class: "input input--width-10"} : {})}));
  const legend = h("legend", {class: heading ? "legend legend--l" : "legend"},
    heading ? h("h1", {class: "legend__heading"}, q.label) : q.label);
  const el = h("div", {class: "form-group", dataset: {field: q.id}},
    h("fieldset", {class: "fieldset"}, legend, q.hint ? h("div", {class: "hint"}, q.hint) : null, inputs));
  return {el, read: form => blankToNull(Object.fromEntries(names.map(p => [p, text(form, `${q.id}.${p}`) || ""])))};
}

function property(q, answer, heading) {
  const chosen = h("div", {});
  const show = addresses => {
    chosen.replaceChildren(select({field: q.id, label: t("forms.property.choose"),
      options: [{value: "", label: tCount("forms.property.count", addresses.length)},
        ...addresses.map(a => ({value: String(a.uprn), label: a.address || a.text}))],
      value: answer?.uprn ? String(answer.uprn) : ""}));
  };
  if (answer?.uprn) show([{uprn: answer.uprn, text: answer.text}]);
  const postcode = input({field: `${q.id}-postcode`, label: t("forms.property.postcode"),
    class: "input input--width-10", autocomplete: "postal-code", value: answer?.postcode || ""});
  const find = h("button", {class: "button button--secondary", type: "button", onclick: async () => {
    const code = postcode.querySelector("input").value;
    clearErrors(el);
    try {
      show(await searchAddresses(code));
    } catch (error) {  // shown as every form's errors are: in the summary and at the postcode
      chosen.replaceChildren();
      showErrors(el, [{field: `${q.id}-postcode`, message: error.message, whole: true}]);
    }
  }}, t("forms.property.find"));
  const el = h("div", {class: "form-group", dataset: {field: q.id}},
    h("fieldset", {class: "fieldset"}, h("legend", {class: heading ? "legend legend--l" : "legend"},
      heading ? h("h1", {class: "legend__heading"}, q.label) : q.label),
    q.hint ? h("div", {class: "hint"}, q.hint) : null, postcode, find, chosen));
  return {el, read: form => {
    const uprn = form.elements[q.id]?.value;
    return uprn ? {uprn} : null;
  }};
}

function addAnother(q, answer) {
  const items = h("div", {});
  const readers = [];
  const add = given => {
    const n = readers.length;
    const inner = q.questions.map(iq => question({...iq, id: `${q.id}[${n}].${iq.id}`}, given?.[iq.id]));
    readers.push(form => Object.fromEntries(q.questions.map((iq, i) => [iq.id, inner[i].read(form)])));
    items.append(h("fieldset", {class: "fieldset"}, h("legend", {class: "legend"},
      t("forms.item", {name: q.item_name.charAt(0).toUpperCase() + q.item_name.slice(1), n: n + 1})),
      inner.map(x => x.el)));
  };
  (answer && answer.length ? answer : [null]).forEach(add);
  const more = h("button", {class: "button button--secondary", type: "button", onclick: () => add(null)},
    t("forms.add_another", {name: q.item_name}));
  const el = h("div", {class: "form-group", dataset: {field: q.id}, id: fieldId(q.id)},
    h("h2", {class: "heading-m"}, q.label), q.hint ? h("div", {class: "hint"}, q.hint) : null, items, more);
  return {el, read: form => {
    const all = readers.map(r => r(form)).filter(item => Object.values(item).some(v => v !== null));
    return all.length ? all : null;
  }};
}

export function answerWords(q, answer) {
  if (answer === null || answer === undefined || (Array.isArray(answer) && !answer.length)) return t("forms.not_answered");
  if (q.type === "selection") {
    const label = v => q.options?.find(o => o.value === v)?.label ?? v;
    return [].concat(answer).map(label).join(", ");
  }
  if (q.type === "file") return [].concat(answer).map((f, i) => fileWords(f, i)).join(", ");
  if (q.type === "property") return answer.text || answer.uprn;
  if (q.type === "date" && typeof answer === "string") {
    return new Date(`${answer}T12:00:00`).toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }
  if (q.type === "add_another") return answer.map(item => Object.values(item).filter(Boolean).join(", ")).join("; ");
  if (typeof answer === "object") return Object.values(answer).filter(Boolean).join(answer.postcode ? ", " : " ");
  return String(answer);
}

// A kept file as its name and size (a name the phone gave it: text, never markup); "File 1" only for one kept without.
const fileWords = (f, i) => (f.size ? t("forms.files.item", {name: f.name || t("forms.file_n", {n: i + 1}),
  kb: Math.max(1, Math.round(f.size / 1024))}) : f.name || t("forms.file_n", {n: i + 1}));

// Several files, each sent at once through the one upload path; photos shrunk on the phone (EXIF gone).
export function filePicker(q, answer, {heading, submissionId} = {}) {
  const id = fieldId(q.id);
  let files = [].concat(answer || []).map(f => (typeof f === "string" ? {upload_id: f} : f));
  const most = q.max_files || 1;
  const list = h("ul", {class: "photo-list file-list"});
  const status = h("p", {class: "hint", "aria-live": "polite"});
  const picker = h("input", {id: `${id}-file`, type: "file", hidden: true, tabindex: "-1",
    accept: (q.types || []).join(","), multiple: most > 1});
  const add = button(t("forms.files.add"), {type: "button", secondary: true, id,
    "aria-describedby": q.hint ? `${id}-hint` : undefined, onclick: () => picker.click()});

  const show = () => {
    clear(list);
    files.forEach((f, i) => list.append(h("li", {class: "photo-list__item"},
      h("span", {class: "body"}, fileWords(f, i)),
      h("button", {class: "button button--secondary button--small", type: "button", onclick: () => {
        files = files.filter(x => x !== f);
        status.textContent = t("forms.files.removed", {name: f.name || t("forms.file_n", {n: i + 1})});
        show();
        add.focus();
      }}, t("forms.files.remove", {name: f.name || t("forms.file_n", {n: i + 1})})))));
    list.hidden = !files.length;
    add.disabled = files.length >= most;
    add.textContent = t(files.length ? "forms.files.add_another" : "forms.files.add");
  };

  picker.addEventListener("change", async () => {
    const picked = [...picker.files].slice(0, most - files.length);
    picker.value = "";
    for (const file of picked) {
      status.textContent = t("forms.files.sending", {name: file.name});
      try {
        const blob = file.type.startsWith("image/") && file.type !== "image/gif" ? await resize(file) : file;
        // An anonymous form's token goes with it: the upload is that form's alone.
        const uploadId = await uploadPhoto(blob, blob.type || file.type, tokenHeader(submissionId));
        files.push({upload_id: uploadId, name: file.name, size: blob.size, content_type: blob.type});
        status.textContent = t("forms.files.sent", {name: file.name});
      } catch (error) {
        status.textContent = t("forms.files.failed", {name: file.name});
      }
    }
    show();
  });
  show();
  const label = heading ? h("h1", {class: "label-wrapper"}, h("span", {class: "label label--l", id: `${id}-label`}, q.label))
    : h("h2", {class: "label", id: `${id}-label`}, q.label);
  const el = h("div", {class: "form-group", dataset: {field: q.id}, role: "group", "aria-labelledby": `${id}-label`},
    label, q.hint ? h("div", {class: "hint", id: `${id}-hint`}, q.hint) : null, add, picker, status, list);
  // Each file's name and size travel with its id: the server keeps the name (cleaned) to show it back.
  return {el, read: () => (files.length ? files.map(({upload_id, name, size}) => ({upload_id, name, size})) : null),
    names: () => files};
}
