// Step 5: who is reporting (or "signed in as"), the answers to check, and
// send. Pressing send puts the report in the outbox with its one
// Idempotency-Key, then tries to send it; with no signal it waits there.
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {button, clearErrors, input, showErrors} from "../forms.js";
import {t} from "../i18n.js";
import {discard, queue, send} from "../outbox.js";
import {navigate} from "../navigation.js";
import {answerText} from "./fields.js";
import {apiBody, backLink, currentService, draft, draftPhotos, fieldLabels, holdErrors, previousStep, reset,
        stepFor, takeErrors, update} from "./draft.js";

function summaryRow(key, value, href) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, value || t("report.check.not_given")),
    h("dd", {class: "summary-list__actions"}, h("a", {href}, t("report.check.change"),
      h("span", {class: "visually-hidden"}, ` ${key.toLowerCase()}`))));
}

export async function render(view) {
  const service = await currentService();
  const d = draft();
  if (!service || !d.description) return navigate(service ? "/report/details" : "/report/category", {replace: true});
  const me = await myProfile();
  const contact = d.contact || {};
  const who = me
    // An account may have no name yet: then it is said without one, never as "null".
    ? [h("p", {class: "body"}, me.name ? t("report.contact.signed_in", {name: me.name, email: me.email})
        : t("report.contact.signed_in_email", {email: me.email})),
       input({field: "contact.phone", label: t("contact.phone"), type: "tel", autocomplete: "tel", optional: true,
         value: contact.phone || me.phone || "", class: "input input--width-20"})]
    : [h("p", {class: "body"}, t("report.contact.lead")),
       h("p", {class: "body"}, h("a", {href: "/sign-in?next=/report/contact"}, t("report.contact.sign_in"))),
       input({field: "contact.name", label: t("contact.name"), autocomplete: "name", optional: true,
         value: contact.name || ""}),
       input({field: "contact.email", label: t("contact.email"), type: "email", autocomplete: "email",
         spellcheck: "false", optional: true, value: contact.email || "", hint: t("report.contact.email_hint")}),
       input({field: "contact.phone", label: t("contact.phone"), type: "tel", autocomplete: "tel", optional: true,
         value: contact.phone || "", class: "input input--width-20"})];
  const answers = h("dl", {class: "summary-list"},
    summaryRow(t("report.check.category"), service.name, "/report/category"),
    service.location !== "none" ? summaryRow(t("report.check.location"), d.location?.label, "/report/location") : null,
    (service.fields || []).map(def => summaryRow(def.label, answerText(def, (d.fields || {})[def.code]), "/report/details")),
    summaryRow(t("report.check.photos"), draftPhotos().length ? String(draftPhotos().length) : null, "/report/details"),
    summaryRow(t("report.check.description"), d.description, "/report/details"));
  // Who will deal with it, before Send ("This will be sent to ..."): said when
  // the phone has signal, and left out (not guessed) when it has none.
  const goesTo = h("p", {class: "body", id: "sent-to", "aria-live": "polite"});
  // And when to expect it: the category's target (its due-date rule), kept with the categories on the phone.
  const aim = h("p", {class: "body", id: "target"}, service.target ? `${service.target.text}.` : null);
  const form = h("form", {novalidate: true}, who, h("h2", {class: "heading-m"}, t("report.check.title")), answers,
    goesTo, aim, h("p", {class: "body", id: "report-privacy"},
      t(service.private ? "report.check.privacy_private" : "report.check.privacy")), button(t("report.send")));
  if (d.location && d.location.lat != null) {
    api(`/v1/services?lat=${encodeURIComponent(d.location.lat)}&lon=${encodeURIComponent(d.location.lon)}`)
      .then(found => {
        const here = (found.services || []).find(s => s.service_code === service.service_code);
        if (here && here.sent_to_text) goesTo.textContent = `${here.sent_to_text}.`;
        if (here && here.target) aim.textContent = `${here.target.text}.`;
      }).catch(() => {});
  }

  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors(view);
    const read = name => form.elements[name]?.value.trim() || "";
    const details = me ? {phone: read("contact.phone")} : {name: read("contact.name"), email: read("contact.email"),
                                                          phone: read("contact.phone")};
    const ready = update({contact: details});
    form.querySelector("button[type=submit]").disabled = true;
    const entry = await queue(apiBody(ready), draftPhotos().map(p => ({blob: p.blob})), service.name);
    const result = await send(entry.key);
    if (result.state === "rejected") {
      await discard(entry.key);
      form.querySelector("button[type=submit]").disabled = false;
      const errors = result.error.fields?.length ? result.error.fields : [{field: null, message: result.error.message}];
      const here = errors.filter(e => e.field === null || stepFor(e.field) === "/report/contact");
      if (here.length === errors.length) {
        showErrors(view, errors, fieldLabels(service));
        return;
      }
      holdErrors(errors);
      navigate(stepFor(errors.find(e => stepFor(e.field) !== "/report/contact").field));
      return;
    }
    reset();
    if (result.state === "sent") navigate(`/report/sent?id=${encodeURIComponent(result.report.id)}`);
    else navigate(`/report/sent?queued=${encodeURIComponent(entry.key)}`);
  });

  append(view, backLink(previousStep(service, "/report/contact")),
    h("span", {class: "caption"}, t("report.caption_category", {category: service.name})),
    h("h1", {class: "heading-l"}, t("report.contact.title")), form);
  const errors = takeErrors("/report/contact");
  if (errors.length) showErrors(view, errors, fieldLabels(service));
}
