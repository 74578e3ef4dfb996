// My reports: everything reported while signed in, newest first.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {statusTag} from "./report-page.js";

export async function render(view) {
  if (!signedIn()) return navigate("/sign-in?next=/account/reports", {replace: true});
  append(view, h("a", {class: "back-link", href: "/account"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t("account.my_reports")));
  let reports;
  try {
    reports = (await api("/v1/me/reports")).reports;
  } catch (error) {
    append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
    return;
  }
  if (!reports.length) {
    append(view, h("p", {class: "body"}, t("account.no_reports")), h("p", {class: "body"},
      h("a", {href: "/report/category"}, t("home.report"))));
    return;
  }
  append(view, h("ul", {class: "cards", id: "my-reports"}, reports.map(r => h("li", {class: "card"},
    h("h2", {class: "heading-s card__title"}, h("a", {href: `/?report=${encodeURIComponent(r.id)}`},
      `${r.service_name}: ${r.summary}`)),
    h("p", {class: "card__meta"}, `${r.id} · ${formatDate(r.created_at)}`),
    statusTag(r.status)))));
}
