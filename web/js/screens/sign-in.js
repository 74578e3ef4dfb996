// Sign in with e-mail and password, or with the council's national account (ScotAccount) when its
// settings name one; back to where the resident was going.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, input, Invalid, looksLikeEmail, onSubmit} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {deviceToken, rememberDevice, rememberProfile, roleHome, saveTokens} from "../session.js";
import {keepPlace, wallReason} from "../walls.js";

export function safeNext(params) {
  const next = params.get("next") || "/account";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/account";
}

/** Why the place the resident was going needs an account, when it says so. */
export function why(params) {
  const reason = params.get("next") ? wallReason(safeNext(params)) : null;
  return reason ? h("p", {class: "inset", id: "sign-in-why"}, t(`sign_in.why.${reason}`)) : null;
}

/** A button for each national account the council signs residents in with: off to it, back at /sign-in/return. */
async function providers(view, params) {
  let found;
  try {
    found = (await api("/v1/auth/providers", {auth: false})).providers;
  } catch {
    return null;  // offline, say: the e-mail form is there all the same
  }
  if (!found.length) return null;
  return h("div", {id: "sign-in-providers"}, ...found.map(provider => {
    const form = h("form", {novalidate: true}, button(t("sign_in.with_provider", {provider: provider.name})));
    onSubmit(form, view, async () => {
      const begun = await api(`/v1/auth/providers/${encodeURIComponent(provider.id)}/start`,
        {method: "POST", body: {next: safeNext(params)}, auth: false});
      location.assign(begun.authorize_url);
    });
    return form;
  }), h("p", {class: "body"}, t("sign_in.or_email")));
}

/** A button for each directory the council signs its officers in with: off to it, back at /sign-in/staff/return. */
async function staffProviders(view, params) {
  let found;
  try {
    found = (await api("/v1/auth/staff-providers", {auth: false})).providers;
  } catch {
    return null;
  }
  if (!found.length) return null;
  return h("section", {id: "sign-in-staff", "aria-labelledby": "sign-in-staff-title"},
    h("h2", {class: "heading-m", id: "sign-in-staff-title"}, t("sign_in.staff_title")),
    ...found.map(provider => {
      const form = h("form", {novalidate: true}, button(t("sign_in.staff_with", {provider: provider.name}), {secondary: true}));
      onSubmit(form, view, async () => {
        const next = params.get("next") ? safeNext(params) : "/staff";
        const begun = await api(`/v1/auth/staff-providers/${encodeURIComponent(provider.id)}/start`,
          {method: "POST", body: {next}, auth: false});
        location.assign(begun.authorize_url);
      });
      return form;
    }));
}

export async function render(view, {params}) {
  const form = h("form", {novalidate: true},
    input({field: "email", label: t("account.email"), type: "email", autocomplete: "email", spellcheck: "false"}),
    input({field: "password", label: t("account.password"), type: "password", autocomplete: "current-password"}),
    button(t("account.sign_in")));
  onSubmit(form, view, async () => {
    const email = form.elements.email.value.trim();
    const password = form.elements.password.value;
    check(["email", t("account.email_required"), email],
      ["email", t("account.email_format"), !email || looksLikeEmail(email)],
      ["password", t("account.password_required"), password]);
    try {
      const body = {email, password};
      const device = await deviceToken(email);
      if (device) body.device_token = device;
      const signed = await api("/v1/auth/login", {method: "POST", body, auth: false});
      saveTokens(signed);
      await rememberDevice(email, signed.device_token);
    } catch (error) {
      if (error.code === "invalid_credentials") throw new Invalid([{field: "email", message: t("account.wrong_password")}]);
      throw error;
    }
    rememberProfile(await api("/v1/me"));
    keepPlace(null);  // back there now
    navigate(params.get("next") || !roleHome() ? safeNext(params) : roleHome(), {replace: true});
  }, {email: t("account.email"), password: t("account.password")});
  append(view, h("h1", {class: "heading-l"}, t("account.sign_in_title")), why(params), await providers(view, params), form,
    h("ul", {class: "list list--spaced"},
      h("li", {}, h("a", {href: params.get("next") ? `/register?next=${encodeURIComponent(safeNext(params))}` : "/register"},
        t("account.create"))),
      h("li", {}, h("a", {href: "/reset-password"}, t("account.forgotten")))), await staffProviders(view, params));
}
