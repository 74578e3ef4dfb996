// Council tax at the desk: whether the council's revenues system answers now,
// an account looked up for a caller with a reason (audited before the system
// is asked) with what answers the caller (council-tax-account.js), who has
// linked it and the account's audit, people by name, each link revoked with its
// own reason (links and audit drawn again from the revocation's answer). The reference travels in a POST body, never in this page's
// address, so it reaches no history or access log.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf, input, onSubmit, textarea} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {money} from "./payments.js";
import {summaryRow} from "./common.js";
import {sections} from "./council-tax-account.js";

async function drawHealth(box) {
  clear(box);
  let health;
  try {
    health = await api("/v1/staff/council-tax/health");
  } catch (error) {
    // Our own API's answer (a session ended, no signal), not the back office's health: said as it is.
    append(box, h("p", {class: "body", id: "ctax-health", role: "status"}, errorsOf(error)[0].message),
      button(t("staff.ctax.health_again"), {type: "button", secondary: true, onclick: () => drawHealth(box)}));
    return;
  }
  const said = !health.configured ? t("staff.ctax.health_none")
    : health.reachable ? t("staff.ctax.health_up", {seconds: health.seconds})
      : t("staff.ctax.health_down", {failure: t(`staff.ctax.failure_${health.failure}`), seconds: health.seconds});
  append(box, h("p", {class: "body", id: "ctax-health", role: "status"},
    h("strong", {class: `tag ${health.reachable ? "tag--green" : "tag--red"}`},
      t(health.reachable ? "staff.ctax.up" : "staff.ctax.down")), " ", said),
  button(t("staff.ctax.health_again"), {type: "button", secondary: true, onclick: () => drawHealth(box)}));
}

function account(found) {
  const s = found.summary;
  const next = found.next_instalment;
  return [h("h2", {class: "heading-m"}, t("staff.ctax.account", {reference: found.reference})),
    h("dl", {class: "summary-list", id: "ctax-found"},
      summaryRow(t("staff.ctax.liable"), found.liable.join(", ")),
      summaryRow(t("staff.ctax.property"), found.property ? found.property.address : ""),
      summaryRow(t("staff.ctax.band"), (found.property && found.property.band) || t("staff.ctax.no_band")),
      summaryRow(t("staff.ctax.balance"), money(s.balance)),
      summaryRow(t("staff.ctax.arrears"), money(s.arrears)),
      summaryRow(t("staff.ctax.next"), next ? t("staff.ctax.next_row", {amount: money(next.amount),
        day: formatDay(next.due)}) : t("staff.none")),
      summaryRow(t("staff.ctax.method"), s.payment_method),
      ...(found.rent_accounts || []).map(r => summaryRow(t("staff.ctax.rent", {reference: r.reference}),
        t("staff.ctax.rent_row", {balance: money(r.balance), weekly: money(r.weekly_charge)}))))];
}

function links(found, notice, redraw) {
  if (!found.links.length) return [h("h2", {class: "heading-m"}, t("staff.ctax.links")),
    h("p", {class: "body", id: "ctax-links"}, t("staff.ctax.no_links"))];
  return [h("h2", {class: "heading-m"}, t("staff.ctax.links")),
    h("ul", {class: "list list--spaced", id: "ctax-links"}, found.links.map(link => {
      const form = h("form", {novalidate: true, class: "inset", dataset: {link: link.id}},
        h("p", {class: "body"}, t("staff.ctax.link_row", {user: link.user_name, person: link.person_ref,
          when: formatDate(link.linked_at, true)})),
        textarea({field: `reason-${link.id}`, label: t("staff.ctax.revoke_reason"), rows: 2, maxlength: "300"}),
        button(t("staff.ctax.revoke"), {warning: true}));
      onSubmit(form, form, async () => {
        const now = await api("/v1/staff/council-tax/revocations", {method: "POST", body: {reference: found.reference,
          link_id: link.id, reason: form.elements[`reason-${link.id}`].value}}).catch(error => {
          // The API names the field `reason`: point its message at this link's box.
          if (error.fields) error.fields = error.fields.map(f => ({...f, field: f.field === "reason"
            ? `reason-${link.id}` : f.field}));
          throw error;
        });
        redraw({...found, links: now.links, audit: now.audit});
        notice.textContent = t("staff.ctax.revoked", {user: link.user_name});
      }, {[`reason-${link.id}`]: t("staff.ctax.revoke_reason")});
      return h("li", {}, form);
    }))];
}

function audit(found) {
  return [h("h2", {class: "heading-m"}, t("staff.ctax.audit")),
    h("div", {class: "table-wrap"}, h("table", {class: "table", id: "ctax-audit"},
      h("caption", {class: "visually-hidden"}, t("staff.ctax.audit_caption", {reference: found.reference})),
      h("thead", {}, h("tr", {}, ["when", "action", "by", "reason"].map(k =>
        h("th", {scope: "col"}, t(`staff.ctax.col_${k}`))))),
      h("tbody", {}, found.audit.map(a => h("tr", {},
        h("td", {}, formatDate(a.at, true)), h("td", {}, t(`staff.ctax.action_${a.action}`)),
        h("td", {}, a.by_name), h("td", {}, a.reason || ""))))))];
}

export async function render(view) {
  const health = h("div", {id: "ctax-health-box"});
  const result = h("div", {id: "ctax-lookup"});
  const notice = h("p", {class: "body", role: "status", id: "ctax-notice"});
  const form = h("form", {novalidate: true, id: "ctax-lookup-form"},
    input({field: "reference", label: t("staff.ctax.reference"), hint: t("staff.ctax.reference_hint"),
      inputmode: "numeric", autocomplete: "off", class: "input input--width-10"}),
    textarea({field: "reason", label: t("staff.ctax.reason"), hint: t("staff.ctax.reason_hint"), rows: 2,
      maxlength: "300"}),
    button(t("staff.ctax.look_up")));
  onSubmit(form, view, async () => {
    clear(result);
    notice.textContent = "";
    const reason = form.elements.reason.value;
    const found = await api("/v1/staff/council-tax/lookups", {method: "POST",
      body: {reference: form.elements.reference.value, reason}});
    const people = h("div", {id: "ctax-people"});
    const redraw = now => people.replaceChildren(...links(now, notice, redraw), ...audit(now));
    append(result, ...account(found), ...sections(view, found, reason, notice), people);
    redraw(found);
  }, {reference: t("staff.ctax.reference"), reason: t("staff.ctax.reason")});
  append(view, h("h1", {class: "heading-l"}, t("staff.ctax.title")),
    h("h2", {class: "heading-m"}, t("staff.ctax.health")), health,
    h("p", {class: "body"}, h("a", {href: "/staff/council-tax/failed"}, t("staff.ctax.failed_link"))),
    h("p", {class: "body"}, h("a", {href: "/staff/council-tax/moves"}, t("staff.moves.link"))),
    h("h2", {class: "heading-m"}, t("staff.ctax.lookup")), form, notice, result);
  await drawHealth(health);
}
