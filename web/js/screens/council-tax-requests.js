// A resident's requests about their linked council tax account: paperless
// billing, a move, the single person discount, the instalment day. Each form
// makes its Idempotency-Key when pressed and keeps it until the API answers,
// so pressing again after no answer is the same request, never a second one.
import {api} from "../api.js";
import {h} from "../dom.js";
import {button, choices, dateInput, dateValue, input, onSubmit} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {newKey} from "../chat-log.js";
import {readAgain} from "../read-again.js";

function checked(form, field) {
  return form.querySelector(`input[name="${field}"]:checked`)?.value || "";
}

const BOOL = {true: true, false: false};

function summary(r) {
  const d = r.details || {};
  if (r.kind === "paperless") return t(d.paperless ? "ctax.req.paperless_on" : "ctax.req.paperless_off");
  if (r.kind === "move") return t(`ctax.req.move_${d.move}`, {day: formatDay(d.date)});
  if (r.kind === "single_person_discount") return t(`ctax.req.spd_${d.action}`, {day: formatDay(d.date)});
  return t("ctax.req.day_row", {day: d.day});
}

function state(r) {
  if (r.state === "taken") return t("ctax.req.taken", {reference: r.back_office_reference});
  if (r.state === "refused") return t("ctax.req.refused");
  if (r.state === "failed") return t("ctax.req.failed");
  return t("ctax.req.waiting");
}

function list(requests) {
  if (!requests.length) return h("p", {class: "body", id: "ctax-requests"}, t("ctax.req.none"));
  return h("ul", {class: "list list--spaced", id: "ctax-requests"}, requests.map(r =>
    h("li", {dataset: {id: r.id}}, h("strong", {}, r.id), ": ", summary(r), h("br"), state(r))));
}

// One form per kind; its fields are named `${prefix}${api name}` so two forms'
// dates never share an id, and the API's field errors are renamed to match.
function form(view, account, {id, prefix, title, lead, fields, press, body, refresh}) {
  const made = h("div", {role: "status", id: `${id}-made`});
  const el = h("form", {novalidate: true, id}, ...fields, button(press), made);
  const get = name => el.elements[prefix + name]?.value?.trim() || "";
  let key = null;
  onSubmit(el, view, async () => {
    key = key || newKey();
    let request;
    try {
      request = await api(`/v1/me/council-tax/${encodeURIComponent(account.id)}/requests`,
        {method: "POST", body: body(el, get, name => dateValue(el, prefix + name)), headers: {"Idempotency-Key": key}});
    } catch (error) {
      if (error && error.fields) error.fields = error.fields.map(f => ({...f, field: f.field && prefix + f.field}));
      if (error && error.status && error.status < 500) key = null;  // answered: a fixed form is a new request
      throw error;
    }
    key = null;
    made.replaceChildren(h("div", {class: "panel-confirm"},
      h("p", {class: "body"}, t("ctax.req.made", {reference: request.id}))));
    await refresh();
  });
  return [h("h3", {class: "heading-s"}, title), lead ? h("p", {class: "body"}, lead) : null, el];
}

export async function requestsSection(view, account) {
  const url = `/v1/me/council-tax/${encodeURIComponent(account.id)}/requests`;
  // A request is sent by its own event, first tried by the request that made it: while one waits for the
  // council's system, the list is read again, so "taken" and its reference appear with no reload.
  const read = async () => {
    const {requests} = await api(url);
    return {requests, under_way: requests.some(r => r.state === "queued")};
  };
  const holder = h("div", {});
  const show = fresh => {
    holder.replaceChildren(list(fresh.requests));
    again(fresh);
  };
  const again = readAgain(holder, read, show);
  show(await read());
  const refresh = async () => {
    again.afresh();
    show(await read());
  };
  const common = {refresh};
  return [h("h2", {class: "heading-m"}, t("ctax.req.title")), h("p", {class: "body"}, t("ctax.req.lead")),
    ...form(view, account, {...common, id: "ctax-paperless", prefix: "pl_", title: t("ctax.req.paperless_title"),
      lead: t("ctax.req.paperless_lead"), press: t("ctax.req.paperless_press"),
      fields: [choices({field: "pl_paperless", legend: t("ctax.req.paperless_legend"), options: [
        {value: "true", label: t("ctax.req.paperless_yes")}, {value: "false", label: t("ctax.req.paperless_no")}]})],
      body: f => ({kind: "paperless", paperless: BOOL[checked(f, "pl_paperless")] ?? null})}),
    ...form(view, account, {...common, id: "ctax-move", prefix: "mv_", title: t("ctax.req.move_title"),
      press: t("ctax.req.move_press"),
      fields: [choices({field: "mv_move", legend: t("ctax.req.move_legend"), options: ["out", "in", "within"].map(m =>
        ({value: m, label: t(`ctax.req.move_choice_${m}`)}))}),
        dateInput({field: "mv_date", legend: t("ctax.req.move_date")}),
        input({field: "mv_address", label: t("ctax.req.address"), hint: t("ctax.req.address_hint"), optional: true,
          autocomplete: "street-address"}),
        input({field: "mv_postcode", label: t("ctax.req.postcode"), optional: true, autocomplete: "postal-code"})],
      body: (f, get, day) => {
        const b = {kind: "move", move: checked(f, "mv_move") || null, date: day("date")};
        for (const name of ["address", "postcode"]) if (get(name)) b[name] = get(name);
        return b;
      }}),
    ...form(view, account, {...common, id: "ctax-spd", prefix: "sp_", title: t("ctax.req.spd_title"),
      press: t("ctax.req.spd_press"),
      fields: [choices({field: "sp_action", legend: t("ctax.req.spd_legend"), options: [
        {value: "apply", label: t("ctax.req.spd_choice_apply")}, {value: "end", label: t("ctax.req.spd_choice_end")}]}),
        dateInput({field: "sp_date", legend: t("ctax.req.spd_date")})],
      body: (f, get, day) => ({kind: "single_person_discount", action: checked(f, "sp_action") || null,
        date: day("date")})}),
    ...form(view, account, {...common, id: "ctax-day", prefix: "dy_", title: t("ctax.req.day_title"),
      press: t("ctax.req.day_press"),
      fields: [input({field: "dy_day", label: t("ctax.req.day_label"), hint: t("ctax.req.day_hint"),
        inputmode: "numeric"})],
      body: (f, get) => ({kind: "instalment_day", day: /^\d{1,2}$/.test(get("day")) ? Number(get("day")) : null})}),
    h("h3", {class: "heading-s"}, t("ctax.req.list_title")), holder];
}
