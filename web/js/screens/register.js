// Create an account; the API sends a link to confirm the address.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, input, onSubmit, privacyLink} from "../forms.js";
import {t} from "../i18n.js";
import {redraw} from "../navigation.js";
import {keepPlace} from "../walls.js";
import {safeNext, why} from "./sign-in.js";

export function render(view, {params}) {
  // Back where the resident was going once they sign in, even from the confirming e-mail's tab.
  const next = params.get("next") ? safeNext(params) : null;
  const signIn = next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
  const form = h("form", {novalidate: true},
    input({field: "name", label: t("account.name"), autocomplete: "name"}),
    input({field: "email", label: t("account.email"), type: "email", autocomplete: "email", spellcheck: "false",
      hint: t("account.email_hint")}),
    input({field: "password", label: t("account.new_password"), type: "password", autocomplete: "new-password",
      hint: t("account.password_hint")}),
    button(t("account.create_button")));
  onSubmit(form, view, async () => {
    const body = {name: form.elements.name.value.trim(), email: form.elements.email.value.trim(),
                  password: form.elements.password.value};
    await api("/v1/auth/register", {method: "POST", body, auth: false});
    keepPlace(next);
    redraw(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("account.check_email_title"))),
      h("p", {class: "body"}, t("account.check_email", {email: body.email})),
      h("p", {class: "body"}, h("a", {href: signIn}, t("account.sign_in"))));
  }, {name: t("account.name"), email: t("account.email"), password: t("account.new_password")});
  append(view, h("h1", {class: "heading-l"}, t("account.create_title")), why(params),
    h("p", {class: "body"}, t("account.create_lead")), form,
    h("p", {class: "body"}, h("a", {href: signIn}, t("account.have_account"))), privacyLink("account"));
}
