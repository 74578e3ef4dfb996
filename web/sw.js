// The service worker: the app shell is kept for offline use, API answers
// are fetched fresh when there is signal and the last good answer is used
// when there is none. Reports sent offline wait in the page's outbox
// (IndexedDB), not here. Push messages become notifications.
const VERSION = "doorstep-24";
const SHELL_CACHE = `${VERSION}-shell`;
const DATA_CACHE = "doorstep-data";
const SHELL = [
  "/", "/css/app.css", "/config.json", "/messages/en.json",
  "/icons/icon.svg", "/icons/icon-192.png",
  "/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css",
  "/js/main.js", "/js/api.js", "/js/config.js", "/js/council.js", "/js/dom.js", "/js/forms.js", "/js/hours.js", "/js/i18n.js",
  "/js/idb.js", "/js/map.js", "/js/outbox.js", "/js/photos.js", "/js/push.js", "/js/router.js", "/js/navigation.js",
  "/js/my-property.js", "/js/services.js", "/js/session.js", "/js/walls.js", "/js/status.js", "/js/store.js", "/js/where.js",
  "/js/report/category.js", "/js/report/contact.js", "/js/report/details.js", "/js/report/draft.js",
  "/js/report/fields.js", "/js/report/location.js", "/js/report/me-too.js", "/js/report/me-too-withdraw.js", "/js/report/nearby.js", "/js/report/photo-picker.js",
  "/js/report/sent.js", "/js/share.js", "/js/feedback.js",
  "/js/screens/account-delete.js", "/js/screens/account-links.js", "/js/screens/account.js",
  "/js/screens/alert-links.js", "/js/screens/alert-new.js", "/js/screens/alerts.js", "/js/screens/broadcast.js",
  "/js/screens/find.js", "/js/screens/home.js", "/js/screens/my-reports.js", "/js/screens/not-found.js",
  "/js/screens/property.js", "/js/screens/register.js", "/js/screens/report-page.js", "/js/screens/sign-in.js",
  "/js/screens/track.js", "/js/screens/provided-elsewhere.js",
  "/js/screens/forms.js", "/js/forms/local.js", "/js/forms/questions.js", "/js/forms/steps.js",
];
// Screens that do nothing without signal (a booking, a payment, a council tax account,
// a chat, a petition's count) are not installed with the app: the fetch handler below
// keeps each one the first time it is opened, so the phone downloads them only if its
// resident uses them. Every resident module is in one list or the other.
const ON_FIRST_USE = [
  "/js/screens/performance.js", "/js/screens/feedback-door.js", "/js/chart.js", "/js/screens/questionnaire.js", "/js/screens/body-link.js", "/js/screens/licence-consult.js",
  "/js/screens/bulky.js", "/js/screens/bulky-booking.js", "/js/reasons.js", "/js/screens/bulky-change.js",
  "/js/screens/garden.js",
  "/js/screens/council-tax.js", "/js/screens/council-tax-charges.js", "/js/screens/council-tax-requests.js", "/js/save-pdf.js", "/js/screens/garden-subscription.js", "/js/screens/missed-bin.js",
  "/js/screens/chat.js", "/js/chat-log.js", "/js/chat-wait.js", "/js/screens/petitions.js",
  "/js/screens/appointments.js", "/js/screens/appointment-manage.js",
  "/js/screens/pay.js", "/js/forms/paying.js", "/js/screens/sign-in-return.js", "/js/screens/signed-out.js",
  "/js/screens/form-case.js", "/js/screens/containers.js", "/js/screens/hire.js", "/js/screens/meetings.js",
  "/js/screens/taking-part.js", "/js/screens/meeting-live.js", "/js/screens/consultations.js", "/js/screens/my-meetings.js",
  "/js/screens/planning.js", "/js/screens/privacy.js", "/js/screens/licensing.js",
  "/js/screens/repairs.js", "/js/screens/repair-report.js", "/js/screens/repair-after.js",
  "/js/screens/moving.js", "/js/screens/moving-page.js", "/js/screens/business.js", "/js/read-again.js",
  "/js/screens/feedback-give.js",
  "/js/screens/schools.js", "/js/screens/school-page.js", "/js/screens/starting-school.js",
  "/js/screens/starting-school-page.js",
  "/js/screens/figures.js", "/js/figures.js",
];
// Answers worth keeping for a journey without signal; the council's page and manifest (its names, colour and
// words) among them, so the app opened offline is still the council's.
const KEEP = [/^\/v1\/council(\/manifest\.webmanifest)?$/, /^\/v1\/services$/, /^\/v1\/facility-types$/, /^\/v1\/reports\/[^/]+(\/updates)?$/,
              /^\/v1\/me(\/reports)?$/, /^\/v1\/places\/\d+$/, /^\/v1\/alerts$/, /^\/v1\/stats$/,
              /^\/v1\/forms(\/[a-z0-9-]+)?$/, /^\/v1\/planning\/applications(\/[a-z0-9-]+)?$/];

// Data a first journey needs with no signal: a phone that installed the app
// can report offline before it ever opened the report screen with signal.
const FIRST_DATA = ["/v1/council", "/v1/council/manifest.webmanifest", "/v1/services", "/v1/facility-types"];

self.addEventListener("install", event => {
  event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(SHELL))
    .then(() => caches.open(DATA_CACHE))
    .then(cache => Promise.all(FIRST_DATA.map(path => cache.add(path).catch(() => null))))  // best effort
    .then(() => self.skipWaiting()));
});

/** A screen the resident had opened stays on the phone through an update: its new version is kept. */
async function carryOver(oldShells) {
  const shell = await caches.open(SHELL_CACHE);
  for (const name of oldShells) {
    const old = await caches.open(name);
    const used = await Promise.all(ON_FIRST_USE.map(path => old.match(path).then(kept => (kept ? path : null))));
    await shell.addAll(used.filter(Boolean)).catch(() => null);  // best effort: opened again with signal
  }
  return oldShells;
}

self.addEventListener("activate", event => {
  event.waitUntil(caches.keys()
    .then(keys => carryOver(keys.filter(k => k.endsWith("-shell") && k !== SHELL_CACHE)))
    .then(old => Promise.all(old.map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

/**
 * The newest copy when there is signal (so a deployment or a change shows
 * at once), the kept one when there is none. Pages of the app are all
 * index.html ("/"), so any navigation falls back to it.
 */
async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const fresh = await fetch(request);
    if (fresh.ok) cache.put(request, fresh.clone());
    return fresh;
  } catch (error) {
    const navigation = request.mode === "navigate";
    const kept = await cache.match(request, {ignoreSearch: navigation}) || (navigation ? await cache.match("/") : null);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/v1/")) {
    if (KEEP.some(pattern => pattern.test(url.pathname))) event.respondWith(networkFirst(request, DATA_CACHE));
    return;
  }
  if (url.pathname.startsWith("/open311/") || url.pathname === "/openapi.json") return;
  event.respondWith(networkFirst(request, SHELL_CACHE));
});

// A crew's phone asks to keep its screens' files (which a resident's phone
// never installs), so that a day without signal can start from a reload.
const KEEP_ON_REQUEST = /^\/(js\/crew\/[\w-]+\.js|css\/crew\.css|messages\/crew\.[a-z]+\.json)$/;

self.addEventListener("message", event => {
  const paths = ((event.data && event.data.keep) || []).filter(p => KEEP_ON_REQUEST.test(p));
  if (paths.length) event.waitUntil(caches.open(SHELL_CACHE).then(cache => cache.addAll(paths)).catch(() => null));
});

self.addEventListener("push", event => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {body: event.data ? event.data.text() : ""};
  }
  event.waitUntil(self.registration.showNotification(message.title || "Doorstep", {
    body: message.body || "", tag: message.topic || message.event_id, icon: "/icons/icon-192.png",
    data: {url: message.broadcast_id ? `/?broadcast=${encodeURIComponent(message.broadcast_id)}` : message.url || "/"},
  }));
});

self.addEventListener("notificationclick", event => {
  event.notification.close();
  const target = new URL(event.notification.data.url || "/", self.location.origin);
  const url = target.origin === self.location.origin ? target.href : self.location.origin;
  event.waitUntil(self.clients.matchAll({type: "window"}).then(windows => {
    const open = windows.find(w => w.url.startsWith(self.location.origin));
    return open ? open.navigate(url).then(w => (w || open).focus()) : self.clients.openWindow(url);
  }));
});
