// A resident's move at the council tax desk: looked up by its reference with a
// reason (in the POST body, never this page's address; the read is audited),
// everything the move set off with each part's state and words, the move's
// audit, and one part undone with its own reason. The undo names the part's
// version from the lookup (If-Match): a part changed meanwhile is refused, and
// the screen is drawn again from each answer.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, input, onSubmit, textarea} from "../forms.js";
import {formatDate, formatDay, t, tOr} from "../i18n.js";
import {summaryRow} from "./common.js";

function summary(m) {
  const contact = m.contact ? [m.contact.role, m.contact.name, m.contact.phone, m.contact.email].filter(Boolean) : [];
  return h("dl", {class: "summary-list", id: "move-found"},
    summaryRow(t("staff.moves.kind"), t(`staff.moves.kind_${m.move}`)),
    summaryRow(t("staff.moves.date"), formatDay(m.date)),
    summaryRow(t("staff.moves.from"), m.from_address || t("staff.none")),
    summaryRow(t("staff.moves.to"), m.to_address || m.forwarding || t("staff.none")),
    summaryRow(t("staff.moves.people"), (m.people || []).join(", ")),
    summaryRow(t("staff.moves.contact"), contact.join(", ") || t("staff.none")),
    summaryRow(t("staff.moves.told"), formatDate(m.created_at, true)),
    m.late_note ? summaryRow(t("staff.moves.late"), m.late_note) : null);
}

function undoForm(view, m, p, redraw) {
  const field = `reason-${p.name.replace(/[^A-Za-z0-9]/g, "-")}`;
  const form = h("form", {novalidate: true, dataset: {part: p.name}},
    textarea({field, label: t("staff.moves.undo_reason"), rows: 2, maxlength: "300"}),
    button(t("staff.moves.undo"), {warning: true}));
  onSubmit(form, view, async () => {
    const path = `/v1/staff/moves/${encodeURIComponent(m.id)}/parts/${encodeURIComponent(p.name)}/undo`;
    redraw(await api(path, {method: "POST", body: {reason: form.elements[field].value},
      headers: {"If-Match": `"${p.version}"`}}).catch(error => {
      if (error.fields) error.fields = error.fields.map(f => ({...f, field: f.field === "reason" ? field : f.field}));
      throw error;
    }), t("staff.moves.undone", {part: tOr(`staff.moves.part_${p.kind}`, p.kind)}));
  }, {[field]: t("staff.moves.undo_reason")});
  return form;
}

function parts(view, m, redraw) {
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "move-parts"},
    h("caption", {class: "visually-hidden"}, t("staff.moves.parts")),
    h("thead", {}, h("tr", {}, ["part", "state", "says", "updated", "undo"].map(k =>
      h("th", {scope: "col"}, t(`staff.moves.col_${k}`))))),
    h("tbody", {}, m.parts.map(p => h("tr", {dataset: {part: p.name}},
      h("th", {scope: "row"}, tOr(`staff.moves.part_${p.kind}`, p.kind)),
      h("td", {}, h("strong", {class: "tag"}, tOr(`staff.moves.state_${p.state}`, p.state))),
      h("td", {}, p.text || ""), h("td", {}, p.updated_at ? formatDate(p.updated_at, true) : ""),
      h("td", {}, p.undoable ? undoForm(view, m, p, redraw) : t("staff.moves.not_undoable")))))));
}

function audit(m) {
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "move-audit"},
    h("caption", {class: "visually-hidden"}, t("staff.moves.audit")),
    h("thead", {}, h("tr", {}, ["when", "action", "by", "reason"].map(k =>
      h("th", {scope: "col"}, t(`staff.moves.col_${k}`))))),
    h("tbody", {}, m.audit.map(a => h("tr", {},
      h("td", {}, formatDate(a.at, true)),
      h("td", {}, t(`staff.moves.action_${a.action}`, {part: a.part || ""})),
      h("td", {}, a.by), h("td", {}, a.reason))))));
}

export async function render(view) {
  const result = h("div", {id: "move-lookup"});
  const notice = h("p", {class: "body", role: "status", id: "move-notice"});
  const redraw = (m, said = "") => {
    clear(result);
    notice.textContent = said;
    append(result, h("h2", {class: "heading-m"}, t("staff.moves.move", {id: m.id})), summary(m),
      h("h2", {class: "heading-m"}, t("staff.moves.parts")),
      m.held_up || m.under_way ? h("p", {class: "body", id: "move-progress"},
        t(m.held_up ? "staff.moves.held_up" : "staff.moves.under_way", {id: m.id})) : null,
      parts(view, m, redraw),
      h("h2", {class: "heading-m"}, t("staff.moves.audit")), audit(m));
  };
  const form = h("form", {novalidate: true, id: "move-lookup-form"},
    input({field: "move_id", label: t("staff.moves.reference"), hint: t("staff.moves.reference_hint"),
      autocomplete: "off", class: "input input--width-10"}),
    textarea({field: "reason", label: t("staff.moves.reason"), hint: t("staff.ctax.reason_hint"), rows: 2,
      maxlength: "300"}),
    button(t("staff.ctax.look_up")));
  onSubmit(form, view, async () => {
    clear(result);
    const id = form.elements.move_id.value.trim().toUpperCase();
    redraw(await api(`/v1/staff/moves/${encodeURIComponent(id)}/lookup`, {method: "POST",
      body: {reason: form.elements.reason.value}}));
  }, {move_id: t("staff.moves.reference"), reason: t("staff.moves.reason")});
  append(view, h("a", {class: "back-link", href: "/staff/council-tax"}, t("staff.ctax.back")),
    h("h1", {class: "heading-l"}, t("staff.moves.title")), h("p", {class: "body"}, t("staff.moves.lead")),
    form, notice, result);
}
