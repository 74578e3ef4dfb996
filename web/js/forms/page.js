// One page of a form: its questions (one per page where the form says so,
// the question then its heading), Continue, and "save and come back". The
// page's answers are kept on the phone first; the API checks them in each
// question's own words (GOV.UK's error summary) and says which page is next.
// Without signal the answers wait on the phone, the next page is worked out
// here from the same routes, and they are sent before the form is.
import {api, ApiError, Offline} from "../api.js";
import {append, h} from "../dom.js";
import {button, Invalid, onSubmit} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../router.js";
import {nextPath} from "../screens/forms.js";
import {answered, kept, pageOf, tokenHeader, walk} from "./local.js";
import {question} from "./questions.js";

export async function render(view, formId, submissionId, pageId) {
  const mine = kept(submissionId);
  const path = `/v1/form-submissions/${encodeURIComponent(submissionId)}/pages/${encodeURIComponent(pageId)}`;
  let shown;
  try {
    shown = await api(path, {headers: tokenHeader(submissionId)});
  } catch (error) {
    shown = error instanceof Offline ? offlinePage(mine, pageId) : null;
    if (!shown) throw error instanceof ApiError ? error : new Error(t("error.offline"));
  }
  const unsentHere = mine?.unsent?.includes(pageId);
  const answers = unsentHere ? pick(mine.answers, shown.page) : {...shown.prefill, ...shown.answers};
  const page = shown.page;
  const single = page.questions.length === 1 && !page.title;
  const drawn = page.questions.map(q => question(q, answers[q.id], {heading: single, submissionId}));
  const form = h("form", {novalidate: true}, drawn.map(d => d.el), button(t("form.continue")));
  onSubmit(form, view, async () => {
    const given = Object.fromEntries(page.questions.map((q, i) => [q.id, drawn[i].read(form)]));
    let next;
    try {
      const saved = await api(path, {method: "PUT", body: {answers: given}, headers: tokenHeader(submissionId)});
      answered(submissionId, pageId, given, true);
      next = saved.next;
    } catch (error) {
      if (!(error instanceof Offline) || !mine?.definition) throw error;
      const missing = page.questions.filter(q => !q.optional && given[q.id] === null);
      if (missing.length) throw new Invalid(missing.map(q => ({field: q.id, message: t("forms.required", {label: q.label})})));
      const now = answered(submissionId, pageId, given, false);
      next = walk(now.definition, now.answers)[1];
    }
    await navigate(nextPath(formId, submissionId, next));
  });  // no labels: the API's messages are whole sentences in the question's own words
  const back = shown.back ? nextPath(formId, submissionId, shown.back) : `/forms/${encodeURIComponent(formId)}`;
  const base = `/forms/${encodeURIComponent(formId)}/${encodeURIComponent(submissionId)}`;
  append(view, h("a", {class: "back-link", href: back}, t("nav.back")),
    // A page of several questions without a title of its own is headed by the form's title.
    page.title || single ? h("span", {class: "caption"}, mine?.title || "") : null,
    single ? null : h("h1", {class: "heading-l"}, page.title || mine?.title || ""),
    form, h("p", {class: "body"}, h("a", {href: `${base}?step=save`, id: "form-save"}, t("forms.save.link"))));
}

function pick(answers, page) {
  return Object.fromEntries(page.questions.filter(q => q.id in answers).map(q => [q.id, answers[q.id]]));
}

/** The page as the phone knows it, when the API cannot be reached. */
function offlinePage(mine, pageId) {
  if (!mine?.definition) return null;
  const page = pageOf(mine.definition, pageId);
  if (!page) return null;
  const [taken] = walk(mine.definition, mine.answers);
  const before = taken.includes(pageId) ? taken.slice(0, taken.indexOf(pageId)) : taken;
  return {page, answers: pick(mine.answers, page), back: before[before.length - 1] || null, prefill: {}};
}
