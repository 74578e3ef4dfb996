// The landlords desk: landlords whose lead user registered where the council
// checks each one first, oldest first; an officer approves one, or refuses it
// with the reason (the registration goes, so the landlord's real lead can
// register). Every decision is audited by the API with who made it. Below,
// any landlord read for a caller (landlord-lookup.js).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {redraw} from "../navigation.js";
import {lookup} from "./landlord-lookup.js";

function decide(view, menu, o, looking) {
  const approve = h("form", {class: "desk-inline", id: `approve-${o.creditor_ref}`}, button(t("staff.ll.approve")));
  onSubmit(approve, view, async () => {
    await api(`/v1/staff/landlords/${o.creditor_ref}/approval`, {method: "POST", body: {}});
    await draw(view, menu, looking, t("staff.ll.approved", {name: o.name}));
  });
  const refuse = h("form", {novalidate: true, id: `refuse-${o.creditor_ref}`},
    input({field: `reason-${o.creditor_ref}`, label: t("staff.ll.reason", {name: o.name})}),
    button(t("staff.ll.refuse"), {warning: true}));
  onSubmit(refuse, view, async () => {
    try {
      await api(`/v1/staff/landlords/${o.creditor_ref}/refusal`,
        {method: "POST", body: {reason: refuse.elements[`reason-${o.creditor_ref}`].value.trim()}});
    } catch (error) {
      if (error.fields) error.fields = error.fields.map(f => ({...f, field: `reason-${o.creditor_ref}`}));
      throw error;
    }
    await draw(view, menu, looking, t("staff.ll.refused", {name: o.name}));
  });
  return h("li", {class: "card", dataset: {creditor: o.creditor_ref}}, h("h2", {class: "heading-s"}, o.name),
    h("p", {class: "body"}, t("staff.ll.registered", {creditor: o.creditor_ref, when: formatDate(o.registered_at, true)})),
    approve, refuse);
}

async function draw(view, menu, looking, done = null) {
  let found;
  try {
    found = (await api("/v1/staff/landlords")).landlords;
  } catch (error) {
    return append(view, h("p", {class: "body", id: "landlords-error"}, errorsOf(error)[0].message));
  }
  redraw(view, menu, h("h1", {class: "heading-l"}, t("staff.ll.title")), h("p", {class: "body"}, t("staff.ll.lead")),
    done ? h("div", {class: "panel-confirm", role: "status", id: "landlords-done"}, h("p", {class: "body"}, done)) : null,
    found.length ? h("ul", {class: "cards", id: "landlords-waiting"}, found.map(o => decide(view, menu, o, looking)))
      : h("p", {class: "body", id: "landlords-waiting"}, t("staff.ll.none")), ...looking);
}

export async function render(view) {
  await draw(view, view.querySelector(".desk-menu"), lookup(view));  // kept, with its answer, as decisions redraw
}
