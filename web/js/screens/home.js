// The front page: the six things a resident comes for.
import {append, h} from "../dom.js";
import {t} from "../i18n.js";
import {property} from "../store.js";

const TASKS = [
  ["/report/category", "home.report", "home.report_hint"],
  ["/track", "home.track", "home.track_hint"],
  ["/find", "home.find", "home.find_hint"],
  ["/property", "home.property", "home.property_hint"],
  ["/alerts", "home.alerts", "home.alerts_hint"],
  ["/account", "home.account", "home.account_hint"],
];

export function render(view) {
  const home = property();
  append(view, 
    h("h1", {class: "heading-xl"}, t("home.title")),
    h("p", {class: "lead"}, t("home.lead")),
    home ? h("p", {class: "body"}, h("a", {href: `/property?uprn=${encodeURIComponent(home.uprn)}`},
      t("home.your_property", {address: home.address}))) : null,
    h("ul", {class: "tasks"}, TASKS.map(([href, title, hint]) => h("li", {class: "tasks__item"},
      h("a", {class: "tasks__link", href}, t(title)),
      h("p", {class: "tasks__hint"}, t(hint))))));
}
