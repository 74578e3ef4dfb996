// After a repair, on its page (/repairs/RP-...): once it is done and the tenant has
// been asked how it went, the question, answered once (then thanks and the answer);
// and "Reopen this repair" while the API allows it, with its last day in words.
// A refusal (answered already, too late) is the API's own words in the error summary.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {navigate} from "../navigation.js";

const RATINGS = [5, 4, 3, 2, 1];

function answered(a, thanks) {
  return [thanks ? h("div", {class: "panel", id: "repair-thanks", tabindex: "-1"},
    h("h2", {class: "panel__title"}, t("repair_after.thanks"))) : null,
  h("h2", {class: "heading-m"}, t("repair_after.you_said")),
  h("ul", {class: "list list--bullet", id: "repair-answer"},
    h("li", {}, t(a.fixed ? "repair_after.said_fixed" : "repair_after.said_not_fixed")),
    h("li", {}, t("repair_after.said_rating", {rating: a.rating})),
    a.comment ? h("li", {}, a.comment) : null)];
}

function ask(part, id) {
  const form = h("form", {novalidate: true, id: "repair-how"},
    choices({field: "fixed", legend: t("repair_after.fixed"), options: [
      {value: "yes", label: t("repair_after.yes")}, {value: "no", label: t("repair_after.no")}]}),
    choices({field: "rating", legend: t("repair_after.rating"), hint: t("repair_after.rating_hint"),
      options: RATINGS.map(n => ({value: String(n), label: t(`repair_after.rating_${n}`)}))}),
    textarea({field: "comment", label: t("repair_after.comment"), hint: t("repair_after.comment_hint"),
      optional: true, rows: 4, maxlength: 500}),
    button(t("repair_after.send")));
  onSubmit(form, part, async () => {
    const {fixed, rating, comment} = form.elements;
    const missing = [];
    if (!fixed.value) missing.push({field: "fixed", message: t("repair_after.fixed_missing")});
    if (!rating.value) missing.push({field: "rating", message: t("repair_after.rating_missing")});
    if (missing.length) throw new Invalid(missing);
    const said = comment.value.trim();
    const done = await api(`/v1/repairs/${id}/how-it-went`, {method: "POST",
      body: {fixed: fixed.value === "yes", rating: Number(rating.value), ...(said ? {comment: said} : {})}});
    part.replaceChildren(...answered(done.answer, true).filter(Boolean));
    part.querySelector("#repair-thanks").focus();
  }, {fixed: t("repair_after.fixed"), rating: t("repair_after.rating"), comment: t("repair_after.comment")});
  return [h("h2", {class: "heading-m"}, t("repair_after.title")), form];
}

function reopen(id, last) {
  const form = h("form", {novalidate: true, id: "repair-reopen"},
    textarea({field: "what", label: t("repair_after.what"), hint: t("repair_after.what_hint"), rows: 3, maxlength: 500}),
    button(t("repair_after.reopen"), {secondary: true}));
  const part = h("section", {"aria-labelledby": "repair-reopen-title"},
    h("h2", {class: "heading-m", id: "repair-reopen-title"}, t("repair_after.reopen_title")),
    h("p", {class: "body", id: "repair-reopen-by"}, t("repair_after.reopen_by", {day: formatDay(last, true)})), form);
  onSubmit(form, part, async () => {
    const what = form.elements.what.value.trim();
    if (!what) throw new Invalid([{field: "what", message: t("repair_after.what_missing")}]);
    await api(`/v1/repairs/${id}/reopen`, {method: "POST", body: {what}});
    navigate(`/repairs/${id}?reopened=1`, {replace: true});  // drawn again: open, with its clocks from now
  }, {what: t("repair_after.what")});
  return part;
}

/** The question and the reopening for a done repair, appended to its page. */
export async function after(view, r) {
  if (r.status !== "done") return;
  const q = await api(`/v1/repairs/${r.id}/how-it-went`);
  const part = h("section", {id: "repair-after"});
  if (q.answer) append(part, ...answered(q.answer, false));
  else if (q.asked) append(part, ...ask(part, r.id));
  append(view, part.childNodes.length ? part : null, q.reopen_by ? reopen(r.id, q.reopen_by) : null);
}
