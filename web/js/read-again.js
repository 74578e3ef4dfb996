// A page of things still being made elsewhere (a move's changes, a new business's services, each made
// by an event after the request has answered): read again while the page is shown and the API
// says `under_way`, less often each time, for up to FOR_MS; after that the page's own words ("come back
// in a minute") stand. Only the parts that changed are drawn again, so a form in another part keeps
// what the resident has typed.
const AFTER_MS = [1000, 2000, 3000, 5000, 10000];
const FOR_MS = 3 * 60 * 1000;

/** While `holder` is shown and the API says `under_way`: read() again, then show(fresh); show calls
 * again(fresh) to go on. */
function readAgain(holder, read, show) {
  const started = Date.now();
  let tries = 0;
  const again = current => {
    if (!current?.under_way || Date.now() - started > FOR_MS) return;
    setTimeout(() => {
      if (!holder.isConnected) return;
      read().then(show, () => again(current));
    }, AFTER_MS[Math.min(tries++, AFTER_MS.length - 1)]);
  };
  return again;
}

/** `parts` (a list drawn by partsOf(current)) and `note` (the page's "still being made" words, shown
 * only while they are; none where each part says so itself) kept up to date while `holder` is shown,
 * from `current` as first read. */
export function showAsMade(holder, current, read, parts, partsOf, note = null) {
  if (note) note.hidden = !current.under_way;
  const again = readAgain(holder, read, fresh => {
    mergeParts(parts, partsOf(fresh));
    if (note) note.hidden = !fresh.under_way;
    again(fresh);
  });
  again(current);
}

/** `list`'s items become `fresh`'s, each old item kept where its part, state and words are the same. */
function mergeParts(list, fresh) {
  const old = new Map([...list.children].map(item => [item.dataset.part, item]));
  list.replaceChildren(...[...fresh.children].map(item => {
    const kept = old.get(item.dataset.part);
    return kept && kept.dataset.state === item.dataset.state && kept.textContent === item.textContent ? kept : item;
  }));
  list.hidden = fresh.hidden;
}
