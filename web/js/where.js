// Finding a place without a map: the phone's location, or a postcode (or
// street) and then an address from the list. Used when reporting, finding
// the nearest service and setting up alerts.
import {api, ApiError, Offline, query} from "./api.js";
import {append, clear, fieldId, h} from "./dom.js";
import {councilName} from "./council.js";
import {button, clearErrors, showErrors} from "./forms.js";
import {t} from "./i18n.js";

const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}$/i;

export function isPostcode(text) {
  return POSTCODE.test(text.trim());
}

/** The phone's position as {lat, lon, accuracy}; rejects with a message for the resident. */
export function currentPosition() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error(t("where.gps_unavailable")));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      pos => resolve({lat: pos.coords.latitude, lon: pos.coords.longitude, accuracy: pos.coords.accuracy}),
      error => reject(new Error(t(error.code === error.PERMISSION_DENIED ? "where.gps_denied"
        : error.code === error.TIMEOUT ? "where.gps_timeout" : "where.gps_unavailable"))),
      {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
  });
}

/** Addresses at a postcode, or on a street: [{uprn, address, lat, lon, ward}]. */
export async function searchAddresses(text) {
  const postcode = isPostcode(text);
  try {
    const found = await api(`/v1/places?${query(postcode ? {postcode: text} : {street: text})}`);
    return found.addresses;
  } catch (error) {
    if (!postcode && error instanceof ApiError && error.status === 400) throw new Error(t("where.postcode_only"));
    // Over the border is not a mistake to check for: say whose area it is not.
    if (error instanceof ApiError && error.code === "outside_service_area") {
      throw new Error(t("where.outside_area", {postcode: text.trim().toUpperCase(), council: councilName()}));
    }
    if (error instanceof ApiError && error.code === "postcode_not_found") {
      throw new Error(t("where.postcode_unknown", {postcode: text.trim().toUpperCase()}));
    }
    if (error instanceof ApiError && error.code === "street_not_found") {
      throw new Error(t("where.street_unknown", {street: text.trim().replace(/^\d+\w?\s+/, ""),
        council: councilName()}));
    }
    if (error instanceof Offline) throw new Error(t("error.offline"));
    throw error;
  }
}

/** A street searched for, in the words of the address found ("3 micklegate" -> "3 Micklegate"). */
function streetOf(text, addresses) {
  const typed = text.trim().toLowerCase();
  const known = addresses.map(a => a.address.split(",")[0]).find(line => line.toLowerCase() === typed);
  return known || text.trim();
}

/** The middle of a list of addresses: where a postcode is. */
export function centreOf(addresses) {
  const n = addresses.length;
  return {lat: addresses.reduce((s, a) => s + a.lat, 0) / n, lon: addresses.reduce((s, a) => s + a.lon, 0) / n};
}

/**
 * A form group (answering to API fields `fields`) with the two ways to give
 * a place; onPick({lat, lon, label, how, uprn?, postcode?}) when one is chosen.
 */
export function placePicker({fields = "location", onPick, gpsLabel = t("where.use_gps"), addressList = true,
                             announce = true, onFail = () => {}}) {
  const gpsStatus = h("p", {class: "hint", "aria-live": "polite"});
  const gps = button(gpsLabel, {type: "button", secondary: true, class: "button button--secondary button--gps",
    onclick: async () => {
      gpsStatus.textContent = t("where.gps_finding");
      try {
        const pos = await currentPosition();
        // A browser that claims no error at all (emulators do) is not "accurate to about 0 m"
        gpsStatus.textContent = pos.accuracy >= 1 ? t("where.gps_found", {metres: Math.round(pos.accuracy)})
          : t("where.gps_found_plain");
        onPick({...pos, how: "gps", label: t("where.your_location")});
      } catch (error) {
        gpsStatus.textContent = error.message;
      }
    }});
  const searchId = fieldId("place_search");
  const results = h("div", {class: "place-results", "aria-live": "polite"});
  const searchInput = h("input", {class: "input input--width-10", id: searchId, name: "place_search", type: "text",
    autocomplete: "postal-code", "aria-describedby": `${searchId}-hint`});
  // What went wrong shows as every form's errors do: in the screen's summary, and at the search box.
  const screen = () => searchInput.closest(".screen") || document.getElementById("screen");
  const failed = message => {
    clear(results);
    onFail();
    showErrors(screen(), [{field: "place_search", message, whole: true}]);
  };
  const find = async () => {
    const text = searchInput.value.trim();
    clear(results);
    clearErrors(screen());
    if (!text) {
      failed(t(addressList ? "where.search_required" : "where.postcode_required"));
      return;
    }
    results.append(h("p", {class: "hint"}, t("where.searching")));
    try {
      const addresses = await searchAddresses(text);
      clear(results);
      if (!addressList) {
        // A postcode is said in capitals; a street as the council writes it ("3 Micklegate", not "3 MICKLEGATE").
        onPick({...centreOf(addresses), how: "postcode", label: isPostcode(text) ? text.toUpperCase() : streetOf(text, addresses),
          postcode: text});
        // A screen that names the place itself (Find's results) says it once, not twice.
        if (announce) results.append(h("p", {class: "body"}, t("where.postcode_found", {postcode: text.toUpperCase()})));
        return;
      }
      const id = fieldId("address");
      const list = h("select", {class: "select", id, name: "address"},
        h("option", {value: ""}, t("where.addresses_found", {count: addresses.length})),
        addresses.map(a => h("option", {value: a.uprn}, a.address)));
      list.addEventListener("change", () => {
        const a = addresses.find(x => x.uprn === list.value);
        if (a) onPick({lat: a.lat, lon: a.lon, how: "address", label: a.address, uprn: a.uprn});
      });
      results.append(h("label", {class: "label", for: id}, t("where.choose_address")), list);
    } catch (error) {
      failed(error.message);
    }
  };
  searchInput.addEventListener("keydown", e => { if (e.key === "Enter") { e.preventDefault(); find(); } });
  return h("div", {class: "form-group place-picker", dataset: {field: `place_search ${fields}`}},
    h("div", {class: "place-picker__gps"}, gps, gpsStatus),
    h("p", {class: "place-picker__or"}, t("where.or")),
    h("label", {class: "label", for: searchId}, t(addressList ? "where.search_label" : "where.postcode_label")),
    h("div", {class: "hint", id: `${searchId}-hint`}, t(addressList ? "where.search_hint" : "where.postcode_hint")),
    h("div", {class: "search-row"}, searchInput,
      button(t("where.find"), {type: "button", secondary: true, onclick: find})),
    results);
}
