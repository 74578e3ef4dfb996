// Set up an alert: about a report, new reports near a place, a ward, or
// council news; told by push on this phone (permission asked only now) or
// by e-mail (confirmed through a link unless it is the account's own).
import {api, myProfile, query} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, input, Invalid, onSubmit, privacyLink, select} from "../forms.js";
import {t} from "../i18n.js";
import {pushSubscription, pushSupported} from "../push.js";
import {navigate, redraw} from "../navigation.js";
import {rememberPushAlert} from "../store.js";
import {placePicker} from "../where.js";

const KINDS = ["report", "area", "ward", "broadcast", "planning"];
const ONE_THING = ["report", "planning"];  // an alert about one thing names it: no place to choose
const RADII = [250, 500, 1000, 2000];

async function myEmail() {
  return (await myProfile())?.email || "";
}

/** The where-part of the form: a place, and for wards the ward holding it. */
function placePart(kind, state, params) {
  if (kind === "report") return h("p", {class: "inset"}, t("alerts.form.report", {id: params.get("report")}));
  if (kind === "planning") {
    return h("p", {class: "inset"}, t("alerts.form.planning", {reference: params.get("reference") || params.get("application")}));
  }
  if (kind === "ward" && params.get("ward")) {
    state.ward = {id: params.get("ward"), name: params.get("ward_name") || params.get("ward")};
    return h("p", {class: "inset"}, t("alerts.form.ward", {ward: state.ward.name}));
  }
  const chosen = h("p", {class: "inset", "aria-live": "polite"}, t("alerts.form.where_none"));
  return [h("h2", {class: "heading-s"}, t(kind === "area" ? "alerts.form.near" : "alerts.form.home")),
    placePicker({fields: "lat lon ward radius_m", addressList: false, onPick: async point => {
      state.point = point;
      state.ward = null;
      chosen.textContent = t("alerts.form.where", {place: point.label});
      if (kind === "area") return;
      try {
        const found = await api(`/v1/councillors?${query({lat: point.lat, lon: point.lon})}`);
        state.ward = found.ward;
        chosen.textContent = t("alerts.form.ward", {ward: found.ward.name});
      } catch {
        chosen.textContent = kind === "ward" ? t("alerts.form.no_ward") : t("alerts.form.where", {place: point.label});
      }
    }}), chosen,
    kind === "area" ? select({field: "radius_m", label: t("alerts.form.radius"), value: "500",
      options: RADII.map(r => ({value: String(r), label: t("alerts.form.radius_option", {metres: r})}))}) : null,
    // FixMyStreet's 766: updates on those reports too, only when asked for.
    kind === "area" ? choices({field: "include_updates", legend: t("alerts.form.updates"), multiple: true, value: [],
      small: true, options: [{value: "yes", label: t("alerts.form.updates_label"),
        hint: t("alerts.form.updates_hint")}]}) : null];
}

function target(kind, state, form, params) {
  if (kind === "report") return {report_id: params.get("report")};
  if (kind === "planning") return {application_id: params.get("application")};
  if (kind === "ward") return {ward: state.ward?.id};
  const circle = state.point ? {lat: state.point.lat, lon: state.point.lon} : {};
  if (kind === "area") {
    const updates = form.querySelector("input[name=include_updates]")?.checked;
    return {...circle, radius_m: Number(form.elements.radius_m.value), ...(updates ? {include_updates: true} : {})};
  }
  const topics = [...form.querySelectorAll("input[name=topics]:checked")].map(i => i.value);
  return state.ward ? {topics, ward: state.ward.id} : {topics, ...circle, radius_m: 2000};
}

function done(view, alert, channel) {
  const waiting = alert.pending && alert.pending.length;
  redraw(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"},
    t(waiting ? "alerts.done.pending_title" : "alerts.done.title")),
  h("div", {class: "panel__body"}, t(waiting ? "alerts.done.pending" : `alerts.done.${channel}`))),
  h("p", {class: "body"}, h("a", {href: "/alerts"}, t("alerts.done.manage"))));
}

export async function render(view, {params}) {
  const kind = KINDS.includes(params.get("kind")) ? params.get("kind") : "area";
  if (ONE_THING.includes(kind) && !params.get(kind === "report" ? "report" : "application")) {
    return navigate("/alerts", {replace: true});
  }
  const state = {point: null, ward: null};
  const push = pushSupported();
  const email = await myEmail();
  const emailGroup = input({field: "email", label: t("alerts.form.email"), type: "email", autocomplete: "email",
    spellcheck: "false", value: email});
  const channel = choices({field: "channels", legend: t("alerts.form.how"), value: push ? "push" : "email",
    options: [push ? {value: "push", label: t("alerts.channel.push"), hint: t("alerts.form.push_hint")} : null,
      {value: "email", label: t("alerts.channel.email")}].filter(Boolean)});
  const form = h("form", {novalidate: true}, placePart(kind, state, params),
    kind === "broadcast" ? choices({field: "topics", legend: t("alerts.form.topics"), multiple: true,
      value: ["bins", "roads", "emergencies"],
      options: ["bins", "roads", "emergencies"].map(x => ({value: x, label: t(`alerts.topic.${x}`)}))}) : null,
    ["area", "ward"].includes(kind) ? choices({field: "petitions", legend: t("alerts.form.also"), multiple: true,
      options: [{value: "yes", label: t("alerts.form.petitions")}]}) : null,
    kind === "area" ? planningChoices() : null,
    channel, emailGroup, privacyLink("alerts"), button(t("alerts.form.submit")));
  const toggle = () => { emailGroup.hidden = new FormData(form).get("channels") !== "email"; };
  form.addEventListener("change", toggle);
  toggle();
  onSubmit(form, view, async () => {
    const how = new FormData(form).get("channels");
    const missing = [];
    if (!ONE_THING.includes(kind) && !(kind === "ward" ? state.ward : state.point || state.ward)) {
      missing.push({field: kind === "ward" ? "ward" : "lat", message: t(kind === "ward" ? "alerts.form.ward_required"
        : "alerts.form.where_required")});
    }
    if (how === "email" && !form.elements.email.value.trim()) {
      missing.push({field: "email", message: t("alerts.form.email_required")});
    }
    if (missing.length) throw new Invalid(missing);
    const body = {kind, channels: [how], ...target(kind, state, form, params)};
    if (new FormData(form).get("petitions") === "yes") body.petitions = true;  // new petitions there too
    const types = new FormData(form).getAll("planning_types");  // none chosen: planning applications of every type
    if (kind === "area" && types.length) body.planning_types = types;
    if (kind === "area" && new FormData(form).get("planning_open") === "yes") body.planning_open_only = true;
    if (how === "email") {
      body.email = form.elements.email.value.trim();
    } else {
      try {
        body.push_subscription = await pushSubscription();
      } catch (error) {
        throw new Invalid([{field: "channels", message: error.message}]);
      }
    }
    const alert = await api("/v1/alerts", {method: "POST", body});
    if (alert.management_token) rememberPushAlert({id: alert.id, token: alert.management_token});
    done(view, alert, how);
  }, {email: t("alerts.form.email"), channels: t("alerts.form.how")});
  append(view, h("a", {class: "back-link", href: "/alerts"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t(`alerts.new.${kind}`)), h("p", {class: "body"}, t(`alerts.lead.${kind}`)), form);
}

// An area alert's planning applications: some types only, and only while comments are open (issue 59).
const PLANNING_TYPES = ["householder", "full", "outline", "listed_building", "trees", "advertisement", "other"];
function planningChoices() {
  return [choices({field: "planning_types", legend: t("alerts.form.planning_types"), multiple: true, optional: true,
    hint: t("alerts.form.planning_types_hint"),
    options: PLANNING_TYPES.map(x => ({value: x, label: t(`alerts.planning_type.${x}`)}))}),
  choices({field: "planning_open", legend: t("alerts.form.planning_when"), multiple: true, optional: true,
    options: [{value: "yes", label: t("alerts.form.planning_open_only")}]})];
}
