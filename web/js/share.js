// Copy and Share for a link a resident passes on (a report's tracking link,
// a petition's sponsors' link): the phone's share sheet where it has one.
import {h} from "./dom.js";
import {t} from "./i18n.js";

/** The buttons and what they did; `title` names the link in the share sheet, `failed` is said if copying fails. */
export function shareButtons(url, title, failed = t("report.sent.copy_failed")) {
  const said = h("p", {class: "hint", id: "share-status", "aria-live": "polite"});
  const copy = h("button", {class: "button button--secondary", type: "button", id: "copy-link", onclick: async () => {
    try {
      await navigator.clipboard.writeText(url);
      said.textContent = t("report.sent.copied");
    } catch {
      said.textContent = failed;
    }
  }}, t("report.sent.copy"));
  const share = typeof navigator.share === "function"
    ? h("button", {class: "button button--secondary", type: "button", id: "share-link", onclick: async () => {
      try {
        await navigator.share({title, url});
      } catch {
        // Closed without sharing: nothing to say.
      }
    }}, t("report.sent.share"))
    : null;
  return h("div", {class: "share"}, h("div", {class: "share__buttons"}, share, copy), said);
}
