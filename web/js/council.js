// The council of this address (GET /v1/council): its names, colour, logo and
// contact, its own words over the catalogue and the services it offers, applied
// before the first screen is drawn. Without signal the service worker answers
// with the last copy; with neither, the app's own words and colours stay.
import {t, useWords} from "./i18n.js";

let council = null;
let ended = null;

export async function loadCouncil() {
  try {
    const response = await fetch("/v1/council", {headers: {Accept: "application/json"}});
    if (response.ok) council = await response.json();
    else if (response.status === 410) ended = (await response.json()).error.message;  // it has left this service
  } catch { /* no signal and no copy kept */ }
  if (council) {
    useWords(council.words || {});
    const colour = council.branding && council.branding.colour;
    if (colour) {
      document.documentElement.style.setProperty("--brand", colour);
      document.querySelector('meta[name="theme-color"]')?.setAttribute("content", colour);
    }
  }
  return council;
}

/** The council's words that its service here has ended (410 service_ended), or null while it serves. */
export function serviceEnded() {
  return ended;
}

/** "York": the council's place, as sentences name it ("Out of York"); "our area" while it is not known. */
export function placeName() {
  return council ? council.short_name : t("council.our_area");
}

/** "City of York Council", or null before it is known. */
export function councilName() {
  return council ? council.name : null;
}

/** A branding or contact setting: colour, logo, phone, emergency_phone, email, website (null: none). */
export function branding(name) {
  return (council && council.branding && council.branding[name]) || null;
}

/** Whether the council offers `service` (a key of services.js) here: all do until it says otherwise. */
export function offers(service) {
  return !council || !council.services || council.services[service] !== false;
}

/** Who provides `service` where this council does not ({name, phone, website}), or null. */
export function providedBy(service) {
  return (council && council.instead && council.instead[service]) || null;
}

/** Every service a council may switch off (chalicelib/councils/services.py), in the home screen's order. */
export function switchable() {
  return council && council.services ? Object.keys(council.services) : [];
}

/** Where the council's map opens ({lat, lon}), or null for the deployment's own. */
export function mapCentre() {
  return (council && council.map && council.map.centre) || null;
}
