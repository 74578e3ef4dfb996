// Consultations: those open (/consultations), one with its why, documents and close
// (/consultations/<id>), responding a page at a time with the forms' own questions
// (/consultations/<id>/respond?page=...), and "We asked, you said, we did" (/consultations/<id>/results).
// Answers stay on the phone until Send: the close is told before the first question.
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, feedbackQuestion} from "../feedback.js";
import {button, errorsOf, input, Invalid, onSubmit, privacyLink} from "../forms.js";
import {walk} from "../forms/local.js";
import {blank, question, requiredWords} from "../forms/questions.js";
import {formatDay, t} from "../i18n.js";
import {navigate} from "../navigation.js";

export async function render(view, {params, url}) {
  const [id, part] = url.pathname.replace(/\/+$/, "").split("/").slice(2);
  if (!id) return list(view);
  let consultation;
  try {
    consultation = await api(`/v1/consultations/${encodeURIComponent(id)}`, {auth: false});
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("consultations.problem")),
      h("p", {class: "body"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/consultations"}, t("consultations.all"))));
  }
  if (part === "results") return results(view, consultation);
  if (part === "respond") return respond(view, consultation, params.get("page"));
  return detail(view, consultation);
}

// Open ones first, then those closed (latest first) with "We asked, you said, we did" once it is out.
async function list(view) {
  const [open, closed] = await Promise.all(["open", "closed"].map(status =>
    api(`/v1/consultations?status=${status}`, {auth: false})));
  const page = c => `/consultations/${encodeURIComponent(c.id)}`;
  append(view, h("h1", {class: "heading-l"}, t("consultations.title")), h("p", {class: "body"}, t("consultations.lead")),
    open.consultations.length ? h("ul", {class: "list", id: "consultations-list"}, open.consultations.map(c => h("li", {},
      h("a", {href: page(c)}, c.title), h("span", {class: "hint"}, ` ${t("consultations.closes", {when: c.closes_words})}`))))
      : h("p", {class: "body"}, t("consultations.none")),
    closed.consultations.length ? [h("h2", {class: "heading-m"}, t("consultations.closed_title")),
      h("ul", {class: "list list--spaced", id: "consultations-closed"}, closed.consultations.map(c => h("li", {},
        h("a", {href: page(c)}, c.title), h("span", {class: "hint"}, ` ${t("consultations.closed", {when: c.closes_words})}`),
        h("br"), c.results_published_at ? h("a", {href: `${page(c)}/results`, id: `results-${c.id}`},
          t("consultations.results_title")) : c.results_words)))] : null);
}

async function detail(view, c) {
  const base = `/consultations/${encodeURIComponent(c.id)}`;
  const me = await myProfile();
  const mine = me && c.status === "open" ? await api(`/v1${base}/response`).catch(() => null) : null;
  append(view, h("a", {class: "back-link", href: "/consultations"}, t("nav.back")),
    h("span", {class: "caption"}, c.department || ""), h("h1", {class: "heading-l"}, c.title),
    h("div", {class: "inset", id: "consultation-notice"}, c.notice),
    h("p", {class: "body"}, c.overview),
    c.status === "open" ? h("p", {class: "body"}, h("a", {class: "button button--start", id: "consultation-respond",
      href: `${base}/respond`}, t(mine ? "consultations.change" : "consultations.respond"))) : null,
    c.results ? h("p", {class: "body"}, h("a", {href: `${base}/results`, id: "consultation-results-link"},
      t("consultations.results_link"))) : null,
    h("h2", {class: "heading-m"}, t("consultations.why")), h("p", {class: "body"}, c.why),
    c.supporting_documents?.length ? [h("h2", {class: "heading-m"}, t("consultations.documents")),
      h("ul", {class: "list"}, c.supporting_documents.map(d => h("li", {}, h("a", {href: d.url, rel: "noopener"}, d.title))))] : null,
    h("h2", {class: "heading-m"}, t("consultations.next")), h("p", {class: "body"}, c.what_happens_next),
    c.results_words ? h("p", {class: "body", id: "consultation-results-words"}, c.results_words) : null);
}

const KEPT = id => `consultation:${id}`;

function kept(id) {
  try {
    return JSON.parse(sessionStorage.getItem(KEPT(id))) || {answers: {}};
  } catch {
    return {answers: {}};
  }
}

function keep(id, value) {
  sessionStorage.setItem(KEPT(id), JSON.stringify(value));
}

async function respond(view, c, pageId) {
  const base = `/consultations/${encodeURIComponent(c.id)}`;
  if (pageId === "sent") return sent(view, c);
  append(view, h("a", {class: "back-link", href: base}, t("nav.back")));
  if (c.status !== "open") {
    return append(view, h("h1", {class: "heading-l"}, c.title), h("p", {class: "body", id: "consultation-notice"}, c.notice));
  }
  if (!pageId) countStart("consultations");  // a response begun: its first page
  const me = await myProfile();
  let mine = kept(c.id);
  if (me && !mine.loaded) {  // a signed-in resident changes the response they sent
    const earlier = await api(`/v1${base}/response`).catch(() => null);
    mine = {answers: earlier?.answers || {}, postcode: earlier?.postcode || "", loaded: true};
    keep(c.id, mine);
  }
  const form = c.form;
  const page = form.pages.find(p => p.id === pageId) || (pageId === "send" ? null : form.pages[0]);
  if (!page) return sendStep(view, c, mine, Boolean(me));
  // Headed by the page's title or the consultation's (forms' questions.js cannot yet head a lone text question).
  const shown = page.questions.map(q => question(q, mine.answers[q.id]));
  const step = h("form", {novalidate: true}, shown.map(s => s.el), button(t("consultations.continue")));
  onSubmit(step, view, async () => {
    const answers = {...mine.answers};
    page.questions.forEach((q, i) => { answers[q.id] = shown[i].read(step); });
    // Checked on its own page (nothing is sent until the end): a question left empty is said here, not after Send.
    const missing = page.questions.filter(q => !q.optional && blank(answers[q.id]));
    if (missing.length) throw new Invalid(missing.map(q => ({field: q.id, message: requiredWords(q)})));
    keep(c.id, {...mine, answers});
    const [, next] = walk(form, answers);
    await navigate(`${base}/respond?page=${encodeURIComponent(next === "check" ? "send" : next)}`);
  });
  append(view, page === form.pages[0] ? h("div", {class: "inset", id: "consultation-notice"}, c.notice) : null,
    h("h1", {class: "heading-l"}, page.title || c.title), step);
}

function sendStep(view, c, mine, signedIn) {
  const base = `/consultations/${encodeURIComponent(c.id)}`;
  const key = mine.key || crypto.randomUUID();  // pressing Send again after no answer sends the same response
  keep(c.id, {...mine, key});
  const form = h("form", {novalidate: true},
    input({field: "postcode", label: t("consultations.postcode"), hint: t("consultations.postcode_hint"),
      optional: true, value: mine.postcode || "", autocomplete: "postal-code", class: "input input--width-10"}),
    h("p", {class: "body"}, c.notice), privacyLink("consultations"), button(t("consultations.send")));
  onSubmit(form, view, async () => {
    const postcode = form.elements.postcode.value.trim();
    const body = {answers: mine.answers, ...(postcode ? {postcode} : {})};
    const made = signedIn
      ? await api(`/v1${base}/response`, {method: "PUT", body})
      : await api(`/v1${base}/responses`, {method: "POST", body, auth: false, headers: {"Idempotency-Key": key}});
    keep(c.id, {answers: {}, sent: made});
    await navigate(`${base}/respond?page=sent`, {replace: true});
  });
  append(view, h("h1", {class: "heading-l"}, t("consultations.send_title")), form);
}

function sent(view, c) {
  const made = kept(c.id).sent || {};
  append(view, h("div", {class: "panel", id: "consultation-sent"}, h("h1", {class: "panel__title"}, t("consultations.sent")),
    made.id ? h("div", {class: "panel__body"}, t("consultations.reference", {reference: made.id})) : null),
    made.can_change_until ? h("p", {class: "body", id: "consultation-change-until"},
      t("consultations.can_change", {when: made.can_change_until})) : null,
    h("p", {class: "body"}, c.what_happens_next),
    h("p", {class: "body"}, h("a", {href: "/consultations"}, t("consultations.all"))),
    feedbackQuestion(made.feedback));  // the response's own answer, kept with it: how did responding go?
}

function results(view, c) {
  const r = c.results;
  append(view, h("a", {class: "back-link", href: `/consultations/${encodeURIComponent(c.id)}`}, t("nav.back")),
    h("span", {class: "caption"}, c.title), h("h1", {class: "heading-l"}, t("consultations.results_title")));
  if (!r) return append(view, h("p", {class: "body"}, t("consultations.no_results")));
  const decision = r.decision?.url ? h("a", {href: r.decision.url, rel: "noopener"}, r.decision.title || r.decision.url)
    : r.decision ? (r.decision.title || r.decision.item_id) : null;
  append(view, h("p", {class: "body", id: "results-summary"}, r.summary),
    h("h2", {class: "heading-m"}, t("consultations.we_asked")), h("p", {class: "body"}, c.overview),
    h("h2", {class: "heading-m"}, t("consultations.you_said")), h("p", {class: "body"}, r.you_said),
    h("h2", {class: "heading-m"}, t("consultations.we_did")), h("p", {class: "body"}, r.we_did),
    decision ? h("p", {class: "body"}, t("consultations.decision"), " ", decision) : null,
    r.figures?.length ? h("ul", {class: "list"}, r.figures.map(f => h("li", {}, `${f.label}: ${f.value}${f.unit || ""}`))) : null,
    h("h2", {class: "heading-m"}, r.total == null ? t("consultations.by_ward_only") : t("consultations.by_ward", {total: r.total})),
    r.total_withheld ? h("p", {class: "body", id: "results-total-withheld"}, r.total_withheld) : null,
    h("ul", {class: "list", id: "results-wards"}, r.wards.map(w => h("li", {},
      `${w.ward}: ${w.responses ?? t("consultations.withheld")}`))));
}
