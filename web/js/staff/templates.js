// Response templates: what each says, the state it goes with and whether it
// is written automatically. Administrators add and change them.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {t} from "../i18n.js";
import {tokens} from "../session.js";
import {stateLabel, staffServices} from "./common.js";

export function isAdmin() {
  return tokens()?.role === "admin";
}

export async function render(view) {
  append(view, h("h1", {class: "heading-l"}, t("staff.templates.title")),
    h("p", {class: "body"}, t("staff.templates.lead")));
  let list;
  let services;
  try {
    [list, services] = await Promise.all([api("/v1/staff/templates"), staffServices()]);
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  const admin = isAdmin();
  const category = code => (services.find(s => s.service_code === code) || {}).name || code;
  if (admin) append(view, h("a", {class: "button", href: "/staff/templates/edit", id: "add-template"},
    t("staff.templates.add")));
  if (!list.templates.length) {
    append(view, h("p", {class: "body"}, t("staff.templates.empty")));
    return;
  }
  const headings = ["title", "state", "categories", "text", ...(admin ? ["change"] : [])];
  append(view, h("div", {class: "table-wrap"}, h("table", {class: "table", id: "templates"},
    h("caption", {class: "visually-hidden"}, t("staff.templates.caption")),
    h("thead", {}, h("tr", {}, headings.map(k => h("th", {scope: "col"}, t(`staff.templates.col_${k}`))))),
    h("tbody", {}, list.templates.map(x => h("tr", {},
      h("th", {scope: "row"}, x.title, x.active === false
        ? [" ", h("strong", {class: "tag tag--grey"}, t("staff.templates.inactive"))] : null),
      h("td", {}, x.state ? stateLabel(x.state) : t("staff.none"),
        x.auto ? [" ", h("strong", {class: "tag tag--blue"}, t("staff.templates.auto"))] : null),
      h("td", {}, (x.service_codes || []).length ? x.service_codes.map(category).join(", ") : t("staff.templates.all")),
      h("td", {}, x.text),
      admin ? h("td", {}, h("a", {href: `/staff/templates/edit?id=${encodeURIComponent(x.id)}`},
        t("staff.templates.change"), h("span", {class: "visually-hidden"}, ` ${x.title}`))) : null))))),
  h("h2", {class: "heading-m"}, t("staff.templates.placeholders")),
  h("dl", {class: "summary-list", id: "placeholders"}, Object.entries(list.placeholders).map(([name, meaning]) =>
    h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, h("code", {}, `{${name}}`)),
      h("dd", {class: "summary-list__value"}, meaning)))));
}
