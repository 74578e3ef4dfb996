// Step 1: what the problem is, chosen by group or found by typing a word.
import {append, h} from "../dom.js";
import {countStart, youSaidWeDid} from "../feedback.js";
import {button, choices, input, Invalid, onSubmit, showErrors} from "../forms.js";
import {t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {backLink, draft, fieldLabels, loadServices, nextStep, takeErrors, update} from "./draft.js";

export async function render(view) {
  countStart("reports");  // a report begun: once per visit, nothing kept of who (feedback.js)
  const services = await loadServices();
  const groups = [...new Set(services.map(s => s.group || t("report.category.other")))];
  const chosen = draft().service_code;
  const count = h("p", {class: "hint", id: "category-count", "aria-live": "polite"});
  const search = input({field: "category_search", label: t("report.category.search"), type: "search",
    hint: t("report.category.search_hint"), autocomplete: "off", enterkeyhint: "search"});
  const lists = groups.map((group, n) => choices({
    field: "service_code", legend: group, small: true, value: chosen, anchor: n === 0,
    options: services.filter(s => (s.group || t("report.category.other")) === group).map(s => ({
      value: s.service_code, label: s.name, hint: s.description,
      search: [s.name, s.group, s.description, ...(s.keywords || [])].join(" ").toLowerCase(),
    })),
  }));
  // One field, several groups: each group is its own fieldset, but only the
  // first answers to "service_code" so an error links to the first radio.
  lists.slice(1).forEach(l => l.removeAttribute("data-field"));
  const form = h("form", {novalidate: true}, search, count,
    h("div", {class: "category-groups"}, lists), button(t("form.continue")));

  const filter = () => {
    const words = form.elements.category_search.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of form.querySelectorAll(".radios__item")) {
      const match = words.every(w => item.dataset.search.includes(w));
      item.hidden = !match;
      shown += match ? 1 : 0;
    }
    for (const list of lists) list.hidden = !list.querySelector(".radios__item:not([hidden])");
    count.textContent = words.length ? tCount("report.category.matches", shown) : "";
  };
  form.elements.category_search.addEventListener("input", filter);
  form.elements.category_search.addEventListener("keydown", e => { if (e.key === "Enter") e.preventDefault(); });
  onSubmit(form, view, () => {
    const code = new FormData(form).get("service_code");
    if (!code) throw new Invalid([{field: "service_code", message: t("report.category.required")}]);
    const service = services.find(s => s.service_code === code);
    const earlier = draft();
    update({service_code: code, fields: earlier.service_code === code ? earlier.fields : {}});
    return navigate(nextStep(service, "/report/category"));
  });

  append(view, backLink("/"), h("span", {class: "caption"}, t("report.caption")),
    h("h1", {class: "heading-l"}, t("report.category.title")), form, youSaidWeDid("reports"));
  const errors = takeErrors("/report/category");
  if (errors.length) showErrors(view, errors, fieldLabels(null));
}
