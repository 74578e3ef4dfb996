// Forms the council's own system never took in three days of tries (the
// webhook's sweep gave up): which form, to which system, how often tried and
// how the last try failed; "Send again" tries at once and then for three days
// more. The case in the inbox holds the answers meanwhile.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";

export async function render(view) {
  const status = h("p", {class: "body", role: "status", id: "hand-ons-status"});
  const list = h("div", {id: "hand-ons"});
  append(view, h("h1", {class: "heading-l"}, t("staff.hand_ons.title")),
    h("p", {class: "body"}, t("staff.hand_ons.lead")), status, list);
  await draw(list, status);
}

async function draw(list, status) {
  clear(list);
  let found;
  try {
    found = (await api("/v1/staff/form-hand-ons")).hand_ons;
  } catch (error) {
    return append(list, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  if (!found.length) return append(list, h("p", {class: "body", id: "hand-ons-none"}, t("staff.hand_ons.none")));
  const cols = ["reference", "to", "sent", "tries", "error", "action"];
  append(list, h("div", {class: "table-wrap"}, h("table", {class: "table"},
    h("caption", {class: "visually-hidden"}, t("staff.hand_ons.title")),
    h("thead", {}, h("tr", {}, cols.map(k => h("th", {scope: "col"}, t(`staff.hand_ons.${k}`))))),
    h("tbody", {}, found.map(r => h("tr", {},
      h("th", {scope: "row"}, r.reference), h("td", {}, r.to), h("td", {}, formatDate(r.sent_at, true)),
      h("td", {class: "table__number"}, String(r.tries)), h("td", {}, r.error || ""),
      h("td", {}, button(t("staff.hand_ons.again"), {type: "button", secondary: true, onclick: async () => {
        try {
          const done = await api(`/v1/staff/form-hand-ons/${encodeURIComponent(r.reference)}/send-again`,
            {method: "POST", body: {}});
          status.textContent = t(`staff.hand_ons.${done.outcome === "sent" ? "done" : "queued"}`, {reference: r.reference});
        } catch (error) {
          status.textContent = errorsOf(error)[0].message;
        }
        await draw(list, status);
      }}))))))));
}
