// Administrators: an officer found by their email, the council's roles to tick (each with its desks
// and what it may read), saved with the officer's version (If-Match; someone else's change first is
// shown as it is now), and who changed their roles when. Saving ends the officer's sessions.
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, input, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";

export async function render(view) {
  const council = await api("/v1/staff/roles");
  const deskName = Object.fromEntries(council.desks.map(d => [d.id, d.name]));
  const found = h("div", {id: "officer"});
  const form = h("form", {novalidate: true, id: "officer-find"},
    input({field: "email", label: t("staff.officers.email"), type: "email", autocomplete: "off"}),
    button(t("staff.officers.find"), {secondary: true}));
  onSubmit(form, view, async () => {
    const officer = await api(`/v1/staff/officers?email=${encodeURIComponent(form.elements.email.value.trim())}`);
    draw(found, view, officer, council, deskName);
  });
  append(view, h("h1", {class: "heading-l"}, t("staff.officers.title")),
    h("p", {class: "body"}, t("staff.officers.lead")), form, found);
}

function draw(found, view, officer, council, deskName, notice) {
  clear(found);
  const status = h("p", {class: "body", role: "status", id: "officer-status"}, notice || "");
  append(found, h("h2", {class: "heading-m", id: "officer-name"}, `${officer.name || officer.email} (${officer.email})`), status);
  if (officer.role !== "staff") {
    return append(found, h("p", {class: "body", id: "officer-not-staff"}, t(`staff.officers.kind_${officer.role}`)));
  }
  const form = h("form", {novalidate: true, id: "officer-roles"},
    choices({field: "roles", legend: t("staff.officers.roles"), multiple: true, optional: true, value: officer.roles,
      options: council.roles.map(r => ({value: r.id, label: r.name,
        hint: t("staff.officers.role_hint", {desks: r.desks.map(d => deskName[d]).join(", "), reads: r.reads})}))}),
    button(t("staff.officers.save")));
  onSubmit(form, view, async () => {
    const roles = [...form.querySelectorAll("input[name=roles]:checked")].map(box => box.value);
    try {
      const saved = await api(`/v1/staff/officers/${encodeURIComponent(officer.id)}/roles`,
        {method: "PUT", body: {roles}, headers: {"If-Match": `"${officer.version}"`}});
      draw(found, view, saved, council, deskName, t("staff.officers.saved"));
    } catch (error) {
      if (!(error instanceof ApiError && error.code === "edit_conflict" && error.body?.current)) throw error;
      draw(found, view, error.body.current, council, deskName, t("staff.officers.changed_first"));
    }
    found.querySelector("#officer-status").focus();
  });
  const history = officer.roles_history.slice().reverse();
  const named = ids => ids.map(id => council.roles.find(r => r.id === id)?.name || id).join(", ") || t("staff.none");
  append(found, form, h("h2", {class: "heading-m"}, t("staff.officers.history")), history.length
    ? h("ul", {class: "list", id: "officer-history"}, history.map(c => h("li", {}, t("staff.officers.change", {
      when: formatDate(c.at, true), by: c.by, before: named(c.before), after: named(c.after)}))))
    : h("p", {class: "body"}, t("staff.officers.no_history")));
  found.querySelector("#officer-status").setAttribute("tabindex", "-1");
}
