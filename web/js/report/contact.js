// Step 5: who is reporting (or "signed in as"), the answers to check, and
// send. Pressing send puts the report in the outbox with its one
// Idempotency-Key, then tries to send it; with no signal it waits there.
// A complaint asks how it will be answered: an email address or a phone
// number, one at least (the API refuses it without), before it is queued.
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {button, clearErrors, group, input, privacyLink, showErrors} from "../forms.js";
import {t} from "../i18n.js";
import {discard, queue, send} from "../outbox.js";
import {navigate} from "../navigation.js";
import {answerText} from "./fields.js";
import {apiBody, backLink, caption, currentService, draft, draftPhotos, fieldLabels, holdErrors, isComplaint,
        needsContact, previousStep, reset, stepFor, takeErrors, update} from "./draft.js";

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
  const complaint = isComplaint(service);
  // A category answered to its maker: email or phone, one at least (not each "optional"), unless the account's
  // own email answers it.
  const oneOf = needsContact(service) && !me?.email;
  const phone = input({field: "contact.phone", label: t("contact.phone"), type: "tel", autocomplete: "tel",
    optional: !oneOf, value: contact.phone || me?.phone || "", class: "input input--width-20"});
  const reach = me ? [phone]
    : [input({field: "contact.email", label: t("contact.email"), type: "email", autocomplete: "email", spellcheck: "false",
         optional: !oneOf, value: contact.email || "", hint: t(complaint ? "complaint.contact.email_hint" : "report.contact.email_hint")}),
       phone];
  const who = [
    // An account may have no name yet: then it is said without one, never as "null".
    me ? h("p", {class: "body"}, me.name
      ? t(complaint ? "complaint.contact.signed_in" : "report.contact.signed_in", {name: me.name, email: me.email})
      : t(complaint ? "complaint.contact.signed_in_email" : "report.contact.signed_in_email", {email: me.email}))
      : h("p", {class: "body"}, t(complaint ? "complaint.contact.lead" : "report.contact.lead")),
    me ? null : h("p", {class: "body"}, h("a", {href: "/sign-in?next=/report/contact"}, t("report.contact.sign_in"))),
    me ? null : input({field: "contact.name", label: t("contact.name"), autocomplete: "name", optional: true,
      value: contact.name || ""}),
    // One question of two boxes (GOV.UK's fieldset), so "give one of them" has a place to be said.
    oneOf ? group("contact", h("fieldset", {class: "fieldset"}, h("legend", {class: "legend"}, t("complaint.contact.legend")),
      h("div", {class: "hint"}, t("complaint.contact.hint")), reach)) : reach,
    privacyLink("reports")];
  const answers = h("dl", {class: "summary-list"},
    // A complaint's category was chosen by the front door, and its caption names it.
    complaint ? null : summaryRow(t("report.check.category"), service.name, "/report/category"),
    service.location !== "none" ? summaryRow(t("report.check.location"), d.location?.label, "/report/location") : null,
    (service.fields || []).map(def => summaryRow(def.label, answerText(def, (d.fields || {})[def.code]), "/report/details")),
    summaryRow(t("report.check.photos"), draftPhotos().length ? String(draftPhotos().length) : null, "/report/details"),
    summaryRow(t(complaint ? "complaint.check.description" : "report.check.description"), d.description, "/report/details"));
  // Who will deal with it, before Send ("This will be sent to ..."): said when
  // the phone has signal, and left out (not guessed) when it has none.
  const goesTo = h("p", {class: "body", id: "sent-to", "aria-live": "polite"});
  // And when to expect it: the category's target (its due-date rule), kept with the categories on the phone.
  const aim = h("p", {class: "body", id: "target"}, service.target ? `${service.target.text}.` : null);
  const form = h("form", {novalidate: true}, who,
    h("h2", {class: "heading-m"}, t(complaint ? "complaint.check.title" : "report.check.title")), answers,
    goesTo, aim, h("p", {class: "body", id: "report-privacy"},
      t(service.private ? "report.check.privacy_private" : "report.check.privacy")),
    button(t(complaint ? "complaint.send" : "report.send")));
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
    if (oneOf && !details.email && !details.phone) {
      showErrors(view, [{field: "contact", message: t("complaint.contact.required"), whole: true}], fieldLabels(service));
      return;
    }
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
    caption(service),
    h("h1", {class: "heading-l"}, t(complaint ? "complaint.contact.title" : "report.contact.title")), form);
  const errors = takeErrors("/report/contact");
  if (errors.length) showErrors(view, errors, fieldLabels(service));
}
