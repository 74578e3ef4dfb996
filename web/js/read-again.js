// A page of things still being made elsewhere (a move's changes, a new business's services, a council tax
// request sent to the council's system, each made
// by an event after the request has answered): read again while the page is shown and the API
// says `under_way`, less often each time, for up to FOR_MS; after that the page's own words ("come back
// in a minute") stand. Only the parts that changed are drawn again, so a form in another part keeps
// what the resident has typed.
import {append, clear, h} from "./dom.js";

const AFTER_MS = [1000, 2000, 3000, 5000, 10000];
const FOR_MS = 3 * 60 * 1000;

/** While `holder` is shown and the API says `under_way`: read() again, then show(fresh); show calls
 * again(fresh) to go on. Called again meanwhile, it waits anew: one read at a time is waiting, never
 * one more per call. again.afresh() starts the times over (a form's answer: something new under way). */
export function readAgain(holder, read, show) {
  let started = Date.now(), tries = 0, timer;
  const again = current => {
    clearTimeout(timer);
    if (!current?.under_way || Date.now() - started > FOR_MS) return;
    timer = setTimeout(() => {
      if (!holder.isConnected) return;
      read().then(show, () => again(current));
    }, AFTER_MS[Math.min(tries++, AFTER_MS.length - 1)]);
  };
  again.afresh = () => {
    started = Date.now();
    tries = 0;
  };
  return again;
}

/** `parts` (a list drawn by partsOf(current)) kept up to date while `holder` is shown, from `current`
 * as first read. `note` (a status: the page's "still being made" words; none where each part says so
 * itself) is shown while they are, then says `done`, so a screen reader hears that they have been; or
 * `held` when the API says `held_up` (making them was given up), shown as soon as it is known. */
export function showAsMade(holder, current, read, parts, partsOf, note = null, done = "", held = "") {
  if (note) {
    note.hidden = !current.under_way && !current.held_up;
    if (current.held_up) note.textContent = held;
  }
  const again = readAgain(holder, read, fresh => {
    mergeParts(parts, partsOf(fresh));
    if (note && !fresh.under_way) note.textContent = fresh.held_up ? held : done;
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

/** A page of one thing (a booking, a subscription, a request), draw(current) in a holder of its own in
 * `view`, drawn again from read() while waiting(current): held or pending while its payment is being
 * settled by the payment's event. Leaving the page, or a form redrawing `view`, ends it. */
export function drawnWhile(view, current, read, draw, waiting) {
  const holder = h("div", {});
  const again = readAgain(holder, read, fresh => {
    append(clear(holder), ...draw(fresh));
    again({under_way: waiting(fresh)});
  });
  append(view, append(holder, ...draw(current)));
  again({under_way: waiting(current)});
}
