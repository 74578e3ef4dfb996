// The API client: JSON in and out, the signed-in resident's token, and the
// API's one error shape {"error": {code, message, fields}} as ApiError.
import {cachedProfile, forget, refresh, rememberProfile, signedIn, tokens} from "./session.js";

export class ApiError extends Error {
  constructor(status, error = {}, body = null) {
    super(error.message || `HTTP ${status}`);
    this.body = body;  // the whole answer: a 409 carries the item as it is now
    this.status = status;
    this.code = error.code || "error";
    this.fields = Array.isArray(error.fields) ? error.fields : [];
  }
}

/** No answer at all: no signal, or the server unreachable. */
export class Offline extends Error {}

export async function api(path, {method = "GET", body, headers = {}, auth = true, form = false} = {}) {
  const send = () => {
    const all = {Accept: "application/json", ...headers};
    const session = auth ? tokens() : null;
    if (session) all.Authorization = `Bearer ${session.access}`;
    let payload = body;
    if (body !== undefined && !form && typeof body !== "string") {
      all["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    return fetch(path, {method, headers: all, body: payload});
  };
  let response;
  try {
    response = await send();
    // A session the council's directory ended (a leaver) is not renewed: its words say why (account_deactivated).
    if (response.status === 401 && auth && tokens() && !(await ended(response)) && await refresh()) response = await send();
  } catch (error) {
    if (error instanceof TypeError) throw new Offline(error.message);
    throw error;
  }
  return read(response);
}

async function ended(response) {
  const said = await response.clone().json().catch(() => null);
  if (said?.error?.code !== "account_deactivated") return false;
  forget();
  return true;
}

async function read(response) {
  if (response.status === 204) return null;
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("json") ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, data && data.error ? data.error : {message: response.statusText}, data);
  }
  return data;
}

/** Whether a failure is worth trying again later (no signal, a busy or failing server). */
export function retryable(error) {
  return error instanceof Offline
    || (error instanceof ApiError && (error.status >= 500 || error.status === 429
      || error.code === "request_in_progress"));
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  return search.toString();
}

/** The signed-in resident's profile (kept once fetched), or null: signed out, or no answer. */
export async function myProfile() {
  if (!signedIn()) return null;
  if (cachedProfile()) return cachedProfile();
  try {
    const me = await api("/v1/me");
    rememberProfile(me);
    return me;
  } catch {
    return null;
  }
}

// A WebSocket's address: on AWS one WebSocket API serves every council, so the page names its own,
// which $connect's authoriser keeps for the connection (handlers/conversations/socket_council.py).
export function socketAddress(base, params) {
  // The API gives the address with its council already named (?council=); one given without
  // it (an older API) is named by this page's own address, as before.
  const url = new URL(base.includes("?") ? base : `${base}/`);
  for (const [name, value] of new URLSearchParams(params)) url.searchParams.set(name, value);
  if (!url.searchParams.has("council")) url.searchParams.set("council", location.hostname);
  return url.href;
}
