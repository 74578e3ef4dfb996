// Claims paid to the landlord: /landlords/claims?q= (by the tenant's name,
// the address as printed or part of it, the postcode or the claim reference,
// 50 a page, the next asked with the API's cursor) and /landlords/claims/{ref} (its
// status, live or suspended and why, the weekly amount, the next payment,
// overpayments recovered and the date each can be disputed by), where a
// colleague who may report says what changed: the tenant left (the date and a
// forwarding address), is away, or new occupiers. A change's Idempotency-Key
// is made when pressed and kept until the API answers, so pressing again is
// the same change, never a second.
import {api, query} from "../api.js";
import {append, h} from "../dom.js";
import {countStart, feedbackQuestion} from "../feedback.js";
import {button, choices, dateInput, dateValue, input, onSubmit} from "../forms.js";
import {formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {newKey} from "../chat-log.js";
import {age, ask, back, pounds, row} from "./common.js";

const CHANGES = ["tenant_left", "tenant_away", "new_occupiers"];
const PAGE = 50;  // the API's page

function status(c) {
  return h("strong", {class: `tag ${c.status === "live" ? "tag--green" : "tag--red"}`}, t(`ll.claim.${c.status}`));
}

async function search(view, params) {
  const q = (params.get("q") || "").trim();
  const form = h("form", {novalidate: true, id: "landlord-search", role: "search"},
    input({field: "q", label: t("ll.claims.q"), hint: t("ll.claims.q_hint"), value: q, type: "search"}),
    button(t("ll.claims.find")));
  onSubmit(form, view, async () => {
    const asked = form.elements.q.value.trim();
    await api(`/v1/me/landlord/claims?${query({q: asked})}`);  // a search too short: said at the field
    await navigate(`/landlords/claims?${query({q: asked})}`);
  }, {q: t("ll.claims.q")});
  append(view, back(), h("h1", {class: "heading-l"}, t("ll.claims.title")), form);
  if (!q) return;
  const cursor = params.get("cursor") || "";
  const page = cursor ? Math.max(2, Number.parseInt(params.get("page") || "2", 10) || 2) : 1;
  const found = await ask(view, `/v1/me/landlord/claims?${query({q, cursor})}`);
  if (!found) return;
  const first = (page - 1) * PAGE + 1;
  const said = !found.claims.length ? t("ll.claims.none", {q})
    : page === 1 && !found.more ? tCount("ll.claims.found", found.claims.length, {q})
      : t("ll.claims.page", {first, last: first + found.claims.length - 1, q});
  const turn = (href, key, rel) => h("li", {}, h("a", {href, rel}, t(key)));
  append(view, age(found), h("p", {class: "body", id: "landlord-found"}, said),
    h("ul", {class: "cards", id: "landlord-claims"}, found.claims.map(c => h("li", {class: "card"},
      h("h2", {class: "heading-s card__title"}, h("a", {href: `/landlords/claims/${c.claim_ref}`}, c.tenant)),
      h("p", {class: "card__meta"}, status(c), " ", c.claim_ref),
      h("p", {class: "body"}, `${c.address}, ${c.postcode}`)))),
    page > 1 || found.next_cursor ? h("nav", {class: "pagination", "aria-label": t("ll.claims.pages")},
      h("ul", {class: "list list--inline"},
        page > 1 ? turn(`/landlords/claims?${query({q})}`, "ll.claims.first", "first") : null,
        found.next_cursor ? turn(`/landlords/claims?${query({q, cursor: found.next_cursor, page: page + 1})}`,
          "ll.claims.next", "next") : null)) : null);
}

function reportForm(view, c) {
  countStart("landlords");  // a landlord's change begun: the form under a claim
  const labels = {change: t("ll.change.what"), date: t("ll.change.date"), forwarding_address: t("ll.change.forwarding")};
  const form = h("form", {novalidate: true, id: "landlord-change"},
    choices({field: "change", legend: labels.change, options: CHANGES.map(k => ({value: k, label: t(`ll.change.${k}`)}))}),
    dateInput({field: "date", legend: labels.date}),
    input({field: "forwarding_address", label: labels.forwarding_address, hint: t("ll.change.forwarding_hint"),
      optional: true, autocomplete: "off"}),
    button(t("ll.change.press")));
  let key = null;
  onSubmit(form, view, async () => {
    key = key || newKey();
    const body = {change: form.querySelector("input[name=change]:checked")?.value || null, date: dateValue(form, "date")};
    if (form.elements.forwarding_address.value.trim()) body.forwarding_address = form.elements.forwarding_address.value.trim();
    let made;
    try {
      made = await api(`/v1/me/landlord/claims/${c.claim_ref}/changes`,
        {method: "POST", body, headers: {"Idempotency-Key": key}});
    } catch (error) {
      if (error && error.status && error.status < 500) key = null;  // answered: a fixed form is a new change
      throw error;
    }
    redraw(view, back(`/landlords/claims/${c.claim_ref}`, "ll.change.back"),
      h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("ll.change.made_title")),
        h("div", {class: "panel__body", id: "landlord-change-ref"}, made.id)),
      h("p", {class: "body"}, t("ll.change.made_body")),
      h("p", {class: "body"}, h("a", {href: "/landlords/changes"}, t("ll.change.follow"))),
      feedbackQuestion(made.feedback));  // reported: how did it go?
  }, labels);
  return [h("h2", {class: "heading-m"}, t("ll.change.title")), h("p", {class: "body"}, t("ll.change.lead")), form];
}

async function one(view, ref, landlord) {
  const c = await ask(view, `/v1/me/landlord/claims/${ref}`);
  if (!c) return;
  const next = c.next_payment_date
    ? t("ll.claim.next_is", {amount: pounds(c.next_payment_amount || 0), day: formatDay(c.next_payment_date, true)})
    : t("ll.claim.next_none");
  append(view, back("/landlords/claims", "ll.claims.back"), h("span", {class: "caption"}, c.claim_ref),
    h("h1", {class: "heading-l"}, c.tenant), age(c),
    h("dl", {class: "summary-list", id: "landlord-claim"}, row("ll.claim.address", `${c.address}, ${c.postcode}`),
      row("ll.claim.status", status(c), c.suspended_reason ? [" ", c.suspended_reason] : null),
      row("ll.claim.weekly", pounds(c.weekly)), row("ll.claim.next", next)),
    h("h2", {class: "heading-m"}, t("ll.claim.overpayments")),
    c.overpayments.length ? h("ul", {class: "list list--spaced", id: "landlord-overpayments"}, c.overpayments.map(o =>
      h("li", {}, t("ll.claim.recovered", {amount: pounds(o.amount), day: formatDay(o.recovered_on, true)}), h("br"),
        t("ll.claim.dispute_by", {day: formatDay(o.dispute_by, true)}))))
      : h("p", {class: "body", id: "landlord-overpayments"}, t("ll.claim.no_overpayments")),
    h("p", {class: "body"}, t("ll.claim.consent")),
    ["lead", "report"].includes(landlord.role) ? reportForm(view, c) : h("p", {class: "body"}, t("ll.change.view_only")));
}

export async function render(view, {path, params, landlord}) {
  const ref = path.match(/^\/landlords\/claims\/(HB[0-9]{5})$/)?.[1];
  return ref ? one(view, ref, landlord) : search(view, params);
}
