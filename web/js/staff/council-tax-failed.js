// Residents' council tax requests the council's system never took in two
// days (the sweep gave up): what was asked, for which account and person, how
// the last try failed, for an officer to key by hand.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";

function details(r) {
  return Object.entries(r.details || {}).map(([k, v]) => `${k}: ${v}`).join(", ");
}

export async function render(view) {
  append(view, h("a", {class: "back-link", href: "/staff/council-tax"}, t("staff.ctax.back")),
    h("h1", {class: "heading-l"}, t("staff.ctax.failed_title")),
    h("p", {class: "body"}, t("staff.ctax.failed_lead")));
  let found;
  try {
    found = (await api("/v1/staff/council-tax/requests?state=failed")).requests;
  } catch (error) {
    append(view, h("p", {class: "body", id: "ctax-failed-error"}, errorsOf(error)[0].message));
    return;
  }
  if (!found.length) return append(view, h("p", {class: "body", id: "ctax-failed-none"}, t("staff.ctax.failed_none")));
  const cols = ["made", "kind", "details", "account", "person", "tries", "error"];
  append(view, h("div", {class: "table-wrap"}, h("table", {class: "table", id: "ctax-failed"},
    h("caption", {class: "visually-hidden"}, t("staff.ctax.failed_title")),
    h("thead", {}, h("tr", {}, cols.map(k => h("th", {scope: "col"}, t(`staff.ctax.failed_${k}`))))),
    h("tbody", {}, found.map(r => h("tr", {},
      h("td", {}, formatDate(r.created_at, true)), h("th", {scope: "row"}, tOr(`staff.ctax.kind_${r.kind}`, r.kind)),
      h("td", {}, details(r)), h("td", {}, r.account_ref), h("td", {}, r.person_ref),
      h("td", {class: "table__number"}, String(r.tries)), h("td", {}, r.last_error || "")))))));
}
