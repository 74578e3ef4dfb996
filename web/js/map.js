// The map: Leaflet, vendored under /vendor/leaflet/ and loaded only when a
// map is shown. Tiles come from the configured tile service; when they
// cannot load (no signal, no internet) the map is a plain panel that still
// shows the pins and still takes a tap, and every task has a way without it.
import {api, query} from "./api.js";
import {h} from "./dom.js";
import {setting} from "./config.js";
import {mapCentre} from "./council.js";
import {t} from "./i18n.js";

let loading = null;

function loadLeaflet() {
  if (window.L) return Promise.resolve(window.L);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      document.head.append(h("link", {rel: "stylesheet", href: "/vendor/leaflet/leaflet.css"}));
      const script = h("script", {src: "/vendor/leaflet/leaflet.js"});
      script.onload = () => resolve(window.L);
      script.onerror = () => { loading = null; reject(new Error("leaflet")); };
      document.head.append(script);
    });
  }
  return loading;
}

function whenAttached(el, work) {
  if (el.isConnected) work();
  else requestAnimationFrame(() => whenAttached(el, work));
}

/**
 * A map panel: pins of open reports in view (`showReports`), a pin where
 * the resident taps (`onPick`), and a button that pins the map's centre
 * for those who cannot tap precisely.
 */
export function mapPanel({centre, onPick, showReports = true, label = t("map.label"), hint = t("map.tap_hint"),
                          centreLabel = t("map.pin_centre"), zoom = 17, onReady, noTiles = "map.no_tiles"}) {
  const notice = h("p", {class: "map-notice", hidden: true});
  const box = h("div", {class: "map", role: "region", "aria-label": label});
  const centreButton = onPick ? h("button", {class: "button button--secondary", type: "button", disabled: true},
    centreLabel) : null;
  const panel = h("div", {class: "map-panel"}, onPick ? h("p", {class: "hint"}, hint) : null,
    box, notice, centreButton);
  let map = null;
  let picked = null;
  let pins = null;
  let early = null;  // a point shown before Leaflet had come (a slow signal, a quick tap): the map opens on it
  let asked = 0;  // pins asked for; an answer to an earlier view draws nothing
  let answers = 0;

  const say = key => { notice.textContent = t(key); notice.hidden = false; };
  const place = latlng => {
    if (picked) picked.setLatLng(latlng);
    else picked = window.L.marker(latlng, {keyboard: false, interactive: false,
      icon: window.L.divIcon({className: "map-pin", iconSize: [24, 36], iconAnchor: [12, 36]})}).addTo(map);
  };
  const loadPins = async () => {
    if (!showReports || map.getZoom() < 13) return;
    const b = map.getBounds();
    const mine = ++asked;
    try {
      const found = await api(`/v1/reports?${query({bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map(x => x.toFixed(5)).join(","), status: "open", limit: 200})}`);
      // Answers can come back out of order: the view's last question is the one drawn.
      if (mine !== asked) return;
      pins.clearLayers();
      for (const f of found.features) {
        const [lon, lat] = f.geometry.coordinates;
        const theirs = f.properties.held_by;  // another council's report (a county's road): grey, and theirs to show
        const pin = window.L.circleMarker([lat, lon], {radius: 7, weight: 2, fillOpacity: 0.9, interactive: true,
          ...(theirs ? {color: "#505a5f", fillColor: "#b1b4b6", className: "pin-elsewhere", bubblingMouseEvents: false}
            : {color: "#1d4f91", fillColor: "#ffdd00"}),
          // An element, never a string: Leaflet inserts a string as HTML, and a summary is anyone's words.
        }).bindTooltip(h("span", {}, `${f.properties.service_name}: ${f.properties.summary}`,
          theirs ? ` (${t("map.elsewhere", {council: theirs.name})})` : "")).addTo(pins);
        // A tap on another council's pin offers its page on that council's own site, as FixMyStreet's do.
        if (theirs) pin.bindPopup(h("a", {href: theirs.url, class: "pin-elsewhere__link"},
          t("map.elsewhere_link", {council: theirs.name})));
        // Not a Tab stop each: twenty pins would stand between the map and Continue, and the
        // list of nearby reports ("Is it one of these?") says the same to the keyboard.
        pin.getElement()?.setAttribute("tabindex", "-1");
      }
    } catch {
      // The pins are a help, not a need: the list of nearby reports says the same.
    } finally {
      box.dataset.answers = String(++answers);  // drawn or dropped: what a test waits for
    }
  };

  whenAttached(box, async () => {
    let L;
    try {
      L = await loadLeaflet();
    } catch {
      say("map.unavailable");
      return;
    }
    const start = early || centre || mapCentre() || setting("map").centre;
    map = L.map(box, {zoomControl: true, tapHold: false}).setView([start.lat, start.lon],
      early ? Math.max(zoom, 17) : centre ? zoom : setting("map").zoom);
    L.tileLayer(setting("map").tile_url, {maxZoom: setting("map").max_zoom,
      attribution: setting("map").attribution}).on("tileerror", () => say(noTiles)).addTo(map);
    // No "Leaflet" link in the corner: one Tab stop fewer between the map and Continue.
    map.attributionControl.setPrefix(false);
    pins = L.layerGroup().addTo(map);
    if (early) place([early.lat, early.lon]);
    else if (centre && onPick) place([centre.lat, centre.lon]);
    map.on("moveend", loadPins);
    loadPins();
    if (onReady) onReady(map, L);  // a screen's own pins
    if (onPick) {
      map.on("click", e => { place(e.latlng); onPick({lat: e.latlng.lat, lon: e.latlng.lng}); });
      centreButton.disabled = false;
      centreButton.addEventListener("click", () => {
        const c = map.getCenter();
        place(c);
        onPick({lat: c.lat, lon: c.lng});
      });
    }
    box.dataset.state = "ready";  // a tap counts from now: what a test waits for before it taps
  });

  return {
    element: panel,
    get map() { return map; },  // null until Leaflet has loaded
    show(point) {
      if (!map) {
        early = point;
        return;
      }
      place([point.lat, point.lon]);
      map.setView([point.lat, point.lon], Math.max(map.getZoom(), 17));
    },
  };
}
