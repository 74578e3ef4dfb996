// Forthcoming decisions as the forward plan places them (/staff/meetings/forthcoming-tags):
// the wards and topics each is listed by for residents, each corrected by an
// officer naming the version they read (If-Match), or given back to the
// plan's own; every correction kept with who made it and from what to what.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, errorsOf, onSubmit} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {summaryRow} from "./common.js";

const listed = names => names.length ? names.join(", ") : t("staff.plantags.none");

function section(view, state, d, redraw) {
  const form = h("form", {class: "tags-form", novalidate: true},
    choices({field: `wards-${d.id}`, legend: t("staff.itemtags.wards"), multiple: true, optional: true,
      value: d.wards, options: state.wards.map(w => ({value: w, label: w}))}),
    choices({field: `topics-${d.id}`, legend: t("staff.itemtags.topics"), multiple: true, optional: true,
      value: d.topics, options: state.topics.map(x => ({value: x, label: x}))}),
    button(t("staff.itemtags.save")));
  const picked = name => [...form.querySelectorAll(`input[name="${name}-${d.id}"]:checked`)].map(i => i.value);
  const send = body => api(`/v1/staff/decisions/forthcoming/${encodeURIComponent(d.id)}/tags`,
    {method: "PATCH", body, headers: {"If-Match": `"${state.version}"`}});
  const done = async (work, saidKey) => {
    try {
      redraw(await work(), t(saidKey, {item: d.title}));
    } catch (error) {
      if (error.status === 409 && error.body?.current) return redraw(error.body.current, null, error);
      throw error;
    }
  };
  onSubmit(form, view, () => done(() => send({wards: picked("wards"), topics: picked("topics")}), "staff.itemtags.saved"),
    {[`wards-${d.id}`]: t("staff.itemtags.wards"), [`topics-${d.id}`]: t("staff.itemtags.topics")});
  const back = d.edited_at ? h("form", {class: "tags-back", novalidate: true},
    button(t("staff.plantags.from_plan"), {secondary: true})) : null;
  if (back) onSubmit(back, view, () => done(() => send({from_words: true}), "staff.plantags.given_back"));
  return h("section", {class: "inspect__section", id: `plan-${d.id}`, "aria-labelledby": `plan-${d.id}-title`},
    h("h2", {class: "heading-m", id: `plan-${d.id}-title`}, d.title),
    h("dl", {class: "summary-list"},
      summaryRow(t("staff.plantags.due"), d.due ? formatDay(d.due) : t("staff.plantags.no_date")),
      summaryRow(t("staff.plantags.maker"), d.decision_maker || t("staff.plantags.none")),
      summaryRow(t("staff.itemtags.wards"), d.wards.length ? d.wards.join(", ") : t("staff.plantags.all_wards")),
      summaryRow(t("staff.itemtags.topics"), listed(d.topics)),
      summaryRow(t("staff.itemtags.source"), d.edited_at
        ? t("staff.itemtags.by_staff", {when: formatDate(d.edited_at, true)}) : t("staff.plantags.by_plan"))),
    h("details", {class: "details"}, h("summary", {class: "details__summary desk-target"},
      t("staff.itemtags.change"), h("span", {class: "visually-hidden"}, ` ${d.title}`)), form, back));
}

function audit(state) {
  if (!state.audit.length) return null;
  return h("details", {class: "details", id: "plan-audit"},
    h("summary", {class: "details__summary desk-target"}, t("staff.plantags.audit")),
    h("ul", {class: "list"}, state.audit.map(a => h("li", {}, t("staff.plantags.audit_line", {
      when: formatDate(a.at, true), by: a.by, title: a.title, from: listed(a.from.wards), to: listed(a.to.wards)})))));
}

function draw(view, state, said, conflict) {
  clear(view);
  const redraw = (next, words, error) => draw(view, next, words, error);
  append(view, h("a", {class: "back-link", href: "/staff/meetings/sync"}, t("staff.itemtags.back")),
    h("h1", {class: "heading-l"}, t("staff.plantags.title")),
    h("p", {class: "body"}, t("staff.plantags.lead")),
    said ? h("div", {class: "inset", id: "tags-said", role: "status"}, said) : null,
    conflict ? h("div", {class: "inset", id: "tags-said", role: "alert"}, t("staff.itemtags.conflict")) : null,
    state.decisions.length ? state.decisions.map(d => section(view, state, d, redraw))
      : h("p", {class: "body"}, t("staff.plantags.no_decisions")), audit(state));
}

export async function render(view) {
  let state;
  try {
    state = await api("/v1/staff/decisions/forthcoming/tags");
  } catch (error) {
    return append(view, h("a", {class: "back-link", href: "/staff/meetings/sync"}, t("staff.itemtags.back")),
      h("h1", {class: "heading-l"}, t("staff.plantags.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  // The menu stays: the screen below it is drawn again after each save.
  const part = h("div", {id: "tags-screen"});
  append(view, part);
  draw(part, state);
}
