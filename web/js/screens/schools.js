// School places: my applications (/schools), and one made or changed (/schools/apply, /schools/<id>/change):
// the round, the child, the home (the account's unless another is found), whether the child is looked
// after, and the schools in the order preferred, each with a brother or sister there. A new one sends an
// Idempotency-Key kept until the API answers (pressing again is the same application); a change names
// the version read (If-Match), so a change made elsewhere meanwhile is refused, not overwritten.
import {api} from "../api.js";
import {newKey} from "../chat-log.js";
import {append, h} from "../dom.js";
import {button, choices, dateInput, dateValue, errorsOf, input, onSubmit, privacyLink, select} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";
import {myProperty} from "../my-property.js";
import {navigate} from "../navigation.js";
import {pushSubscription, pushSupported} from "../push.js";
import {signedIn} from "../session.js";
import {searchAddresses} from "../where.js";

export const roundName = round => t(`schools.round_${round.split("-")[1]}`, {year: round.split("-")[0]});

async function list(view) {
  append(view, h("h1", {class: "heading-l"}, t("schools.title")), h("p", {class: "body"}, t("schools.lead")),
    h("p", {class: "body"}, h("a", {class: "button", href: "/schools/apply", id: "school-apply"}, t("schools.apply"))));
  const mine = (await api("/v1/me/school-applications")).applications;
  append(view, h("h2", {class: "heading-m"}, t("schools.mine")), mine.length
    ? h("ul", {class: "list list--spaced", id: "my-applications"}, mine.map(a => h("li", {},
      h("a", {href: `/schools/${encodeURIComponent(a.id)}`}, `${a.child_name}: ${roundName(a.round)}`))))
    : h("p", {class: "body"}, t("schools.none")));
}

// The home: the account's (or the telling's), or one found by postcode or street and chosen from the list.
export function home(view, kept) {
  const found = h("div", {id: "home-list"});
  const find = button(t("schools.find"), {type: "button", secondary: true, id: "home-find", onclick: async event => {
    found.replaceChildren();
    try {
      const all = await searchAddresses(event.target.form.elements.home_search.value);
      found.replaceChildren(select({field: "home_uprn", label: t("schools.home_choose"),
        options: [{value: "", label: t("where.addresses_found", {count: all.length})},
          ...all.map(a => ({value: a.uprn, label: a.address}))]}));
    } catch (error) {
      found.replaceChildren(h("p", {class: "error-message"}, errorsOf(error)[0].message));
    }
  }});
  return h("div", {}, kept ? h("p", {class: "body", id: "school-home"}, t("schools.home_is", {address: kept})) : null,
    input({field: "home_search", label: t(kept ? "schools.home_other" : "schools.home_search"), optional: !!kept,
      autocomplete: "postal-code"}), find, found);
}

/** The home to send: the one found and chosen, else the one the page shows (which the account may not have). */
export function homeSent(form, kept) {
  return form.elements.home_uprn?.value || kept?.uprn || undefined;
}

function preferences(round, app) {
  const most = round.max_preferences;
  const options = [{value: "", label: t("schools.no_school")}, ...round.schools.map(s => ({value: s.id, label: s.name}))];
  return h("div", {id: "school-preferences"}, h("h2", {class: "heading-m"}, t("schools.preferences")),
    h("p", {class: "body"}, tCount("schools.preferences_hint", most, {most, least: round.min_preferences})),
    ...Array.from({length: most}, (_, i) => {
      const p = app?.preferences[i] || {};
      return h("div", {class: "preference"}, select({field: `pref_${i}`, label: t(`schools.rank_${i + 1}`),
        options, value: p.school_id || ""}),
      input({field: `sibling_${i}`, label: t("schools.sibling"), optional: true, value: p.sibling?.name || ""}),
      input({field: `sibling_year_${i}`, label: t("schools.sibling_year"), optional: true,
        value: p.sibling?.year_group || "", class: "input input--width-10"}));
    }));
}

// The API's field names as the form's (preferences[1].sibling is the second school's brother or sister).
const FIELD = f => f.replace(/^preferences\[(\d+)\]\.sibling$/, "sibling_$1").replace(/^preferences\[(\d+)\]$/, "pref_$1")
  .replace("child.name", "child_name").replace("child.date_of_birth", "born").replace("home_uprn", "home_search")
  .replace("looked_after", "authority").replace("preferences", "pref_0");

async function form(view, id, params) {
  const app = id ? await api(`/v1/me/school-applications/${encodeURIComponent(id)}`) : null;
  // From a telling of the child starting school: what it told filled in (its school year first).
  const told = !app && params.get("start") ? await api(`/v1/me/starting-school/${encodeURIComponent(
    params.get("start"))}`).catch(() => null) : null;
  const known = app || told;
  const open = app ? [{round: app.round, open: true}] : (await api("/v1/school-rounds")).rounds.filter(r => r.open);
  const rounds = told ? open.filter(r => r.round === told.round) : open;
  append(view, h("a", {class: "back-link", href: app ? `/schools/${encodeURIComponent(id)}` : "/schools"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t(app ? "schools.change_title" : "schools.apply_title")));
  if (!rounds.length || (app && !app.can_change)) return append(view, h("p", {class: "body"}, t("schools.closed")));
  const kept = known ? known.home : await myProperty().catch(() => null);
  const chosen = h("div", {id: "school-round"});
  const pick = async round => {
    const found = await api(`/v1/school-rounds/${round}`);
    const closing = found.dates.closing || found.dates.placing_received_by;
    chosen.replaceChildren(closing ? h("p", {class: "body", id: "school-closing"},
      t(found.dates.closing ? "schools.closing" : "schools.placing_by", {day: formatDay(closing.date, true)})) : "",
    preferences(found, app));
  };
  const form = h("form", {novalidate: true, id: "school-form"},
    app ? h("p", {class: "body"}, roundName(app.round)) : choices({field: "round", legend: t("schools.round"),
      options: rounds.map(r => ({value: r.round, label: roundName(r.round)})), value: rounds[0].round}),
    input({field: "child_name", label: t("schools.child_name"), value: known?.child.name || "", autocomplete: "off"}),
    dateInput({field: "born", legend: t("schools.born"), hint: t("schools.born_hint"), value: known?.child.date_of_birth}),
    home(view, kept?.address),
    input({field: "authority", label: t("schools.looked_after"), hint: t("schools.looked_after_hint"), optional: true,
      value: app?.looked_after?.authority || ""}),
    chosen,
    input({field: "phone", label: t("schools.phone"), hint: t("schools.phone_hint"), optional: true, type: "tel",
      autocomplete: "tel"}),
    pushSupported() ? choices({field: "push", legend: t("schools.push"), optional: true, multiple: true,
      options: [{value: "yes", label: t("schools.push_yes")}]}) : null,
    privacyLink("schools"), button(t(app ? "schools.save" : "schools.send"), {id: "school-send"}));
  form.addEventListener("change", event => event.target.name === "round" && pick(event.target.value));
  await pick(app ? app.round : rounds[0].round);
  let key = null;
  onSubmit(form, view, async () => {
    const get = name => form.elements[name]?.value?.trim() || "";
    const prefs = [...form.querySelectorAll("select[name^=pref_]")].map((s, i) => ({s: s.value, i})).filter(p => p.s)
      .map(({s, i}) => ({school_id: s, ...(get(`sibling_${i}`) ? {sibling: {name: get(`sibling_${i}`),
        year_group: get(`sibling_year_${i}`)}} : {})}));
    const body = {round: app ? app.round : form.querySelector("input[name=round]:checked")?.value,
      child: {name: get("child_name"), date_of_birth: dateValue(form, "born")}, preferences: prefs};
    if (homeSent(form, kept)) body.home_uprn = homeSent(form, kept);
    if (get("authority")) body.looked_after = {authority: get("authority")};
    if (get("phone")) body.phone = get("phone");
    if (form.querySelector("input[name=push]:checked")) body.push_subscription = await pushSubscription();
    key = key || newKey();
    const made = await api(app ? `/v1/me/school-applications/${encodeURIComponent(id)}` : "/v1/me/school-applications", {
      method: app ? "PUT" : "POST", body,
      headers: app ? {"If-Match": `"${app.version}"`} : {"Idempotency-Key": key}}).catch(error => {
      if (error.status && error.status < 500) key = null;  // answered: a form put right is a new application
      error.fields = (error.fields || []).map(f => ({...f, field: f.field && FIELD(f.field)}));
      throw error;
    });
    navigate(`/schools/${encodeURIComponent(made.id)}`);
  }, {child_name: t("schools.child_name"), born: t("schools.born"), home_search: t("schools.home_search"),
    authority: t("schools.looked_after"), pref_0: t("schools.rank_1")});
  append(view, form);
}

export async function render(view, {url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  const [, , id, change] = url.pathname.split("/");
  try {
    if (id === "apply" || change === "change") await form(view, id === "apply" ? null : decodeURIComponent(id), url.searchParams);
    else await list(view);
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
