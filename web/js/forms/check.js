// Check your answers (only the pages taken, each with a Change link), the
// declaration and Send; then the reference at once. "Save and come back":
// signed in it is saved already (any device); anonymous, a link by e-mail
// and a code shown here, both needed on the other browser.
import {api, myProfile, Offline} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {add, discard, send} from "../outbox.js";
import {navigate} from "../router.js";
import {nextPath} from "../screens/forms.js";
import {kept, keep, pageOf, tokenHeader, walk} from "./local.js";
import {answerWords} from "./questions.js";

export async function render(view, formId, submissionId, step) {
  const base = `/forms/${encodeURIComponent(formId)}/${encodeURIComponent(submissionId)}`;
  if (step === "save") return save(view, formId, submissionId, base);
  if (step === "sent") return sent(view, submissionId);
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
    button(t("forms.check.send")));
  onSubmit(form, view, async () => {
    const agreed = Boolean(form.querySelector('input[name="declaration"]:checked'));
    if (check.declaration && !agreed) {
      throw new Invalid([{field: "declaration", message: t("forms.check.declaration_missing")}]);
    }
    const entry = await add({kind: "form", submission: submissionId, form_id: formId, declaration: agreed,
      photos: []});
    const result = await send(entry.key);
    if (result.state === "sent") return navigate(`${base}?step=sent`, {replace: true});
    if (result.state === "rejected") {
      await discard(entry.key);  // corrected, it is a new send
      throw result.error;
    }
    return navigate(`${base}?step=sent`, {replace: true});  // waiting for signal: said on the next screen
  });
  append(view, h("a", {class: "back-link", href: nextPath(formId, submissionId, check.pages.at(-1)?.id)}, t("nav.back")),
    h("span", {class: "caption"}, check.title || mine?.title || ""),
    h("h1", {class: "heading-l"}, t("forms.check.title")),
    h("dl", {class: "summary-list", id: "form-answers"}, rows), form);
}

/** Check your answers from the phone's own copy (answers not sent yet, or no signal). */
function offlineCheck(mine) {
  if (!mine?.definition) return null;
  const [taken, next] = walk(mine.definition, mine.answers);
  return {title: mine.title, complete: next === "check", next, declaration: mine.definition.declaration,
    pages: taken.map(id => pageOf(mine.definition, id)).map(p => ({id: p.id, questions: p.questions.map(q => (
      {...q, answer: mine.answers[q.id]}))}))};
}

function sent(view, submissionId) {
  const mine = kept(submissionId) || {};
  if (!mine.reference) {
    // Sent from the outbox once there is signal: then this screen shows the reference.
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
    mine.copy ? h("p", {class: "body"}, t("forms.sent.copy")) : null,
    mine.what_happens_next ? [h("h2", {class: "heading-m"}, t("forms.sent.next")),
      h("p", {class: "body"}, mine.what_happens_next)] : null,
    h("p", {class: "body"}, h("a", {href: "/forms"}, t("forms.all"))));
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
