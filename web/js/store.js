// What this phone remembers between visits (localStorage): reports sent
// from it with their tracking tokens, anonymous push alerts with their
// management tokens, and the resident's property.
function read(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(`doorstep.${key}`)) ?? fallback;
  } catch {
    return fallback;
  }
}

function write(key, value) {
  localStorage.setItem(`doorstep.${key}`, JSON.stringify(value));
}

export function deviceReports() {
  return read("reports", []);
}

/** Remember a report (newest first); a tracking token already known is kept. */
export function rememberReport(report) {
  const known = deviceReports();
  const earlier = known.find(r => r.id === report.id) || {};
  const merged = {...earlier, ...Object.fromEntries(Object.entries(report).filter(([, v]) => v))};
  write("reports", [merged, ...known.filter(r => r.id !== report.id)].slice(0, 50));
}

export function trackingToken(reportId) {
  return (deviceReports().find(r => r.id === reportId) || {}).token || null;
}

export function pushAlerts() {
  return read("push-alerts", []);
}

export function rememberPushAlert(alert) {
  write("push-alerts", [alert, ...pushAlerts().filter(a => a.id !== alert.id)]);
}

export function forgetPushAlert(id) {
  write("push-alerts", pushAlerts().filter(a => a.id !== id));
}

export function property() {
  return read("property", null);
}

export function rememberProperty(place) {
  write("property", place);
}

/** A move told in the account, followed on this phone once (my-property.js): its id, and the place it gives. */
export function followMove(moveId, place) {
  write("property-move", moveId);
  if (place) write("property", place);
  else localStorage.removeItem("doorstep.property");
}

export function followedMove() {
  return read("property-move", null);
}
