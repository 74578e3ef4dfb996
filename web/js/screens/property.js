// My property: find it by postcode or street, then its bin days (with the calendar
// feed to subscribe to), ward and councillors, and nearest services.
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, Invalid, onSubmit, select, showErrors} from "../forms.js";
import {formatDay, formatDistance, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {myProperty} from "../my-property.js";
import {offers} from "../council.js";
import {GROUPS} from "../services.js";
import {property, rememberProperty} from "../store.js";
import {isPostcode, searchAddresses} from "../where.js";
import {facilityName} from "./find.js";

/** A service for an address (bulky, garden, missed bin) the address was asked for: ?then=<its path>. */
function nextService(params) {
  const then = params.get("then");
  return then ? GROUPS.flatMap(g => g.services).find(s => s.property === then && s.href !== "/property") : null;
}

/** "yo17hh" as the API writes it, "YO1 7HH"; other text as typed. */
function tidy(text) {
  const bare = text.replace(/\s+/g, "").toUpperCase();
  return isPostcode(text) ? `${bare.slice(0, -3)} ${bare.slice(-3)}` : text.trim();
}

// A postcode or a street ("3 Micklegate") finds the addresses, as on the report
// screen; the resident's own property, when known, is offered first in one press.
async function choose(view, params) {
  const search = params.get("search") ?? params.get("postcode") ?? "";
  const then = nextService(params);
  const here = extra => `/property?${new URLSearchParams({...extra, ...(then ? {then: then.property} : {})})}`;
  const open = uprn => (then ? `${then.href}?uprn=${encodeURIComponent(uprn)}` : here({uprn}));
  const mine = search ? null : await myProperty();
  const form = h("form", {novalidate: true},
    input({field: "search", label: t(mine ? "property.search_other" : "where.search_label"),
      hint: t("property.search_hint"), value: search, class: "input input--width-20", autocomplete: "off"}),
    button(t("property.find"), mine ? {secondary: true} : {}));
  append(view, h("h1", {class: "heading-l"}, then ? t(`home.${then.key}`) : t("property.title")),
    h("p", {class: "body"}, then ? t("property.address_first") : t("property.lead")),
    mine ? h("div", {class: "inset", id: "my-property"}, h("p", {class: "body"}, t("property.yours")),
      h("p", {class: "body bold"}, mine.address),
      h("a", {class: "button", href: open(mine.uprn)}, t("property.use_yours"))) : null, form);
  onSubmit(form, view, () => {
    const text = form.elements.search.value.trim();
    if (!text) throw new Invalid([{field: "search", message: t("property.search_required")}]);
    return navigate(here({search: text}));
  });
  if (!search) return;
  let found;
  try {
    found = await searchAddresses(search);
  } catch (error) {
    showErrors(view, [{field: "search", message: errorsOf(error)[0].message, whole: true}]);
    return;
  }
  if (found.length === 1) {  // one address: nothing to choose, straight to it
    if (then) rememberProperty({uprn: found[0].uprn, address: found[0].address});
    return navigate(open(found[0].uprn), {replace: true});
  }
  const label = isPostcode(search) ? t("property.choose", {postcode: tidy(search)}) : t("property.choose_required");
  const pick = h("form", {novalidate: true},
    select({field: "uprn", label, value: found.length === 1 ? found[0].uprn : "",
      options: [{value: "", label: t("where.addresses_found", {count: found.length})},
        ...found.map(a => ({value: a.uprn, label: a.address}))]}),
    button(t("form.continue")));
  onSubmit(pick, view, () => {
    const chosen = found.find(a => a.uprn === pick.elements.uprn.value);
    if (!chosen) throw new Invalid([{field: "uprn", message: t("property.choose_required")}]);
    // Straight on to a service: its address is remembered here as the property page would.
    if (then) rememberProperty({uprn: chosen.uprn, address: chosen.address});
    return navigate(open(chosen.uprn));
  });
  append(view, pick);
}

/** Apple's systems and desktop calendars open webcal:// links; Android has nothing registered for them. */
function webcalHandled() {
  return !/Android/i.test(navigator.userAgent);
}

/** The resident's own calendar for their home (now, or from a move's date): it follows them when they move. */
async function ownCalendar(place) {
  const me = await myProfile();
  const home = me && (me.uprn === place.uprn || me.moving_to?.uprn === place.uprn);
  return home && me.bins_calendar_url ? me.bins_calendar_url : null;
}

function bins(place, own) {
  if (!place.bins.length) return h("p", {class: "body"}, t("property.no_bins"));
  const calendar = new URL(own || place.bins_calendar_url, location.href);
  return [
    h("ul", {class: "cards", id: "bins"}, place.bins.map(stream => h("li", {class: "card"},
      h("h3", {class: "heading-s card__title"}, stream.label),
      h("ul", {class: "list"}, stream.collections.map((c, i) => h("li", {class: i ? "" : "bold"}, formatDay(c.date),
        c.moved_from ? ` ${t("property.moved_from", {date: formatDay(c.moved_from)})}` : ""))))),
    ),
    // A file every phone can save and open (the API sends it as an attachment);
    // webcal:// only where a calendar app takes it: Android's browsers do nothing with it.
    h("p", {class: "body", id: "bins-calendar-hint"}, t("property.calendar_hint"),
      own ? [" ", t("property.calendar_yours")] : null),
    h("p", {class: "body"}, h("a", {class: "button", id: "bins-ics", href: calendar.href, download: "bin-days.ics",
      "aria-describedby": "bins-calendar-hint"}, t("property.calendar"))),
    webcalHandled() ? h("p", {class: "body"}, t("property.calendar_subscribe_lead"), " ",
      h("a", {href: `webcal://${calendar.host}${calendar.pathname}`, id: "bins-webcal"},
        t("property.calendar_subscribe"))) : null,
  ];
}

function councillors(place) {
  if (!place.ward) return null;
  return [h("h2", {class: "heading-m"}, t("property.ward", {ward: place.ward.name})),
    h("ul", {class: "cards"}, place.councillors.map(c => h("li", {class: "card"},
      h("h3", {class: "heading-s card__title"}, c.name), c.party ? h("p", {class: "card__meta"}, c.party) : null,
      h("ul", {class: "list"},
        c.email ? h("li", {}, h("a", {href: `mailto:${c.email}`}, c.email)) : null,
        c.phone ? h("li", {}, h("a", {href: `tel:${c.phone.replace(/\s/g, "")}`}, c.phone)) : null,
        c.surgery ? h("li", {}, t("property.surgery", {surgery: c.surgery})) : null)))),
    place.ward.id ? h("p", {class: "body"}, h("a", {href: `/alerts/new?kind=ward&ward=${encodeURIComponent(place.ward.id)}&ward_name=${encodeURIComponent(place.ward.name)}`},
      t("property.ward_alerts", {ward: place.ward.name}))) : null];
}

async function show(view, uprn) {
  let place;
  try {
    place = await api(`/v1/places/${encodeURIComponent(uprn)}`);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("property.title")), h("p", {class: "body"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/property"}, t("property.search_again"))));
    return;
  }
  const kept = property();  // learnt from the account: still the account's, forgotten on signing out
  rememberProperty({uprn: place.uprn, address: place.address, ...(kept?.uprn === place.uprn ? {from: kept.from} : {})});
  const at = encodeURIComponent(place.uprn);
  // What can be done for the address first, as WasteWorks' bin days page does; then the days.
  append(view, h("span", {class: "caption"}, t("property.caption")), h("h1", {class: "heading-l"}, place.address),
    h("ul", {class: "list list--spaced"}, [  // what the council offers of them (its settings)
      {service: "bulky", id: "book-bulky", href: `/bulky?uprn=${at}`, words: "property.book_bulky"},
      {service: "garden", id: "garden", href: `/garden?uprn=${at}`, words: "property.garden"},
      {service: "missed_bin", id: "missed-bin", href: `/missed-bin?uprn=${at}`, words: "property.missed_bin"},
      {service: "containers", id: "order-container", href: `/containers?uprn=${at}`, words: "property.order_container"},
      {service: "hire", id: "hire", href: "/hire", words: "property.hire"},
      {service: "planning", id: "planning", href: `/planning?uprn=${at}`, words: "property.planning"},
      {service: "chat", id: "ask-us", href: `/chat?from=property&uprn=${at}`, words: "chat.ask_us"},
    ].filter(link => offers(link.service)).map(({id, href, words}) => h("li", {}, h("a", {id, href}, t(words))))),
    h("h2", {class: "heading-m"}, t("property.bins")), bins(place, await ownCalendar(place)), councillors(place),
    place.council_tax_band ? [h("h2", {class: "heading-m"}, t("property.council_tax")),
      h("p", {class: "body"}, t("property.band", {band: place.council_tax_band}))] : null,
    place.nearest.length ? [h("h2", {class: "heading-m"}, t("property.nearest")),
      h("dl", {class: "summary-list"}, place.nearest.map(n => h("div", {class: "summary-list__row"},
        h("dt", {class: "summary-list__key"}, facilityName(n.type)),
        h("dd", {class: "summary-list__value"}, `${n.name} (${formatDistance(n.distance_m)})`))))] : null,
    h("p", {class: "body"}, h("a", {href: "/property"}, t("property.another"))));
}

export function render(view, {params}) {
  return params.get("uprn") ? show(view, params.get("uprn")) : choose(view, params);
}
