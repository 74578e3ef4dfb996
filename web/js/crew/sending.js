// A crew's field updates go through the app's outbox (IndexedDB), in the
// order the buttons were pressed. Each keeps its Idempotency-Key, the ETag
// of the job as the crew member saw it (If-Match) and saved_at (the press).
// A second update pressed before the first was sent follows it (`after`):
// it is sent on top of the version the first one made, since the crew's own
// update is no conflict; a change by anyone else is, and waits for the crew
// member to resend on top of it or drop theirs.
import {api} from "../api.js";
import {outboxStore} from "../idb.js";
import {add, flush, waiting} from "../outbox.js";
import {etagOf, keepJob} from "./kept.js";

export const KIND = "job_update";

/** What the crew member saw when pressing: shown beside the job as it is now in a conflict. */
function seen(job) {
  return {status: job.status, open: job.open, priority: job.priority, due: job.due, instructions: job.instructions,
          updates: (job.updates || []).length, version: job.version};
}

/** Queue an update to `job` (as shown): body {status, note, reason, lat, lon}, photos [{blob}]. */
export async function queueUpdate(job, body, photos = []) {
  const mine = (await waiting(KIND)).filter(e => e.job_id === job.id);
  const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== "" && v !== null && v !== undefined));
  return add({kind: KIND, job_id: job.id, job_name: job.service_name, report_id: job.report_id,
              body: {...clean, saved_at: new Date().toISOString()}, photos, if_match: etagOf(job),
              after: mine.length ? mine[mine.length - 1].key : null, seen: seen(job)});
}

/** This job's updates still on the phone (waiting, in conflict or refused), oldest first. */
export async function pendingFor(jobId) {
  return (await waiting(KIND)).filter(e => e.job_id === jobId);
}

export const sender = {
  /** Waits while the update it follows is still on the phone. */
  async held(entry) {
    return Boolean(entry.after && await outboxStore.get(entry.after));
  },

  async send(entry) {
    const body = {...entry.body, ...(entry.uploads.length ? {photos: entry.uploads} : {})};
    const answer = await api(`/v1/crew/jobs/${encodeURIComponent(entry.job_id)}/updates`, {
      method: "POST", body, headers: {"Idempotency-Key": entry.key, "If-Match": entry.if_match}});
    await rebaseFollowers(entry.key, {after: null, if_match: etagOf(answer.job)});
    await keepJob(answer.job);
    return {job: answer.job, update: answer.update};
  },

  /** A 409 with the job as it is now: kept for the crew member to decide (true), not refused outright. */
  async refused(entry, error) {
    const current = error.body && error.body.current;
    if (error.status !== 409 || !current) return false;
    entry.state = "conflict";
    entry.conflict = {code: error.code, message: error.message, current};
    await outboxStore.put(entry);
    await keepJob(current);
    return true;
  },
};

async function rebaseFollowers(key, changes) {
  for (const next of await waiting(KIND)) {
    if (next.after === key) await outboxStore.put({...next, ...changes});
  }
}

/** Send mine anyway, on top of the job as it is now (what the conflict showed). */
export async function resendOnTop(key) {
  const entry = await outboxStore.get(key);
  if (!entry || entry.state !== "conflict") return;
  const current = entry.conflict.current;
  await outboxStore.put({...entry, state: "waiting", conflict: null, if_match: etagOf(current), seen: seen(current)});
  return flush();
}

/**
 * Drop mine. The updates pressed after it follow the version the crew
 * member has now seen; when the job was closed by someone else, they go too.
 */
export async function dropUpdate(key) {
  const entry = await outboxStore.get(key);
  if (!entry) return;
  const current = entry.conflict?.current;
  const followers = (await waiting(KIND)).filter(e => e.job_id === entry.job_id && e.key !== key);
  if (current && !current.open) {
    for (const other of followers) await outboxStore.delete(other.key);
  } else {
    await rebaseFollowers(key, current ? {after: entry.after, if_match: etagOf(current)} : {after: entry.after});
  }
  await outboxStore.delete(key);
  window.dispatchEvent(new CustomEvent("doorstep:outbox", {detail: {}}));
  return flush();
}
