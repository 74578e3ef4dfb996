// Planning applications near a home: /planning (near the property remembered on
// this phone, or ?uprn=), by phase (open for comments, awaiting a decision,
// decided), and /planning/{id} (one application: its proposal, when comments
// close in words, its decision, and while comments are open the link to comment
// on the council's own register: Doorstep takes no planning comments).
// All from Doorstep's copy of the register, which says how old it is.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {myProperty} from "../my-property.js";

const PHASES = ["open", "awaiting", "decided"];
const TAGS = {open: "tag--green", awaiting: "tag--yellow", decided: "tag--grey"};

export async function render(view, {params, url}) {
  const found = url.pathname.replace(/\/+$/, "").match(/^\/planning\/([a-z0-9][a-z0-9-]{0,79})$/);
  return found ? one(view, found[1]) : near(view, params);
}

async function ask(view, path) {
  try {
    return await api(path, {auth: false});
  } catch (error) {
    append(view, h("p", {class: "body", id: "planning-error"}, errorsOf(error)[0].message));
    return null;
  }
}

// Once the register stops answering the sync, say since when.
function age(answer) {
  if (!answer.stale) return null;
  return h("div", {class: "inset", id: "planning-stale"}, answer.synced_at
    ? t("planning.stale", {when: formatDate(answer.synced_at, true)}) : t("planning.stale_never"));
}

// Planning Data's constraints at the place (a conservation area, a listed building...), with their source.
function constraints(answer, title) {
  if (!answer.constraints?.length) return null;
  return h("section", {id: "planning-constraints", "aria-labelledby": "planning-constraints-title"},
    h("h2", {class: "heading-m", id: "planning-constraints-title"}, t(title)),
    h("ul", {class: "list list--bullet"}, answer.constraints.map(c => h("li", {}, c.words))),
    h("p", {class: "hint"}, answer.constraints_source));
}

// The Planning Committee meeting whose agenda names it: when and where, and how to ask to speak.
function committee(c) {
  if (!c) return null;
  return h("section", {id: "planning-committee", "aria-labelledby": "planning-committee-title"},
    h("h2", {class: "heading-m", id: "planning-committee-title"}, t("planning.committee")),
    h("p", {class: "body"}, c.words),
    h("p", {class: "body"}, h("a", {href: `/meetings/${c.meeting_id}#item-${c.item_id}`, id: "planning-committee-item"},
      t("planning.committee_item"))),
    c.speaking ? h("p", {class: "body", id: "planning-speaking"}, c.speaking.words, " ", c.speaking.url
      ? h("a", {href: `/meetings/${c.meeting_id}/items/${c.item_id}/speak`}, t("planning.speak")) : null) : null);
}

function phaseTag(a) {
  return h("strong", {class: `tag ${TAGS[a.phase]} planning-phase`}, t(`planning.phase_${a.phase}`));
}

async function near(view, params) {
  append(view, h("h1", {class: "heading-l"}, t("planning.title")), h("p", {class: "body"}, t("planning.intro")));
  const uprn = params.get("uprn") || (await myProperty())?.uprn;
  if (!uprn) {
    append(view, h("p", {class: "body"}, t("planning.no_home"), " ", h("a", {href: "/property"}, t("planning.find_home"))));
    return;
  }
  const place = await ask(view, `/v1/places/${encodeURIComponent(uprn)}`);
  if (!place) return;
  const status = PHASES.includes(params.get("status")) ? params.get("status") : undefined;
  append(view, h("p", {class: "body", id: "planning-place"}, t("planning.near", {address: place.address})),
    h("nav", {"aria-label": t("planning.which")}, h("ul", {class: "list list--inline"},
      [undefined, ...PHASES].map(p => h("li", {}, p === status
        ? h("strong", {"aria-current": "page"}, t(`planning.show_${p || "all"}`))
        : h("a", {href: `/planning?${query({uprn: params.get("uprn") || undefined, status: p})}`},
          t(`planning.show_${p || "all"}`)))))));
  const answer = await ask(view, `/v1/planning/applications?${query({lat: place.lat, lon: place.lon, status})}`);
  if (!answer) return;
  append(view, age(answer), constraints(answer, "planning.constraints_home"), h("p", {class: "body", id: "planning-count"},
    tCount("planning.count", answer.applications.length, {radius: answer.radius})),
  h("ul", {class: "cards", id: "planning-list"}, answer.applications.map(a => h("li", {class: "card planning-card"},
    h("h2", {class: "heading-s card__title"}, h("a", {href: `/planning/${a.id}`}, a.proposal)),
    h("p", {class: "card__meta"}, phaseTag(a), " ", t("planning.where", {address: a.address, metres: a.distance_m})),
    h("p", {class: "body"}, a.phase === "decided" ? a.decision_words : a.comments || a.decision_words)))));
}

async function one(view, id) {
  const a = await ask(view, `/v1/planning/applications/${id}`);
  if (!a) {
    append(view, h("p", {class: "body"}, h("a", {href: "/planning"}, t("planning.all"))));
    return;
  }
  const row = (key, value) => value ? h("div", {class: "summary-list__row"},
    h("dt", {class: "summary-list__key"}, t(key)), h("dd", {class: "summary-list__value"}, value)) : null;
  append(view, h("span", {class: "caption"}, a.reference), h("h1", {class: "heading-l"}, a.proposal), phaseTag(a),
    age(a),
    h("dl", {class: "summary-list", id: "planning-application"},
      row("planning.reference", a.reference), row("planning.address", a.address),
      row("planning.validated", a.validated ? formatDay(a.validated, true) : null),
      row("planning.comments", a.comments),
      row("planning.notification", a.notification && a.phase !== "decided" ? a.notification.text : null),
      row("planning.decision", a.decision_words),
      row("planning.appeal", a.appeal_status), row("planning.type", a.type_words)),
    committee(a.committee), constraints(a, "planning.constraints_here"),
    a.comment_link ? [h("p", {class: "body"}, a.comment_where),
      h("p", {class: "body"}, h("a", {id: "planning-comment", class: "button", href: a.comment_link,
        rel: "noopener external"}, t("planning.comment")))] : null,
    a.phase !== "decided" ? h("p", {class: "body"}, h("a", {id: "planning-follow",
      href: `/alerts/new?${query({kind: "planning", application: a.id, reference: a.reference})}`}, t("planning.follow"))) : null,
    a.link ? h("p", {class: "body"}, h("a", {href: a.link, rel: "noopener external"}, t("planning.register"))) : null,
    h("p", {class: "body"}, h("a", {href: "/planning"}, t("planning.all"))));
}
