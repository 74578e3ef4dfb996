// Council tax in My Account: link an account with the details on a bill, then
// see it: the balance, next instalment and the year's charges line by line first (5 calls to the council's system,
// or none from the copy the app warmed when it opened), and each section (instalments,
// payments, bills and letters, benefit claims, rent where the council is the landlord)
// asked for when it is opened; marked with its age, and the last copy when the
// council's system is away; and ask the council tax office for things (council-tax-requests.js).
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, check, errorsOf, input, onSubmit, privacyLink, showErrors} from "../forms.js";
import {formatClock, formatDay, t, tCount} from "../i18n.js";
import {navigate, redraw} from "../navigation.js";
import {savePdf} from "../save-pdf.js";
import {signedIn} from "../session.js";
import {pounds} from "./bulky.js";
import {chargeLines} from "./council-tax-charges.js";
import {requestsSection} from "./council-tax-requests.js";

const HERE = "/account/council-tax";
export const LINKED_MARK = "doorstep.ctax-linked";  // main.js warms the copy on start while it is set
const CHECKS = ["online_key", "postcode", "phone_last3", "dd_last3"];

function money(pence) {
  return pence < 0 ? t("ctax.in_credit", {amount: pounds(-pence)}) : pounds(pence);
}

function row(key, value) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, value));
}

function age(account) {
  const minutes = Math.floor(account.age_s / 60);
  // In the back office's nightly window: when it is back, and that requests wait for it, not "try again".
  // A copy from under a minute ago is "less than a minute" old, never "0 minutes".
  const time = account.back_at ? formatClock(account.back_at) : null;
  const said = key => (minutes ? tCount(key, minutes, {time}) : t(`${key}_now`, {time}));
  if (account.stale && account.back_at) return h("div", {class: "inset", role: "status", id: "ctax-stale"},
    h("p", {class: "body"}, said("ctax.stale_night")));
  if (account.stale) return h("div", {class: "inset", role: "status", id: "ctax-stale"},
    h("p", {class: "body"}, said("ctax.stale")));
  return h("p", {class: "hint", id: "ctax-age"}, minutes ? tCount("ctax.updated", minutes) : t("ctax.updated_now"));
}

async function openDocument(view, account, doc) {
  try {
    await savePdf(`/v1/me/council-tax/${encodeURIComponent(account.id)}/documents/${encodeURIComponent(doc.id)}`,
      `${doc.name} ${doc.id}.pdf`);
  } catch (error) {
    showErrors(view, errorsOf(error));
  }
}

function claims(account) {
  if (!account.benefit_claims.length) return [h("p", {class: "body"}, t("ctax.no_claims"))];
  return [h("ul", {class: "list list--spaced", id: "ctax-claims"}, account.benefit_claims.map(c => h("li", {},
      t("ctax.claim_row", {number: c.number, status: c.status, kind: c.kind}),
      c.weekly.council_tax ? [h("br"), t("ctax.weekly_reduction", {amount: pounds(c.weekly.council_tax)})] : null,
      c.weekly.rent ? [h("br"), t("ctax.weekly_rent", {amount: pounds(c.weekly.rent)})] : null,
      c.next_payment_date ? [h("br"), t("ctax.next_benefit", {amount: pounds(c.next_payment_amount),
        day: formatDay(c.next_payment_date)})] : null))),
    h("p", {class: "body"}, tCount("ctax.benefit_payments", account.benefit_payments.length))];
}

const RENT_ROWS = 8;  // the latest; the count says how many in all

// Rent where the back office holds a tenancy of the resident's: balance, weekly rent, latest money in.
function rents(account) {
  const held = account.rent_accounts || [];  // a copy kept before rent was read has none
  if (!held.length) return [h("p", {class: "body"}, t("ctax.rent.no_tenancy"))];
  return [...held.map(r => h("section", {class: "rent",
    id: `rent-${r.reference}`},
    h("h3", {class: "heading-s"}, t("ctax.rent.account", {reference: r.reference})),
    h("dl", {class: "summary-list"},
      row(t("ctax.address"), r.address),
      row(t("ctax.balance"), r.balance < 0 ? money(r.balance) : t("ctax.rent.owed", {amount: pounds(r.balance)})),
      row(t("ctax.rent.weekly"), pounds(r.weekly_charge))),
    h("h4", {class: "heading-s"}, t("ctax.rent.latest_title")),
    r.payments.length ? h("ul", {class: "list"}, r.payments.slice(-RENT_ROWS).reverse().map(p =>
      h("li", {}, t("ctax.rent.row", {day: formatDay(p.date), amount: pounds(p.amount), kind: p.kind})))) :
      h("p", {class: "body"}, t("ctax.rent.none")),
    r.payments.length ? h("p", {class: "hint"}, tCount("ctax.rent.count", r.payments.length)) : null))];
}

// Each section as the back office's copy holds it, asked for when it is first opened.
const SECTIONS = {
  plan: ["ctax.plan_title", account => [account.instalments.length ? h("ul", {class: "list", id: "ctax-plan"},
    account.instalments.map(i => h("li", {}, t("ctax.plan_row", {day: formatDay(i.due), amount: pounds(i.amount)}))))
    : h("p", {class: "body"}, t("ctax.no_plan"))]],
  payments: ["ctax.payments_title", account => [account.payments.length ? h("ul", {class: "list", id: "ctax-payments"},
    account.payments.map(p => h("li", {}, t("ctax.payment_row", {day: formatDay(p.date), amount: pounds(p.amount)}))))
    : h("p", {class: "body"}, t("ctax.no_payments"))]],
  documents: ["ctax.documents_title", (account, view) => [h("ul", {class: "list list--spaced", id: "ctax-documents"},
    account.documents.map(d => h("li", {}, button(t("ctax.document_row", {name: d.name, day: formatDay(d.created)}),
      {type: "button", secondary: true, onclick: () => openDocument(view, account, d)}))))]],
  benefits: ["ctax.claims_title", account => claims(account)],
  rent: ["ctax.rent.title", account => rents(account)],
};

function section(view, account, name) {
  const [title, draw] = SECTIONS[name];
  const body = h("div", {class: "details__text", "aria-live": "polite"});
  const details = h("details", {class: "details", id: `ctax-section-${name}`},
    h("summary", {class: "details__summary"}, h("h2", {class: "details__heading"}, t(title))), body);
  let asked = false;
  details.addEventListener("toggle", async () => {
    if (!details.open || asked) return;
    asked = true;
    body.replaceChildren(h("p", {class: "hint"}, t("ctax.section_loading")));
    try {
      const part = await api(`/v1/me/council-tax/${encodeURIComponent(account.id)}?sections=${name}`);
      body.replaceChildren(...draw(part, view));
      details.dataset.loaded = "true";
    } catch (error) {
      asked = false;
      body.replaceChildren(h("p", {class: "body", role: "alert"}, errorsOf(error)[0].message));
    }
  });
  return details;
}

async function showAccount(view, account) {
  const requests = await requestsSection(view, account);
  const s = account.summary;
  const band = account.property && account.property.band;
  const next = account.next_instalment;
  append(view, h("h1", {class: "heading-l"}, t("ctax.account_title", {reference: account.reference})), age(account),
    h("dl", {class: "summary-list", id: "ctax-summary"},
      row(t("ctax.address"), account.property ? account.property.address : ""),
      row(t("ctax.band"), band || t("ctax.no_band")),
      row(t("ctax.balance"), money(s.balance)),
      s.arrears ? row(t("ctax.arrears"), pounds(s.arrears)) : null,
      row(t("ctax.next"), next ? t("ctax.next_row", {amount: pounds(next.amount), day: formatDay(next.due)})
        : t("ctax.none_due")),
      row(t("ctax.paid_this_year"), pounds(s.year_paid)),
      s.discounts.length ? row(t("ctax.discounts"), s.discounts.join(", ")) : null),
    account.charges && account.charges.length ? h("h2", {class: "heading-m"}, t("ctax.charges_title")) : null,
    chargeLines(account.charges, "ctax-charges"),
    h("p", {class: "body"}, h("a", {class: "button", id: "ctax-pay",
      href: `/pay?fund=council-tax&reference=${encodeURIComponent(account.reference)}`}, t("ctax.pay"))),
    ...Object.keys(SECTIONS).map(name => section(view, account, name)),
    ...requests,
    h("h2", {class: "heading-m"}, t("ctax.unlink_title")),
    button(t("ctax.unlink"), {type: "button", warning: true, id: "ctax-unlink", onclick: async () => {
      await api(`/v1/me/council-tax/${encodeURIComponent(account.id)}`, {method: "DELETE"});
      navigate(HERE, {replace: true});
    }}));
}

function linkForm(view) {
  const form = h("form", {novalidate: true, id: "ctax-link"},
    input({field: "reference", label: t("ctax.reference"), hint: t("ctax.reference_hint"), inputmode: "numeric",
      autocomplete: "off"}),
    input({field: "name", label: t("ctax.name"), hint: t("ctax.name_hint"), autocomplete: "name"}),
    // The four checks are one question ("at least two of these"): one group, so its error links to the first.
    h("div", {class: "form-group", dataset: {field: "checks"}}, h("fieldset", {class: "fieldset"},
      h("legend", {class: "legend"}, t("ctax.checks_lead")),
      ...CHECKS.map(field => input({field, label: t(`ctax.${field}`), optional: true, autocomplete: "off"})))),
    privacyLink("council_tax"), button(t("ctax.link")));
  onSubmit(form, view, async () => {
    const body = {reference: form.elements.reference.value.trim(), name: form.elements.name.value.trim()};
    for (const field of CHECKS) if (form.elements[field].value.trim()) body[field] = form.elements[field].value.trim();
    check(["reference", t("ctax.reference_required"), body.reference],
      ["reference", t("ctax.reference_wrong"), !body.reference || /^5\d{8}$/.test(body.reference.replace(/\s/g, ""))],
      ["name", t("ctax.name_required"), body.name],
      ["checks", t("ctax.checks_required"), CHECKS.filter(field => body[field]).length >= 2]);
    const made = await api("/v1/me/council-tax", {method: "POST", body});
    localStorage.setItem(LINKED_MARK, "1");
    navigate(`${HERE}?id=${encodeURIComponent(made.id)}`);
  }, Object.fromEntries(["reference", "name", ...CHECKS].map(f => [f, t(`ctax.${f}`)])));
  return form;
}

export async function render(view, {params}) {
  if (!signedIn()) return navigate(`/sign-in?next=${HERE}`, {replace: true});
  const id = params.get("id");
  try {
    if (id) return showAccount(view, await api(`/v1/me/council-tax/${encodeURIComponent(id)}?sections=none`));
    const {links} = await api("/v1/me/council-tax");
    if (links.length) localStorage.setItem(LINKED_MARK, "1");
    else localStorage.removeItem(LINKED_MARK);
    append(view, h("h1", {class: "heading-l"}, t("ctax.title")),
      links.length ? h("ul", {class: "list list--spaced", id: "ctax-links"}, links.map(k => h("li", {},
        h("a", {href: `${HERE}?id=${encodeURIComponent(k.id)}`}, t("ctax.link_row", {reference: k.reference})))))
        : h("p", {class: "body"}, t("ctax.none_linked")),
      h("h2", {class: "heading-m"}, t("ctax.link_title")), h("p", {class: "body"}, t("ctax.link_lead")), linkForm(view));
  } catch (error) {
    redraw(view, h("h1", {class: "heading-l"}, t("ctax.title")),
      h("p", {class: "body", role: "alert"}, errorsOf(error)[0].message));
  }
}
