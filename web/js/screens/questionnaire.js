// "Has it been fixed?": the link a reporter is sent some days after their
// report was fixed or closed (/questionnaire?report=&token=). Opening it
// changes nothing (mail scanners follow links); the answer is sent once, and
// sending the same answer again is safe.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {redraw} from "../navigation.js";

const RATINGS = [5, 4, 3, 2, 1];

function problem(view, error) {
  append(view, h("h1", {class: "heading-l"}, t("questionnaire.failed")), h("p", {class: "body"}, errorsOf(error)[0].message),
    h("p", {class: "body"}, h("a", {href: "/track"}, t("questionnaire.track"))));
}

function answered(q) {
  const a = q.answer;
  const said = a.reopened ? "reopened" : a.fixed ? "fixed" : "not_fixed";
  return [h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t(`questionnaire.done.${said}`))),
    h("p", {class: "body"}, t(`questionnaire.done.${said}_body`)),
    h("p", {class: "body"}, h("a", {href: `/?report=${encodeURIComponent(q.report.id)}`}, t("questionnaire.see_report"))),
    said === "not_fixed" ? h("p", {class: "body"}, h("a", {href: "/report/category"}, t("questionnaire.report_again"))) : null];
}

function form(q) {
  const scale = q.rating_scale;
  return h("form", {novalidate: true},
    choices({field: "fixed", legend: t("questionnaire.fixed"), options: [
      {value: "yes", label: t("questionnaire.yes")},
      {value: "no", label: t("questionnaire.no"), hint: t(q.can_reopen ? "questionnaire.no_hint" : "questionnaire.no_hint_late")}]}),
    choices({field: "rating", legend: t("questionnaire.rating"),
      hint: t("questionnaire.rating_hint", {min: scale.min, max: scale.max}),
      options: RATINGS.map(n => ({value: String(n), label: t(`questionnaire.rating_${n}`)}))}),
    textarea({field: "comment", label: t("questionnaire.comment"), hint: t("questionnaire.comment_hint"),
      optional: true, rows: 4, maxlength: q.comment_max}),
    button(t("questionnaire.send")));
}

export async function render(view, {params}) {
  const id = params.get("report") || "";
  const token = params.get("token") || "";
  const path = `/v1/questionnaires/${encodeURIComponent(id)}`;
  let q;
  try {
    q = await api(`${path}?token=${encodeURIComponent(token)}`, {auth: false});
  } catch (error) {
    return problem(view, error);
  }
  if (q.answer) return append(view, ...answered(q));
  const answer = form(q);
  onSubmit(answer, view, async () => {
    const fixed = answer.elements.fixed.value;
    const rating = answer.elements.rating.value;
    const missing = [];
    if (!fixed) missing.push({field: "fixed", message: t("questionnaire.fixed_missing")});
    if (!rating) missing.push({field: "rating", message: t("questionnaire.rating_missing")});
    if (missing.length) throw new Invalid(missing);
    const comment = answer.elements.comment.value.trim();
    const done = await api(`${path}/answer`, {method: "POST", auth: false,
      body: {token, fixed: fixed === "yes", rating: Number(rating), ...(comment ? {comment} : {})}});
    redraw(view, ...answered(done));
  }, {fixed: t("questionnaire.fixed"), rating: t("questionnaire.rating"), comment: t("questionnaire.comment")});
  append(view, h("span", {class: "caption"}, `${q.report.id}: ${q.report.service_name}`),
    h("h1", {class: "heading-l"}, t("questionnaire.title")),
    h("p", {class: "body"}, t(`questionnaire.marked_${q.closed_state}`, {date: formatDate(q.closed_at)})),
    q.report.summary ? h("p", {class: "inset"}, q.report.summary) : null, answer);
}
