// Council news from a broadcast link (/?broadcast=ID): its public view.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";

export async function render(view, {params}) {
  let news;
  try {
    news = await api(`/v1/broadcasts/${encodeURIComponent(params.get("broadcast"))}`);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("broadcast.not_found")), h("p", {class: "body"}, errorsOf(error)[0].message),
      h("p", {class: "body"}, h("a", {href: "/alerts"}, t("broadcast.alerts"))));
    return;
  }
  append(view, h("span", {class: "caption"}, t(`alerts.topic.${news.topic}`)),
    h("h1", {class: "heading-l"}, news.title),
    h("p", {class: "hint"}, t("broadcast.sent", {date: formatDate(news.created_at, true)})),
    news.body.split(/\n{2,}/).map(p => h("p", {class: "body"}, p)),
    news.url ? h("p", {class: "body"}, h("a", {href: news.url, rel: "noopener"}, t("broadcast.more"))) : null,
    h("p", {class: "body"}, h("a", {href: "/alerts/new?kind=broadcast"}, t("broadcast.alerts"))));
}
