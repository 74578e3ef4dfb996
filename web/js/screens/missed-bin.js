// Report a missed bin for my property: only the containers whose collection
// can be reported now (from the day after it until 2 working days after);
// a second report of the same collection joins the first.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, Invalid, onSubmit, privacyLink, textarea} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {signedIn} from "../session.js";

export async function render(view, {params}) {
  const uprn = params.get("uprn") || "";
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(`/missed-bin?uprn=${uprn}`)}`, {replace: true});
  append(view, h("h1", {class: "heading-l"}, t("missed.title")));
  let offered;
  try {
    offered = await api(`/v1/places/${encodeURIComponent(uprn)}/missed-bins`);
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  if (!offered.containers.length) {
    append(view, h("p", {class: "body", id: "nothing-to-report"}, t("missed.none")));
    return;
  }
  // A container ordered for the property is its own choice from the first collection after its delivery.
  const options = offered.containers.flatMap(c => {
    const hint = t("missed.collection", {date: formatDay(c.collection_date), until: formatDay(c.report_until)});
    return [{value: c.stream, label: c.label, hint}, ...(c.ordered || []).map(o => ({value: `${c.stream}|${o.container}`,
      label: t("missed.ordered", {name: o.name, date: formatDay(o.delivered_on)}), hint}))];
  });
  const form = h("form", {novalidate: true},
    choices({field: "stream", legend: t("missed.which"), options}),
    textarea({field: "notes", label: t("missed.notes"), optional: true, rows: 3, maxlength: "500"}),
    privacyLink("missed_bin"), button(t("missed.send")));
  onSubmit(form, view, async () => {
    const [stream, container] = form.elements.stream.value.split("|");
    if (!stream) throw new Invalid([{field: "stream", message: t("missed.which_required")}]);
    const answer = await api(`/v1/places/${encodeURIComponent(uprn)}/missed-bins`, {method: "POST",
      body: {stream, ...(container ? {container} : {}), notes: form.elements.notes.value.trim()}});
    redraw(view, h("h1", {class: "heading-l"}, t(answer.merged ? "missed.merged" : "missed.sent")),
      h("p", {class: "body", id: "missed-reference"}, t("missed.reference", {id: answer.report_id})),
      h("p", {class: "body"}, h("a", {href: `/?report=${encodeURIComponent(answer.report_id)}`}, t("missed.track"))));
  }, {stream: t("missed.which"), notes: t("missed.notes")});
  append(view, form);
}
