// Council meetings and decisions: /meetings (ahead or past, by committee, ward
// and date, and a search of items), /meetings/{id} (the agenda: each item's
// words, its papers with their size, and its decision and minutes once
// published) and /decisions (forthcoming decisions: key or not, when, who
// decides, the wards). All from Doorstep's copy, which says how old it is.
// An agenda also says how to take part (speaking's and questions' deadlines in
// words, an item's places left) and links each item to its moment in the
// webcast; the forms themselves are screens/taking-part.js.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, errorsOf, input, onSubmit, select, showErrors} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {isPostcode, searchAddresses} from "../where.js";

export async function render(view, {params, url}) {
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "/decisions") return forthcoming(view, params);
  if (path === "/meetings/speaking/withdraw" || /^\/meetings\/\d+\/items\/\d+\/(speak|question)$/.test(path)) {
    return (await import("./taking-part.js")).render(view, {params, url});
  }
  if (/^\/meetings\/\d{1,12}\/live$/.test(path)) return (await import("./meeting-live.js")).render(view, {params, url});
  const found = path.match(/^\/meetings\/(\d{1,12})$/);
  return found ? agenda(view, found[1]) : list(view, params);
}

const SEARCH_MIN = 2, SEARCH_MAX = 100;  // the API's limits on the words looked for (democracy/limits.py)

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

// A postcode or an address ("1 Front Street") in the ward box is a place: the ward is its addresses'.
const placeLike = text => isPostcode(text) || /^\d/.test(text);

/** The one ward of the addresses at a postcode or on a street, or null having said why (or offered each). */
async function wardOf(view, where, chosen) {
  let addresses;
  try {
    addresses = await searchAddresses(where);
  } catch (error) {
    append(view, h("p", {class: "body", id: "ward-of-place"}, error.message));
    return null;
  }
  const wards = [...new Set(addresses.map(a => a.ward).filter(Boolean))].sort();
  if (wards.length === 1) {
    append(view, h("p", {class: "body", id: "ward-of-place"}, t("meetings.ward_found", {ward: wards[0], where})));
    return wards[0];
  }
  append(view, h("p", {class: "body", id: "ward-of-place"},
    t(wards.length ? "meetings.ward_choose" : "meetings.ward_unknown", {where})));
  if (wards.length) {
    append(view, h("ul", {class: "list", id: "ward-choices"}, wards.map(ward => h("li", {},
      h("a", {href: `/meetings?${query({when: chosen.when, committee: chosen.committee, ward})}`}, ward)))));
  }
  return null;
}

async function list(view, params) {
  const past = params.get("when") === "past";
  const where = params.get("where")?.trim() || undefined;
  const chosen = {when: past ? "past" : undefined, committee: params.get("committee") || undefined,
    ward: where ? undefined : params.get("ward") || undefined, where};
  append(view, h("h1", {class: "heading-l"}, t("meetings.title")), h("p", {class: "body"}, t("meetings.intro")),
    h("nav", {"aria-label": t("meetings.which")}, h("ul", {class: "list list--inline"},
      [false, true].map(p => h("li", {}, p === past ? h("strong", {"aria-current": "page"}, t(p ? "meetings.past" : "meetings.ahead"))
        : h("a", {href: `/meetings?${query({...chosen, when: p ? "past" : undefined})}`}, t(p ? "meetings.past" : "meetings.ahead")))))),
    h("p", {class: "body"}, h("a", {href: "/decisions"}, t("meetings.forthcoming_link"))));
  const committees = (await ask(view, "/v1/committees"))?.committees || [];
  const filters = h("form", {role: "search", id: "meeting-filters", "aria-label": t("meetings.filters_name")},
    select({field: "committee", label: t("meetings.committee"), value: chosen.committee || "",
      options: [{value: "", label: t("meetings.every_committee")}, ...committees.map(c => ({value: c.id, label: c.title}))]}),
    input({field: "ward", label: t("meetings.ward"), hint: t("meetings.ward_hint"), value: where || chosen.ward || "",
      optional: true}),
    button(t("meetings.filter"), {secondary: true}));
  filters.addEventListener("submit", event => {
    event.preventDefault();
    const text = filters.elements.ward.value.trim() || undefined;
    navigate(`/meetings?${query({when: chosen.when, committee: filters.elements.committee.value || undefined,
      ...(text && placeLike(text) ? {where: text} : {ward: text})})}`);
  });
  const search = h("form", {role: "search", id: "item-search", novalidate: true, "aria-label": t("meetings.search_name")},
    input({field: "q", label: t("meetings.search"), value: params.get("q") || "", type: "search", maxlength: SEARCH_MAX}),
    button(t("meetings.search_button"), {secondary: true}));
  // Nothing, or too little, to look for is said at the box, not sent to come back as the API's words.
  onSubmit(search, view, async () => {
    const q = search.elements.q.value.trim();
    checkSearch(q);
    await navigate(`/meetings?${query({q})}`);
  });
  append(view, filters, search);
  if (params.has("q")) return found(view, search, params.get("q").trim());
  if (where) {
    chosen.ward = await wardOf(view, where, chosen);
    if (!chosen.ward) return;
  }
  const answer = await ask(view, `/v1/meetings?${query({when: chosen.when, committee: chosen.committee,
    ward: chosen.ward})}`);
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

function checkSearch(q) {
  check(["q", t("meetings.search_missing"), q], ["q", t("meetings.search_short", {min: SEARCH_MIN}), !q || q.length >= SEARCH_MIN],
    ["q", t("meetings.search_long", {max: SEARCH_MAX}), q.length <= SEARCH_MAX]);
}

// Words opened in the address (a link, a bookmark, typed) are checked as the box's are, and whatever
// is wrong, ours or the API's, is said the one way: a summary above the h1 and the same words at the box.
async function found(view, search, words) {
  let answer;
  try {
    checkSearch(words);
    answer = await api(`/v1/agenda-items?${query({q: words})}`, {auth: false});
  } catch (error) {
    showErrors(search, errorsOf(error), {q: t("meetings.search")}, search);
    return;
  }
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

/** An item's ways to take part, and its moment in the recording: each link names its item for a screen reader. */
function takingPart(m, i, speaking, chapter) {
  const named = text => [text, h("span", {class: "visually-hidden"}, ` ${t("meetings.on_item", {title: i.title})}`)];
  const places = speaking?.items.find(x => x.id === i.id);
  const links = [
    speaking?.open && places?.places_left ? h("a", {href: `/meetings/${m.id}/items/${i.id}/speak`, class: "speak-link"},
      ...named(t("meetings.speak"))) : null,
    speaking?.questions?.open ? h("a", {href: `/meetings/${m.id}/items/${i.id}/question`, class: "question-link"},
      ...named(t("meetings.ask"))) : null,
    chapter?.url ? h("a", {href: chapter.url, class: "watch-link"}, ...named(t("meetings.watch_item", {at: chapter.at})))
      : null].filter(Boolean);
  return [
    places && speaking.open ? h("p", {class: "hint places-left"}, places.places_left
      ? tCount("meetings.places_left", places.places_left) : t("meetings.item_full")) : null,
    links.length ? h("ul", {class: "list take-part-links"}, links.map(link => h("li", {}, link))) : null];
}

/** Written questions on the item, published with their answers once the meeting has begun. */
function answered(list) {
  if (!list?.length) return null;
  return h("div", {class: "written-questions"}, h("h4", {class: "heading-s"}, t("meetings.questions")),
    h("ul", {class: "list"}, list.map(q => h("li", {class: "written-question"},
      h("p", {class: "hint"}, t("meetings.question_from", {asker: q.asked_by, member: q.member})),
      ...paragraphs(q.question), h("p", {class: "body bold"}, t("meetings.answer")), ...paragraphs(q.answer)))));
}

function item(m, i, speaking, chapters, asked) {
  if (i.heading) return h("li", {class: "agenda-heading"}, h("h3", {class: "heading-s"}, i.title));
  return h("li", {class: "agenda-item", id: `item-${i.id}`},
    h("h3", {class: "heading-s"}, i.number ? `${i.number} ${i.title}` : i.title),
    ...paragraphs(i.text),
    i.public_can_speak && !m.cancelled ? h("p", {class: "hint"}, t("meetings.can_speak")) : null,
    m.cancelled ? null : takingPart(m, i, speaking, chapters.get(i.id)),
    answered(asked.get(i.id)),
    i.papers.length ? h("ul", {class: "list papers"}, i.papers.map(paper)) : null,
    (i.petitions || []).length ? h("div", {class: "petitions"}, h("h4", {class: "heading-s"}, t("meetings.petitions")),
      h("ul", {class: "list"}, i.petitions.map(p => h("li", {}, h("a", {href: `/petitions/${p.id}`, class: "link"},
        p.action))))) : null,
    (i.applications || []).length ? h("div", {class: "applications"}, h("h4", {class: "heading-s"},
      t("meetings.applications")), h("ul", {class: "list"}, i.applications.map(a => h("li", {},
      h("a", {href: `/planning/${a.id}`, class: "link planning-link"}, t("meetings.application", a)))))) : null,
    i.decision ? h("div", {class: "inset decision"}, h("h4", {class: "heading-s"}, t("meetings.decision")),
      ...paragraphs(i.decision)) : null,
    i.minutes && !i.decision ? h("div", {class: "inset minutes"}, h("h4", {class: "heading-s"}, t("meetings.minutes")),
      ...paragraphs(i.minutes)) : null);
}

/** Taking part's answers beside the meeting's: without them the agenda still shows, without its links. */
async function quietly(path) {
  try {
    return await api(path, {auth: false});
  } catch {
    return null;
  }
}

/** The meeting's webcast: live now (with the item on), or its recording, at the provider's address. */
function webcast(cast) {
  if (!cast?.url) return null;
  const on = cast.now_on && cast.chapters.find(c => c.item_id === cast.now_on);
  return h("div", {class: "inset", id: "webcast"}, on
    ? [h("strong", {class: "tag tag--red"}, t("meetings.live")), " ",
      t("meetings.now_on", {item: on.number ? `${on.number} ${on.title}` : on.title})] : null,
    h("p", {class: "body take-part-links"}, h("a", {href: cast.url}, t(on ? "meetings.watch_live" : "meetings.watch"))));
}

function deadlines(speaking) {
  if (!speaking) return null;
  const speak = speaking.items.length ? h("p", {class: "body", id: "speak-deadline"},
    t(speaking.open ? "meetings.speak_closes" : "meetings.speak_closed", {moment: speaking.closes,
      minutes: speaking.minutes_each})) : null;
  const questions = speaking.questions ? h("p", {class: "body", id: "question-deadline"},
    t(speaking.questions.open ? "meetings.questions_close" : "meetings.questions_closed",
      {moment: speaking.questions.closes, words: speaking.questions.words})) : null;
  return h("div", {class: "inset", id: "taking-part"}, h("h2", {class: "heading-s"}, t("meetings.take_part")),
    speak, questions);
}

async function agenda(view, id) {
  const [m, speaking, cast, questions] = await Promise.all([ask(view, `/v1/meetings/${id}`),
    quietly(`/v1/meetings/${id}/speaking`), quietly(`/v1/meetings/${id}/webcast`),
    quietly(`/v1/meetings/${id}/questions`)]);
  if (!m) return;
  append(view, h("h1", {class: "heading-l"}, m.committee_title),
    h("p", {class: "body", id: "meeting-when"}, when(m), " ", cancelledTag(m)),
    m.location ? h("p", {class: "hint"}, m.location) : null, age(m));
  if (m.cancelled) {
    return append(view, h("div", {class: "inset", id: "meeting-cancelled"}, t("meetings.cancelled_body")));
  }
  if (!m.agenda_published) return append(view, h("p", {class: "body", id: "no-agenda"}, t("meetings.no_agenda")));
  const chapters = new Map((cast?.chapters || []).map(c => [c.item_id, c]));
  const asked = new Map();
  for (const q of questions?.questions || []) asked.set(q.item_id, [...(asked.get(q.item_id) || []), q]);
  append(view, webcast(cast), deadlines(speaking),
    m.decisions_published ? h("p", {class: "body"}, t("meetings.decisions_out")) : null,
    h("h2", {class: "heading-m"}, t("meetings.agenda")),
    h("p", {class: "body"}, h("a", {href: `/meetings/${m.id}/live`, id: "live-link"}, t("meetings.live_link"))),
    h("ol", {class: "list agenda", id: "agenda"}, m.items.map(i => item(m, i, speaking, chapters, asked))),
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
