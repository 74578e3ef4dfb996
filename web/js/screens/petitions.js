// Petitions: /petitions, /petitions/new, /petitions/{id} (count, response,
// wards, signing, following), /petitions/{id}/sponsor?token=, /petitions/confirm?token=,
// /petitions/follow?token= and /petitions/unfollow?token= (the followers' e-mailed links).
import {api, myProfile, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, choices, errorsOf, input, onSubmit, privacyLink, textarea} from "../forms.js";
import {formatDate, formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {signedIn} from "../session.js";
import {shareButtons} from "../share.js";

const STATES = ["open", "responded", "closed"];
const n = count => count.toLocaleString("en-GB");

export async function render(view, {params, url}) {
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "/petitions") return list(view, params);
  if (path === "/petitions/new") return start(view);
  if (path === "/petitions/confirm") return confirm(view, params.get("token") || "");
  if (path === "/petitions/follow") return followLink(view, "confirm", params.get("token") || "");
  if (path === "/petitions/unfollow") return followLink(view, "unsubscribe", params.get("token") || "");
  const found = path.match(/^\/petitions\/(PT-[0-9A-Z]{6})(\/sponsor)?$/);
  if (!found) return failed(view, "petitions.not_found", null);
  return found[2] ? sponsor(view, found[1], params.get("token") || "") : page(view, found[1]);
}

function failed(view, titleKey, error) {
  append(view, h("h1", {class: "heading-l"}, t(titleKey)),
    error ? h("p", {class: "body"}, errorsOf(error)[0].message) : null,
    h("p", {class: "body"}, h("a", {href: "/petitions"}, t("petitions.all"))));
}

async function list(view, params) {
  const state = STATES.includes(params.get("state")) ? params.get("state") : "open";
  const words = params.get("q") || "";
  append(view, h("h1", {class: "heading-l"}, t("petitions.title")),
    h("p", {class: "body"}, t("petitions.intro")),
    h("p", {class: "body"}, h("a", {href: "/petitions/new", class: "button", role: "button"}, t("petitions.start"))),
    h("nav", {"aria-label": t("petitions.states")}, h("ul", {class: "list list--inline"},
      STATES.map(s => h("li", {}, s === state
        ? h("strong", {"aria-current": "page"}, t(`petitions.state.${s}`))
        : h("a", {href: `/petitions?state=${s}`}, t(`petitions.state.${s}`)))))));
  const search = h("form", {role: "search", action: "/petitions"},
    h("input", {type: "hidden", name: "state", value: state}),
    input({field: "q", label: t("petitions.search"), value: words, type: "search"}),
    button(t("petitions.search_button"), {secondary: true}));
  search.addEventListener("submit", event => {
    event.preventDefault();
    navigate(`/petitions?${query({state, q: search.elements.q.value.trim() || undefined})}`);
  });
  append(view, search);
  let answer;
  try {
    answer = await api(`/v1/petitions?${query({state, q: words || undefined, cursor: params.get("cursor") || undefined})}`,
      {auth: false});
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  if (!answer.petitions.length) return append(view, h("p", {class: "body", id: "no-petitions"}, t("petitions.none")));
  append(view, h("ul", {class: "list", id: "petition-list"}, answer.petitions.map(p => h("li", {class: "petition-item"},
    h("a", {href: `/petitions/${p.id}`, class: "link"}, p.action),
    h("p", {class: "hint"}, tCount("petitions.count", p.signature_count, {count: n(p.signature_count)}),
      p.closes_at && p.state === "open" ? ` · ${t("petitions.closes", {date: formatDate(p.closes_at)})}` : "")))));
  if (answer.next_cursor) {
    append(view, h("p", {class: "body"}, h("a", {href: `/petitions?${query({state, q: words || undefined,
      cursor: answer.next_cursor})}`}, t("petitions.more"))));
  }
  append(view, h("p", {class: "body"}, h("a", {href: "/v1/feeds/petitions.rss"}, t("petitions.rss"))));
}

async function start(view) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent("/petitions/new")}`, {replace: true});
  const form = h("form", {novalidate: true},
    input({field: "action", label: t("petitions.new.action"), hint: t("petitions.new.action_hint"), maxlength: "80"}),
    textarea({field: "background", label: t("petitions.new.background"), hint: t("petitions.new.background_hint"),
      rows: 4, maxlength: "300"}),
    textarea({field: "details", label: t("petitions.new.details"), optional: true, rows: 5, maxlength: "800"}),
    privacyLink("petitions"), button(t("petitions.new.send")));
  const key = crypto.randomUUID();  // a retry makes the same petition
  onSubmit(form, view, async () => {
    const body = {action: form.elements.action.value.trim(), background: form.elements.background.value.trim()};
    const details = form.elements.details.value.trim();
    if (details) body.details = details;
    const made = await api("/v1/petitions", {method: "POST", body, headers: {"Idempotency-Key": key}});
    redraw(view, h("h1", {class: "heading-l"}, t("petitions.new.made")),
      h("p", {class: "body"}, tCount("petitions.new.sponsors", made.sponsors_needed)),
      h("p", {class: "body"}, h("label", {class: "label", for: "sponsor-link"}, t("petitions.new.link"))),
      h("input", {class: "input", id: "sponsor-link", readonly: true, value: made.sponsor_link}),
      shareButtons(made.sponsor_link, t("petitions.new.share_title"), t("petitions.new.copy_failed")),
      h("p", {class: "body"}, t("petitions.new.next")));
  });  // the API words each error from its field: no label before it
  append(view, h("h1", {class: "heading-l"}, t("petitions.new.title")), h("p", {class: "body"},
    t("petitions.new.intro")), form);
}

// A signed-in resident finds their name and e-mail already there.
async function signingForm(view, petitionId, sponsorToken) {
  const me = await myProfile() || {};
  const form = h("form", {novalidate: true, id: "sign-form"},
    input({field: "name", label: t("petitions.sign.name"), autocomplete: "name", value: me.name || ""}),
    input({field: "email", label: t("petitions.sign.email"), type: "email", autocomplete: "email",
      hint: t("petitions.sign.email_hint"), value: me.email || ""}),
    input({field: "postcode", label: t("petitions.sign.postcode"), autocomplete: "postal-code",
      class: "input input--width-10"}),
    choices({field: "in_area", legend: t("petitions.sign.area"), multiple: true,
      options: [{value: "yes", label: t("petitions.sign.area_yes")}]}),
    privacyLink("petitions"), button(t(sponsorToken ? "petitions.sponsor.send" : "petitions.sign.send")));
  onSubmit(form, view, async () => {
    const body = {name: form.elements.name.value.trim(), email: form.elements.email.value.trim(),
      postcode: form.elements.postcode.value.trim(), in_area: form.elements.in_area.checked};
    if (sponsorToken) body.token = sponsorToken;
    await api(`/v1/petitions/${petitionId}/${sponsorToken ? "sponsors" : "signatures"}`, {method: "POST", body,
      auth: false});
    redraw(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("petitions.sign.check_title"))),
      h("p", {class: "body", id: "check-email"}, t("petitions.sign.check_body")));
  });  // the API words each error from its field ("Enter your full name"): no label before it
  return form;
}

function petitionText(p) {
  return [h("h1", {class: "heading-l"}, p.action), h("p", {class: "body"}, p.background),
    p.details ? h("p", {class: "body"}, p.details) : null];
}

async function page(view, id) {
  let p;
  try {
    p = await api(`/v1/petitions/${id}`, {auth: false});
  } catch (error) {
    return failed(view, "petitions.not_found", error);
  }
  append(view, ...petitionText(p),
    h("p", {class: "heading-m", id: "signature-count"},
      tCount("petitions.count", p.signature_count, {count: n(p.signature_count)})),
    h("p", {class: "hint"}, t(`petitions.status.${p.state}`, {date: formatDate(p.closes_at || p.created_at)})),
    h("p", {class: "body"}, t("petitions.thresholds", {response: n(p.response_threshold),
      debate: n(p.debate_threshold)})));
  if (p.rejection) append(view, h("p", {class: "body"}, p.rejection.reason_text), h("p", {class: "body"}, p.rejection.note));
  if (p.response) {
    append(view, h("section", {"aria-labelledby": "response-heading"},
      h("h2", {class: "heading-m", id: "response-heading"}, t("petitions.response")),
      h("p", {class: "body", id: "response-text"}, p.response.text),
      h("p", {class: "hint"}, formatDate(p.response.at))));
  }
  if (p.debate) {
    append(view, h("h2", {class: "heading-m"}, t("petitions.debate")),
      h("p", {class: "body", id: "debate-when"}, p.debate.meeting_id
        ? t("petitions.debate_at", {committee: p.debate.committee, date: formatDay(p.debate.date),
          item: p.debate.item_title})
        : t("petitions.debate_on", {date: formatDay(p.debate.date)})),
      p.debate.meeting_id ? h("p", {class: "body"}, h("a", {class: "link",
        href: `/meetings/${p.debate.meeting_id}#item-${p.debate.item_id}`}, t("petitions.debate_meeting"))) : null,
      p.debate.note ? h("p", {class: "body"}, p.debate.note) : null,
      p.debate.decision ? h("div", {class: "inset", id: "debate-decision"},
        h("h3", {class: "heading-s"}, t("petitions.decided")), h("p", {class: "body"}, p.debate.decision)) : null);
  }
  if (p.state === "open") append(view, h("h2", {class: "heading-m"}, t("petitions.sign.title")), await signingForm(view, p.id));
  if (["open", "closed"].includes(p.state)) append(view, h("h2", {class: "heading-m"}, t("petitions.follow.title")),
    followForm(view, p.id));
  if (p.by_ward && p.by_ward.length) {
    append(view, h("table", {class: "table", id: "by-ward"},
      h("caption", {class: "heading-m"}, t("petitions.by_ward")),
      h("thead", {}, h("tr", {}, h("th", {scope: "col"}, t("petitions.ward")),
        h("th", {scope: "col"}, t("petitions.signatures")))),
      h("tbody", {}, p.by_ward.map(w => h("tr", {}, h("th", {scope: "row"}, w.ward),
        h("td", {}, n(w.signatures)))))),
    h("p", {class: "body"}, h("a", {href: `/v1/petitions/${p.id}/wards.csv`}, t("petitions.csv")), " · ",
      h("a", {href: `/v1/petitions/${p.id}.json`}, t("petitions.json")), " · ",
      h("a", {href: `/v1/petitions/${p.id}/wards.geojson`}, t("petitions.geojson"))));
    wardMap(view, p);
  }
}

// The same figures as the table, shaded on the wards held: the map's code
// (and Leaflet, and the boundaries) come only with a petition page that has
// signatures, never with the first screen. The table stays the way in for
// screen readers and keyboards: the shapes take no focus.
const SHADES = ["#f1f5fb", "#c6d8ef", "#8fb2dd", "#4f86c6", "#1d4f91"];  // as app.css's .ward-swatch--N

async function wardMap(view, p) {
  const legend = h("ul", {class: "ward-legend", hidden: true});
  const holder = h("div", {});
  append(view, h("section", {"aria-labelledby": "ward-map-heading"},
    h("h2", {class: "heading-m", id: "ward-map-heading"}, t("petitions.map.title")),
    h("p", {class: "hint"}, t("petitions.map.hint")), holder, legend));
  const [{mapPanel}, doc] = await Promise.all([import("../map.js"),
    api(`/v1/petitions/${p.id}/wards.geojson`, {auth: false}).catch(() => null)]);
  if (!doc || !doc.features.length) return;
  const most = Math.max(1, ...doc.features.map(f => f.properties.signatures));
  const top = SHADES.length - 1;  // counts in quarters of the most: ceil(4 count / most)
  const step = count => count ? Math.min(top, Math.ceil((count * top) / most)) : 0;
  const bands = SHADES.map((_, i) => i ? [Math.floor(((i - 1) * most) / top) + 1, Math.floor((i * most) / top)] : [0, 0]);
  legend.replaceChildren(...bands.map(([lo, hi], i) => (i && lo > hi) ? null : h("li", {},
    h("span", {class: `ward-swatch ward-swatch--${i}`, "aria-hidden": "true"}),
    i === 0 ? t("petitions.map.none") : lo === hi ? tCount("petitions.map.exactly", lo)  // "1 signature", not "1 to 1"
      : t("petitions.map.band", {low: n(lo), high: n(hi)}))).filter(Boolean));
  legend.hidden = false;
  const panel = mapPanel({showReports: false, label: t("petitions.map.label"), noTiles: "petitions.map.no_tiles",
    onReady: (map, L) => {
      const layer = L.geoJSON(doc, {interactive: false, style: f => ({color: "#0b0c0c", weight: 1,
        fillColor: SHADES[step(f.properties.signatures)], fillOpacity: 0.75})}).addTo(map);
      if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds());
    }});
  holder.append(panel.element);
}

async function sponsor(view, id, token) {
  let p;
  try {
    p = await api(`/v1/petitions/${id}?${query({sponsor_token: token})}`, {auth: false});
  } catch (error) {
    return failed(view, "petitions.not_found", error);
  }
  append(view, h("p", {class: "caption"}, t("petitions.sponsor.caption")), ...petitionText(p),
    h("p", {class: "body"}, tCount("petitions.sponsor.intro", p.sponsors_needed)), await signingForm(view, p.id, token));
}

async function confirm(view, token) {
  try {
    const done = await api("/v1/signatures/confirm", {method: "POST", body: {token}, auth: false});
    append(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"},
      t(done.sponsor ? "petitions.confirm.sponsor" : "petitions.confirm.title"))),
    h("p", {class: "body"}, done.petition.action),
    // Not open yet (sponsors, then the council's check): no list shows it, so say what comes next instead.
    done.petition.state === "open"
      ? h("p", {class: "body"}, h("a", {href: `/petitions/${done.petition.id}`}, t("petitions.confirm.see")))
      : [h("p", {class: "body", id: "petition-next"}, t("petitions.confirm.not_open_yet")),
        h("p", {class: "body"}, h("a", {href: "/petitions"}, t("petitions.confirm.see_open")))]);
  } catch (error) {
    failed(view, "petitions.confirm.failed", error);
  }
}

function followForm(view, petitionId) {
  const own = signedIn();
  const form = h("form", {novalidate: true, id: "follow-form"},
    h("p", {class: "body"}, t(own ? "petitions.follow.own" : "petitions.follow.intro")),
    own ? null : input({field: "follow_email", label: t("petitions.follow.email"), type: "email", autocomplete: "email"}),
    button(t("petitions.follow.send"), {secondary: true}));
  onSubmit(form, view, async () => {
    const email = own ? "" : form.elements.follow_email.value.trim();
    check(["follow_email", t("petitions.follow.email_required"), own || email]);
    const done = await api(`/v1/petitions/${petitionId}/followers`, {method: "POST", body: email ? {email} : {},
      auth: own}).catch(error => {
      // The API's "email" is this form's box, not the signing form's of the same name.
      if (error.fields) error.fields = error.fields.map(f => (f.field === "email" ? {...f, field: "follow_email"} : f));
      throw error;
    });
    form.replaceWith(h("p", {class: "body", id: "follow-outcome", role: "status"}, done.message));
  }, {follow_email: t("petitions.follow.email")});
  return form;
}

async function followLink(view, what, token) {
  try {
    const done = await api(`/v1/followers/${what}`, {method: "POST", body: {token}, auth: false});
    append(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"},
      t(done.following ? "petitions.follow.confirmed" : "petitions.follow.stopped"))),
    h("p", {class: "body"}, done.petition.action),
    h("p", {class: "body"}, h("a", {href: `/petitions/${done.petition.id}`}, t("petitions.confirm.see"))));
  } catch (error) {
    failed(view, "petitions.confirm.failed", error);
  }
}
