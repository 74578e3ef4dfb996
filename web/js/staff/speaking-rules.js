// Each committee's rules for taking part (/staff/meetings/speaking-rules):
// democratic services choose, committee by committee, which set of rules it
// follows (a committee none is chosen for follows the standard set, and one
// whose meetings ahead have items the public may speak on is flagged); each
// choice is saved with the version read and listed in the changes below.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, onSubmit, select} from "../forms.js";
import {formatDate, t, tCount} from "../i18n.js";

/** A set of rules in words: "2 working days before at 17:00; 10 a meeting, 3 an item; 3 minutes; for and against". */
function described(set) {
  const s = set.speak;
  return [t("staff.rules.deadline", {days: s.deadline.working_days, at: s.deadline.at}),
    tCount("staff.rules.per_meeting", s.per_meeting),
    s.per_item ? tCount("staff.rules.per_item", s.per_item) : t("staff.rules.any_item"),
    tCount("staff.rules.minutes", s.minutes), s.sides ? t("staff.rules.sides") : null].filter(Boolean).join("; ");
}

export async function render(view) {
  append(view, h("a", {class: "back-link", href: "/staff/meetings"}, t("staff.meetings.back_to_list")),
    h("h1", {class: "heading-l"}, t("staff.rules.title")), h("p", {class: "body"}, t("staff.rules.intro")));
  const part = h("div", {id: "speaking-rules"});
  append(view, part, h("p", {class: "body", role: "status", id: "rules-saved"}));
  let answer;
  try {
    answer = await api("/v1/staff/meetings/speaking-rules");
  } catch (error) {
    return append(part, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const draw = () => {
    clear(part);
    append(part, h("h2", {class: "heading-m"}, t("staff.rules.sets_title")),
      h("dl", {class: "summary-list", id: "rule-sets"}, answer.sets.map(s => h("div", {class: "summary-list__row"},
        h("dt", {class: "summary-list__key"}, t(`staff.rules.set.${s.name}`)),
        h("dd", {class: "summary-list__value"}, described(s))))),
      h("h2", {class: "heading-m"}, t("staff.rules.committees_title")),
      h("ul", {class: "list", id: "committee-rules"}, answer.committees.map(c => committee(c))),
      h("h2", {class: "heading-m"}, t("staff.rules.audit_title")),
      answer.audit.length ? h("ul", {class: "list list--bullet", id: "rules-audit"}, answer.audit.map(a => h("li", {},
        t("staff.rules.audit_row", {when: formatDate(a.at, true), by: a.by, committee: a.committee_title,
          from: a.from ? t(`staff.rules.set.${a.from}`) : t("staff.rules.none"),
          to: a.to ? t(`staff.rules.set.${a.to}`) : t("staff.rules.none")}))))
        : h("p", {class: "body", id: "rules-audit"}, t("staff.rules.no_changes")));
  };
  const committee = c => {
    const field = `rules-${c.id}`;
    const form = h("form", {novalidate: true, class: "committee-rules", dataset: {committee: c.id}},
      h("h3", {class: "heading-s"}, c.title, " ", c.rules ? null : h("strong", {class: `tag ${
        c.speaking_items_ahead ? "tag--red" : "tag--grey"}`}, t(c.speaking_items_ahead ? "staff.rules.unset_speaking"
        : "staff.rules.unset"))),
      select({field, label: t("staff.rules.choose", {committee: c.title}), value: c.rules || "",
        options: [{value: "", label: t("staff.rules.default", {set: t(`staff.rules.set.${answer.default}`)})},
          ...answer.sets.map(s => ({value: s.name, label: t(`staff.rules.set.${s.name}`)}))]}),
      button(t("staff.rules.save"), {secondary: true, "aria-label": t("staff.rules.save_named", {committee: c.title})}));
    onSubmit(form, view, async () => {
      const chosen = form.elements[field].value || null;
      try {
        answer = await api("/v1/staff/meetings/speaking-rules", {method: "PATCH",
          body: {committee_id: c.id, rules: chosen}, headers: {"If-Match": `"${answer.version}"`}});
      } catch (error) {
        if (error.body?.current) answer = error.body.current;  // another officer's change: saving again applies over it
        throw error;
      }
      draw();
      view.querySelector("#rules-saved").textContent = t("staff.rules.saved", {committee: c.title,
        rules: chosen ? t(`staff.rules.set.${chosen}`) : t("staff.rules.none")});
    });
    return h("li", {}, form);
  };
  draw();
}
