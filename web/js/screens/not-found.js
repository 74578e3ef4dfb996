import {append, h} from "../dom.js";
import {t} from "../i18n.js";

export function render(view) {
  append(view, h("h1", {class: "heading-l"}, t("not_found.title")),
    h("p", {class: "body"}, t("not_found.body")),
    h("p", {class: "body"}, h("a", {href: "/"}, t("not_found.home"))));
}
