// /landlords: a landlord's start. Someone not yet acting for a landlord
// registers one as its lead user with the creditor reference and the proof
// the council chose (a tenant's claim reference and surname, or the last 4
// digits of the bank account paid); a registration waiting for the council
// says so; a member sees where to go, the lead their colleagues too.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {youSaidWeDid} from "../feedback.js";
import {button, input, onSubmit, privacyLink} from "../forms.js";
import {t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {ask} from "./common.js";

const FIELDS = {
  claim: [["claim_ref", {hint: "ll.reg.claim_ref_hint", autocapitalize: "characters", spellcheck: "false"}],
          ["surname", {autocomplete: "off"}]],
  bank: [["bank_last4", {hint: "ll.reg.bank_last4_hint", inputmode: "numeric", class: "input input--width-4"}]],
};

async function register(view) {
  const how = await ask(view, "/v1/landlords/registering");
  if (!how) return;
  const fields = [["creditor_ref", {hint: "ll.reg.creditor_ref_hint", autocapitalize: "characters",
    spellcheck: "false"}], ...FIELDS[how.proof]];
  const labels = Object.fromEntries(fields.map(([name]) => [name, t(`ll.reg.${name}`)]));
  const form = h("form", {novalidate: true, id: "landlord-register"},
    fields.map(([name, {hint, ...attrs}]) => input({field: name, label: labels[name], hint: hint && t(hint), ...attrs})),
    privacyLink("landlords"), button(t("ll.reg.press")));
  onSubmit(form, view, async () => {
    const body = Object.fromEntries(fields.map(([name]) => [name, form.elements[name].value.trim()]));
    const made = await api("/v1/landlords", {method: "POST", body});
    if (made.state === "active") return navigate("/landlords", {replace: true});
    redraw(view, h("h1", {class: "heading-l"}, t("ll.waiting_title")), h("p", {class: "body"}, t("ll.waiting_body")));
  }, labels);
  append(view, h("h1", {class: "heading-l"}, t("ll.reg.title")), h("p", {class: "body"}, t("ll.reg.lead")),
    h("p", {class: "body"}, t(`ll.reg.proof_${how.proof}`)), how.approval ? h("p", {class: "body"}, t("ll.reg.approval")) : null,
    form);
}

export async function render(view, {landlord}) {
  if (!landlord) return register(view);
  if (landlord.state !== "active") {
    return append(view, h("h1", {class: "heading-l"}, t("ll.waiting_title")),
      h("p", {class: "body", id: "landlord-waiting"}, t("ll.waiting_body")));
  }
  const link = (href, key, hint) => h("li", {}, h("h2", {class: "heading-s"}, h("a", {href}, t(key))),
    h("p", {class: "body"}, t(hint)));
  append(view, h("span", {class: "caption"}, landlord.creditor_ref), h("h1", {class: "heading-l"}, landlord.name),
    h("p", {class: "body", id: "landlord-role"}, t(`ll.role_${landlord.role}`)),
    h("ul", {class: "list list--spaced"},
      link("/landlords/runs", "ll.nav.runs", "ll.nav.runs_hint"),
      link("/landlords/claims", "ll.nav.claims", "ll.nav.claims_hint"),
      link("/landlords/changes", "ll.nav.changes", "ll.nav.changes_hint"),
      landlord.role === "lead" ? link("/landlords/colleagues", "ll.nav.colleagues", "ll.nav.colleagues_hint") : null),
    youSaidWeDid("landlords"));
}
