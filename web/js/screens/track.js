// Track a report: by its reference, or from the list of reports sent from
// this phone, including those still waiting in the outbox.
import {append, clear, h} from "../dom.js";
import {button, input, Invalid, onSubmit} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {discard, flush, waiting} from "../outbox.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {deviceReports} from "../store.js";

const REFERENCE = /^(?:DS-?)?([0-9A-Z]{6})$/;

function waitingList(entries) {
  if (!entries.length) return null;
  return [h("h3", {class: "heading-s"}, t("track.waiting_title")),
    h("ul", {class: "cards", id: "waiting-list", tabindex: "-1"}, entries.map(e => h("li", {class: "card"},
      h("h3", {class: "heading-s card__title"}, e.serviceName),
      h("p", {class: "card__meta"}, t("track.waiting_since", {date: formatDate(e.created_at, true)})),
      e.state === "rejected"
        ? [h("p", {class: "error-message"}, t("track.rejected", {message: e.error?.message || ""})),
           button(t("track.discard"), {type: "button", secondary: true,
             onclick: () => discard(e.key)})]
        : h("p", {class: "body"}, h("strong", {class: "tag tag--yellow"}, t("track.waiting_tag"))),
    ))),
    navigator.onLine ? button(t("track.send_now"), {type: "button", secondary: true,
      onclick: () => flush()}) : null];
}

export async function render(view) {
  const form = h("form", {novalidate: true},
    input({field: "reference", label: t("track.reference"), hint: t("track.reference_hint"),
      class: "input input--width-10", autocomplete: "off", spellcheck: "false", autocapitalize: "characters"}),
    button(t("track.find")));
  onSubmit(form, view, () => {
    const match = form.elements.reference.value.replace(/\s+/g, "").toUpperCase().match(REFERENCE);
    if (!match) throw new Invalid([{field: "reference", message: t("track.reference_invalid")}]);
    return navigate(`/?report=DS-${match[1]}`);
  });
  const lists = h("div");
  const refresh = async () => {
    const entries = await waiting();
    const mine = deviceReports();
    // Every report on this phone once, in the state it is in: waiting, or sent with its reference.
    append(clear(lists), h("h2", {class: "heading-m"}, t("track.device_title")),
      waitingList(entries),
      mine.length ? [entries.length ? h("h3", {class: "heading-s"}, t("track.sent_title")) : null,
        h("ul", {class: "list list--spaced", id: "device-reports"}, mine.map(r => h("li", {},
          h("a", {href: `/?report=${encodeURIComponent(r.id)}${r.token ? `&token=${encodeURIComponent(r.token)}` : ""}`},
            `${r.id}: ${r.service_name || ""}`),
          r.created_at ? h("span", {class: "hint"}, ` ${formatDate(r.created_at)}`) : null)))] : null,
      !mine.length && !entries.length ? h("p", {class: "body"}, t("track.device_none")) : null);
  };
  // A waiting report may be sent while the resident looks at this page.
  const onChange = () => (lists.isConnected ? refresh() : window.removeEventListener("doorstep:outbox", onChange));
  window.addEventListener("doorstep:outbox", onChange);
  await refresh();
  append(view, h("h1", {class: "heading-l"}, t("track.title")), form, lists,
    h("p", {class: "body"}, signedIn()
      ? h("a", {href: "/account/reports"}, t("track.my_reports"))
      : h("a", {href: "/sign-in?next=/account/reports"}, t("track.sign_in"))));
}
