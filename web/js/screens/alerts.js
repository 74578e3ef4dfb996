// Alerts: what this resident (or this phone) follows, with a way to stop
// each, and the kinds of alert to set up.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {forgetPushAlert, pushAlerts} from "../store.js";

export function describeAlert(a) {
  const channels = a.channels.map(c => t(`alerts.channel.${c}`)).join(", ");
  const what = {
    report: () => t("alerts.describe.report", {id: a.report_id}),
    planning: () => t("alerts.describe.planning", {reference: a.reference}),
    area: () => t(a.include_updates ? "alerts.describe.area_updates" : "alerts.describe.area", {radius: a.radius_m}),
    ward: () => t("alerts.describe.ward", {ward: a.ward_name || a.ward}),
    category: () => t("alerts.describe.category", {category: a.service_code}),
    broadcast: () => t("alerts.describe.broadcast", {topics: (a.topics || []).map(x => t(`alerts.topic.${x}`)).join(", ")}),
  }[a.kind]() + (a.petitions ? ` ${t("alerts.describe.petitions")}` : "");
  return {what, channels};
}

async function listed() {
  const found = [];
  if (signedIn()) {
    try {
      found.push(...(await api("/v1/alerts")).alerts.map(a => ({alert: a})));
    } catch {
      // shown as none; the list is a convenience
    }
  }
  for (const saved of pushAlerts()) {
    try {
      const [a] = (await api(`/v1/alerts?token=${encodeURIComponent(saved.token)}`, {auth: false})).alerts;
      if (!found.some(f => f.alert.id === a.id)) found.push({alert: a, token: saved.token});
    } catch (error) {
      if (error.status === 403) forgetPushAlert(saved.id);  // stopped elsewhere
    }
  }
  return found;
}

export async function render(view) {
  const found = await listed();
  append(view, h("h1", {class: "heading-l"}, t("alerts.title")), h("p", {class: "body"}, t("alerts.lead")),
    h("h2", {class: "heading-m"}, t("alerts.new_title")),
    h("ul", {class: "list list--spaced"},
      ["area", "ward", "broadcast"].map(kind => h("li", {}, h("a", {href: `/alerts/new?kind=${kind}`},
        t(`alerts.new.${kind}`)))),
      h("li", {}, t("alerts.new.report_hint"))),
    h("h2", {class: "heading-m"}, t("alerts.yours")),
    found.length ? h("ul", {class: "cards", id: "my-alerts"}, found.map(({alert, token}) => {
      const {what, channels} = describeAlert(alert);
      return h("li", {class: "card"}, h("h3", {class: "heading-s card__title"}, what),
        h("p", {class: "card__meta"}, t("alerts.meta", {channels, date: formatDate(alert.created_at)})),
        alert.pending.length ? h("p", {class: "body"}, h("strong", {class: "tag tag--yellow"}, t("alerts.pending"))) : null,
        button([t("alerts.stop"), h("span", {class: "visually-hidden"}, ` ${what}`)], {type: "button", secondary: true,
          onclick: async () => {
            await api(`/v1/alerts/${encodeURIComponent(alert.id)}${token ? `?token=${encodeURIComponent(token)}` : ""}`,
              {method: "DELETE", auth: !token});
            if (token) forgetPushAlert(alert.id);
            navigate("/alerts", {replace: true});
          }}));
    })) : h("p", {class: "body"}, signedIn() ? t("alerts.none") : t("alerts.none_signed_out")),
    signedIn() ? null : h("p", {class: "body"}, h("a", {href: "/sign-in?next=/alerts"}, t("alerts.sign_in"))));
}
