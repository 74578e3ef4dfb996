// How the council uses what its residents tell it (GET /v1/privacy): drawn by the server from the
// data map declared beside each kind of record and the council's settings, one section per part of
// the service it offers. A screen that asks for personal data links to its part (/privacy#reports).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {t} from "../i18n.js";

const LISTS = ["what", "why", "basis", "shared_with", "kept"];

function list(items) {
  return h("ul", {class: "list"}, ...items.map((item) => h("li", {}, item)));
}

function section(part) {
  const lists = LISTS.filter((name) => part[name].length)
    .flatMap((name) => [h("h3", {class: "heading-s"}, t(`privacy.${name}`)), list(part[name])]);
  return h("section", {id: part.id, "aria-labelledby": `${part.id}-title`},
    h("h2", {class: "heading-m", id: `${part.id}-title`}, part.title), ...lists);
}

export async function render(view) {
  let notice;
  try {
    notice = await api("/v1/privacy", {auth: false});
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("privacy.title")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  append(view, h("h1", {class: "heading-l"}, t("privacy.title")),
    h("p", {class: "body"}, notice.controller.said),
    h("p", {class: "body"}, t("privacy.contact", {council: notice.controller.name, contact: notice.controller.contact})),
    h("p", {class: "body", id: "dpo"}, notice.data_protection_officer.said),
    h("nav", {"aria-label": t("privacy.parts")}, list(notice.sections.map((part) => h("a", {href: `#${part.id}`}, part.title)))),
    ...notice.sections.map(section),
    h("h2", {class: "heading-m", id: "rights"}, t("privacy.rights")), list(notice.rights),
    h("p", {class: "body"}, notice.complain));
  const part = location.hash && document.getElementById(location.hash.slice(1));
  if (part) part.scrollIntoView();
}
