// A consultee (the police, environmental health, fire ...) from the link in the e-mail the council sent when an
// application was received or a notice given (/licensing/consult#<token>: the token stays in the fragment, out of
// servers' logs): the case as its applicant reads it, their own last day, and their answer. No account: the link is
// the right, for that consultee on that case. Answering again replaces the answer until the case is decided.
import {api} from "../api.js";
import {append, h, summaryRow as row} from "../dom.js";
import {button, choices, errorsOf, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {redraw} from "../navigation.js";

const day = iso => (iso ? formatDay(iso, true) : "");

export async function render(view) {
  const token = location.hash.slice(1);  // base64url: no decoding, which threw (a blank page) on a mangled "%"
  const path = `/v1/licensing/consultations/${encodeURIComponent(token)}`;
  let opened;
  try {
    opened = await api(path, {auth: false});
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t(error?.code === "link_expired" ? "consult.expired" : "consult.failed")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  append(view, ...parts(view, opened, path));
}

// The page's nodes for what the server answered: drawn first, and again in place of the form once answered.
function parts(view, opened, path) {
  const {case: c, consultee} = opened;
  const premises = c.premises.name || c.premises.address;
  const given = consultee.answer
    ? h("div", {class: "panel", id: "consult-answered", role: "status"},
      h("p", {class: "panel__title"}, t("consult.answered", {answer: t(`consult.answer.${consultee.answer}`)})),
      consultee.late ? h("p", {class: "body"}, t("consult.late")) : null)
    : null;
  const shown = [h("span", {class: "caption"}, `${c.id}: ${c.type_name}`),
    h("h1", {class: "heading-l"}, t("consult.title", {premises, consultee: consultee.name})), given,
    h("dl", {class: "summary-list"},
      c.premises.address ? row(t("consult.address"), c.premises.address) : null,
      c.applicant.name ? row(t("consult.applicant"), c.applicant.name) : null,
      c.purpose === "variation" ? row(t("consult.purpose"), t("licensing.a_variation")) : null,
      c.event ? row(t("consult.event"), `${day(c.event.first_day)}, ${c.event.start || ""}`) : null,
      consultee.due ? row(t("consult.due"), day(consultee.due)) : null,
      ...c.clocks.map(k => row(k.label, day(k.last_day))))];
  if (!opened.open) return [...shown, h("p", {class: "body", id: "consult-closed"}, t("consult.closed"))];
  const form = h("form", {novalidate: true, id: "consult-form"},
    choices({field: "answer", legend: t("consult.your_answer"), options: opened.answers.map(a =>
      ({value: a, label: t(`consult.answer.${a}`)}))}),
    textarea({field: "words", label: t("consult.words"), hint: t("consult.words_hint"), optional: true, rows: 4,
      maxlength: 4000}),
    button(t("consult.send")));
  onSubmit(form, view, async () => {
    const answer = form.elements.answer.value;
    if (!answer) throw new Invalid([{field: "answer", message: t("consult.answer_missing")}]);
    const words = form.elements.words.value.trim();
    const answered = await api(path, {method: "POST", auth: false, body: {answer, ...(words ? {words} : {})}});
    redraw(view, ...parts(view, answered, path));
  });
  return [...shown, form, h("p", {class: "hint"}, t("consult.expires", {when: formatDate(opened.expires_at, true)}))];
}
