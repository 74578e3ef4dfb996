// Step 2: where the problem is: the phone's location, an address found by
// postcode or street, or a tap on the map (placing a pin, never dragging).
import {api, ApiError, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, Invalid, onSubmit, showErrors} from "../forms.js";
import {formatClock, t} from "../i18n.js";
import {mapPanel} from "../map.js";
import {navigate} from "../navigation.js";
import {placePicker} from "../where.js";
import {backLink, caption, currentService, draft, fieldLabels, isComplaint, nextStep, previousStep, takeErrors,
        update} from "./draft.js";

export async function render(view) {
  const service = await currentService();
  if (!service) return navigate("/report/category", {replace: true});
  let chosen = draft().location || null;
  const summary = h("div", {class: "inset place-chosen", id: "chosen-location", "aria-live": "polite"});
  // Who takes it, as soon as the point and the category decide it (as FixMyStreet says at this step),
  // from the same routing a report made there gets; left out, not guessed, without signal.
  const goesTo = h("p", {class: "body", id: "goes-to"});
  const aim = h("p", {class: "body", id: "goes-to-target"});
  const who = h("div", {id: "who-takes-it", "aria-live": "polite"}, goesTo, aim);
  let asked = 0;
  const whoTakesIt = point => {
    const mine = ++asked;
    goesTo.textContent = aim.textContent = "";
    if (!point || point.lat == null) return;
    who.dataset.state = "asking";  // settled either way: what a test (or a screen reader's user) waits for
    api(`/v1/services?${query({lat: point.lat, lon: point.lon})}`).then(found => {
      const here = (found.services || []).find(s => s.service_code === service.service_code);
      if (mine !== asked || !here) return;
      goesTo.textContent = t("report.location.goes_to", {sent_to: here.sent_to_text});
      if (here.target) aim.textContent = `${here.target.text}.`;
    }).catch(error => {
      // Not this council's place: whose it is (another council of this service, or none: FixMyStreet's
      // page for it), with the way there, so the resident need not guess where to go.
      const elsewhere = error instanceof ApiError ? error.body?.error?.report_at : null;
      if (mine !== asked || !elsewhere) return;
      const words = elsewhere.council ? t("report.location.elsewhere", {council: elsewhere.name})
        : t("report.location.nowhere");
      goesTo.replaceChildren(`${words} `, h("a", {href: elsewhere.url, id: "report-elsewhere"},
        t("report.location.elsewhere_link", {site: elsewhere.name})));
    }).finally(() => { if (mine === asked) who.dataset.state = "settled"; });
  };
  const showChosen = () => {
    summary.textContent = chosen ? t("report.location.chosen", {place: chosen.label}) : t("report.location.none");
    whoTakesIt(chosen);
  };
  let map = null;
  const pick = (point, fromMap = false) => {
    chosen = point;
    showChosen();
    if (!fromMap && map) map.show(point);
    // On a small phone the choice must be in sight: it sits just above the map.
    if (!fromMap) summary.scrollIntoView({block: "nearest"});
  };
  const picker = placePicker({fields: "location lat lon", onPick: point => pick(point)});
  map = mapPanel({centre: chosen, onPick: point => pick({...point, how: "map", label: t("report.location.map_point",
    {lat: point.lat.toFixed(5), lon: point.lon.toFixed(5)})}, true)});
  showChosen();

  // The choice sits between the ways of choosing and the map, where the eye is either way;
  // Continue follows the map's few stops (its zoom and the tiles' credit, then the centre button).
  const form = h("form", {novalidate: true}, picker, summary, who,
    h("h2", {class: "heading-s"}, t("report.location.map_heading")), map.element,
    button(t("form.continue")));
  onSubmit(form, view, () => {
    if (!chosen) throw new Invalid([{field: "location", message: t("report.location.required")}]);
    // "Your current location" is true only now: kept, the point is said as where the phone was, and when.
    const kept = chosen.how === "gps" && !chosen.at ? {...chosen, at: new Date().toISOString(),
      label: t("report.location.gps_point", {time: formatClock(new Date().toISOString()),
        lat: chosen.lat.toFixed(5), lon: chosen.lon.toFixed(5)})} : chosen;
    const moved = JSON.stringify(draft().location) !== JSON.stringify(kept);
    update({location: kept, ...(moved ? {checked_nearby: false} : {})});
    return navigate(nextStep(service, "/report/location"));
  });

  append(view, backLink(previousStep(service, "/report/location")),
    caption(service),
    h("h1", {class: "heading-l"}, t(isComplaint(service) ? "complaint.location.title" : "report.location.title")),
    h("p", {class: "body"}, t("report.location.lead")), form);
  const errors = takeErrors("/report/location");
  if (errors.length) showErrors(view, errors, fieldLabels(service));
}
