// "Me too": a resident with the same problem adds their support to a report,
// on its page and in "Is it one of these?". Signed in, it counts at once;
// otherwise (or when the account's e-mail is not proven) an e-mail address
// gets a link that counts it. The count is public; who is never shown.
// Also the screen the e-mail's link opens (/?support=TOKEN), which POSTs it;
// its other link (/?withdraw-support=TOKEN) is me-too-withdraw.js.
import {api, ApiError} from "../api.js";
import {append, h, uid} from "../dom.js";
import {button, check, group, Invalid, looksLikeEmail, onSubmit} from "../forms.js";
import {t, tCount} from "../i18n.js";
import {signedIn} from "../session.js";

export function countText(n) {
  return n ? tCount("metoo.count", n) : t("metoo.count_none");
}

/** The count and the "Me too" button (with its e-mail form when needed) for one report. */
export function meToo(report, {compact = false} = {}) {
  const id = report.id;
  const count = h("p", {class: compact ? "card__meta" : "body", id: uid("metoo-count")}, countText(report.supporters || 0));
  const said = h("p", {class: "body", role: "status"});
  const box = h("div", {class: "metoo"}, count, said);
  const press = button(t("metoo.button"), {type: "button", secondary: compact,
    "aria-label": compact && report.summary ? t("metoo.button_label", {summary: report.summary}) : null,
    "aria-describedby": count.id});
  const done = answer => {
    if (answer.supporters !== undefined) count.textContent = countText(answer.supporters);
    said.textContent = answer.status === "check_email" ? t("metoo.check_email") : t("metoo.counted");
  };
  const askEmail = () => {
    press.remove();
    const inputId = uid("metoo-email");
    const field = h("input", {class: "input", id: inputId, name: "email", type: "email", autocomplete: "email",
      spellcheck: false, "aria-describedby": `${inputId}-hint`});
    const form = h("form", {class: "metoo__form", novalidate: true},
      group("email", h("label", {class: "label", for: inputId}, t("metoo.email_label")),
        h("div", {class: "hint", id: `${inputId}-hint`}, t("metoo.email_hint")), field),
      button(t("metoo.send_link")));
    // GOV.UK's way, as every form: the summary at the top of the screen, the same words at this box.
    onSubmit(form, form, async () => {
      const email = field.value.trim();
      check(["email", t("metoo.email_missing"), email], ["email", t("metoo.email_invalid"), !email || looksLikeEmail(email)]);
      try {
        done(await api(`/v1/reports/${encodeURIComponent(id)}/supporters`, {method: "POST", auth: false, body: {email}}));
      } catch (error) {
        if (error instanceof ApiError && error.fields[0]?.field === "email") {
          throw new Invalid([{field: "email", message: t("metoo.email_invalid")}]);
        }
        throw error;
      }
      form.remove();
    });
    box.append(form);
    field.focus();
  };
  // Signed in and counted: the same place offers to take it back (DELETE, once however often pressed).
  const takeBack = button(t("metoo.withdraw"), {type: "button", secondary: true, "aria-describedby": count.id});
  takeBack.addEventListener("click", async () => {
    try {
      const answer = await api(`/v1/reports/${encodeURIComponent(id)}/supporters/me`, {method: "DELETE"});
      count.textContent = countText(answer.supporters);
      said.textContent = t("metoo.withdrawn");
      takeBack.replaceWith(press);
    } catch (error) {
      said.textContent = error instanceof ApiError ? error.message : t("error.offline");
    }
  });
  press.addEventListener("click", async () => {
    if (!signedIn()) return askEmail();
    try {
      done(await api(`/v1/reports/${encodeURIComponent(id)}/supporters`, {method: "POST", body: {}}));
      press.replaceWith(takeBack);
    } catch (error) {
      if (error instanceof ApiError && error.code === "email_required") return askEmail();  // e-mail not proven
      said.textContent = error instanceof ApiError ? error.message : t("error.offline");
    }
  });
  if (report.open !== false) box.append(press);
  return box;
}

/** /?support=TOKEN: the e-mail's link, confirmed by a POST (a mail scanner's visit counts no one). */
export async function render(view, {params}) {
  append(view, h("h1", {class: "heading-l"}, t("metoo.confirm_title")));
  try {
    const answer = await api("/v1/supporters/confirm", {method: "POST", auth: false,
      body: {token: params.get("support")}});
    append(view, h("p", {class: "body"}, t("metoo.confirmed")),
      h("p", {class: "body"}, countText(answer.supporters)),
      h("p", {class: "body"}, h("a", {href: `/?report=${encodeURIComponent(answer.report_id)}`},
        t("metoo.see_report", {id: answer.report_id}))));
  } catch (error) {
    append(view, h("p", {class: "body"}, error instanceof ApiError ? error.message : t("error.offline")));
  }
}
