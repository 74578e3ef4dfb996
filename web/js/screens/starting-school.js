// "My child is starting school", told once: the child, the date of birth, the home (the account's unless
// another is found) and the school year; then to the telling's page, where each service that applies
// shows its state. The Idempotency-Key is made when pressed and kept until the API answers, so pressing
// again after no answer is the same telling, never a second.
import {api} from "../api.js";
import {newKey} from "../chat-log.js";
import {append, h} from "../dom.js";
import {button, choices, dateInput, dateValue, errorsOf, input, onSubmit, privacyLink} from "../forms.js";
import {t} from "../i18n.js";
import {myProperty} from "../my-property.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {home, homeSent, roundName} from "./schools.js";

export async function render(view) {
  if (!signedIn()) return navigate("/sign-in?next=/starting-school", {replace: true});
  append(view, h("h1", {class: "heading-l"}, t("starting.title")), h("p", {class: "body"}, t("starting.lead")));
  let rounds, kept;
  try {
    [rounds, kept] = await Promise.all([api("/v1/school-rounds").then(a => a.rounds),
      myProperty().catch(() => null)]);
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const form = h("form", {novalidate: true, id: "starting-form"},
    input({field: "child_name", label: t("schools.child_name"), autocomplete: "off"}),
    dateInput({field: "born", legend: t("schools.born"), hint: t("schools.born_hint")}),
    home(view, kept?.address),
    choices({field: "round", legend: t("starting.round"), options: rounds.map(r => ({value: r.round,
      label: roundName(r.round)}))}),
    privacyLink("schools"), button(t("starting.send"), {id: "starting-send"}));
  let key = null;
  onSubmit(form, view, async () => {
    const get = name => form.elements[name]?.value?.trim() || "";
    const body = {round: form.querySelector("input[name=round]:checked")?.value || null,
      child: {name: get("child_name"), date_of_birth: dateValue(form, "born")}};
    if (homeSent(form, kept)) body.home_uprn = homeSent(form, kept);
    key = key || newKey();
    const told = await api("/v1/me/starting-school", {method: "POST", body, headers: {"Idempotency-Key": key}})
      .catch(error => {
        if (error.status && error.status < 500) key = null;
        error.fields = (error.fields || []).map(f => ({...f, field: {"child.name": "child_name",
          "child.date_of_birth": "born", home_uprn: "home_search"}[f.field] || f.field}));
        throw error;
      });
    navigate(`/starting-school/${encodeURIComponent(told.id)}`);
  }, {child_name: t("schools.child_name"), born: t("schools.born"), round: t("starting.round"),
    home_search: t("schools.home_search")});
  append(view, form);
}
