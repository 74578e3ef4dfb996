// Council news to the people who follow a topic in a place: around an
// address, or an area drawn on the map (a click, or the middle of the map
// after moving it with the keyboard, adds a corner). Below, the log of
// what was sent, to where, and how many were told.
import {api, ApiError} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, check, choices, errorsOf, input, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";
import {mapPanel} from "../map.js";
import {navigate} from "../navigation.js";
import {placePicker} from "../where.js";

const TOPICS = ["bins", "roads", "emergencies"];

function areaText(target) {
  if (target.circle) return t("staff.broadcasts.circle", {metres: target.circle.radius_m});
  if (target.polygon) return t("staff.broadcasts.polygon");
  return t("staff.broadcasts.wards", {wards: (target.wards || []).join(", ")});
}

function log(list) {
  if (!list.length) return h("p", {class: "body", id: "broadcast-log"}, t("staff.broadcasts.none_yet"));
  const headings = ["sent", "topic", "title", "area", "status", "told"];
  return h("div", {class: "table-wrap"}, h("table", {class: "table", id: "broadcast-log"},
    h("caption", {class: "visually-hidden"}, t("staff.broadcasts.log")),
    h("thead", {}, h("tr", {}, headings.map(k => h("th", {scope: "col", class: k === "told" ? "table__num" : null},
      t(`staff.broadcasts.col_${k}`))))),
    h("tbody", {}, list.map(b => h("tr", {},
      h("td", {}, formatDate(b.created_at, true)), h("td", {}, t(`alerts.topic.${b.topic}`)),
      h("th", {scope: "row"}, h("a", {href: `/?broadcast=${encodeURIComponent(b.id)}`}, b.title)),
      h("td", {}, areaText(b.target)), h("td", {}, tOr(`staff.broadcasts.status_${b.status}`, b.status)),
      h("td", {class: "table__num"}, String(b.told)))))));
}

/** The drawn area: its corners as a list anyone can read, and the shape on the map. */
function drawing() {
  const corners = [];
  let shape = null;
  const listed = h("ol", {class: "list list--bullet", id: "corners", "aria-live": "polite"});
  const count = h("p", {class: "hint", id: "corner-count"});
  const panel = mapPanel({showReports: false, label: t("staff.broadcasts.map"), hint: t("staff.broadcasts.map_hint"),
    centreLabel: t("staff.broadcasts.add_centre"), onPick: point => { corners.push(point); show(); }});
  const show = () => {
    clear(listed).append(...corners.map(c => h("li", {}, `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`)));
    count.textContent = t("staff.broadcasts.corners", {n: corners.length});
    if (shape) shape.remove();
    shape = panel.map && corners.length > 1
      ? window.L.polygon(corners.map(c => [c.lat, c.lon]), {color: "#d4351c", weight: 3}).addTo(panel.map) : null;
  };
  show();
  panel.element.querySelector("button").id = "f-target-polygon";  // where an error about the area links to
  const element = h("div", {class: "form-group", dataset: {field: "target.polygon"}}, panel.element, count, listed,
    h("div", {class: "search-row"},
      button(t("staff.broadcasts.undo"), {type: "button", secondary: true, onclick: () => { corners.pop(); show(); }}),
      button(t("staff.broadcasts.clear"), {type: "button", secondary: true,
        onclick: () => { corners.length = 0; show(); }})));
  return {element, corners};
}

function polygon(corners) {
  const ring = corners.map(c => [c.lon, c.lat]);
  return {type: "Polygon", coordinates: [[...ring, ring[0]]]};
}

export async function render(view) {
  let place = null;
  let key = crypto.randomUUID();
  let drawn = null;  // made when first chosen: a map made in a hidden box has no size to draw in
  const drawSlot = h("div", {});
  const chosen = h("p", {class: "inset", id: "broadcast-place", "aria-live": "polite"}, t("staff.take.no_place"));
  const picker = placePicker({fields: "target target.circle target.circle.lat target.circle.lon", addressList: true,
    gpsLabel: t("staff.take.here"), onPick: point => {
      place = point;
      chosen.textContent = t("staff.take.place", {place: point.label});
    }});
  picker.querySelector("button").id = "f-target";
  const around = h("div", {class: "broadcast__around"}, picker, chosen,
    input({field: "target.circle.radius_m", label: t("staff.broadcasts.radius"), value: "500", inputmode: "numeric",
      class: "input input--width-5", hint: t("staff.broadcasts.radius_hint")}));
  const form = h("form", {id: "broadcast", novalidate: true},
    choices({field: "topic", legend: t("staff.broadcasts.topic"), small: true,
      options: TOPICS.map(x => ({value: x, label: t(`alerts.topic.${x}`)}))}),
    input({field: "title", label: t("staff.broadcasts.title_label"), maxlength: 120}),
    textarea({field: "body", label: t("staff.broadcasts.body"), rows: 4, maxlength: 1000}),
    input({field: "url", label: t("staff.broadcasts.url"), type: "url", optional: true, spellcheck: "false"}),
    choices({field: "area", legend: t("staff.broadcasts.area"), value: "circle", small: true,
      options: [{value: "circle", label: t("staff.broadcasts.area_circle")},
                {value: "polygon", label: t("staff.broadcasts.area_polygon")}]}),
    around, drawSlot, button(t("staff.broadcasts.send")));
  const area = () => form.querySelector("input[name=area]:checked").value;
  const reveal = () => {
    around.hidden = area() !== "circle";
    drawSlot.hidden = area() !== "polygon";
    if (!drawSlot.hidden && !drawn) {
      drawn = drawing();
      drawSlot.append(drawn.element);
    }
  };
  form.querySelectorAll("input[name=area]").forEach(r => r.addEventListener("change", reveal));
  reveal();
  onSubmit(form, view, async () => {
    const read = name => form.elements[name].value.trim();
    // Every question left empty at once, before the place is asked about.
    check(["topic", t("staff.broadcasts.topic_required"), form.querySelector("input[name=topic]:checked")],
      ["title", t("staff.broadcasts.title_required"), read("title")],
      ["body", t("staff.broadcasts.body_required"), read("body")],
      ["target", t("staff.broadcasts.place_required"), area() !== "circle" || place]);
    let target;
    if (area() === "circle") {
      if (!place) throw new Invalid([{field: "target", message: t("staff.broadcasts.place_required")}]);
      target = {circle: {lat: place.lat, lon: place.lon, radius_m: Number(read("target.circle.radius_m")) || 0}};
    } else {
      if (drawn.corners.length < 3) throw new Invalid([{field: "target.polygon", message: t("staff.broadcasts.three")}]);
      target = {polygon: polygon(drawn.corners)};
    }
    const body = {topic: form.querySelector("input[name=topic]:checked")?.value, title: read("title"),
      body: read("body"), target, ...(read("url") ? {url: read("url")} : {})};
    try {
      await api("/v1/broadcasts", {method: "POST", body, headers: {"Idempotency-Key": key}});
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) key = crypto.randomUUID();
      throw error;
    }
    navigate("/staff/broadcasts?sent=1", {replace: true});
  }, {topic: t("staff.broadcasts.topic"), title: t("staff.broadcasts.title_label"), body: t("staff.broadcasts.body"),
      url: t("staff.broadcasts.url"), target: t("staff.broadcasts.area"), "target.polygon": t("staff.broadcasts.area"),
      "target.circle.radius_m": t("staff.broadcasts.radius")});
  let list = [];
  let failure = null;
  try {
    list = (await api("/v1/broadcasts?limit=20")).broadcasts;
  } catch (error) {
    failure = errorsOf(error)[0].message;
  }
  const sent = new URLSearchParams(location.search).get("sent");
  append(view, h("h1", {class: "heading-l"}, t("staff.broadcasts.title")),
    sent ? h("div", {class: "banner banner--saved", role: "status"}, h("p", {class: "banner__line"},
      t("staff.broadcasts.sent"))) : null,
    h("p", {class: "body"}, t("staff.broadcasts.lead")), form,
    h("h2", {class: "heading-m"}, t("staff.broadcasts.log")), failure ? h("p", {class: "body"}, failure) : log(list));
}
