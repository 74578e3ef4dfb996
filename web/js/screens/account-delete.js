// Deleting the account: what goes and what stays, then one clear button.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, showErrors} from "../forms.js";
import {t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {forget, signedIn} from "../session.js";

export function render(view) {
  if (!signedIn()) return navigate("/sign-in?next=/account/delete", {replace: true});
  const remove = button(t("account.delete_button"), {type: "button", warning: true, onclick: async () => {
    try {
      // A legal hold may keep something (a chat under a complaint): the API says what, and until when.
      const kept = await api("/v1/me", {method: "DELETE"});
      forget();
      redraw(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("account.deleted_title"))),
        h("p", {class: "body"}, kept?.message || t("account.deleted")));
    } catch (error) {
      showErrors(view, errorsOf(error));
    }
  }});
  append(view, h("a", {class: "back-link", href: "/account"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t("account.delete_title")),
    h("p", {class: "body"}, t("account.delete_lead")),
    h("ul", {class: "list list--bullet"}, ["delete_profile", "delete_alerts", "delete_reports"]
      .map(key => h("li", {}, t(`account.${key}`)))),
    h("div", {class: "warning-text"}, h("span", {class: "warning-text__icon", "aria-hidden": "true"}, "!"),
      h("strong", {class: "warning-text__text"}, t("account.delete_warning"))),
    remove, h("p", {class: "body"}, h("a", {href: "/account"}, t("account.delete_cancel"))));
}
