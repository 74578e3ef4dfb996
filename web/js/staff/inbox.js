// The inbox: reports in my area, filtered and ordered as the API's index
// rows allow, with overdue ones flagged. The filters live in the address
// (/staff?status=open&team=north...), so a view can be bookmarked or shared.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, select, showErrors} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {
  dueText, LAST, options, PRIORITIES, priorityLabel, priorityTag, staffServices, stateLabel, STATES, teamName, teams, wards,
} from "./common.js";
import {statusTag} from "../screens/report-page.js";

const PASSED = ["q", "status", "service_code", "ward", "priority", "team", "assigned", "overdue", "sort", "cursor"];
const SORTS = ["newest", "oldest", "priority", "due"];
const LABELS = () => ({q: t("staff.inbox.search"), status: t("staff.inbox.status"),
  service_code: t("staff.inbox.category"), ward: t("staff.inbox.ward"), priority: t("staff.inbox.priority"),
  team: t("staff.inbox.team"), assigned: t("staff.inbox.team"), overdue: t("staff.inbox.overdue"),
  sort: t("staff.inbox.sort"), cursor: t("staff.inbox.page")});

function filters(params, lists) {
  const statuses = [{value: "open", label: t("staff.inbox.status_open")},
    {value: "closed", label: t("staff.inbox.status_closed")}, {value: "all", label: t("staff.inbox.status_all")},
    // "open" alone asks for every open state: the state itself is the list of one, "open,".
    ...STATES.map(s => ({value: s === "open" ? "open," : s, label: stateLabel(s)}))];
  const teamValue = params.get("assigned") === "no" ? "unassigned" : params.get("team") || "";
  const overdue = params.get("overdue") === "yes";
  const sort = select({field: "sort", label: t("staff.inbox.sort"), value: overdue ? "due" : params.get("sort") || "newest",
    options: SORTS.map(s => ({value: s, label: t(`staff.inbox.sort_${s}`)}))});
  const overdueBox = h("div", {class: "form-group", dataset: {field: "overdue"}},
    h("div", {class: "checkboxes__item"},
      h("input", {class: "checkboxes__input", type: "checkbox", id: "f-overdue", name: "overdue", value: "yes",
        checked: overdue}),
      h("label", {class: "label checkboxes__label", for: "f-overdue"}, t("staff.inbox.overdue"))));
  const form = h("form", {class: "filters", id: "inbox-filters", role: "search", "aria-label": t("staff.inbox.filters"),
    novalidate: true},
    input({field: "q", label: t("staff.inbox.search"), hint: t("staff.inbox.search_hint"), type: "search",
      value: params.get("q") || "", spellcheck: "false"}),
    select({field: "status", label: t("staff.inbox.status"), options: statuses, value: params.get("status") || "open"}),
    select({field: "service_code", label: t("staff.inbox.category"), value: params.get("service_code") || "",
      options: options(lists.services.map(s => ({value: s.service_code, label: s.name})), t("staff.inbox.any"))}),
    select({field: "ward", label: t("staff.inbox.ward"), value: params.get("ward") || "",
      options: options(lists.wards.map(w => ({value: w.id, label: w.name})), t("staff.inbox.any"))}),
    select({field: "priority", label: t("staff.inbox.priority"), value: params.get("priority") || "",
      options: options(PRIORITIES.map(p => ({value: p, label: priorityLabel(p)})), t("staff.inbox.any"))}),
    select({field: "team", label: t("staff.inbox.team"), value: teamValue,
      options: options([{value: "unassigned", label: t("staff.inbox.unassigned")},
        ...lists.teams.filter(x => !x.retired).map(x => ({value: x.id, label: x.name}))], t("staff.inbox.any"))}),
    overdueBox, sort, h("div", {class: "filters__actions"}, button(t("staff.inbox.apply"))));
  form.querySelector("[data-field=team]").dataset.field = "team assigned";
  const sortSelect = form.elements.sort;
  const overdueOnly = () => {
    // Overdue reports come in due order only (the API's index): the choice would be refused.
    sortSelect.disabled = form.elements.overdue.checked;
    if (form.elements.overdue.checked) sortSelect.value = "due";
  };
  form.elements.overdue.addEventListener("change", overdueOnly);
  overdueOnly();
  form.addEventListener("submit", event => {
    event.preventDefault();
    const value = name => form.elements[name].value.trim();
    const chosen = {q: value("q"), status: value("status") === "open" ? "" : value("status"),
      service_code: value("service_code"), ward: value("ward"), priority: value("priority"),
      team: ["", "unassigned"].includes(value("team")) ? "" : value("team"),
      assigned: value("team") === "unassigned" ? "no" : "",
      overdue: form.elements.overdue.checked ? "yes" : "",
      sort: form.elements.overdue.checked || value("sort") === "newest" ? "" : value("sort")};
    const search = query(chosen);
    navigate(`/staff${search ? `?${search}` : ""}`);
  });
  return form;
}

function results(found, lists, params) {
  if (!found.reports.length) return h("p", {class: "body", id: "inbox-empty"}, t("staff.inbox.empty"));
  const headings = ["reference", "category", "summary", "status", "priority", "ward", "team", "due", "received"];
  const wardName = id => (lists.wards.find(w => w.id === id) || {}).name || id || "";
  const next = found.next_cursor ? `/staff?${query({...Object.fromEntries(params), cursor: found.next_cursor})}` : null;
  const first = params.get("cursor") ? `/staff?${query({...Object.fromEntries(params), cursor: ""})}` : null;
  return [
    h("div", {class: "table-wrap"}, h("table", {class: "table inbox", id: "inbox"},
      h("caption", {class: "visually-hidden"}, t("staff.inbox.caption")),
      h("thead", {}, h("tr", {}, headings.map(k => h("th", {scope: "col"}, t(`staff.inbox.col_${k}`))))),
      h("tbody", {}, found.reports.map(r => h("tr", {class: r.overdue ? "inbox__row--overdue" : null},
        h("th", {scope: "row"}, h("a", {href: `/staff/reports/${encodeURIComponent(r.id)}`}, r.id)),
        h("td", {}, r.service_name),
        h("td", {}, r.summary || "", r.private || r.private_category ? [" ", h("strong", {class: "tag tag--grey"},
          t("staff.private"))] : null),
        h("td", {}, statusTag(r.status, r.status_label)),
        h("td", {}, priorityTag(r.priority)),
        h("td", {}, wardName(r.ward)),
        h("td", {}, teamName(lists.teams, r.team)),
        h("td", {}, dueText(r)),
        h("td", {}, formatDate(r.created_at))))))),
    first || next ? h("ul", {class: "list list--inline pager"},
      first ? h("li", {}, h("a", {href: first}, t("staff.inbox.first_page"))) : null,
      next ? h("li", {}, h("a", {href: next, rel: "next"}, t("staff.inbox.next_page"))) : null) : null,
  ];
}

export async function render(view, {params}) {
  sessionStorage.setItem(LAST, location.search);  // a report's back link returns to this page of the inbox
  append(view, h("h1", {class: "heading-l"}, t("staff.inbox.title")));
  let lists;
  try {
    const [services, teamList, wardList] = await Promise.all([staffServices(), teams(), wards().catch(() => [])]);
    lists = {services, teams: teamList, wards: wardList};
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  append(view, filters(params, lists));
  const asked = Object.fromEntries(PASSED.map(k => [k, params.get(k)]));
  try {
    const found = await api(`/v1/staff/reports?${query(asked)}`);
    append(view, h("div", {id: "inbox-results", "aria-live": "polite"}, results(found, lists, params)));
  } catch (error) {
    requestAnimationFrame(() => showErrors(view, errorsOf(error), LABELS()));
  }
}
