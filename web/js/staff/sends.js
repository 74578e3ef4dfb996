// Where a report went: each body with its send's state, tries and last
// error, "Send again", and "Send to another body" (one a body's "not ours"
// named, say). Each press is audited on the report.
import {api, ApiError} from "../api.js";
import {h} from "../dom.js";
import {formatDate, t} from "../i18n.js";

let bodiesList = null;
async function bodies() {
  bodiesList = bodiesList || api("/v1/staff/bodies").then(b => b.bodies.filter(x => !x.retired)).catch(() => []);
  return bodiesList;
}

// An Open311 body whose answers Doorstep cannot read says so beside its sends
// (asked once per body each time the section is drawn).
function bodyHealth(send, healthOf) {
  const note = h("p", {class: "body"});
  if (send.method !== "open311") return note;
  healthOf[send.body_id] = healthOf[send.body_id] ||
    api(`/v1/staff/bodies/${encodeURIComponent(send.body_id)}/health`).catch(() => null);
  healthOf[send.body_id].then(health => {
    const problem = health && health.status === "failing" && health.updates && health.updates.problem;
    if (problem) {
      note.textContent = t("staff.sends.body_failing", {body: send.body, reason: problem.reason,
        when: formatDate(problem.at, true)});
    }
  });
  return note;
}

function line(send, press, healthOf) {
  const facts = [send.summary,
    send.reference ? t("staff.sends.reference", {reference: send.reference}) : null,
    send.token && !send.reference ? t("staff.sends.token", {token: send.token}) : null,
    t("staff.sends.tries", {n: send.tries}),
    send.next_try_at ? t("staff.sends.next_try", {when: formatDate(send.next_try_at, true)}) : null,
    send.last_error ? t("staff.sends.last_error", {error: send.last_error}) : null].filter(Boolean);
  // Still on its way (retrying, awaiting the body's id): the press brings its next try forward.
  const again = ["failed", "refused", "sent", "withdrawn", "retrying", "awaiting_id"].includes(send.state)
    ? h("button", {type: "button", class: "button button--secondary", onclick: () => press(send.body_id)},
      t("staff.sends.again", {body: send.body}))
    : null;
  return h("li", {class: "inset"}, h("p", {class: "body"}, facts.join(" · ")), bodyHealth(send, healthOf), again);
}

/** The section for `report`; `reload()` draws the report again after a send. */
export function sendsSection(report, reload) {
  const healthOf = {};
  const status = h("p", {class: "body", role: "status"});
  const press = async bodyId => {
    try {
      await api(`/v1/staff/reports/${encodeURIComponent(report.id)}/sends`, {method: "POST", body: {body: bodyId}});
      await reload();
    } catch (error) {
      status.textContent = error instanceof ApiError ? error.message : t("staff.sends.failed");
    }
  };
  const choose = h("select", {class: "select", id: "send-to-body"});
  bodies().then(found => found.forEach(b => choose.append(h("option", {value: b.id}, b.name))));
  const label = h("label", {class: "label", for: "send-to-body"}, t("staff.sends.another"));
  return [
    h("h2", {class: "heading-m"}, t("staff.sends.title")),
    h("ul", {class: "list", id: "sends"}, (report.sends || []).map(s => line(s, press, healthOf))),
    h("div", {class: "form-group"}, label, choose, " ",
      h("button", {type: "button", class: "button button--secondary", onclick: () => press(choose.value)},
        t("staff.sends.send"))),
    status,
  ];
}
