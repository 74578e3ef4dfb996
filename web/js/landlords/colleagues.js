// /landlords/colleagues: the lead's own staff. A colleague is added by their
// email address with a role (view, or view and report changes); they join
// when they open the portal signed in with that address (an account made
// later with it counts too). Removing takes them off at once. All audited.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, input, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {redraw} from "../navigation.js";
import {ask, back} from "./common.js";

const ROLES = ["view", "report"];

function colleague(view, c) {
  const who = c.invited ? t("ll.col.invited", {email: c.email}) : (c.email || c.user_id);
  if (c.role === "lead") return h("li", {dataset: {user: c.user_id}}, h("strong", {}, t("ll.col.you")), h("br"), t("ll.role_lead"));
  const remove = h("form", {class: "inline-form", dataset: {field: "remove"}},
    button(t("ll.col.remove"), {secondary: true, "aria-label": t("ll.col.remove_who", {who})}));
  onSubmit(remove, view, async () => {
    await api(`/v1/me/landlord/colleagues/${encodeURIComponent(c.user_id)}`, {method: "DELETE"});
    await draw(view);
  });
  return h("li", {dataset: {user: c.user_id}}, h("strong", {}, who), h("br"),
    t(`ll.role_${c.role}`), " · ", t("ll.col.added", {when: formatDate(c.added_at)}), remove);
}

async function draw(view, made = null) {
  const fresh = await ask(view, "/v1/me/landlord");
  if (!fresh) return;
  const labels = {email: t("ll.col.email"), role: t("ll.col.role")};
  const form = h("form", {novalidate: true, id: "landlord-add-colleague"},
    input({field: "email", label: labels.email, hint: t("ll.col.email_hint"), type: "email", autocomplete: "off",
      spellcheck: "false"}),
    choices({field: "role", legend: labels.role, options: ROLES.map(r => ({value: r, label: t(`ll.role_${r}`)}))}),
    button(t("ll.col.add")));
  onSubmit(form, view, async () => {
    const role = form.querySelector("input[name=role]:checked")?.value || null;
    const added = await api("/v1/me/landlord/colleagues",
      {method: "POST", body: {email: form.elements.email.value.trim(), role}});
    await draw(view, t("ll.col.made", {email: added.email}));
  }, labels);
  redraw(view, back(), h("h1", {class: "heading-l"}, t("ll.col.title")),
    made ? h("div", {class: "panel-confirm", role: "status", id: "landlord-colleague-made"}, h("p", {class: "body"}, made)) : null,
    h("ul", {class: "list list--spaced", id: "landlord-colleagues"}, fresh.colleagues.map(c => colleague(view, c))),
    h("h2", {class: "heading-m"}, t("ll.col.add_title")), h("p", {class: "body"}, t("ll.col.add_lead")), form);
}

export async function render(view, {landlord}) {
  if (landlord.role !== "lead") {
    return append(view, back(), h("h1", {class: "heading-l"}, t("ll.col.title")),
      h("p", {class: "body"}, t("ll.col.lead_only")));
  }
  await draw(view);
}
