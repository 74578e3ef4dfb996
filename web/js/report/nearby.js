// Step 3: "is it one of these?" Open reports of the same kind close by;
// following one of them spares the council a duplicate.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {button} from "../forms.js";
import {formatDate, formatDistance, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {backLink, caption, currentService, draft, nextStep, previousStep} from "./draft.js";
import {meToo} from "./me-too.js";

export async function render(view) {
  const service = await currentService();
  const d = draft();
  if (!service || !d.location) return navigate(service ? "/report/location" : "/report/category", {replace: true});
  const next = nextStep(service, "/report/nearby");
  let found = [];
  try {
    const answer = await api(`/v1/reports/nearby?${query({lat: d.location.lat, lon: d.location.lon,
      service_code: service.service_code})}`);
    found = answer.features;
  } catch {
    // No signal: the resident can still report; the council merges duplicates.
  }
  if (!found.length) return navigate(next, {replace: true});

  append(view, backLink(previousStep(service, "/report/nearby")),
    caption(service),
    h("h1", {class: "heading-l"}, t("report.nearby.title")),
    h("p", {class: "body"}, t("report.nearby.lead")),
    h("ul", {class: "cards"}, found.map(f => {
      const p = f.properties;
      return h("li", {class: "card"},
        h("h2", {class: "heading-s card__title"}, p.summary),
        h("p", {class: "card__meta"}, t("report.nearby.meta", {status: t(`status.${p.status}`),
          distance: formatDistance(p.distance_m), date: formatDate(p.created_at)})),
        h("a", {class: "button button--secondary", href: `/?report=${encodeURIComponent(p.id)}&follow=1`,
          "aria-label": t("report.nearby.follow_label", {summary: p.summary})}, t("report.nearby.follow")),
        meToo({id: p.id, summary: p.summary, supporters: p.supporters, open: p.open}, {compact: true}));
    })),
    button(t("report.nearby.new"), {type: "button", onclick: () => navigate(next)}));
}
