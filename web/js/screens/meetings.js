// Council meetings and decisions: /meetings (ahead or past, by committee, ward
// and date, and a search of items), /meetings/{id} (the agenda: each item's
// words, its papers with their size, and its decision and minutes once
// published) and /decisions (forthcoming decisions: key or not, when, who
// decides, the wards). All from Doorstep's copy, which says how old it is.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, select} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../router.js";

export async function render(view, {params, url}) {
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "/decisions") return forthcoming(view, params);
  const found = path.match(/^\/meetings\/(\d{1,12})$/);
  return found ? agenda(view, found[1]) : list(view, params);
}

async function ask(view, path) {
  try {
    return await api(path, {auth: false});
  } catch (error) {
    append(view, h("p", {class: "body", id: "meetings-error"}, errorsOf(error)[0].message));
    return null;
  }
}

// The copy is the sync's: once the committee system stops answering, say since when.
function age(answer) {
  if (!answer.stale) return null;
  return h("div", {class: "inset", id: "meetings-stale"}, answer.synced_at
    ? t("meetings.stale", {when: formatDate(answer.synced_at, true)}) : t("meetings.stale_never"));
}

function when(m) {
  return m.time ? t("meetings.at", {day: formatDay(m.date), time: m.time}) : formatDay(m.date);
}

function cancelledTag(m) {
  return m.cancelled ? h("strong", {class: "tag tag--red meeting-cancelled"}, t("meetings.cancelled")) : null;
}

async function list(view, params) {
  const past = params.get("when") === "past";
  const chosen = {when: past ? "past" : undefined, committee: params.get("committee") || undefined,
    ward: params.get("ward") || undefined};
  append(view, h("h1", {class: "heading-l"}, t("meetings.title")), h("p", {class: "body"}, t("meetings.intro")),
    h("nav", {"aria-label": t("meetings.which")}, h("ul", {class: "list list--inline"},
      [false, true].map(p => h("li", {}, p === past ? h("strong", {"aria-current": "page"}, t(p ? "meetings.past" : "meetings.ahead"))
        : h("a", {href: `/meetings?${query({...chosen, when: p ? "past" : undefined})}`}, t(p ? "meetings.past" : "meetings.ahead")))))),
    h("p", {class: "body"}, h("a", {href: "/decisions"}, t("meetings.forthcoming_link"))));
  const committees = (await ask(view, "/v1/committees"))?.committees || [];
  const filters = h("form", {role: "search", id: "meeting-filters"},
    select({field: "committee", label: t("meetings.committee"), value: chosen.committee || "",
      options: [{value: "", label: t("meetings.every_committee")}, ...committees.map(c => ({value: c.id, label: c.title}))]}),
    input({field: "ward", label: t("meetings.ward"), value: chosen.ward || "", optional: true}),
    button(t("meetings.filter"), {secondary: true}));
  filters.addEventListener("submit", event => {
    event.preventDefault();
    navigate(`/meetings?${query({when: chosen.when, committee: filters.elements.committee.value || undefined,
      ward: filters.elements.ward.value.trim() || undefined})}`);
  });
  const search = h("form", {role: "search", id: "item-search"},
    input({field: "q", label: t("meetings.search"), value: params.get("q") || "", type: "search"}),
    button(t("meetings.search_button"), {secondary: true}));
  search.addEventListener("submit", event => {
    event.preventDefault();
    navigate(`/meetings?${query({q: search.elements.q.value.trim() || undefined})}`);
  });
  append(view, filters, search);
  if (params.get("q")) return found(view, params.get("q"));
  const answer = await ask(view, `/v1/meetings?${query(chosen)}`);
  if (!answer) return;
  append(view, age(answer));
  if (!answer.meetings.length) return append(view, h("p", {class: "body", id: "no-meetings"}, t("meetings.none")));
  append(view, h("ul", {class: "list", id: "meeting-list"}, answer.meetings.map(m => h("li", {class: "meeting-item"},
    h("a", {href: `/meetings/${m.id}`, class: "link"}, m.committee_title), " ", cancelledTag(m),
    h("p", {class: "hint"}, when(m))))));
  if (chosen.committee) {
    append(view, h("p", {class: "body"}, h("a", {href: `/v1/feeds/committees/${chosen.committee}/meetings.ics`},
      t("meetings.calendar"))));
  }
}

async function found(view, words) {
  const answer = await ask(view, `/v1/agenda-items?${query({q: words})}`);
  if (!answer) return;
  append(view, h("h2", {class: "heading-m"}, tCount("meetings.found", answer.items.length)),
    h("ul", {class: "list", id: "item-results"}, answer.items.map(i => h("li", {},
      h("a", {href: `/meetings/${i.meeting_id}#item-${i.item_id}`, class: "link"}, i.title),
      h("p", {class: "hint"}, `${i.committee_title}, ${formatDate(i.date)}`),
      i.decision ? h("p", {class: "body"}, i.decision) : null))));
}

function paragraphs(text, attrs = {}) {
  return (text || "").split("\n\n").filter(Boolean).map(p => h("p", {class: "body", ...attrs}, p));
}

function paper(p) {
  const label = t("meetings.paper", {title: p.title, kb: Math.max(1, Math.round((p.size || 0) / 1024))});
  return h("li", {}, p.available ? h("a", {href: p.url, class: "link", type: "application/pdf"}, label)
    : h("span", {}, t("meetings.paper_not_yet", {title: p.title})));
}

function item(m, i) {
  if (i.heading) return h("li", {class: "agenda-heading"}, h("h3", {class: "heading-s"}, i.title));
  return h("li", {class: "agenda-item", id: `item-${i.id}`},
    h("h3", {class: "heading-s"}, i.number ? `${i.number} ${i.title}` : i.title),
    ...paragraphs(i.text),
    i.public_can_speak && !m.cancelled ? h("p", {class: "hint"}, t("meetings.can_speak")) : null,
    i.papers.length ? h("ul", {class: "list papers"}, i.papers.map(paper)) : null,
    (i.petitions || []).length ? h("div", {class: "petitions"}, h("h4", {class: "heading-s"}, t("meetings.petitions")),
      h("ul", {class: "list"}, i.petitions.map(p => h("li", {}, h("a", {href: `/petitions/${p.id}`, class: "link"},
        p.action))))) : null,
    i.decision ? h("div", {class: "inset decision"}, h("h4", {class: "heading-s"}, t("meetings.decision")),
      ...paragraphs(i.decision)) : null,
    i.minutes && !i.decision ? h("div", {class: "inset minutes"}, h("h4", {class: "heading-s"}, t("meetings.minutes")),
      ...paragraphs(i.minutes)) : null);
}

async function agenda(view, id) {
  const m = await ask(view, `/v1/meetings/${id}`);
  if (!m) return;
  append(view, h("h1", {class: "heading-l"}, m.committee_title),
    h("p", {class: "body", id: "meeting-when"}, when(m), " ", cancelledTag(m)),
    m.location ? h("p", {class: "hint"}, m.location) : null, age(m));
  if (m.cancelled) {
    return append(view, h("div", {class: "inset", id: "meeting-cancelled"}, t("meetings.cancelled_body")));
  }
  if (!m.agenda_published) return append(view, h("p", {class: "body", id: "no-agenda"}, t("meetings.no_agenda")));
  append(view, m.decisions_published ? h("p", {class: "body"}, t("meetings.decisions_out")) : null,
    h("h2", {class: "heading-m"}, t("meetings.agenda")),
    h("ol", {class: "list agenda", id: "agenda"}, m.items.map(i => item(m, i))),
    h("p", {class: "body"}, h("a", {href: `/v1/feeds/committees/${m.committee_id}/meetings.ics`},
      t("meetings.calendar"))));
}

async function forthcoming(view, params) {
  const key = params.get("key") === "true" ? "true" : undefined;
  append(view, h("h1", {class: "heading-l"}, t("meetings.forthcoming")),
    h("p", {class: "body"}, t("meetings.forthcoming_intro")),
    h("p", {class: "body"}, key ? h("a", {href: "/decisions"}, t("meetings.every_decision"))
      : h("a", {href: "/decisions?key=true"}, t("meetings.key_only"))));
  const answer = await ask(view, `/v1/decisions/forthcoming?${query({key})}`);
  if (!answer) return;
  append(view, age(answer));
  if (!answer.decisions.length) return append(view, h("p", {class: "body"}, t("meetings.no_decisions")));
  append(view, h("ul", {class: "list", id: "forthcoming"}, answer.decisions.map(d => h("li", {class: "decision-item"},
    h("h2", {class: "heading-s"}, d.title), d.key ? h("strong", {class: "tag tag--blue"}, t("meetings.key")) : null,
    h("p", {class: "hint"}, t("meetings.due", {day: d.due ? formatDate(d.due) : t("meetings.not_set"),
      maker: d.decision_maker})),
    h("p", {class: "hint"}, d.all_wards ? t("meetings.all_wards") : t("meetings.wards", {wards: d.wards.join(", ")}))))),
    h("p", {class: "body"}, h("a", {href: "/v1/feeds/decisions.atom"}, t("meetings.decisions_feed"))));
}
