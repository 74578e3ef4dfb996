// The links in account e-mails: /verify?token= confirms the address;
// /reset-password asks for a link, /reset-password?token= sets a password.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, onSubmit} from "../forms.js";
import {t, tCount} from "../i18n.js";
import {redraw} from "../navigation.js";
import {rememberDevice} from "../session.js";
import {keptPlace} from "../walls.js";

async function verify(view, token) {
  try {
    const done = await api("/v1/auth/verify", {method: "POST", body: {token}, auth: false});
    append(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("account.verified_title"))),
      // Reports made before signing up join the account: said only when there were some.
      done.claimed_reports.length ? h("p", {class: "body", id: "claimed"}, tCount("account.claimed", done.claimed_reports.length))
        : null,
      // The account was made on the way somewhere: signing in goes on there.
      h("p", {class: "body"}, keptPlace()
        ? h("a", {href: `/sign-in?next=${encodeURIComponent(keptPlace())}`}, t("account.carry_on"))
        : h("a", {href: "/account"}, t("account.go_to_account"))));
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("account.link_failed")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}

function finished(view, titleKey, bodyText) {
  redraw(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t(titleKey))),
    h("p", {class: "body"}, bodyText), h("p", {class: "body"}, h("a", {href: "/sign-in"}, t("account.sign_in"))));
}

function requestReset(view) {
  const form = h("form", {novalidate: true},
    input({field: "email", label: t("account.email"), type: "email", autocomplete: "email", spellcheck: "false"}),
    button(t("account.reset_send")));
  onSubmit(form, view, async () => {
    const email = form.elements.email.value.trim();
    await api("/v1/auth/password-reset", {method: "POST", body: {email}, auth: false});
    finished(view, "account.check_email_title", t("account.reset_sent", {email}));
  }, {email: t("account.email")});
  append(view, h("h1", {class: "heading-l"}, t("account.reset_title")), h("p", {class: "body"}, t("account.reset_lead")), form);
}

function chooseNew(view, token) {
  const form = h("form", {novalidate: true},
    input({field: "password", label: t("account.new_password"), type: "password", autocomplete: "new-password",
      hint: t("account.password_hint")}),
    button(t("account.reset_save")));
  onSubmit(form, view, async () => {
    const changed = await api("/v1/auth/password-reset/confirm", {method: "POST", auth: false,
      body: {token, password: form.elements.password.value}});
    await rememberDevice(changed.email, changed.device_token);  // proof of the mailbox: this device is trusted
    finished(view, "account.reset_done_title", t("account.reset_done"));
  }, {password: t("account.new_password")});
  append(view, h("h1", {class: "heading-l"}, t("account.choose_password")), form);
}

export function render(view, {params, url}) {
  const token = params.get("token");
  if (url.pathname === "/verify") {
    if (token) return verify(view, token);
    return append(view, h("h1", {class: "heading-l"}, t("account.link_failed")),
      h("p", {class: "body"}, t("account.link_incomplete")));
  }
  return token ? chooseNew(view, token) : requestReset(view);
}
