// A body's officer, from the link in the e-mail a report was sent in
// (/body#<token>: the token stays in the fragment, out of server logs): the
// report, and "in progress", "fixed" or "not ours" (with why, and whose it
// is). No account: the link is the right, until it expires (30 days after the
// e-mail) or the council closes the report or takes it back: the server says
// which (error code), and the page heads its message accordingly.
// Opening it changes nothing.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, input, Invalid, onSubmit, textarea} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {redraw} from "../navigation.js";

const REFUSALS = {link_expired: "body_link.expired", report_closed: "body_link.closed",
  link_withdrawn: "body_link.withdrawn"};

function problem(view, error) {
  const heading = REFUSALS[error && error.code] || "body_link.failed";
  append(view, h("h1", {class: "heading-l"}, t(heading)), h("p", {class: "body"}, errorsOf(error)[0].message));
}

function done(answer) {
  return [h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("body_link.thanks"))),
    h("p", {class: "body"}, t("body_link.thanks_body", {status: answer.report.status.replace(/_/g, " ")}))];
}

export async function render(view) {
  const token = decodeURIComponent(location.hash.slice(1));
  const path = `/v1/body-links/${encodeURIComponent(token)}`;
  let opened;
  try {
    opened = await api(path, {auth: false});
  } catch (error) {
    return problem(view, error);
  }
  const report = opened.report;
  const form = h("form", {novalidate: true},
    choices({field: "choice", legend: t("body_link.choice"), options: Object.entries(opened.choices)
      .map(([value]) => ({value, label: t(`body_link.${value}`)}))}),
    textarea({field: "reason", label: t("body_link.reason"), hint: t("body_link.reason_hint"), optional: true,
      rows: 3, maxlength: 1000}),
    input({field: "responsible", label: t("body_link.responsible"), optional: true, maxlength: 300}),
    button(t("body_link.send")));
  onSubmit(form, view, async () => {
    const choice = form.elements.choice.value;
    if (!choice) throw new Invalid([{field: "choice", message: t("body_link.choice_missing")}]);
    const reason = form.elements.reason.value.trim();
    const responsible = form.elements.responsible.value.trim();
    const answer = await api(path, {method: "POST", auth: false,
      body: {choice, ...(reason ? {reason} : {}), ...(responsible ? {responsible} : {})}});
    redraw(view, ...done(answer));
  });  // the API words each error from its field: no label before it
  append(view, h("span", {class: "caption"}, `${report.id}: ${report.service_name}`),
    h("h1", {class: "heading-l"}, t("body_link.title", {body: opened.body})),
    h("p", {class: "body"}, opened.sent.summary),
    report.address ? h("p", {class: "body"}, report.address) : null,
    h("p", {class: "inset"}, report.description),
    h("p", {class: "hint"}, t("body_link.expires", {when: formatDate(opened.expires_at, true)})), form);
}
