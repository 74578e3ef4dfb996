// Jobs near me: the team's open jobs, nearest first with their distance
// when the phone knows where it is (else soonest due first), as a list or
// on a map; each opens its job. Kept on the phone for a day without signal,
// with the updates still waiting overlaid. Push for new jobs is offered here.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDistance, t, tCount} from "../i18n.js";
import {waiting} from "../outbox.js";
import {pushSubscription} from "../push.js";
import {currentPosition} from "../where.js";
import {asOf, dueText, navigateLinks, priorityTag, statusTag} from "./common.js";
import {jobsMap} from "./job-map.js";
import {jobList} from "./kept.js";
import {KIND} from "./sending.js";

const PUSHED = "doorstep.crew-push";  // this phone already asked to be told of new jobs

function title(f) {
  return t("crew.job_title", {category: f.properties.service_name, id: f.properties.report_id});
}

function card(f, pending, here) {
  const p = f.properties;
  const mine = pending.filter(e => e.job_id === f.id);
  const latest = [...mine].reverse().find(e => e.body.status);
  const point = f.geometry ? {lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0]} : null;
  return h("li", {class: "card job-card"},
    h("h2", {class: "heading-s card__title"}, h("a", {href: `/crew/jobs/${encodeURIComponent(f.id)}`}, title(f))),
    h("p", {class: "card__meta"}, p.distance_m !== undefined ? h("strong", {class: "job-card__distance"},
      t("crew.away", {distance: formatDistance(p.distance_m)})) : null),
    h("p", {class: "job-card__tags"}, statusTag(latest ? latest.body.status : p.status, Boolean(latest)), " ",
      priorityTag(p.priority)),
    h("p", {class: "body"}, dueText(p)),
    p.description ? h("p", {class: "body"}, p.description) : null,
    mine.some(e => e.state === "conflict") ? h("p", {class: "body"}, h("strong", {class: "tag tag--red"},
      t("crew.needs_you"))) : null,
    navigateLinks(point, here, title(f)));
}

// With the phone's position, urgent jobs near it are pushed as "N m from you";
// field updates keep that point fresh (decisions.md, Crew notifications).
function pushOffer(here) {
  const status = h("p", {class: "hint", "aria-live": "polite", id: "push-status"},
    localStorage.getItem(PUSHED) ? t("crew.push.on") : "");
  const ask = h("button", {class: "button button--secondary", type: "button", onclick: async () => {
    ask.disabled = true;
    status.textContent = t("crew.push.asking");
    try {
      const subscription = await pushSubscription();
      await api("/v1/alerts", {method: "POST",
        body: {kind: "jobs", channels: ["push"], push_subscription: subscription,
          ...(here ? {lat: round6(here.lat), lon: round6(here.lon)} : {})}});
      localStorage.setItem(PUSHED, "yes");
      status.textContent = t("crew.push.on");
    } catch (error) {
      status.textContent = errorsOf(error)[0].message;
    } finally {
      ask.disabled = false;
    }
  }}, t("crew.push.ask"));
  return h("section", {class: "push-offer", "aria-labelledby": "push-title"},
    h("h2", {class: "heading-m", id: "push-title"}, t("crew.push.title")),
    h("p", {class: "body"}, t("crew.push.body")), ask, status);
}

function toggle(list, map) {
  const buttons = [];
  const show = which => {
    list.hidden = which !== "list";
    map.hidden = which !== "map";
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.view === which));
  };
  for (const which of ["list", "map"]) {
    buttons.push(h("button", {class: "button button--secondary toggle__button", type: "button", dataset: {view: which},
      "aria-pressed": String(which === "list"), onclick: () => show(which)}, t(`crew.show_${which}`)));
  }
  return h("div", {class: "toggle", role: "group", "aria-label": t("crew.show_as")}, buttons);
}

const round6 = x => Math.round(x * 1e6) / 1e6;  // about 0.1 m: what the API keeps

export async function render(view) {
  const here = await currentPosition().catch(() => null);
  let answer;
  try {
    answer = await jobList(here);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("crew.jobs_title")),
      h("p", {class: "body"}, errorsOf(error)[0].message), pushOffer(here));
    return;
  }
  const pending = await waiting(KIND);
  const features = answer.data.features;
  const byDistance = answer.data.order === "distance";
  const list = features.length
    ? h("ul", {class: "cards", id: "jobs"}, features.map(f => card(f, pending, here)))
    : h("p", {class: "body", id: "jobs"}, t("crew.no_jobs"));
  const mapBox = h("div", {class: "jobs-map", hidden: true});
  const waitingCount = pending.filter(e => e.state === "waiting").length;
  append(view, h("h1", {class: "heading-l"}, t("crew.jobs_title")), asOf(answer),
    h("p", {class: "body", id: "jobs-order"}, byDistance ? tCount("crew.order_distance", features.length)
      : t(here ? "crew.order_due" : "crew.order_due_no_position")),
    waitingCount ? h("p", {class: "inset", id: "jobs-waiting"}, tCount("crew.updates_waiting", waitingCount)) : null,
    features.length ? toggle(list, mapBox) : null, list, mapBox, pushOffer(here));
  if (features.length) {
    // The map is drawn when first shown: Leaflet needs a visible box to measure.
    let drawn = false;
    view.querySelector(".toggle").addEventListener("click", () => {
      if (drawn || mapBox.hidden) return;
      drawn = true;
      append(clear(mapBox), jobsMap(features.map(f => ({id: f.id, title: title(f),
        lat: f.geometry?.coordinates[1], lon: f.geometry?.coordinates[0]})), here).element);
    });
  }
}
