// Every word the app shows comes from one catalogue, /messages/<lang>.json,
// so a council can add a language by translating one file. A council may say
// some of them otherwise (its settings' words, from /v1/council): those win
// over every catalogue, whichever is loaded later.
let messages = {};
let councils = {};
let language = "en";

export async function loadMessages(lang) {
  const response = await fetch(`/messages/${lang}.json`);
  messages = await response.json();
  language = lang;
  document.documentElement.lang = lang;
}

/** More words, for screens only some people see (/messages/<name>.<lang>.json). */
export async function addMessages(name) {
  const response = await fetch(`/messages/${name}.${language}.json`);
  Object.assign(messages, await response.json());
}

/** The council's own words for some of the catalogues' keys (the API has checked each is one). */
export function useWords(words) {
  councils = {...words};
}

export function lang() {
  return language;
}

function said(key) {
  return key in councils ? councils[key] : messages[key];
}

/** The message `key` with {name} placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = said(key);
  if (text === undefined) {
    console.warn(`Doorstep: no message "${key}"`);
    return key;
  }
  return fill(text, params);
}

/** A message that may not exist (a facility type a council added): `fallback` then. */
export function tOr(key, fallback, params = {}) {
  return key in messages || key in councils ? fill(said(key), params) : fallback;
}

/** "1 report" / "3 reports": `${key}.one` or `${key}.other`. */
export function tCount(key, count, params = {}) {
  const rule = new Intl.PluralRules(language).select(count);
  const chosen = `${key}.${rule}` in messages ? `${key}.${rule}` : `${key}.other`;
  return t(chosen, {count, ...params});
}

function fill(text, params) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    if (!(name in params)) return whole;
    // A value the API may leave out is the screen's to word around; at worst it is left blank, never "null".
    if (params[name] == null) {
      console.warn(`Doorstep: no value for {${name}}`);
      return "";
    }
    return String(params[name]);
  });
}

export function formatDate(iso, withTime = false) {
  if (!iso) return "";
  const options = {day: "numeric", month: "long", year: "numeric"};
  if (withTime) Object.assign(options, {hour: "2-digit", minute: "2-digit"});
  // A calendar date (YYYY-MM-DD) is read at noon, as formatDay does, so no time zone moves it.
  const moment = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale(), options).format(moment);
}

export function formatDay(isoDate, withYear = false) {
  // A calendar date (YYYY-MM-DD) is read at noon so no time zone moves it.
  const date = new Date(`${isoDate}T12:00:00`);
  const options = {weekday: "long", day: "numeric", month: "long"};
  if (!withYear) return new Intl.DateTimeFormat(locale(), options).format(date);
  // With its year ICU puts a comma after the weekday ("Monday, 7 December 2026"); GOV.UK's style, and the
  // server's words for a deadline, have none.
  return new Intl.DateTimeFormat(locale(), {...options, year: "numeric"}).formatToParts(date)
    .map(part => (part.type === "literal" ? part.value.replace(",", "") : part.value)).join("");
}

/** A time as people read it, on the council's clock: "9am", "9:45am", "midday" (GOV.UK style).
 * Every screen writes a time with this; the server's messages with appointments/wording.py's clock(). */
export function formatClock(iso) {
  const parts = new Intl.DateTimeFormat("en-GB", {timeZone: "Europe/London", hour: "numeric", minute: "2-digit",
    hourCycle: "h23"}).formatToParts(new Date(iso));
  const hour = Number(parts.find(p => p.type === "hour").value) % 24;
  const minute = parts.find(p => p.type === "minute").value;
  if (minute === "00" && hour % 12 === 0) return t(hour ? "appointments.clock.midday" : "appointments.clock.midnight");
  const time = `${hour % 12 || 12}${minute === "00" ? "" : `:${minute}`}`;
  return t(hour < 12 ? "appointments.clock.am" : "appointments.clock.pm", {time});
}

export function formatDistance(metres) {
  if (metres < 1000) return t("distance.metres", {n: Math.round(metres)});
  return t("distance.km", {n: (metres / 1000).toFixed(1)});
}

function locale() {
  return language === "cy" ? "cy-GB" : "en-GB";
}
