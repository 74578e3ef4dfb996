// The signed-in resident's tokens (localStorage) and profile. The access
// token is short-lived; the refresh token renews it once per expiry and is
// rotated by the API on every use.
const KEY = "doorstep.session";
let profile = null;
let refreshing = null;

export function tokens() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
}

export function signedIn() {
  return Boolean(tokens());
}

/** Council staff (and administrators) get the staff screens. */
export function isStaff() {
  return ["staff", "admin"].includes(tokens()?.role);
}

/** Street crews get their jobs. */
export function isCrew() {
  return tokens()?.role === "crew";
}

/** Where signing in leads when no page asked for it: the screens of the person's role. */
export function roleHome() {
  return isStaff() ? "/staff" : isCrew() ? "/crew" : null;
}

export function saveTokens(pair) {
  // The role only chooses which screens to offer; the API decides what each may do.
  const role = pair.user?.role || tokens()?.role || null;
  // The directory an officer signed in with: signing out here ends its session too (account.js).
  const provider = pair.provider || tokens()?.provider || null;
  localStorage.setItem(KEY, JSON.stringify({access: pair.access_token, refresh: pair.refresh_token, role, provider}));
  profile = null;
}

export function forget() {
  localStorage.removeItem(KEY);
  profile = null;
  try {  // the property learnt from the account's bookings (my-property.js), not one chosen on this phone
    if (JSON.parse(localStorage.getItem("doorstep.property"))?.from === "account") localStorage.removeItem("doorstep.property");
  } catch { /* not ours to keep */ }
  // Saved API answers may hold this person's data: a shared phone keeps none.
  if (self.caches) caches.delete("doorstep-data");
  import("./idb.js").then(idb => idb.keptStore.clear()).catch(() => null);  // a crew's jobs kept offline
}

export function cachedProfile() {
  return profile;
}

export function rememberProfile(value) {
  profile = value;
}

/** A new token pair from the refresh token; false when the session is over. */
export function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      const current = tokens();
      if (!current) return false;
      const response = await fetch("/v1/auth/refresh", {
        method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({refresh_token: current.refresh}),
      });
      if (response.status === 401) {
        forget();
        return false;
      }
      if (!response.ok) return false;
      saveTokens(await response.json());
      return true;
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

// Device tokens (one per account signed in here), kept after signing out:
// while strangers guess an account's password, the API still lets in a
// device its owner used before. Keyed by a hash, so a shared phone does not
// list the addresses used on it.
const DEVICES = "doorstep.devices";

async function deviceKey(email) {
  const bytes = new TextEncoder().encode(email.trim().toLowerCase());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest.slice(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
}

function devices() {
  try {
    return JSON.parse(localStorage.getItem(DEVICES) || "{}");
  } catch {
    return {};
  }
}

export async function deviceToken(email) {
  return devices()[await deviceKey(email)];
}

export async function rememberDevice(email, token) {
  if (!email || !token) return;
  const all = {...devices(), [await deviceKey(email)]: token};
  localStorage.setItem(DEVICES, JSON.stringify(all));
}
