// One report at the desk: what was reported and by whom, the inspect form,
// internal notes and the audit trail. A save names the version it was made
// to (If-Match); when someone saved first (409) both versions are shown and
// what I typed stays in the form, laid over their change, to save again.
// The reporter's contact details are read only once the officer says why
// (reasons.js), and a form's case, whose answers are all a resident's, is
// opened only then: each reading is in the audit with its reason.
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {link} from "../config.js";
import {clearErrors, errorsOf, Invalid, showErrors} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {answerText} from "../report/fields.js";
import {statusTag} from "../screens/report-page.js";
import {auditTrail, conflictPanel, shown} from "./audit.js";
import {
  channelLabel, dueRule, dueText, LAST, priorityTag, staffServices, summaryRow as row, teamName, teams, templates,
} from "./common.js";
import {changes, inspectForm, readValues, reapply, valuesOf} from "./inspect.js";
import {moderationSection} from "./moderate.js";
import {reasonFor, reasonForm, why} from "./reasons.js";
import {passSection} from "./pass.js";
import {sendsSection} from "./sends.js";

const labels = service => Object.fromEntries([...(service?.fields || []).map(def => [`fields.${def.code}`, def.label]),
  ...["status", "priority", "service_code", "private", "duplicate_of", "team",
  "instructions", "due", "template", "public_update", "internal_note", "lat", "lon"]
  .map(k => [k, t(`staff.field.${k}`)])]);

// What a street report's page and a form's case (forms.js) both show: where it stands, and the notes.
const drawn = {
  standing: (report, lists) => [
    row(t("staff.field.status"), statusTag(report.status, report.status_label)),
    row(t("staff.field.priority"), priorityTag(report.priority)),
    row(t("staff.field.due"), dueText(report), dueRule(report)),
    row(t("staff.field.team"), teamName(lists.teams, report.assignment?.team))],
  notes: report => [h("h2", {class: "heading-m"}, t("staff.report.notes")),
    report.internal_notes?.length ? h("ul", {class: "list notes", id: "internal-notes"}, report.internal_notes.map(n =>
      h("li", {class: "inset"}, h("p", {class: "body"}, n.text),
        h("p", {class: "hint"}, t("staff.audit.by", {when: formatDate(n.at, true), who: n.by})))))
      : h("p", {class: "body", id: "internal-notes"}, t("staff.report.no_notes"))],
};

/** The reporter's details once read with a reason; until then, the question that reads them. */
function reporter(report, reveal) {
  if (report.contact) {
    const contact = report.contact;
    return [contact.name, contact.email, contact.phone].filter(Boolean).join(", ") || t("staff.none");
  }
  return reasonForm({id: report.id, formId: "reporter-reason", lead: t("staff.report.reporter_withheld"),
    label: t("staff.report.show_reporter"), open: reveal});
}

function details(report, lists, reveal) {
  const service = lists.services.find(s => s.service_code === report.service_code);
  const where = report.location;
  return [
    h("dl", {class: "summary-list", id: "report-details"}, drawn.standing(report, lists),
      row(t("staff.report.received"), formatDate(report.created_at, true),
        report.channel ? ` (${channelLabel(report.channel)})` : null),
      row(t("staff.report.reporter"), reporter(report, reveal)),
      where ? row(t("staff.report.where"), report.place_text || null,
        h("span", {class: report.place_text ? "place-point" : null}, shown("location", where, lists)), " ",
        h("a", {href: link("place_url", {lat: where.lat, lon: where.lon}), rel: "noopener"}, t("staff.report.map"))) : null,
      (service?.fields || []).map(def => [def.label, answerText(def, (report.fields || {})[def.code])])
        .filter(([, v]) => v).map(([k, v]) => row(k, v)),
      report.duplicate_of ? row(t("staff.field.duplicate_of"),
        h("a", {href: `/staff/reports/${encodeURIComponent(report.duplicate_of)}`}, report.duplicate_of)) : null,
      (report.duplicates || []).length ? row(t("staff.report.duplicates"), report.duplicates.map((id, i) =>
        [i ? ", " : "", h("a", {href: `/staff/reports/${encodeURIComponent(id)}`}, id)])) : null,
      row(t("staff.report.description"), report.description || t("staff.none"))),
    (report.photos || []).length ? h("ul", {class: "photo-list"}, report.photos.map((src, i) =>
      h("li", {class: "photo-list__item"}, h("a", {href: src, target: "_blank", rel: "noopener"},
        h("img", {src, class: "photo-list__img", loading: "lazy",
          alt: t("staff.report.photo_alt", {n: i + 1, id: report.id})}))))) : null,
    drawn.notes(report),
  ];
}

/** The report (with its reporter's details and, for a form's case, its answers when `reason` is given) and
 *  then its audit, which holds that reading. */
async function load(id, reason = null) {
  const headers = reason === null ? {} : why(reason);  // an empty reason is sent, for the API to say what is missing
  const [report, services, teamList, templateList] = await Promise.all([
    api(`/v1/staff/reports/${encodeURIComponent(id)}`, {headers}), staffServices(), teams(), templates()]);
  // A form's case: its form's view (answers, files, its templates) and the code that draws it.
  const desk = report.fields?.form_reference && reason !== null ? await Promise.all([
    api(`/v1/staff/reports/${encodeURIComponent(id)}/form`, {headers}), import("./forms.js")]) : null;
  const audit = await api(`/v1/staff/reports/${encodeURIComponent(id)}/audit`);
  return {report, entries: audit.entries, lists: {services, teams: teamList, templates: templateList}, desk, reason,
    contact: reason === null ? null : report.contact, formCase: Boolean(report.fields?.form_reference)};
}

const banner = (key, id) => h("div", {class: "banner banner--saved", id, role: "status", tabindex: "-1"},
  h("p", {class: "banner__line"}, t(key)));

/** The screen for `report` and a form holding `values`; `notice` (saved, or the conflict) above the form. */
function draw(view, state, values, notice) {
  const {entries, lists, desk} = state;
  const report = {...state.report, contact: state.contact};  // as read with the reason, whatever a save answers
  const read = valuesOf(report);
  const form = inspectForm(values, lists, desk && desk[0], report);
  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors(view);
    const typed = readValues(form);
    const body = changes(typed, read);
    try {
      // Nothing changed: the entry links to the form's first question, where a change starts.
      if (!Object.keys(body).length) {
        throw new Invalid([{field: form.querySelector("[data-field]")?.dataset.field.split(" ")[0] || null,
          message: t("staff.inspect.nothing")}]);
      }
      form.querySelector("button[type=submit]").disabled = true;
      const saved = await api(`/v1/staff/reports/${encodeURIComponent(report.id)}`,
        {method: "PATCH", body, headers: {"If-Match": `"${report.version}"`}});
      const audit = await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/audit`);
      draw(view, {...state, report: saved, entries: audit.entries}, valuesOf(saved),
        banner("staff.inspect.saved", "saved"));
    } catch (error) {
      form.querySelector("button[type=submit]").disabled = false;
      if (error instanceof ApiError && error.code === "edit_conflict" && error.body?.current) {
        const now = error.body.current;
        const audit = await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/audit`).catch(() => ({entries}));
        draw(view, {...state, report: now, entries: audit.entries}, reapply(typed, read, now),
          conflictPanel(read, valuesOf(now), body, lists));
        return;
      }
      showErrors(view, errorsOf(error), labels(form.serviceOf(typed.service_code)));
    }
  });
  const menu = view.querySelector(".desk-menu");
  const auditLists = desk ? {...lists, templates: desk[0].templates} : lists;
  // Read again after a change elsewhere on the page: the reporter's details as already read, not read again.
  const again = async () => ({...await load(report.id), contact: state.contact, reason: state.reason,
    desk: state.desk});
  const reveal = async reason => {
    const fresh = await load(report.id, reason);
    draw(view, {...state, ...fresh, desk: state.desk}, readValues(form),
      banner("staff.report.reporter_shown", "opened"));
  };
  // A file opened is in the audit at once: the list is read again and redrawn in place.
  const audited = async () => {
    const audit = await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/audit`);
    state.entries = audit.entries;
    view.querySelector("#audit")?.replaceWith(auditTrail(audit.entries, auditLists));
  };
  const content = [
    h("a", {class: "back-link", href: `/staff${sessionStorage.getItem(LAST) || ""}`}, t("staff.report.back")),
    // A form's case is named by its form and the reference its resident holds, not as a street report.
    desk ? h("span", {class: "caption"}, t("staff.form_case.caption", {id: report.id}))
      : h("span", {class: "caption"}, t("staff.report.caption", {id: report.id})),
    h("h1", {class: "heading-l"}, desk ? `${desk[0].title || desk[0].form_id}: ${desk[0].reference}`
      : `${report.service_name}: ${report.id}`),
    h("div", {class: "desk-columns"},
      h("div", {class: "desk-columns__main"},
        desk ? desk[1].formCaseDetails(report, desk[0], lists, {...drawn, audited, reason: state.reason})
          : details(report, lists, reveal),
        desk ? null : moderationSection(report, async () => {
          const fresh = await again();
          draw(view, fresh, valuesOf(fresh.report), banner("staff.moderate.saved", "saved"));
        }),
        desk ? null : sendsSection(report, async () => {
          const fresh = await again();
          draw(view, fresh, valuesOf(fresh.report), banner("staff.sends.queued"));
        }),
        desk ? null : passSection(report, council => {
          // Another council's now: nothing of it is this desk's to show (its address answers 404 here).
          const done = h("div", {class: "banner banner--saved", id: "passed", role: "status", tabindex: "-1"},
            h("p", {class: "banner__line"}, t("staff.pass.done", {id: report.id, council})));
          append(clear(view), menu, h("a", {class: "back-link", href: `/staff${sessionStorage.getItem(LAST) || ""}`},
            t("staff.report.back")), done);
          done.focus();
        }),
        h("h2", {class: "heading-m"}, t("staff.audit.title")),
        auditTrail(entries, auditLists)),
      h("div", {class: "desk-columns__side"}, h("h2", {class: "heading-m"}, t("staff.inspect.title")), notice, form))];
  if (!notice) {
    append(view, content);  // the first drawing: the router shows it and moves the focus
    return;
  }
  append(clear(view), menu, content);
  notice.focus();
}

/** A form's case before its answers are read: what it is, and why the officer opens it. */
function gate(view, state) {
  const {report} = state;
  const asked = reasonForm({id: report.id, formId: "case-reason", lead: t("staff.form_case.why_lead"),
    label: t("staff.form_case.open_case"), open: async reason => {
      const full = await load(report.id, reason);
      draw(view, full, valuesOf(full.report), banner("staff.form_case.case_opened", "opened"));
    }});
  const back = `/staff${sessionStorage.getItem(LAST) || ""}`;
  append(view, h("a", {class: "back-link", href: back}, t("staff.report.back")),
    h("span", {class: "caption"}, t("staff.form_case.caption", {id: report.id})),
    h("h1", {class: "heading-l"}, t("staff.form_case.closed_title", {id: report.id})), asked);
}

export async function render(view, {path}) {
  const id = decodeURIComponent(path.split("/").pop()).toUpperCase();
  try {
    const state = await load(id, reasonFor(id));
    if (state.formCase && !state.desk) return gate(view, state);
    draw(view, state, valuesOf(state.report));
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("staff.report.not_found_title")),
      h("p", {class: "body"}, error instanceof ApiError && error.status === 404 ? t("staff.report.not_found", {id})
        : errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/staff"}, t("staff.nav.inbox"))));
  }
}
