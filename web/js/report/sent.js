// The confirmation: the reference and how to follow the report; or, with
// no signal, that it is saved on the phone and will go when it can.
import {append, h} from "../dom.js";
import {t} from "../i18n.js";
import {waiting} from "../outbox.js";
import {deviceReports} from "../store.js";

export async function render(view, {params}) {
  const id = params.get("id");
  if (id) {
    const known = deviceReports().find(r => r.id === id) || {};
    const track = `/?report=${encodeURIComponent(id)}${known.token ? `&token=${encodeURIComponent(known.token)}` : ""}`;
    append(view, 
      h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("report.sent.title")),
        h("div", {class: "panel__body"}, t("report.sent.reference"), h("br"), h("strong", {id: "reference"}, id))),
      h("h2", {class: "heading-m"}, t("report.sent.next_title")),
      h("p", {class: "body"}, t("report.sent.next")),
      h("p", {class: "body"}, t("report.sent.track_link")),
      h("p", {class: "body"}, h("a", {href: track, id: "tracking-link"}, new URL(track, location.href).href)),
      h("ul", {class: "list"},
        h("li", {}, h("a", {href: `/alerts/new?kind=report&report=${encodeURIComponent(id)}`}, t("report.sent.alerts"))),
        h("li", {}, h("a", {href: "/report/category"}, t("report.sent.another")))));
    return;
  }
  const key = params.get("queued");
  const entry = (await waiting()).find(e => e.key === key);
  append(view, 
    h("div", {class: "panel panel--waiting"}, h("h1", {class: "panel__title"}, t("report.queued.title")),
      h("div", {class: "panel__body"}, t("report.queued.body"))),
    h("p", {class: "body"}, entry ? t("report.queued.detail", {category: entry.serviceName})
      : t("report.queued.already_sent")),
    h("p", {class: "body"}, h("a", {href: "/track"}, t("report.queued.track"))));
}
