// The outbox's sender for a form (outbox.js): the pages answered without
// signal first, in the order answered, then the send itself. Sending a form
// again answers the same reference, so a retry after a lost answer is safe.
import {api} from "../api.js";
import {keep, kept, tokenHeader} from "./local.js";

export const sender = {
  async send(entry) {
    const id = encodeURIComponent(entry.submission);
    const mine = kept(entry.submission) || {answers: {}, unsent: []};
    for (const pageId of mine.unsent || []) {
      const answers = Object.fromEntries(mine.definition.pages.find(p => p.id === pageId).questions
        .map(q => [q.id, mine.answers[q.id] ?? null]));
      await api(`/v1/form-submissions/${id}/pages/${encodeURIComponent(pageId)}`, {
        method: "PUT", body: {answers}, headers: tokenHeader(entry.submission)});
      keep(entry.submission, {unsent: (kept(entry.submission).unsent || []).filter(p => p !== pageId)});
    }
    const form = await api(`/v1/form-submissions/${id}/submit`, {
      method: "POST", body: {declaration: entry.declaration}, headers: tokenHeader(entry.submission)});
    // What the confirmation shows stays; the answers themselves leave the phone once the council has them.
    keep(entry.submission, {reference: form.reference, what_happens_next: form.what_happens_next,
      copy: Boolean(mine.definition?.copy_of_answers), answers: {}, unsent: [], definition: null, token: null});
    return {form};
  },
};
