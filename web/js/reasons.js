// The reasons an officer gave in this tab for opening people's details (web/js/staff/reasons.js asks for
// them), by the thing's id, and the header a reading sends them in (Access-Reason: never the address, so it
// reaches no access log): the reason as typed, any character a header cannot carry (and %) percent-encoded. A resident's own page reads a thing with
// one only where an officer who took it for a caller comes back to it (a card payment's return); the API
// needs none from its resident. The reasons go when the tab closes.
const KEPT = "doorstep.reasons";

export const why = reason => ({"Access-Reason": [...reason].map(c => (/[ -$&-~]/.test(c) ? c
  : encodeURIComponent(c))).join("")});

function kept() {
  try {
    return JSON.parse(sessionStorage.getItem(KEPT) || "{}");
  } catch {
    return {};
  }
}

/** The reason given for `id` in this tab, if any. */
export const reasonFor = id => kept()[id] ?? null;

/** The header for reading `id` with the reason given for it in this tab, or none. */
export const keptWhy = id => (reasonFor(id) === null ? {} : why(reasonFor(id)));

export function remember(id, reason) {
  sessionStorage.setItem(KEPT, JSON.stringify({...kept(), [id]: reason}));
}
