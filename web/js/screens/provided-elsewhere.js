// A service this council does not provide, reached by its home tile or its address
// (/repairs at Newcastle-under-Lyme, whose homes are Aspire Housing's): who provides
// it instead, with their phone and website, from the council's settings (/v1/council's
// `instead`), or, where it names nobody, that the council does not offer it here. Nothing is asked of
// the API: its routes would answer provided_elsewhere (or not_offered).
import {councilName, providedBy} from "../council.js";
import {append, h} from "../dom.js";
import {t, tOr} from "../i18n.js";
import {unavailable} from "../services.js";

export function render(view, {url}) {
  const {key} = unavailable(url);
  const where = providedBy(key);
  if (!where) {
    return append(view, h("a", {class: "back-link", href: "/"}, t("nav.back")),
      h("h1", {class: "heading-l"}, t(`home.${key}`)),
      h("div", {class: "inset", id: "not-offered"},
        h("p", {class: "body"}, t("provided_elsewhere.not_offered", {council: councilName()}))));
  }
  const words = {council: councilName(), name: where.name};
  const more = tOr(`provided_elsewhere.more.${key}`, null, words);
  append(view, h("a", {class: "back-link", href: "/"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t(`home.${key}`)),
    h("div", {class: "inset", id: "provided-elsewhere"},
      h("p", {class: "body"}, tOr(`provided_elsewhere.lead.${key}`, t("provided_elsewhere.lead", words), words))),
    h("dl", {class: "summary-list", id: "provided-by"},
      where.phone ? h("div", {class: "summary-list__row"},
        h("dt", {class: "summary-list__key"}, t("provided_elsewhere.phone", {name: where.name})),
        h("dd", {class: "summary-list__value"}, h("a", {href: `tel:${where.phone.replace(/\s+/g, "")}`}, where.phone)))
        : null,
      where.website ? h("div", {class: "summary-list__row"},
        h("dt", {class: "summary-list__key"}, t("provided_elsewhere.website")),
        h("dd", {class: "summary-list__value"}, h("a", {href: where.website},
          t("provided_elsewhere.website_link", {name: where.name})))) : null),
    more ? h("p", {class: "body"}, more) : null);
}
