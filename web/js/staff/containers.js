// Bins and boxes at the desk: a request taken for a caller (their property by
// postcode, the container and why, paid by card on the provider's page or
// waived with a reason), a depot's stock restocked or written off (If-Match on
// what the officer was shown; each change kept with who and why), and the
// requests by status and depot.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, choices, errorsOf, input, Invalid, onSubmit, select} from "../forms.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {pounds} from "../screens/bulky.js";
import {addressFinder} from "./bulky-take.js";
import {redraw} from "../navigation.js";
import {summaryRow} from "./common.js";
import {reasonFor, reasonForm, remember, why} from "./reasons.js";

const STATUSES = ["confirmed", "held", "delivered", "not_delivered", "cancelled", "released"];
const LABELS = () => ({container: t("staff.containers.container"), reason: t("staff.containers.reason"),
  payment: t("staff.bulky.payment"), waive_reason: t("staff.bulky.reason"), caller_email: t("staff.bulky.email"),
  add: t("staff.containers.add"), stock_reason: t("staff.containers.stock_reason")});

async function takeForm(view, uprn, address) {
  const offer = await api(`/v1/places/${encodeURIComponent(uprn)}/containers`);
  const form = h("form", {novalidate: true, id: "containers-take"},
    h("h3", {class: "heading-s", id: "containers-address"}, address),
    choices({field: "container", legend: t("staff.containers.container"), options: offer.containers.map(c => ({
      value: c.id, label: c.name, hint: c.open_request ? t("containers.open", {reference: c.open_request})
        : c.in_stock ? pounds(c.prices.missing ?? 0) : t("containers.none_left")}))}),
    choices({field: "reason", legend: t("staff.containers.reason"), options: offer.reasons.map(r => ({value: r.id,
      label: r.name, hint: r.charged ? null : t("containers.free")}))}),
    input({field: "caller_email", label: t("staff.bulky.email"), hint: t("staff.containers.email_hint"), type: "email",
      optional: true, spellcheck: "false", autocomplete: "off"}),
    choices({field: "payment", legend: t("staff.bulky.payment"), value: "card", options: [
      {value: "card", label: t("staff.bulky.card"), hint: t("staff.bulky.card_hint")},
      {value: "waived", label: t("staff.bulky.waived"), hint: t("staff.containers.waived_hint")}]}),
    input({field: "waive_reason", label: t("staff.bulky.reason"), hint: t("staff.bulky.reason_hint"), optional: true,
      maxlength: "200", autocomplete: "off"}),
    button(t("staff.containers.submit")));
  const key = crypto.randomUUID();  // the same request sent again (no answer came) makes one request
  onSubmit(form, view, async () => {
    const [container, reason, payment] = ["container", "reason", "payment"].map(f => form.elements[f].value);
    const waive = form.elements.waive_reason.value.trim();
    const problems = [];
    if (!container) problems.push({field: "container", message: t("staff.containers.container_required")});
    if (!reason) problems.push({field: "reason", message: t("staff.containers.reason_required")});
    if (payment === "waived" && !waive) problems.push({field: "waive_reason", message: t("staff.bulky.reason_required")});
    if (problems.length) throw new Invalid(problems);
    const body = {uprn, container, reason, payment, ...(payment === "waived" ? {waive_reason: waive} : {})};
    if (form.elements.caller_email.value.trim()) body.caller_email = form.elements.caller_email.value.trim();
    const made = await api("/v1/staff/waste/containers/requests", {method: "POST", headers: {"Idempotency-Key": key},
      body});
    remember(made.id, t("staff.reason.taken_for_caller"));  // the request page it comes back to reads it for that
    if (payment === "card") return location.assign(made.payment.next_url);  // key the caller's card in
    form.replaceWith(h("div", {class: "panel", id: "taken"}, h("h3", {class: "panel__title"},
      t("staff.containers.done_title")), h("div", {class: "panel__body"}, t("containers.reference"), h("br"),
      h("strong", {id: "reference"}, made.id), h("br"), t("containers.delivery", {day: formatDay(made.delivery_date)}))));
    return null;
  }, LABELS());
  return [form];
}

// The count's last change, whatever made it (set up, an order, its end, an officer's), so a count is never
// shown beside "no changes"; an officer's change with its reason from the audit.
function lastChange(c) {
  const moved = c.moved;
  const at = moved ? formatDate(moved.at, true) : "";
  if (!moved) return t("staff.containers.not_recorded");
  if (moved.what === "staff" && c.audit.length) {
    const a = c.audit[0];
    return t("staff.containers.last_change", {add: a.add > 0 ? `+${a.add}` : String(a.add), by: a.by,
      at: formatDate(a.at, true), reason: a.reason});
  }
  if (moved.what === "ordered" || moved.what === "released" || moved.what === "cancelled") {
    return [t(`staff.containers.moved_${moved.what}`, {at}), " ",
      h("a", {href: `/staff/containers/${moved.request}`}, moved.request)];
  }
  return t("staff.containers.moved_counted", {count: String(moved.add), at});
}

function stockTable(stock) {
  const name = stock.depot_names?.[stock.depot] || stock.depot;
  return h("div", {class: "table-wrap"}, h("h3", {class: "heading-s", id: "stock-depot"},
    t("staff.containers.stock_title", {depot: name})), h("table", {class: "table", id: "stock"},
    h("caption", {class: "visually-hidden"}, t("staff.containers.stock_title", {depot: name})),
    h("thead", {}, h("tr", {}, ["container", "count", "last"].map(k => h("th", {scope: "col",
      class: k === "count" ? "table__num" : null}, t(`staff.containers.col_${k}`))))),
    h("tbody", {}, stock.containers.map(c => h("tr", {id: `stock-${c.container}`},
      h("th", {scope: "row"}, c.name), h("td", {class: "table__num"}, String(c.count)),
      h("td", {}, lastChange(c)))))));
}

async function stockSection(view, part, depot) {
  const stock = await api(`/v1/staff/waste/containers/stock/${encodeURIComponent(depot)}`);
  const form = h("form", {novalidate: true, id: "stock-change"},
    select({field: "container", label: t("staff.containers.container"), options: stock.containers.map(c => ({
      value: c.container, label: c.name}))}),
    input({field: "add", label: t("staff.containers.add"), hint: t("staff.containers.add_hint"), type: "number",
      inputmode: "numeric", class: "input input--width-5", autocomplete: "off"}),
    input({field: "stock_reason", label: t("staff.containers.stock_reason"), maxlength: "200", autocomplete: "off"}),
    button(t("staff.containers.change"), {secondary: true}));
  onSubmit(form, view, async () => {
    const chosen = stock.containers.find(c => c.container === form.elements.container.value);
    const add = Number(form.elements.add.value);
    const reason = form.elements.stock_reason.value.trim();
    const problems = [];
    if (!Number.isInteger(add) || add === 0) problems.push({field: "add", message: t("staff.containers.add_required")});
    if (!reason) problems.push({field: "stock_reason", message: t("staff.containers.stock_reason_required")});
    if (problems.length) throw new Invalid(problems);
    try {
      await api(`/v1/staff/waste/containers/stock/${encodeURIComponent(depot)}/${encodeURIComponent(chosen.container)}`,
        {method: "POST", headers: {"If-Match": `"${chosen.version}"`}, body: {add, reason}});
    } catch (error) {
      if (error.code !== "edit_conflict") throw error;
      await stockSection(view, part, depot);  // counted by someone else meanwhile: shown as it is now
      throw new Invalid([{field: null, message: t("staff.containers.changed_meanwhile")}]);
    }
    await stockSection(view, part, depot);
    part.querySelector("#stock-saved").textContent = t("staff.containers.saved", {name: chosen.name});
    return null;
  }, LABELS());
  part.replaceChildren(stockTable(stock), form, h("p", {class: "body", role: "status", id: "stock-saved"}));
}

async function requestsSection(view, part, status, depot) {
  const query = new URLSearchParams({status, ...(depot ? {depot} : {})});
  const found = await api(`/v1/staff/waste/containers/requests?${query}`);
  const depots = found.depots;
  const filter = h("form", {novalidate: true, id: "requests-filter"},
    select({field: "status", label: t("staff.containers.status"), value: status, options: STATUSES.map(s => ({value: s,
      label: t(`staff.containers.status_${s}`)}))}),
    select({field: "depot", label: t("staff.containers.depot"), value: depot, options: [
      {value: "", label: t("staff.containers.every_depot")},
      ...depots.map(d => ({value: d, label: found.depot_names?.[d] || d}))]}),
    button(t("staff.containers.show"), {secondary: true}));
  onSubmit(filter, view, () => requestsSection(view, part, filter.elements.status.value,
    filter.elements.depot.value));
  const list = found.requests.length ? h("div", {class: "table-wrap"}, h("table", {class: "table", id: "requests"},
    h("caption", {class: "visually-hidden"}, t("staff.containers.requests_title")),
    h("thead", {}, h("tr", {}, ["reference", "container", "address", "day", "job"].map(k => h("th", {scope: "col"},
      t(`staff.containers.col_${k}`))))),
    h("tbody", {}, found.requests.map(r => h("tr", {}, h("th", {scope: "row"}, h("a", {href: `/staff/containers/${r.id}`},
      r.id)), h("td", {}, r.name), h("td", {}, r.address), h("td", {}, r.delivery_date ? formatDay(r.delivery_date) : ""),
      h("td", {}, r.job_id ? h("a", {href: `/staff/containers/${r.id}#job`}, t("staff.containers.job_link",
        {id: r.job_id})) : t("staff.containers.no_job"))))))) :
    h("p", {class: "body", id: "requests"}, t("staff.containers.none"));
  part.replaceChildren(filter, list);
  return depots;
}

// One request on the desk (where a caller's card payment comes back to): what was asked, how it stands,
// and its delivery job as the crew have it; read once the officer says why (the API audits the reading).
async function requestPage(view, id) {
  const reason = reasonFor(id);
  const read = given => api(`/v1/waste/containers/requests/${encodeURIComponent(id)}`, {headers: why(given)});
  if (reason !== null) return append(view, ...request(await read(reason)));
  return append(view, back(), h("h1", {class: "heading-l"}, t("staff.containers.request_title", {id})),
    reasonForm({id, formId: "request-reason", lead: t("staff.containers.why_lead"),
      label: t("staff.containers.open_request"),
      open: async given => redraw(view, view.querySelector(".desk-menu"), ...request(await read(given)))}));
}

const back = () => h("p", {class: "body"}, h("a", {class: "back-link", href: "/staff/containers"},
  t("staff.containers.back")));

function request(r) {
  const job = r.job;
  return [back(), h("h1", {class: "heading-l"}, t("staff.containers.request_title", {id: r.id})),
    h("dl", {class: "summary-list", id: "request"}, summaryRow(t("staff.containers.status"),
      t(`staff.containers.status_${r.status}`)), summaryRow(t("staff.containers.container"), r.name),
    summaryRow(t("staff.containers.col_address"), r.address), summaryRow(t("bulky.amount"), r.amount_text),
    r.payment ? summaryRow(t("staff.containers.payment"), t(`staff.containers.payment_${r.payment.status}`,
      {status: r.payment.status})) : null,
    r.delivery_date ? summaryRow(t("staff.containers.col_day"), formatDay(r.delivery_date)) : null),
    h("h2", {class: "heading-m", id: "job"}, t("staff.containers.job_title")),
    job ? h("dl", {class: "summary-list", id: "delivery-job"}, summaryRow(t("staff.containers.job_id"), job.id),
      summaryRow(t("staff.containers.job_team"), job.team), summaryRow(t("staff.containers.job_status"), job.status),
      summaryRow(t("staff.containers.job_due"), job.due ? formatDay(job.due) : "")) :
      h("p", {class: "body", id: "delivery-job"}, t("staff.containers.no_job_yet"))];
}

export async function render(view, {path} = {}) {
  const id = (path || "").match(/^\/staff\/containers\/(CR-[0-9A-Z]{6})$/)?.[1];
  if (id) return requestPage(view, id);
  const taken = h("div", {id: "containers-result"});
  const stockPart = h("div", {id: "stock-part"});
  const requestsPart = h("div", {id: "requests-part"});
  append(view, h("h1", {class: "heading-l"}, t("staff.containers.title")),
    h("h2", {class: "heading-m"}, t("staff.containers.take_title")),
    addressFinder(view, taken, (uprn, address) => takeForm(view, uprn, address), "containers"), taken,
    h("h2", {class: "heading-m"}, t("staff.containers.stock_heading")), stockPart,
    h("h2", {class: "heading-m"}, t("staff.containers.requests_title")), requestsPart);
  try {
    const depots = await requestsSection(view, requestsPart, "confirmed", "");
    await stockSection(view, stockPart, depots[0]);
  } catch (error) {
    stockPart.replaceChildren(h("p", {class: "body"}, errorsOf(error)[0].message));
  }
}
