// Where's my nearest: a type of place, near me or near a postcode, with
// distance, opening hours and directions.
import {api, query} from "../api.js";
import {append, clear, h} from "../dom.js";
import {link} from "../config.js";
import {choices, Invalid, onSubmit} from "../forms.js";
import {openingHours} from "../hours.js";
import {formatDistance, t, tOr} from "../i18n.js";
import {placePicker} from "../where.js";

export function facilityName(type) {
  return tOr(`facility.${type}`, type.replace(/_/g, " ").replace(/^./, c => c.toUpperCase()));
}

export function facilityCard(f, from) {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  return h("li", {class: "card"},
    h("h3", {class: "heading-s card__title"}, p.name),
    h("p", {class: "card__meta"}, t("find.distance", {distance: formatDistance(p.distance_m)})),
    p.address ? h("p", {class: "body"}, p.address) : null,
    p.opening_hours ? h("div", {class: "body"}, h("span", {class: "bold"}, t("find.opening_hours")),
      h("ul", {class: "list"}, openingHours(p.opening_hours).map(line => h("li", {}, line)))) : null,
    p.accessibility ? h("p", {class: "body"}, p.accessibility) : null,
    h("ul", {class: "list list--inline"},
      h("li", {}, h("a", {href: link("directions_url", {from: `${from.lat},${from.lon}`, to: `${lat},${lon}`}),
        rel: "noopener"}, t("find.directions"), h("span", {class: "visually-hidden"}, ` ${p.name}`))),
      p.phone ? h("li", {}, h("a", {href: `tel:${p.phone.replace(/\s/g, "")}`}, t("find.phone", {phone: p.phone}))) : null,
      p.url ? h("li", {}, h("a", {href: p.url, rel: "noopener"}, t("find.website"),
        h("span", {class: "visually-hidden"}, ` ${p.name}`))) : null));
}

// One press: what to find is asked first (nothing chosen for the resident), and
// the nearest are shown as soon as a place is given; another kind chosen then
// shows its own nearest for the same place, without moving the focus.
export async function render(view) {
  const types = (await api("/v1/facility-types")).facility_types.filter(x => x.count > 0);
  let near = null;
  let focusResults = false;
  let asked = 0; // only the latest search draws: an older answer arriving last would redraw and drop the focus
  const results = h("div", {id: "results", "aria-live": "polite"});
  const form = h("form", {novalidate: true},
    choices({field: "type", legend: t("find.type"), small: true,
      options: types.map(x => ({value: x.type, label: facilityName(x.type)}))
        .sort((a, b) => a.label.localeCompare(b.label))}),
    h("h2", {class: "heading-s"}, t("find.near")),
    // An unknown postcode after a known one: the old place's results go with it.
    placePicker({fields: "lat lon postcode", addressList: false, announce: false, onFail: () => {
      near = null;
      clear(results);
    }, onPick: point => {
      near = point;
      focusResults = true;
      form.requestSubmit();
    }}));
  form.addEventListener("change", event => {
    if (event.target.name === "type" && near) form.requestSubmit();
  });
  onSubmit(form, view, async () => {
    const type = form.elements.type.value;
    const missing = [!type && {field: "type", message: t("find.type_required")},
      !near && {field: "lat", message: t("find.where_required")}].filter(Boolean);
    if (missing.length) throw new Invalid(missing);
    const mine = ++asked;
    const found = await api(`/v1/nearest?${query({type, lat: near.lat, lon: near.lon, k: 5})}`);
    if (mine !== asked) return;
    append(clear(results), h("h2", {class: "heading-m", tabindex: "-1"},
      t("find.results", {type: facilityName(type), place: near.label})),
    found.features.length ? h("ol", {class: "cards"}, found.features.map(f => facilityCard(f, near)))
      : h("p", {class: "body"}, t("find.none")));
    if (focusResults) results.querySelector("h2").focus();
    focusResults = false;
  });
  append(view, h("h1", {class: "heading-l"}, t("find.title")), h("p", {class: "body"}, t("find.lead")), form, results);
}
