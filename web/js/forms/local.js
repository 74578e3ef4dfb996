// A form in progress on this phone (token, definition, answers until sent), its path as routing.py walks it,
// and the outbox's sender: unsent pages first, then the send (the same reference however often).
import {api} from "../api.js";

const PREFIX = "doorstep.form.";

export function kept(submissionId) {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + submissionId)) || null;
  } catch {
    return null;
  }
}

export function keep(submissionId, changes) {
  const now = {answers: {}, unsent: [], ...kept(submissionId), ...changes};
  localStorage.setItem(PREFIX + submissionId, JSON.stringify(now));
  return now;
}

export function forget(submissionId) {
  localStorage.removeItem(PREFIX + submissionId);
}

export function tokenHeader(submissionId) {
  const token = kept(submissionId)?.token;
  return token ? {"Form-Token": token} : {};
}

export function answered(submissionId, pageId, answers, sent) {
  const mine = kept(submissionId) || {};
  const unsent = (mine.unsent || []).filter(p => p !== pageId);
  return keep(submissionId, {answers: {...mine.answers, ...answers}, unsent: sent ? unsent : [...unsent, pageId]});
}

export function walk(definition, answers) {
  const pages = definition.pages;
  const index = Object.fromEntries(pages.map((p, i) => [p.id, i]));
  const taken = [];
  let i = 0;
  while (i < pages.length) {
    const page = pages[i];
    if (!page.questions.every(q => q.id in answers)) return [taken, page.id];
    taken.push(page.id);
    const goto = leadsTo(page, answers);
    i = goto === "end" ? pages.length : goto ? index[goto] : i + 1;
  }
  return [taken, "check"];
}

function leadsTo(page, answers) {
  for (const route of page.routes || []) {
    const answer = answers[route.when.question];
    const chosen = Array.isArray(answer) ? answer : [answer];
    const wanted = "equals" in route.when ? [route.when.equals] : route.when.any_of;
    if (chosen.some(c => wanted.includes(c))) return route.goto;
  }
  return page.next || null;
}

export function pageOf(definition, pageId) {
  return definition.pages.find(p => p.id === pageId) || null;
}

/** Pages answered with no signal, saved now (before a send, or a fee's payment). */
export async function sendPages(submissionId) {
  const mine = kept(submissionId) || {answers: {}, unsent: []};
  for (const pageId of mine.unsent || []) {
    const answers = Object.fromEntries(mine.definition.pages.find(p => p.id === pageId).questions
      .map(q => [q.id, mine.answers[q.id] ?? null]));
    await api(`/v1/form-submissions/${encodeURIComponent(submissionId)}/pages/${encodeURIComponent(pageId)}`, {
      method: "PUT", body: {answers}, headers: tokenHeader(submissionId)});
    keep(submissionId, {unsent: (kept(submissionId).unsent || []).filter(p => p !== pageId)});
  }
  return mine;
}

export const sender = {
  async send(entry) {
    const id = encodeURIComponent(entry.submission);
    const mine = await sendPages(entry.submission);
    const form = await api(`/v1/form-submissions/${id}/submit`, {
      method: "POST", body: {declaration: entry.declaration}, headers: tokenHeader(entry.submission)});
    // What the confirmation shows stays (its feedback question too, so a form sent later asks); the answers
    // themselves leave the phone once the council has them.
    keep(entry.submission, {reference: form.reference, what_happens_next: form.what_happens_next, feedback: form.feedback,
      copy: Boolean(mine.definition?.copy_of_answers), answers: {}, unsent: [], definition: null, token: null});
    return {form};
  },
};
