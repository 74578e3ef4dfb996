// The council's forms (/forms), a form's start or link out, and the e-mailed link back (/forms/resume).
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, youSaidWeDid} from "../feedback.js";
import {button, errorsOf, input, onSubmit, privacyLink, showErrors} from "../forms.js";
import {keep} from "../forms/local.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";

export async function render(view, {params, url}) {
  const [formId, submissionId] = url.pathname.replace(/\/+$/, "").split("/").slice(2);
  if (formId === "resume") return resume(view, params);
  if (submissionId) {
    const steps = await import("../forms/steps.js");
    if (params.get("page")) return steps.renderPage(view, formId, submissionId, params.get("page"));
    return steps.render(view, formId, submissionId, params.get("step") || "check");
  }
  if (formId) {
    countStart("forms");  // a form's start page: its pages and check are the same visit
    return intro(view, formId);
  }
  return list(view);
}

export function nextPath(formId, submissionId, next) {
  const base = `/forms/${encodeURIComponent(formId)}/${encodeURIComponent(submissionId)}`;
  return next === "check" || !next ? `${base}?step=check` : `${base}?page=${encodeURIComponent(next)}`;
}

function problem(view, error) {
  append(view, h("h1", {class: "heading-l"}, t("forms.problem")), h("p", {class: "body"}, errorsOf(error)[0].message),
    h("p", {class: "body"}, h("a", {href: "/forms"}, t("forms.all"))));
}

async function list(view) {
  let found;
  try {
    found = await api("/v1/forms", {auth: false});
  } catch (error) {
    return problem(view, error);
  }
  const me = await myProfile();
  const mine = me ? await api("/v1/me/form-submissions").catch(() => null) : null;
  const going = (mine?.submissions || []).filter(s => s.state !== "submitted");  // paying too: back to its card page
  append(view, h("h1", {class: "heading-l"}, t("forms.title")), h("p", {class: "body"}, t("forms.lead")),
    me ? null : h("p", {class: "body"}, h("a", {href: "/sign-in?next=/forms"}, t("forms.sign_in"))),
    going.length ? [h("h2", {class: "heading-m"}, t("forms.yours")), h("ul", {class: "list", id: "forms-mine"},
      going.map(s => h("li", {}, h("a", {href: nextPath(s.form_id, s.id, s.next)}, s.title),
        h("span", {class: "hint"}, ` ${t("forms.saved_on", {date: formatDate(s.updated_at, true)})}`))))] : null,
    h("ul", {class: "list", id: "forms-list"}, found.forms.map(f => h("li", {},
      h("a", {href: `/forms/${encodeURIComponent(f.id)}`}, f.title)))), youSaidWeDid("forms"));
}

async function intro(view, formId) {
  let form;
  try {
    form = await api(`/v1/forms/${encodeURIComponent(formId)}`, {auth: false});
  } catch (error) {
    return problem(view, error);
  }
  append(view, h("a", {class: "back-link", href: "/forms"}, t("nav.back")), h("h1", {class: "heading-l"}, form.title));
  if (form.kind === "link_out") {
    const out = form.link_out;
    return append(view, h("p", {class: "body", id: "form-link-out"}, out.words),
      h("p", {class: "body"}, h("a", {class: "button button--start", href: out.url, rel: "noopener"}, out.button || t("forms.link_out"))),
      h("p", {class: "hint"}, t("forms.link_out_note")));
  }
  const start = h("form", {novalidate: true}, privacyLink("forms"), button(t("forms.start"), {class: "button button--start"}));
  const key = crypto.randomUUID();  // pressing again after no answer starts the same submission
  onSubmit(start, view, async () => {
    const made = await api(`/v1/forms/${encodeURIComponent(formId)}/submissions`, {
      method: "POST", body: {}, headers: {"Idempotency-Key": key}});
    keep(made.id, {form_id: formId, token: made.token || null, definition: form, title: form.title});
    await navigate(nextPath(formId, made.id, made.next));
  });
  append(view, form.description ? h("p", {class: "body"}, form.description) : null,
    form.receiving?.working_days ? h("p", {class: "body"}, t("forms.reply_within", {days: form.receiving.working_days})) : null,
    start);
}

function resume(view, params) {
  const submissionId = params.get("s") || "";
  const token = params.get("t") || "";
  const form = h("form", {novalidate: true},
    input({field: "code", label: t("forms.resume.code"), hint: t("forms.resume.code_hint"), inputmode: "numeric",
      autocomplete: "one-time-code", class: "input input--width-10"}),
    button(t("forms.resume.continue")));
  onSubmit(form, view, async () => {
    const back = await api("/v1/form-submissions/resume", {method: "POST", auth: false,
      body: {submission_id: submissionId, token, code: form.elements.code.value.trim()}});
    const definition = await api(`/v1/forms/${encodeURIComponent(back.form_id)}`, {auth: false}).catch(() => null);
    keep(back.id, {form_id: back.form_id, token: back.token, title: back.title,
      definition: definition && definition.version === back.version ? definition : null});
    await navigate(nextPath(back.form_id, back.id, back.next), {replace: true});
  }, {code: t("forms.resume.code")});
  append(view, h("h1", {class: "heading-l"}, t("forms.resume.title")), h("p", {class: "body"}, t("forms.resume.lead")), form);
  if (!submissionId || !token) showErrors(view, [{field: null, message: t("forms.resume.bad_link")}]);
}
