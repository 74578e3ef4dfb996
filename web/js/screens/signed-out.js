// Back from the council directory's own sign-out: both sessions have ended on this device.
import {append, h} from "../dom.js";
import {t} from "../i18n.js";

export function render(view) {
  append(view, h("h1", {class: "heading-l"}, t("signed_out.title")),
    h("p", {class: "body", id: "signed-out"}, t("signed_out.body")),
    h("p", {class: "body"}, h("a", {href: "/sign-in"}, t("signed_out.again"))));
}
