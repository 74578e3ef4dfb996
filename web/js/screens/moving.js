// Moving home, told once: in, out or within the area; the date; the new home
// from the address list; everyone on the bill; sold or rented and who to
// contact; where post should follow when leaving. The Idempotency-Key is made
// when pressed and kept until the API answers, so pressing again after no
// answer is the same move, never a second. Then to the move's own page.
import {api} from "../api.js";
import {placeName} from "../council.js";
import {append, h} from "../dom.js";
import {countStart, youSaidWeDid} from "../feedback.js";
import {button, choices, dateInput, dateValue, errorsOf, input, onSubmit, privacyLink, select, showErrors, textarea} from "../forms.js";
import {t} from "../i18n.js";
import {newKey} from "../chat-log.js";
import {myProperty} from "../my-property.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {searchAddresses} from "../where.js";

const checked = (form, field) => form.querySelector(`input[name="${field}"]:checked`)?.value || "";

// A home ("to": the new one; "from": the old one, where neither this phone nor the account knows it): a postcode
// or street finds the addresses; one is chosen from the list.
function homeFinder(view, which, area) {
  const list = h("div", {id: `${which}-list`});
  const find = button(t("moving.find"), {type: "button", secondary: true, id: `${which}-find`, onclick: async event => {
    list.replaceChildren();
    try {
      const found = await searchAddresses(event.target.form.elements[`${which}_search`].value);
      list.replaceChildren(select({field: `${which}_uprn`, label: t(`moving.${which}_choose`),
        options: [{value: "", label: t("where.addresses_found", {count: found.length})},
          ...found.map(a => ({value: a.uprn, label: a.address}))]}));
    } catch (error) {
      showErrors(view, [{field: `${which}_search`, message: errorsOf(error)[0].message}]);
    }
  }});
  return h("div", {id: `${which}-home`}, input({field: `${which}_search`, label: t(`moving.${which}_search`),
    hint: t(`moving.${which}_hint`, {area}), autocomplete: "postal-code"}), find, list);
}

export async function render(view) {
  if (!signedIn()) return navigate("/sign-in?next=/moving", {replace: true});
  countStart("moving");
  // The home left: the one remembered on this phone or the account's (the API falls back to the saved one).
  const home = await myProperty().catch(() => null);
  const area = placeName();
  const form = h("form", {novalidate: true, id: "move-form"},
    choices({field: "move", legend: t("moving.kind"), options: ["within", "in", "out"].map(m =>
      ({value: m, label: t(`moving.kind_${m}`, {area})}))}),
    dateInput({field: "date", legend: t("moving.date"), hint: t("moving.date_hint")}),
    home ? null : homeFinder(view, "from", area),
    homeFinder(view, "to", area),
    textarea({field: "people", label: t("moving.people"), hint: t("moving.people_hint"), rows: 3}),
    choices({field: "tenure", legend: t("moving.tenure"), hint: t("moving.tenure_hint", {area}),
      options: ["sold", "rented"].map(v => ({value: v, label: t(`moving.tenure_${v}`)}))}),
    select({field: "contact_role", label: t("moving.contact_role"), options: [{value: "", label: t("moving.none")},
      ...["buyer", "solicitor", "landlord", "agent"].map(r => ({value: r, label: t(`moving.role_${r}`)}))]}),
    input({field: "contact_name", label: t("moving.contact_name"), optional: true, autocomplete: "off"}),
    input({field: "contact_phone", label: t("moving.contact_phone"), optional: true, type: "tel"}),
    input({field: "forwarding", label: t("moving.forwarding"), hint: t("moving.forwarding_hint", {area}), optional: true,
      autocomplete: "street-address"}),
    privacyLink("moving"), button(t("moving.send"), {id: "move-send"}));
  let key = null;
  onSubmit(form, view, async () => {
    const get = name => form.elements[name]?.value?.trim() || "";
    const body = {move: checked(form, "move") || null, date: dateValue(form, "date") || null,
      people: get("people").split("\n").map(p => p.trim()).filter(Boolean)};
    if (get("to_uprn")) body.to_uprn = get("to_uprn");
    const from = home ? home.uprn : get("from_uprn");
    if (from && body.move !== "in") body.from_uprn = from;
    if (checked(form, "tenure")) body.tenure = checked(form, "tenure");
    if (get("contact_role") && get("contact_name")) {
      body.contact = {role: get("contact_role"), name: get("contact_name"),
        ...(get("contact_phone") ? {phone: get("contact_phone")} : {})};
    }
    if (get("forwarding")) body.forwarding = get("forwarding");
    key = key || newKey();
    let made;
    try {
      made = await api("/v1/me/moves", {method: "POST", body, headers: {"Idempotency-Key": key}});
    } catch (error) {
      if (error && error.status && error.status < 500) key = null;  // answered: a fixed form is a new move
      if (error && error.fields) error.fields = error.fields.map(f => ({...f, field: {to_uprn: "to_search",
        from_uprn: home ? "move" : "from_search", contact: "contact_name"}[f.field] || f.field}));
      throw error;
    }
    return navigate(`/moving/${encodeURIComponent(made.id)}`);
  }, {move: t("moving.kind"), date: t("moving.date"), people: t("moving.people"), to_search: t("moving.to_search"),
    from_search: t("moving.from_search"),
    tenure: t("moving.tenure"), contact_name: t("moving.contact_name"), forwarding: t("moving.forwarding")});
  append(view, h("h1", {class: "heading-l"}, t("moving.title")), h("p", {class: "body"}, t("moving.lead")),
    home ? h("p", {class: "body", id: "move-from"}, t("moving.from", {address: home.address})) : null, form,
    youSaidWeDid("moving"));
}
