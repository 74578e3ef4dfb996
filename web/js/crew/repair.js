// A housing repair's job on an operative's phone: the tenant to call (the API
// answers only while the team holds the repair), "On my way" (the tenant is
// texted once) and "No access" (a card left; the tenant is offered a new time
// by text and the job ends). "Done" is the job's ordinary update below.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {t} from "../i18n.js";

function contact(tenant) {
  if (!tenant.phone) return h("p", {class: "body"}, t("crew.repair.no_phone"));
  return h("p", {class: "body", id: "repair-tenant"}, tenant.name ? `${tenant.name}: ` : null,
    h("a", {href: `tel:${tenant.phone.replace(/\s+/g, "")}`}, tenant.phone));
}

export async function repairPanel(job, after) {
  if (job.collection?.kind !== "repair" || !job.open) return null;
  const box = h("section", {class: "inset", id: "repair-visit", "aria-labelledby": "repair-visit-title"});
  const said = h("p", {class: "body", role: "status", id: "repair-said"});
  const press = step => async event => {
    event.target.disabled = true;
    try {
      await api(`/v1/crew/jobs/${job.id}/${step}`, {method: "POST", body: {}});
      await after();  // the job as it is now (its status moved), saying what was done: an update is made to it
    } catch (error) {
      said.textContent = errorsOf(error)[0].message;
      event.target.disabled = false;
    }
  };
  let tenant = null;
  try {
    tenant = await api(`/v1/crew/jobs/${job.id}/tenant`);
  } catch (error) {
    append(box, h("p", {class: "body"}, errorsOf(error)[0].message));
    return box;
  }
  append(clear(box), h("h2", {class: "heading-m", id: "repair-visit-title"}, t("crew.repair.title")),
    h("h3", {class: "heading-s"}, t("crew.repair.tenant")), contact(tenant),
    h("div", {class: "button-group"},
      h("button", {class: "button", type: "button", id: "repair-on-my-way"}, t("crew.repair.on_my_way")),
      h("button", {class: "button button--secondary", type: "button", id: "repair-no-access"}, t("crew.repair.no_access"))),
    said);
  if (tenant.on_way_at) {
    said.textContent = t("crew.repair.told");
    box.querySelector("#repair-on-my-way").disabled = true;
  }
  box.querySelector("#repair-on-my-way").addEventListener("click", press("on-my-way"));
  box.querySelector("#repair-no-access").addEventListener("click", press("no-access"));
  return box;
}
