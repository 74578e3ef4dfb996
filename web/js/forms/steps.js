// A form's steps: one page (answers kept on the phone first, checked by the API in the question's words;
// with no signal the next page is worked out here), check your answers (the pages taken), the send
// through the outbox and its reference, and save and come back.
import {api, ApiError, myProfile, Offline} from "../api.js";
import {append, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {button, choices, input, Invalid, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {add, discard, send} from "../outbox.js";
import {myProperty} from "../my-property.js";
import {navigate} from "../navigation.js";
import {nextPath} from "../screens/forms.js";
import {answered, keep, kept, pageOf, tokenHeader, walk} from "./local.js";
import {answerWords, blank, question, requiredWords} from "./questions.js";

export async function render(view, formId, submissionId, step) {
  const base = `/forms/${encodeURIComponent(formId)}/${encodeURIComponent(submissionId)}`;
  if (step === "save") return save(view, formId, submissionId, base);
  if (step === "sent") return sent(view, submissionId);
  if (step === "paid") return (await import("./paying.js")).paid(view, formId, submissionId);
  const mine = kept(submissionId);
  let check;
  try {
    check = mine?.unsent?.length ? offlineCheck(mine) : await api(
      `/v1/form-submissions/${encodeURIComponent(submissionId)}/check`, {headers: tokenHeader(submissionId)});
  } catch (error) {
    check = error instanceof Offline ? offlineCheck(mine) : null;
    if (!check) throw error;
  }
  if (!check.complete) return navigate(nextPath(formId, submissionId, check.next), {replace: true});
  const fee = check.fee ? await import("./paying.js") : null;  // paid on the provider's page, then sent
  const rows = check.pages.flatMap(p => p.questions.map(q => h("div", {class: "summary-list__row"},
    h("dt", {class: "summary-list__key"}, q.label),
    h("dd", {class: "summary-list__value"}, answerWords(q, q.answer)),
    h("dd", {class: "summary-list__actions"}, h("a", {href: `${base}?page=${encodeURIComponent(p.id)}`},
      t("forms.check.change"), h("span", {class: "visually-hidden"}, ` ${q.label}`))))));
  const form = h("form", {novalidate: true},
    check.declaration ? [h("h2", {class: "heading-m"}, t("forms.check.declaration")),
      h("p", {class: "body"}, check.declaration.text),
      choices({field: "declaration", legend: t("forms.check.declaration"), multiple: true, small: true,
        options: [{value: "yes", label: check.declaration.confirm || t("forms.check.confirm")}]})] : null,
    fee ? fee.feeNote(check) : null, button(t(fee ? "forms.fee.pay" : "forms.check.send")));
  onSubmit(form, view, async () => {
    const agreed = Boolean(form.querySelector('input[name="declaration"]:checked'));
    if (check.declaration && !agreed) {
      throw new Invalid([{field: "declaration", message: t("forms.check.declaration_missing")}]);
    }
    if (fee) return fee.pay(submissionId, agreed);
    const entry = await add({kind: "form", submission: submissionId, form_id: formId, declaration: agreed,
      photos: []});
    const result = await send(entry.key);
    if (result.state === "sent") return navigate(`${base}?step=sent`, {replace: true});
    if (result.state === "rejected") {
      await discard(entry.key);  // corrected, it is a new send
      throw result.error;
    }
    return navigate(`${base}?step=sent`, {replace: true});
  });
  append(view, h("a", {class: "back-link", href: nextPath(formId, submissionId, check.pages.at(-1)?.id)}, t("nav.back")),
    h("span", {class: "caption"}, check.title || mine?.title || ""),
    h("h1", {class: "heading-l"}, t("forms.check.title")),
    h("dl", {class: "summary-list", id: "form-answers"}, rows), form);
}

function offlineCheck(mine) {
  if (!mine?.definition) return null;
  const [taken, next] = walk(mine.definition, mine.answers);
  return {title: mine.title, complete: next === "check", next, declaration: mine.definition.declaration, fee: mine.definition.fee,
    pages: taken.map(id => pageOf(mine.definition, id)).map(p => ({id: p.id, questions: p.questions.map(q => (
      {...q, answer: mine.answers[q.id]}))}))};
}

function sent(view, submissionId) {
  const mine = kept(submissionId) || {};
  if (!mine.reference) {
    const arrived = () => {
      if (!kept(submissionId)?.reference) return;
      window.removeEventListener("doorstep:outbox", arrived);
      if (view.isConnected) navigate(location.href, {replace: true});
    };
    window.addEventListener("doorstep:outbox", arrived);
    return append(view, h("div", {class: "panel", id: "form-waiting"}, h("h1", {class: "panel__title"}, t("forms.sent.waiting"))),
      h("p", {class: "body"}, t("forms.sent.waiting_body")));
  }
  append(view, h("div", {class: "panel", id: "form-sent"}, h("h1", {class: "panel__title"}, t("forms.sent.title")),
    h("div", {class: "panel__body"}, t("forms.sent.reference"), h("br"), h("strong", {id: "form-reference"}, mine.reference))),
    mine.paid_text ? h("p", {class: "body", id: "form-paid"}, t("forms.sent.paid", {amount: mine.paid_text})) : null,
    mine.copy ? h("p", {class: "body"}, t("forms.sent.copy")) : null,
    mine.what_happens_next ? [h("h2", {class: "heading-m"}, t("forms.sent.next")),
      h("p", {class: "body"}, mine.what_happens_next)] : null,
    h("p", {class: "body"}, h("a", {href: "/forms"}, t("forms.all"))),
    feedbackQuestion(mine.feedback));  // kept with the reference, so a form sent from the outbox later asks too
}

async function save(view, formId, submissionId, base) {
  const back = h("a", {class: "back-link", href: `${base}?step=check`}, t("nav.back"));
  const path = `/v1/form-submissions/${encodeURIComponent(submissionId)}/save`;
  if (await myProfile()) {
    await api(path, {method: "POST", body: {}});
    return append(view, h("h1", {class: "heading-l"}, t("forms.save.signed_in_title")),
      h("p", {class: "body"}, t("forms.save.signed_in_body")), h("p", {class: "body"}, h("a", {href: "/forms"}, t("forms.all"))));
  }
  const form = h("form", {novalidate: true},
    input({field: "email", label: t("forms.save.email"), hint: t("forms.save.email_hint"), type: "email",
      autocomplete: "email", spellcheck: false}), button(t("forms.save.send")));
  onSubmit(form, view, async () => {
    const saved = await api(path, {method: "POST", auth: false, body: {email: form.elements.email.value.trim()},
      headers: tokenHeader(submissionId)});
    keep(submissionId, {saved_until: saved.expires_at});
    view.replaceChildren(h("div", {class: "panel", id: "form-saved"},
      h("h1", {class: "panel__title"}, t("forms.save.saved_title")),
      h("div", {class: "panel__body"}, t("forms.save.code"), h("br"), h("strong", {id: "form-code"}, saved.code))),
    h("p", {class: "body"}, t("forms.save.saved_body", {email: saved.email, date: formatDate(saved.expires_at)})),
    h("p", {class: "body"}, h("a", {href: nextPath(formId, submissionId, null)}, t("forms.save.carry_on"))));
  });
  append(view, back, h("h1", {class: "heading-l"}, t("forms.save.title")), h("p", {class: "body"}, t("forms.save.lead")), form);
}

export async function renderPage(view, formId, submissionId, pageId) {
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
  // An address question the resident's own property answers (remembered here, or the account's): chosen already.
  if (page.questions.some(q => q.type === "property" && !answers[q.id])) {
    const home = await myProperty().catch(() => null);
    for (const q of page.questions) {
      if (home && q.type === "property" && !answers[q.id]) answers[q.id] = {uprn: home.uprn, text: home.address};
    }
  }
  const single = page.questions.length === 1 && !page.title;
  const drawn = page.questions.map(q => question(q, answers[q.id], {heading: single, submissionId}));
  const form = h("form", {novalidate: true}, drawn.map(d => d.el), button(t("form.continue")));
  const readAll = () => Object.fromEntries(page.questions.map((q, i) => [q.id, drawn[i].read(form)]));
  onSubmit(form, view, async () => {
    const given = readAll();
    let next;
    try {
      const saved = await api(path, {method: "PUT", body: {answers: given}, headers: tokenHeader(submissionId)});
      answered(submissionId, pageId, given, true);
      next = saved.next;
    } catch (error) {
      if (!(error instanceof Offline) || !mine?.definition) throw error;
      const missing = page.questions.filter(q => !q.optional && blank(given[q.id]));
      if (missing.length) throw new Invalid(missing.map(q => ({field: q.id, message: requiredWords(q)})));
      const now = answered(submissionId, pageId, given, false);
      next = walk(now.definition, now.answers)[1];
    }
    await navigate(nextPath(formId, submissionId, next));
  });  // no labels: the API's messages are whole sentences in the question's words
  const back = shown.back ? nextPath(formId, submissionId, shown.back) : `/forms/${encodeURIComponent(formId)}`;
  const base = `/forms/${encodeURIComponent(formId)}/${encodeURIComponent(submissionId)}`;
  const saveLink = h("a", {href: `${base}?step=save`, id: "form-save"}, t("forms.save.link"));
  saveLink.addEventListener("click", async event => {
    // What is on this page (files already uploaded, words typed) is kept before
    // saving, or a resident leaving straight after adding their files loses them.
    const given = readAll();
    if (!Object.values(given).some(value => value !== null)) return;
    event.preventDefault();
    try {
      await api(path, {method: "PUT", body: {answers: given}, headers: tokenHeader(submissionId)});
      answered(submissionId, pageId, given, true);
    } catch {
      // An unfinished page is not kept: the form is saved as it stood before it.
    }
    await navigate(saveLink.getAttribute("href"));
  });
  append(view, h("a", {class: "back-link", href: back}, t("nav.back")),
    page.title || single ? h("span", {class: "caption"}, mine?.title || "") : null,
    single ? null : h("h1", {class: "heading-l"}, page.title || mine?.title || ""),
    form, h("p", {class: "body"}, saveLink));
}

function pick(answers, page) {
  return Object.fromEntries(page.questions.filter(q => q.id in answers).map(q => [q.id, answers[q.id]]));
}

function offlinePage(mine, pageId) {
  if (!mine?.definition) return null;
  const page = pageOf(mine.definition, pageId);
  if (!page) return null;
  const [taken] = walk(mine.definition, mine.answers);
  const before = taken.includes(pageId) ? taken.slice(0, taken.indexOf(pageId)) : taken;
  return {page, answers: pick(mine.answers, page), back: before[before.length - 1] || null, prefill: {}};
}
