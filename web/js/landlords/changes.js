// /landlords/changes: the changes this landlord reported, newest first, each
// by its reference (LLC-...) and where it is: waiting for the council's
// system, taken (with the back office's own reference), or refused.
import {append, h} from "../dom.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {ask, back} from "./common.js";

function state(c) {
  if (c.state === "taken") return t("ll.changes.taken", {reference: c.back_office_reference});
  if (c.state === "refused" || c.state === "failed") return t(`ll.changes.${c.state}`);
  return t("ll.changes.waiting");
}

export async function render(view) {
  append(view, back(), h("h1", {class: "heading-l"}, t("ll.changes.title")));
  const answer = await ask(view, "/v1/me/landlord/changes");
  if (!answer) return;
  if (!answer.changes.length) return append(view, h("p", {class: "body", id: "landlord-changes"}, t("ll.changes.none")));
  append(view, h("ul", {class: "list list--spaced", id: "landlord-changes"}, answer.changes.map(c => {
    const d = c.details || {};
    return h("li", {dataset: {id: c.id}}, h("strong", {}, c.id), h("br"),
      t(`ll.change.${d.change}`), " · ", h("a", {href: `/landlords/claims/${c.claim_ref}`}, c.claim_ref), " · ",
      t("ll.changes.from", {day: formatDay(d.date, true)}), h("br"),
      h("span", {class: "landlord-change-state"}, state(c)), " ",
      h("span", {class: "hint"}, t("ll.changes.made", {when: formatDate(c.created_at, true)})));
  })));
}
