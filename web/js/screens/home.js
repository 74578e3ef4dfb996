// The front page: every service, actions first and grouped as residents think
// of them (web/js/services.js); the property remembered on this phone, if any.
import {append, h} from "../dom.js";
import {t} from "../i18n.js";
import {serviceHref, servicesFor} from "../services.js";
import {signedIn} from "../session.js";
import {property} from "../store.js";

function service(item, home) {
  const title = item.key === "bin_days" && home ? t("home.your_property", {address: home.address}) : t(`home.${item.key}`);
  // A service the council does not provide leads to who does (screens/provided-elsewhere.js), saying so.
  const hint = item.elsewhere ? t("home.provided_by_hint", {name: item.elsewhere.name}) : t(`home.${item.key}_hint`);
  return h("li", {class: "tasks__item"},
    h("a", {class: "tasks__link", href: item.elsewhere ? item.href : serviceHref(item, home)}, title),
    h("p", {class: "tasks__hint"}, hint));
}

export function render(view) {
  const home = property();
  append(view, h("h1", {class: "heading-xl"}, t("home.title")),
    h("div", {class: "services"}, servicesFor(signedIn()).map(({group, services}) => {
      const id = `home-${group}`;
      return h("section", {class: "services__group", "aria-labelledby": id},
        h("h2", {class: "heading-m services__title", id}, t(`home.group.${group}`)),
        h("ul", {class: "tasks"}, services.map(item => service(item, home))));
    })));
}
