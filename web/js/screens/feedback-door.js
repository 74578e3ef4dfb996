// Complaints, comments and compliments: one front door (issue 72). A complaint
// is a report in the council's complaint category (the first of `kind`
// complaint), so it goes on to that journey, worded as a complaint (its
// deadlines are the council's complaints procedure's); a comment or a
// compliment asks which service (or team) and the words, sent once whatever
// is pressed again (one Idempotency-Key per screen), and says it was kept.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {offers} from "../council.js";
import {isComplaint, loadServices, nextStep, update} from "../report/draft.js";

// The API's services (handlers/feedback/services.py), each with the switch a council turns it off by.
const SERVICES = [["reports", null], ["bills", "pay"], ["council_tax", "council_tax"], ["bulky", "bulky"],
  ["garden", "garden"], ["containers", "containers"], ["halls", "hire"], ["appointments", "appointments"],
  ["forms", "forms"], ["moving", "moving"], ["repairs", "repairs"], ["landlords", "landlords"],
  ["consultations", "consultations"]];
const KINDS = ["complaint", "comment", "compliment"];
const WORDS_MAX = 2000;

export async function render(view, {params}) {
  const kind = params.get("kind");
  if (kind === "comment" || kind === "compliment") return tell(view, kind);
  const form = h("form", {novalidate: true},
    choices({field: "kind", legend: t("front_door.which"), options: KINDS.map(k => ({
      value: k, label: t(`front_door.kind.${k}`), hint: t(`front_door.kind.${k}_hint`)}))}),
    button(t("form.continue")));
  onSubmit(form, view, async () => {
    const chosen = new FormData(form).get("kind");
    if (!chosen) throw new Invalid([{field: "kind", message: t("front_door.which_required")}]);
    if (chosen !== "complaint") return navigate(`/feedback?kind=${chosen}`);
    const complaint = (await loadServices()).find(isComplaint);
    if (!complaint) return navigate("/report/category");  // a council without the category: its own list
    update({service_code: complaint.service_code, fields: {}});
    return navigate(nextStep(complaint, "/report/category"));
  }, {kind: t("front_door.which")});
  append(view, h("h1", {class: "heading-l"}, t("front_door.title")),
    h("p", {class: "body"}, t("front_door.lead")), form);
}

function tell(view, kind) {
  const key = crypto.randomUUID();  // pressed twice, or sent again after no answer: one comment
  const offered = SERVICES.filter(([, switched]) => !switched || offers(switched));
  const form = h("form", {novalidate: true},
    choices({field: "service", legend: t(`front_door.${kind}.service`), small: true,
      options: offered.map(([service]) => ({value: service, label: t(`front_door.service.${service}`)}))}),
    textarea({field: "words", label: t(`front_door.${kind}.words`), hint: t("front_door.words_hint"), rows: 6,
      maxlength: String(WORDS_MAX)}),
    input({field: "reply_email", label: t("front_door.reply"), hint: t("front_door.reply_hint"), type: "email",
      optional: true, autocomplete: "email", spellcheck: "false"}),
    button(t("front_door.send")));
  onSubmit(form, view, async () => {
    const service = new FormData(form).get("service");
    const words = form.elements.words.value.trim();
    const problems = [];
    if (!service) problems.push({field: "service", message: t("front_door.service_required")});
    if (!words) problems.push({field: "words", message: t("front_door.words_required")});
    if (problems.length) throw new Invalid(problems);
    const reply = form.elements.reply_email.value.trim();
    const sent = await api("/v1/feedback/comments", {method: "POST", headers: {"Idempotency-Key": key},
      body: {kind, service, words, ...(reply ? {reply_email: reply} : {})}});
    redraw(view, h("h1", {class: "heading-l", id: "front-door-done"}, t(`front_door.${kind}.done`)),
      h("p", {class: "body"}, t(`front_door.${kind}.done_lead`, {service: t(`front_door.service.${sent.service}`)})),
      h("p", {class: "body"}, t(sent.reply_asked ? "front_door.reply_promised" : "front_door.no_reply")),
      h("p", {class: "body"}, h("a", {href: "/"}, t("front_door.home"))));
  }, {service: t(`front_door.${kind}.service`), words: t(`front_door.${kind}.words`),
    reply_email: t("front_door.reply")});
  append(view, h("a", {class: "back-link", href: "/feedback"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t(`front_door.${kind}.title`)), form);
}
