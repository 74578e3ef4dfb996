// A form in progress as this phone keeps it (localStorage): the
// submission's token (an anonymous resident's only key to it), the form's
// definition at the version started, and every page's answers as typed.
// Answers stay here until the API has them, so a page answered without
// signal is not lost and the resident carries on; the path is worked out
// from the answers as the API does (routing.py), never stored.
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

/** The Form-Token header for an anonymous resident's submission ({} when signed in). */
export function tokenHeader(submissionId) {
  const token = kept(submissionId)?.token;
  return token ? {"Form-Token": token} : {};
}

/** A page answered here: kept, and marked unsent until the API has it. */
export function answered(submissionId, pageId, answers, sent) {
  const mine = kept(submissionId) || {};
  const unsent = (mine.unsent || []).filter(p => p !== pageId);
  return keep(submissionId, {answers: {...mine.answers, ...answers}, unsent: sent ? unsent : [...unsent, pageId]});
}

/** [pages taken, the page to answer next or "check"], as routing.walk does. */
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
