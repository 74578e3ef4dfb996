// Reports (and a crew's field updates) wait here (IndexedDB) until the API
// has them. The Idempotency-Key is made once, when the resident presses
// send, and every attempt reuses it (and the photo upload ids, once
// uploaded), so however often the phone retries, the council gets the
// report exactly once. Entries go in the order they were made; what each
// kind sends is its sender's business (a crew's is in crew/sending.js).
import {api, ApiError, retryable} from "./api.js";
import {outboxStore} from "./idb.js";
import {uploadPhoto} from "./photos.js";
import {rememberReport} from "./store.js";

const RETRY_MS = 15000;

export async function queue(body, photos, serviceName) {
  return add({kind: "report", body, photos, serviceName});
}

/** Queue any kind of entry: {kind, body, photos, ...what its sender needs}. */
export async function add(fields) {
  const entry = {key: crypto.randomUUID(), uploads: [], state: "waiting", created_at: new Date().toISOString(),
                 ...fields};
  await outboxStore.put(entry);
  announce();
  return entry;
}

/** Entries of one kind (reports unless asked), oldest first; null: every kind. */
export async function waiting(kind = "report") {
  let all;
  try {
    all = await outboxStore.all();
  } catch {
    return [];  // private browsing without IndexedDB: nothing can be waiting
  }
  return all.filter(e => kind === null || (e.kind || "report") === kind)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.key.localeCompare(b.key));
}

export function discard(key) {
  return outboxStore.delete(key).then(announce);
}

/** Try one entry: {state: "sent", report} | {state: "waiting"} | {state: "rejected", error}. */
export function send(key) {
  return withLock(() => attempt(key));
}

/** Try everything waiting; reports the ones sent to the status line. */
export function flush() {
  return withLock(async () => {
    const sent = [];
    for (const entry of await waiting(null)) {
      if (entry.state !== "waiting") continue;  // rejected, or a conflict: the person decides
      const result = await attempt(entry.key);
      if (result.state === "sent" && result.report) sent.push(result.report.id);
      if (result.state === "waiting") break;  // still no signal: the rest will wait too
    }
    if (sent.length) announce({sent});
    return sent;
  });
}

/**
 * When to try again: when the phone says it is online, when the resident
 * opens another screen or comes back to the app, and every RETRY_MS. The
 * "online" event alone is not enough: navigator.onLine can say true with
 * no connection and miss the moment the signal returns.
 */
export function startFlushing() {
  const soon = () => flush().catch(() => null);
  window.addEventListener("online", soon);
  document.addEventListener("doorstep:rendered", soon);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") soon(); });
  setInterval(soon, RETRY_MS);
  return soon();
}

async function attempt(key) {
  // Read again inside the lock: another tab or an earlier attempt may have sent it.
  const entry = await outboxStore.get(key);
  if (!entry) return {state: "gone"};
  const sender = await SENDERS[entry.kind || "report"]();
  if (sender.held && await sender.held(entry)) return {state: "held"};  // after another entry not sent yet
  try {
    for (let i = entry.uploads.length; i < entry.photos.length; i += 1) {
      entry.uploads.push(await uploadPhoto(entry.photos[i].blob));
      await outboxStore.put(entry);  // a retry must name the same uploads (same request body)
    }
    const result = await sender.send(entry);
    await outboxStore.delete(key);
    announce(result);
    return {state: "sent", ...result};
  } catch (error) {
    if (retryable(error)) return {state: "waiting", error};
    if (sender.refused && await sender.refused(entry, error)) {
      announce();
      return {state: entry.state, error, entry};
    }
    entry.state = "rejected";
    entry.error = error instanceof ApiError
      ? {status: error.status, code: error.code, message: error.message, fields: error.fields}
      : {message: String(error.message || error)};
    await outboxStore.put(entry);
    announce();
    return {state: "rejected", error, entry};
  }
}

const reportSender = {
  async send(entry) {
    const report = await api("/v1/reports", {
      method: "POST", body: {...entry.body, photos: entry.uploads}, headers: {"Idempotency-Key": entry.key},
    });
    // The entry's key too: a "Saved on this phone" screen finds what became of it (report/sent.js).
    // Its feedback question too: the confirmation asks it (report/sent.js), whenever that is drawn.
    rememberReport({id: report.id, token: report.tracking_token, service_code: report.service_code, service_name: report.service_name,
                    created_at: report.created_at, queued_key: entry.key, feedback: report.feedback});
    return {report};
  },
};
// A crew's code loads only on a crew member's phone, the first time it has an update to send.
const SENDERS = {report: async () => reportSender, job_update: async () => (await import("./crew/sending.js")).sender,
                 form: async () => (await import("./forms/local.js")).sender,
                 repair: async () => (await import("./screens/repair-report.js")).sender};

function announce(detail = {}) {
  window.dispatchEvent(new CustomEvent("doorstep:outbox", {detail}));
}

function withLock(work) {
  // One sender at a time, across tabs too.
  return navigator.locks ? navigator.locks.request("doorstep-outbox", work) : work();
}
