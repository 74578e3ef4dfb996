// Moderation at the desk: change what the public reads of a report (its
// title and description: words taken out show as "[...]") and hide photos,
// with a reason; what was taken away stays here for staff, with who, when
// and why. The change names the version it was made to (If-Match).
import {api} from "../api.js";
import {h} from "../dom.js";
import {button, choices, errorsOf, input, Invalid, showErrors, textarea} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {summaryRow as row} from "./common.js";

const nameOf = src => new URL(src, location.href).pathname.split("/").pop();  // a signed link has ?exp=&sig=

/** What was taken away (the original words, hidden photos), for staff; null when nothing was. */
function takenAway(report) {
  const m = report.moderation;
  if (!m) return null;
  return h("div", {id: "moderation-record"},
    h("dl", {class: "summary-list"},
      m.original ? row(t("staff.moderate.original_title"), m.original.summary) : null,
      m.original ? row(t("staff.moderate.original_description"), m.original.description) : null,
      m.at ? row(t("staff.moderate.moderated"), t("staff.moderate.by", {who: m.by, when: formatDate(m.at, true),
        reason: m.reason})) : null),
    (m.hidden_photos || []).length ? h("ul", {class: "photo-list", id: "hidden-photos"}, m.hidden_photos.map((p, i) =>
      h("li", {class: "photo-list__item"},
        h("img", {src: p.url, class: "photo-list__img", loading: "lazy",
          alt: t("staff.moderate.hidden_alt", {n: i + 1, id: report.id})}),
        h("p", {class: "hint"}, t("staff.moderate.hidden_by", {who: p.by, when: formatDate(p.hidden_at, true),
          reason: p.reason}))))) : null);
}

/** The section for `report`; `saved(view)` draws the report as the change left it. */
export function moderationSection(report, saved) {
  const photos = report.photos || [];
  const form = h("form", {novalidate: true, id: "moderate-form"},
    input({field: "title", label: t("staff.moderate.title"), value: report.summary || "",
      hint: t("staff.moderate.title_hint")}),
    textarea({field: "description", label: t("staff.moderate.description"), value: report.description || "",
      rows: 5, hint: t("staff.moderate.description_hint")}),
    photos.length ? choices({field: "hide_photos", legend: t("staff.moderate.hide_photos"), multiple: true,
      optional: true, small: true, options: photos.map((src, i) => ({value: nameOf(src),
        label: t("staff.moderate.photo", {n: i + 1})}))}) : null,
    textarea({field: "reason", label: t("staff.moderate.reason"), rows: 2, hint: t("staff.moderate.reason_hint")}),
    button(t("staff.moderate.save"), {secondary: true}));
  const section = h("section", {"aria-labelledby": "moderate-heading", id: "moderation"},
    h("h2", {class: "heading-m", id: "moderate-heading"}, t("staff.moderate.heading")),
    h("p", {class: "body"}, t("staff.moderate.lead")), takenAway(report), form);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const value = name => form.elements[name]?.value.trim();
    const body = {reason: value("reason")};
    if (value("title") !== (report.summary || "")) body.title = value("title");
    if (value("description") !== (report.description || "")) body.description = value("description");
    const hide = [...form.querySelectorAll("input[name=hide_photos]:checked")].map(box => box.value);
    if (hide.length) body.hide_photos = hide;
    try {
      if (Object.keys(body).length === 1) throw new Invalid([{field: "title", message: t("staff.moderate.nothing")}]);
      if (!body.reason) throw new Invalid([{field: "reason", message: t("staff.moderate.reason_missing")}]);
      form.querySelector("button[type=submit]").disabled = true;
      await saved(await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/moderation`,
        {method: "POST", body, headers: {"If-Match": `"${report.version}"`}}));
    } catch (error) {
      form.querySelector("button[type=submit]").disabled = false;
      showErrors(section, errorsOf(error), {title: t("staff.moderate.title"),
        description: t("staff.moderate.description"), reason: t("staff.moderate.reason"),
        hide_photos: t("staff.moderate.hide_photos")});
    }
  });
  return section;
}
