// What a crew's phone keeps for a day without signal (IndexedDB): the last
// job list and every job opened, each with the moment it was read ("as of").
// Read from the API when there is signal, from here when there is none.
import {api, query, retryable} from "../api.js";
import {keptStore} from "../idb.js";

/** The job list: near `point` when the phone knows where it is, else in due order. */
export function jobList(point) {
  return kept("jobs", () => api(`/v1/crew/jobs?${query(point ? {lat: point.lat.toFixed(6), lon: point.lon.toFixed(6)}
    : {})}`));
}

export function job(id) {
  return kept(`job:${id}`, () => api(`/v1/crew/jobs/${encodeURIComponent(id)}`));
}

/** A job as an answer gave it (after an update, or in a conflict): the newest the phone has seen. */
export function keepJob(data) {
  return keptStore.put({key: `job:${data.id}`, data, as_of: new Date().toISOString()}).catch(() => null);
}

/** The phone's copy of a job: {data, as_of}, or null. */
export async function keptJob(id) {
  return (await keptStore.get(`job:${id}`).catch(() => null)) || null;
}

/** {data, as_of, kept}: kept is true when the answer is the phone's copy (no signal). */
async function kept(key, read) {
  try {
    const data = await read();
    const entry = {key, data, as_of: new Date().toISOString()};
    await keptStore.put(entry).catch(() => null);  // private browsing: shown, not kept
    return {...entry, kept: false};
  } catch (error) {
    if (!retryable(error)) throw error;
    const entry = await keptStore.get(key).catch(() => null);
    if (!entry) throw error;
    return {...entry, kept: true};
  }
}

/** The ETag a job's view stands for: its version, as GET /v1/crew/jobs/{id} sends it. */
export function etagOf(data) {
  return `"${data.version}"`;
}
