// An agenda's items as staff see them placed (/staff/meetings/{id}/tags):
// the wards and topics each item's words name, which decide who is told of
// it, each corrected by an officer naming the version they read (If-Match),
// or given back to its own words. A correction stays when the agenda changes.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, choices, errorsOf, onSubmit} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {summaryRow} from "./common.js";

function listed(names) {
  return names.length ? names.join(", ") : t("staff.itemtags.none");
}

function itemName(i) {
  return i.number ? `${i.number} ${i.title}` : i.title;
}

function section(view, state, item, redraw) {
  const form = h("form", {class: "tags-form", novalidate: true, dataset: {item: item.id}},
    choices({field: `wards-${item.id}`, legend: t("staff.itemtags.wards"), multiple: true, optional: true,
      value: item.wards, options: state.wards.map(w => ({value: w, label: w}))}),
    choices({field: `topics-${item.id}`, legend: t("staff.itemtags.topics"), multiple: true, optional: true,
      value: item.topics, options: state.topics.map(x => ({value: x, label: x}))}),
    button(t("staff.itemtags.save")));
  const picked = name => [...form.querySelectorAll(`input[name="${name}-${item.id}"]:checked`)].map(i => i.value);
  const send = body => api(`/v1/staff/meetings/${encodeURIComponent(state.meeting.id)}/items/${encodeURIComponent(item.id)}/tags`,
    {method: "PATCH", body, headers: {"If-Match": `"${state.version}"`}});
  const done = async (work, saidKey) => {
    try {
      redraw(await work(), t(saidKey, {item: item.title}));
    } catch (error) {
      if (error.status === 409 && error.body?.current) return redraw(error.body.current, null, error);
      throw error;
    }
  };
  onSubmit(form, view, () => done(() => send({wards: picked("wards"), topics: picked("topics")}), "staff.itemtags.saved"),
    {[`wards-${item.id}`]: t("staff.itemtags.wards"), [`topics-${item.id}`]: t("staff.itemtags.topics")});
  const back = item.edited_at ? h("form", {class: "tags-back", novalidate: true},
    button(t("staff.itemtags.from_words"), {secondary: true})) : null;
  if (back) onSubmit(back, view, () => done(() => send({from_words: true}), "staff.itemtags.given_back"));
  return h("section", {class: "inspect__section", id: `tags-${item.id}`, "aria-labelledby": `tags-${item.id}-title`},
    h("h2", {class: "heading-m", id: `tags-${item.id}-title`}, itemName(item)),
    h("dl", {class: "summary-list"},
      summaryRow(t("staff.itemtags.wards"), listed(item.wards)),
      summaryRow(t("staff.itemtags.topics"), listed(item.topics)),
      summaryRow(t("staff.itemtags.source"), item.edited_at
        ? t("staff.itemtags.by_staff", {when: formatDate(item.edited_at, true)}) : t("staff.itemtags.by_words"))),
    h("details", {class: "details"}, h("summary", {class: "details__summary desk-target"},
      t("staff.itemtags.change"), h("span", {class: "visually-hidden"}, ` ${item.title}`)), form, back));
}

function draw(view, state, said, conflict) {
  clear(view);
  const m = state.meeting;
  const redraw = (next, words, error) => draw(view, next, words, error);
  append(view, h("a", {class: "back-link", href: "/staff/meetings/sync"}, t("staff.itemtags.back")),
    h("h1", {class: "heading-l"}, t("staff.itemtags.title")),
    h("p", {class: "body", id: "tags-meeting"}, t(m.time ? "staff.itemtags.meeting_at" : "staff.itemtags.meeting", {
      committee: m.committee_title, day: formatDay(m.date), time: m.time}),
    m.cancelled ? [" ", h("strong", {class: "tag tag--red"}, t("staff.itemtags.cancelled"))] : null),
    h("p", {class: "body"}, t("staff.itemtags.lead")),
    said ? h("div", {class: "inset", id: "tags-said", role: "status"}, said) : null,
    conflict ? h("div", {class: "inset", id: "tags-said", role: "alert"}, t("staff.itemtags.conflict")) : null,
    state.items.length ? state.items.map(item => section(view, state, item, redraw))
      : h("p", {class: "body"}, t("staff.itemtags.no_items")));
}

export async function render(view, {path}) {
  const id = path.match(/^\/staff\/meetings\/(\d{1,12})\/tags$/)[1];
  let state;
  try {
    state = await api(`/v1/staff/meetings/${encodeURIComponent(id)}/tags`);
  } catch (error) {
    return append(view, h("a", {class: "back-link", href: "/staff/meetings/sync"}, t("staff.itemtags.back")),
      h("h1", {class: "heading-l"}, t("staff.itemtags.title")), h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  // The menu stays: the screen below it is drawn again after each save.
  const part = h("div", {id: "tags-screen"});
  append(view, part);
  draw(part, state);
}
