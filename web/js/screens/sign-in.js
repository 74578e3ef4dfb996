// Sign in with e-mail and password; back to where the resident was going.
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

export function render(view, {params}) {
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
  append(view, h("h1", {class: "heading-l"}, t("account.sign_in_title")), why(params), form,
    h("ul", {class: "list list--spaced"},
      h("li", {}, h("a", {href: params.get("next") ? `/register?next=${encodeURIComponent(safeNext(params))}` : "/register"},
        t("account.create"))),
      h("li", {}, h("a", {href: "/reset-password"}, t("account.forgotten")))));
}
