// Reporting a repair to the council home one rents, one question a page, in
// Housing Repairs Online's order (/repairs/new?step=...): the home (from the
// rent accounts the council tax link found), the emergencies first (each goes
// to the phone: what to do now and the number, never taken online), where in
// the home, what, which issue, a description and photos, getting in, and a
// number to text. Answers in sessionStorage, photos in memory, as a street
// report's; sent through the outbox with one Idempotency-Key, so a retry is
// the same repair. Then a time is chosen (screens/repairs.js).
import {api, myProfile} from "../api.js";
import {append, h} from "../dom.js";
import {countStart} from "../feedback.js";
import {button, check, choices, clearErrors, errorsOf, input, onSubmit, privacyLink, showErrors, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {add, discard, send} from "../outbox.js";
import {photoPicker} from "../report/photo-picker.js";
import {signedIn} from "../session.js";

const KEY = "doorstep.repair";
const STEPS = ["home", "emergency", "location", "problem", "issue", "details", "access", "contact"];
const ACCESS = ["pets", "times", "needs", "notes"];
const PHOTOS = 3;
let photos = [];
let asked = null;

const draft = () => JSON.parse(sessionStorage.getItem(KEY) || "{}");
const update = changes => sessionStorage.setItem(KEY, JSON.stringify({...draft(), ...changes}));
const stepHref = step => `/repairs/new?step=${step}`;

/** The questions the API asks (the emergencies and the tree), once a visit. */
export async function questions() {
  if (!asked) asked = await api("/v1/repairs/questions");
  return asked;
}

/** The location, problem and issue of the tree for a draft's or a repair's answers. */
export function answersIn(tree, a) {
  const location = tree.locations.find(l => l.id === a.location);
  const problem = location?.problems.find(p => p.id === a.problem);
  return {location, problem, issue: problem?.issues.find(i => i.id === a.issue)};
}

function answered(step, d) {
  return {home: d.home, emergency: d.triaged, location: d.location, problem: d.problem, issue: d.issue,
          details: d.description, access: d.access}[step];
}

function back(step, d) {
  let before = STEPS[STEPS.indexOf(step) - 1];
  if (before === "home" && d.only) before = null;  // one home: never asked
  return h("a", {class: "back-link", href: before ? stepHref(before) : "/repairs"}, t("nav.back"));
}

function page(view, step, d, ...content) {
  append(view, back(step, d), d.address ? h("span", {class: "caption"}, d.address) : null, ...content);
}

/** A one-question page of radios, its legend the page's heading; `chosen(value)` saves and moves on. */
function ask(view, step, d, options, chosen, extra = null) {
  const form = h("form", {novalidate: true, id: `repair-${step}`}, choices({field: step, legend: t(`repairs.${step}.title`),
    hint: t(`repairs.${step}.hint`), options, value: d[step], headingLegend: true}), extra, button(t("repairs.continue")));
  onSubmit(form, view, async () => {
    const picked = form.querySelector(`input[name=${step}]:checked`)?.value;
    check([step, t(`repairs.${step}.required`), picked]);
    await chosen(picked);
  });
  page(view, step, d, form);
}

const next = step => navigate(stepHref(STEPS[STEPS.indexOf(step) + 1]));

async function home(view, d) {
  let homes;
  try {
    ({homes} = await api("/v1/me/homes"));
  } catch (error) {  // the back office cannot say now: said so, with the way back
    return append(view, back("home", d), h("h1", {class: "heading-l"}, t("repairs.report.title")),
      h("p", {class: "body", id: "no-home"}, errorsOf(error)[0].message));
  }
  if (!homes.length) {
    return append(view, h("a", {class: "back-link", href: "/repairs"}, t("nav.back")),
      h("h1", {class: "heading-l"}, t("repairs.report.title")),
      h("p", {class: "body", id: "no-home"}, t("repairs.no_home")),
      h("p", {class: "body"}, h("a", {href: "/account/council-tax"}, t("repairs.link_account"))));
  }
  if (homes.length === 1) {
    update({home: homes[0].id, address: homes[0].address, block: Boolean(homes[0].block), only: true});
    return navigate(stepHref("emergency"), {replace: true});
  }
  ask(view, "home", d, homes.map(o => ({value: o.id, label: o.address})), id => {
    const chosen = homes.find(o => o.id === id);
    update({home: id, address: chosen.address, block: Boolean(chosen.block), only: false});
    return next("home");
  });
}

function emergency(view, d, tree, params) {
  const found = tree.emergencies.find(e => e.id === params.get("is"));
  if (found) {
    const dial = `tel:${found.phone.replace(/\s/g, "")}`;
    // Drawn as the step after the emergencies, so its back link leads to them again.
    return page(view, "location", d, h("h1", {class: "heading-l"}, t("repairs.emergency.call_title")),
      h("div", {class: "warning-text", id: "emergency-now"}, h("span", {class: "warning-text__icon", "aria-hidden": "true"}, "!"),
        h("strong", {class: "warning-text__text"}, found.label, ". ", found.do_now)),
      h("p", {class: "body"}, h("a", {class: "button", href: dial, id: "emergency-call"},
        t("repairs.emergency.call", {phone: found.phone}))),
      found.page ? h("p", {class: "body"}, h("a", {href: found.page}, t("repairs.emergency.page"))) : null,
      h("p", {class: "body"}, t("repairs.emergency.not_online")));
  }
  ask(view, "emergency", d, [...tree.emergencies.map(e => ({value: e.id, label: e.label})),
    {value: "none", label: t("repairs.emergency.none")}], id => {
    if (id !== "none") return navigate(`${stepHref("emergency")}&is=${encodeURIComponent(id)}`);
    update({triaged: true});
    return next("emergency");
  });
}

function tree(view, step, d, nodes) {
  ask(view, step, d, nodes.map(n => ({value: n.id, label: n.label})), id => {
    // A new answer clears the answers that hung from the old one.
    const later = {location: {problem: null, issue: null}, problem: {issue: null}}[step] || {};
    update(d[step] === id ? {} : {[step]: id, ...later});
    return next(step);
  });
}

function details(view, d) {
  const picker = photoPicker({max: PHOTOS, get: () => photos, set: list => { photos = list; }});
  const form = h("form", {novalidate: true, id: "repair-details"},
    textarea({field: "description", label: t("repairs.details.title"), hint: t("repairs.details.hint"),
      value: d.description || "", maxlength: "500"}), picker.element, button(t("repairs.continue")));
  const label = form.querySelector("label");  // the question is the page's heading (GOV.UK)
  label.classList.add("label--l");
  const wrapper = h("h1", {class: "label-wrapper"});
  label.replaceWith(wrapper);
  wrapper.append(label);
  onSubmit(form, view, async () => {
    const description = form.elements.description.value.trim();
    check(["description", t("repairs.details.required"), description]);
    update({description});
    return next("details");
  });
  page(view, "details", d, form);
}

function access(view, d) {
  const kept = d.access || {};
  const form = h("form", {novalidate: true, id: "repair-access"}, h("h1", {class: "heading-l"}, t("repairs.access.title")),
    h("p", {class: "body"}, t("repairs.access.hint")),
    ACCESS.map(name => input({field: `access.${name}`, label: t(`repairs.access.${name}`), optional: true,
      value: kept[name] || "", maxlength: "300"})), button(t("repairs.continue")));
  onSubmit(form, view, async () => {
    update({access: Object.fromEntries(ACCESS.map(n => [n, form.elements[`access.${n}`].value.trim()]).filter(([, v]) => v))});
    return next("access");
  });
  page(view, "access", d, form);
}

async function contact(view, d, tree) {
  const me = await myProfile();
  const {location, problem, issue} = answersIn(tree, d);
  const row = (key, value, step) => h("div", {class: "summary-list__row"},
    h("dt", {class: "summary-list__key"}, t(`repairs.check.${key}`)),
    h("dd", {class: "summary-list__value"}, value || t("report.check.not_given")),
    h("dd", {class: "summary-list__actions"}, h("a", {href: stepHref(step)}, t("report.check.change"),
      h("span", {class: "visually-hidden"}, ` ${t(`repairs.check.${key}`).toLowerCase()}`))));
  const form = h("form", {novalidate: true, id: "repair-contact"}, h("h1", {class: "heading-l"}, t("repairs.contact.title")),
    input({field: "contact.phone", label: t("repairs.contact.phone"), hint: t("repairs.contact.phone_hint"), type: "tel",
      autocomplete: "tel", value: d.phone || me?.phone || "", class: "input input--width-20"}),
    input({field: "contact.name", label: t("repairs.contact.name"), autocomplete: "name", optional: true,
      value: d.name ?? me?.name ?? ""}),
    h("h2", {class: "heading-m"}, t("repairs.check.title")),
    h("dl", {class: "summary-list", id: "repair-answers"}, row("where", location?.label, "location"),
      row("what", `${problem?.label}: ${issue?.label}`, "issue"), row("description", d.description, "details"),
      row("photos", photos.length ? String(photos.length) : null, "details"),
      row("access", Object.values(d.access || {}).join("; "), "access")),
    privacyLink("repairs"), button(t("repairs.send")));
  form.addEventListener("submit", async event => {
    event.preventDefault();
    clearErrors(view);
    const phone = form.elements["contact.phone"].value.trim();
    const name = form.elements["contact.name"].value.trim();
    update({phone, name});
    if (!phone) return showErrors(view, [{field: "contact.phone", message: t("repairs.contact.required"), whole: true}]);
    form.querySelector("button[type=submit]").disabled = true;
    const body = {home: d.home, location: d.location, problem: d.problem, issue: d.issue, description: d.description,
      access: d.access || {}, contact: name ? {phone, name} : {phone}};
    const entry = await add({kind: "repair", body, photos: photos.map(p => ({blob: p.blob}))});
    const result = await send(entry.key);
    if (result.state === "rejected") {
      await discard(entry.key);
      form.querySelector("button[type=submit]").disabled = false;
      return showErrors(view, errorsOf(result.error), {"contact.phone": t("repairs.contact.phone")});
    }
    sessionStorage.removeItem(KEY);
    photos = [];
    const id = result.repair?.id || sessionStorage.getItem(`${KEY}.${entry.key}`);
    if (id) return navigate(`/repairs/${id}/time?new=1`);
    redraw(view, h("div", {class: "panel panel--waiting", id: "repair-saved"},
      h("h1", {class: "panel__title"}, t("repairs.saved.title")), h("div", {class: "panel__body"}, t("repairs.saved.body"))),
    h("p", {class: "body"}, h("a", {href: "/repairs"}, t("repairs.yours"))));
  });
  page(view, "contact", d, form);
}

/** The outbox's sender for a repair (outbox.js): the same key and photos on every try. */
export const sender = {
  async send(entry) {
    const repair = await api("/v1/repairs", {method: "POST", body: {...entry.body, photos: entry.uploads},
      headers: {"Idempotency-Key": entry.key}});
    sessionStorage.setItem(`${KEY}.${entry.key}`, repair.id);  // sent by a flush: the screen still finds it
    return {repair};
  },
};

export async function render(view, {params}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent("/repairs/new")}`, {replace: true});
  const d = draft();
  const step = STEPS.includes(params.get("step")) ? params.get("step") : "home";
  // A step whose earlier answers are missing (a reload after sending, a link kept) starts at the first missing.
  const missing = STEPS.slice(0, STEPS.indexOf(step)).find(s => !answered(s, d));
  if (missing) return navigate(stepHref(missing), {replace: true});
  if (step === "home") {
    countStart("repairs");  // the first question; the later steps are the same visit
    return home(view, d);
  }
  const asked = await questions();
  const {location, problem} = answersIn(asked, d);
  if (step === "emergency") return emergency(view, d, asked, params);
  // A block's shared parts only for a home in a block (a house has none to report).
  if (step === "location") return tree(view, step, d, asked.locations.filter(l => !l.communal || d.block));
  if (step === "problem") return tree(view, step, d, location?.problems || []);
  if (step === "issue") return tree(view, step, d, problem?.issues || []);
  if (step === "details") return details(view, d);
  if (step === "access") return access(view, d);
  return contact(view, d, asked);
}
