// A meeting's webcast on the desk (/staff/meetings/{id}/webcast): live, an
// officer presses "Now on" as each item starts (the first press is the
// recording's 0:00); afterwards the chapters are set as a whole, checked
// here as YouTube checks a description's chapters (the first at 0:00, each
// later than the one before and at least 10 seconds after it) before they
// are sent, and the text to paste into YouTube is shown, or what it would refuse.
// Where the provider keeps an index of item times, the chapters are imported
// from it, and the officer is shown each cue with the item it matched, and
// each cue that matched none (to add by hand if it belongs to an item).
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, Invalid, input, onSubmit, select} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";

const GAP_S = 10;  // YouTube: chapters at least 10 seconds apart

/** "4:05" or "1:02:03" (or plain seconds) as seconds; null when it is neither. */
export function seconds(text) {
  const found = text.trim().match(/^(?:(\d+):)?(\d{1,2}):(\d{2})$/);
  if (found) {
    const [hours, minutes, secs] = [Number(found[1] || 0), Number(found[2]), Number(found[3])];
    return minutes < 60 && secs < 60 ? hours * 3600 + minutes * 60 + secs : null;
  }
  return /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** As YouTube writes a chapter's start: 0:00, 4:05, 1:02:03. */
export function clock(total) {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${secs}` : `${minutes}:${secs}`;
}

const named = i => (i ? (i.number ? `${i.number} ${i.title}` : i.title) : "");

export async function render(view, id) {
  let meeting, cast;
  try {
    [meeting, cast] = await Promise.all([api(`/v1/meetings/${id}`), api(`/v1/meetings/${id}/webcast`)]);
  } catch (error) {
    return append(view, h("h1", {class: "heading-l"}, t("staff.webcast.title")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const items = (meeting.items || []);
  const byId = new Map(items.map(i => [i.id, i]));
  append(view, h("a", {class: "back-link", href: `/staff/meetings/${id}`}, t("staff.meetings.back")),
    h("span", {class: "caption"}, `${meeting.committee_title}, ${formatDay(meeting.date)}`),
    h("h1", {class: "heading-l"}, t("staff.webcast.title")),
    h("p", {class: "body"}, cast.url ? h("a", {href: cast.url}, t("staff.webcast.open")) : t("staff.webcast.no_url")));
  const now = h("p", {class: "body", role: "status", id: "now-on"});
  const parts = h("div", {});
  const draw = latest => {
    cast = latest;
    const on = cast.now_on && byId.get(cast.now_on);
    now.textContent = on ? t("staff.webcast.now_on", {item: named(on), at: cast.chapters.at(-1).at})
      : t("staff.webcast.not_live");
    clear(parts);
    append(parts, chaptersForm(view, id, cast, items, byId, draw), youtube(id, cast.youtube));
  };
  const mark = async i => {
    try {
      draw(await api(`/v1/staff/meetings/${id}/webcast/now`, {method: "POST", body: {item_id: i.id}}));
    } catch (error) {
      now.textContent = errorsOf(error)[0].message;
    }
  };
  // Marking is for the meeting's own day, around its start: outside it the desk says when, and offers no button.
  append(view, h("h2", {class: "heading-m"}, t("staff.webcast.live_title")),
    h("p", {class: "hint", id: "live-hint"}, cast.live.open ? t("staff.webcast.live_hint") : ""),
    h("p", {class: cast.live.open ? "hint" : "inset", id: "live-window"}, cast.live.says,
      cast.live.open ? "" : ` ${t("staff.webcast.live_closed")}`), now,
    cast.live.open ? h("ul", {class: "list now-on-list"}, items.map(i => h("li", {},
      button(t("staff.webcast.mark", {item: named(i)}), {type: "button", secondary: true,
        "aria-describedby": "live-hint live-window", onclick: () => mark(i)})))) : null,
    importer(id, () => cast, byId, draw), parts);
  draw(cast);
}

function row(n, chapter, items) {
  const options = [{value: "", label: t("staff.webcast.choose_item")},
    ...items.map(i => ({value: i.id, label: named(i)}))];
  return h("div", {class: "chapter-row"},
    select({field: `item-${n}`, label: t("staff.webcast.item", {n: n + 1}), options, value: chapter?.item_id || ""}),
    input({field: `at-${n}`, label: t("staff.webcast.at", {n: n + 1}), hint: n ? null : t("staff.webcast.at_hint"),
      value: chapter ? chapter.at : "", class: "input input--width-5", inputmode: "numeric", autocomplete: "off",
      optional: true}));  // an empty start is no chapter
}

/** The rows as chapters, checked in the order written as YouTube will read them; every problem at once. */
function checked(form, count, byId) {
  const problems = [];
  const chapters = [];
  for (let n = 0; n < count; n += 1) {
    const itemId = form.elements[`item-${n}`].value;
    const at = form.elements[`at-${n}`].value.trim();
    if (!at && !itemId) continue;  // a blank row: no chapter
    const item = named(byId.get(itemId));
    if (!itemId) problems.push({field: `item-${n}`, message: t("staff.webcast.item_required", {at})});
    const s = seconds(at);
    if (s === null) {
      problems.push({field: `at-${n}`, message: at ? t("staff.webcast.at_invalid", {item: item || n + 1})
        : t("staff.webcast.at_required", {item: item || n + 1})});
      continue;
    }
    const before = chapters.at(-1);
    if (!before && s !== 0) {
      problems.push({field: `at-${n}`, message: t("staff.webcast.first", {item, at: clock(s)})});
    } else if (before && s <= before.at_s) {
      problems.push({field: `at-${n}`, message: t("staff.webcast.ascending", {item, before: before.name,
        at: clock(before.at_s)})});
    } else if (before && s - before.at_s < GAP_S) {
      problems.push({field: `at-${n}`, message: t("staff.webcast.gap", {item, before: before.name,
        at: clock(before.at_s), gap: GAP_S})});
    }
    chapters.push({item_id: itemId, at_s: s, name: item, row: n});
  }
  if (problems.length) throw new Invalid(problems);
  return chapters;
}

// The API names a chapter it refuses by its place in the list sent ($.chapters[2].at_s), which skips
// blank rows: its words go to the row it came from.
const ON_ROW = /^\$\.chapters\[(\d+)\]\.(at_s|item_id)$/;
function atRows(error, chapters) {
  if (!error.fields?.length) return error;
  error.fields = error.fields.map(f => {
    const found = (f.field || "").match(ON_ROW);
    const chapter = found && chapters[Number(found[1])];
    return chapter ? {...f, field: `${found[2] === "at_s" ? "at" : "item"}-${chapter.row}`} : f;
  });
  return error;
}

function chaptersForm(view, id, cast, items, byId, draw) {
  // Before any chapter: a row for each item in agenda order, to fill in; afterwards the chapters as kept.
  const start = cast.chapters.length ? cast.chapters : items.filter(i => !i.heading).map(i => ({item_id: i.id}));
  let count = start.length + 1;
  const rows = h("div", {id: "chapter-rows"}, start.map((c, n) => row(n, c.at ? c : {item_id: c.item_id}, items)),
    row(start.length, null, items));
  const form = h("form", {novalidate: true, id: "chapters-form"},
    h("h2", {class: "heading-m"}, t("staff.webcast.chapters_title")),
    h("p", {class: "hint"}, t("staff.webcast.chapters_hint")), rows,
    button(t("staff.webcast.add_row"), {type: "button", secondary: true, id: "add-chapter", onclick: () => {
      rows.append(row(count, null, items));
      count += 1;
      form.elements[`item-${count - 1}`].focus();
    }}), " ",
    button(t("staff.webcast.save")));
  onSubmit(form, view, async () => {
    const chapters = checked(form, count, byId);
    draw(await api(`/v1/staff/meetings/${id}/webcast/chapters`, {method: "PUT",
      body: {chapters: chapters.map(({item_id, at_s}) => ({item_id, at_s}))},
      headers: {"If-Match": `"${cast.version}"`}}).catch(error => { throw atRows(error, chapters); }));
    view.querySelector("#chapters-saved").textContent = t("staff.webcast.saved");
  });
  return [form, h("p", {class: "body", role: "status", id: "chapters-saved"})];
}

/** The provider's index of item times as the chapters: what matched each item, and each cue that matched none. */
function importer(id, current, byId, draw) {
  const result = h("div", {id: "import-result", role: "status"});
  const go = async event => {
    const pressed = event.currentTarget;
    pressed.disabled = true;
    clear(result);
    try {
      const done = await api(`/v1/staff/meetings/${id}/webcast/chapters/import`, {method: "POST",
        headers: {"If-Match": `"${current().version}"`}});
      draw(done);
      append(result, h("p", {class: "body"}, tCount("staff.webcast.imported", done.matched.length)),
        h("ul", {class: "list list--bullet", id: "import-matched"}, done.matched.map(m => h("li", {},
          t("staff.webcast.import_matched", {at: m.at, cue: m.title, item: named(byId.get(m.item_id))})))));
      if (done.unmatched.length) {
        append(result, h("p", {class: "body"}, tCount("staff.webcast.import_unmatched", done.unmatched.length)),
          h("ul", {class: "list list--bullet", id: "import-unmatched"},
            done.unmatched.map(u => h("li", {}, u.message))));
      }
    } catch (error) {
      // Nothing matched, or what matched the API would not save (two cues in one second): each cue said.
      const listed = error.fields?.length ? error.fields : [];
      const lead = error.code === "chapters_not_matched" ? t("staff.webcast.import_none")
        : listed.length ? error.message : errorsOf(error)[0].message;
      append(result, h("div", {class: "inset", id: "import-problems"}, h("p", {class: "body"}, lead),
        listed.length ? h("ul", {class: "list list--bullet"}, listed.map(p => h("li", {}, p.message))) : ""));
    } finally {
      pressed.disabled = false;
    }
  };
  return h("section", {id: "import", "aria-labelledby": "import-title"},
    h("h2", {class: "heading-m", id: "import-title"}, t("staff.webcast.import_title")),
    h("p", {class: "hint", id: "import-hint"}, t("staff.webcast.import_hint")),
    button(t("staff.webcast.import"), {type: "button", secondary: true, id: "import-chapters",
      "aria-describedby": "import-hint", onclick: go}), result);
}

/** The description text YouTube accepts, asked for only when the webcast says it can be given; else why not. */
function youtube(id, ready) {
  const part = h("section", {id: "youtube", "aria-labelledby": "youtube-title"},
    h("h2", {class: "heading-m", id: "youtube-title"}, t("staff.webcast.youtube_title")));
  const refused = problems => append(part, h("div", {class: "inset", id: "youtube-problems"},
    h("p", {class: "body"}, t("staff.webcast.youtube_refused")),
    h("ul", {class: "list list--bullet"}, problems.map(p => h("li", {}, p)))));
  if (!ready.ready) {
    refused(ready.problems);
    return part;
  }
  api(`/v1/staff/meetings/${id}/webcast/youtube.txt`, {headers: {Accept: "text/plain"}}).then(text => {
    append(part, h("label", {class: "label", for: "youtube-text"}, t("staff.webcast.youtube_label")),
      h("textarea", {class: "textarea", id: "youtube-text", readonly: true, rows: 6, value: text}));
  }, error => refused(errorsOf(error).map(p => p.message)));
  return part;
}
