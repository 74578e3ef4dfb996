// One move: what it changed (moved, stopped, refunded), what waits for the
// resident's choice (a booking or an alert at the old home: keep or cancel,
// move or stay), and what is left to do elsewhere, by link. The words of each
// part come from the API, inserted as text.
import {api} from "../api.js";
import {placeName} from "../council.js";
import {append, clear, h} from "../dom.js";
import {feedbackQuestion} from "../feedback.js";
import {button, errorsOf, showErrors} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";
import {navigate} from "../navigation.js";
import {showAsMade} from "../read-again.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";
import {chargeLines} from "./council-tax-charges.js";

function part(view, move, p, redraw) {
  const choose = choice => async () => {
    try {
      redraw(await api(`/v1/me/moves/${encodeURIComponent(move.id)}/parts/${encodeURIComponent(p.name)}/choice`,
        {method: "POST", body: {choice}}));
    } catch (error) {
      showErrors(view, [{message: errorsOf(error)[0].message}]);
    }
  };
  // The council tax office's answer is a copy: while it cannot be asked, its age is said, as on council tax.
  const minutes = Math.floor((p.facts.age_s || 0) / 60);
  return h("li", {dataset: {part: p.name, state: p.state}}, h("strong", {}, t(`moving.part_${p.kind}`)), ": ",
    p.text || t(`moving.state_${p.state}`),
    p.facts.stale ? h("span", {class: "hint", role: "status"}, " ", minutes ? tCount("ctax.stale", minutes)
      : t("ctax.stale_now")) : null,
    p.choices.length ? h("div", {}, p.choices.map((c, i) => button(t(`moving.choice_${c}`), {
      type: "button", secondary: i > 0, id: `${c}-${p.name.replace(/[^A-Za-z0-9-]/g, "-")}`, onclick: choose(c)})))
      : null);
}

// The new home's council tax from the move date, by the council's rules (Scotland's bands and water
// charges where the council is Scottish): Doorstep's estimate, the bill being the council's.
function estimate(found) {
  if (!found) return [];
  return [h("h2", {class: "heading-m"}, t("moving.ctax_title")),
    h("p", {class: "body", id: "move-ctax-total"}, t("moving.ctax_total", {amount: pounds(found.total),
      day: formatDay(found.from, true), band: found.band})),
    chargeLines(found.lines, "move-ctax")];
}

function draw(view, move) {
  const holder = h("div", {id: "move-page"});
  const redraw = fresh => holder.replaceWith(draw(view, fresh));
  const partsOf = current => h("ul", {class: "list list--spaced", id: "move-parts", hidden: !current.parts.length},
    current.parts.map(p => part(view, current, p, redraw)));
  const parts = partsOf(move);
  const note = h("p", {class: "body", id: "move-under-way", role: "status"}, t("moving.under_way"));
  // The changes are made by the move's event: shown as they are made, without leaving the page.
  showAsMade(holder, move, () => api(`/v1/me/moves/${encodeURIComponent(move.id)}`), parts, partsOf, note,
    t("moving.made"), t("moving.held_up"));
  append(holder, h("h1", {class: "heading-l"}, t("moving.page_title")),
    h("p", {class: "body", id: "move-summary"}, t(`moving.summary_${move.move}`, {day: formatDay(move.date, true),
      to: move.to_address || "", from: move.from_address || "", area: placeName()})),
    h("p", {class: "hint", id: "move-reference"}, t("moving.reference", {id: move.id})),
    move.late ? h("p", {class: "body"}, t("moving.late")) : null,
    h("h2", {class: "heading-m"}, t("moving.changed")),
    parts, note,
    ...estimate(move.council_tax_estimate),
    h("h2", {class: "heading-m"}, t("moving.elsewhere")),
    h("ul", {class: "list list--spaced", id: "move-elsewhere"}, move.elsewhere.map(e => h("li", {},
      h("a", {href: e.url, rel: "noopener", target: "_blank"}, e.text)))),
    feedbackQuestion(move.feedback));  // told: how did it go?
  return holder;
}

export async function render(view, {url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  const id = decodeURIComponent(url.pathname.split("/")[2] || "");
  try {
    append(view, draw(view, await api(`/v1/me/moves/${encodeURIComponent(id)}`)));
  } catch (error) {
    append(clear(view), h("h1", {class: "heading-l"}, t("moving.page_title")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
