// The links in alert messages: /alerts/confirm?token= (double opt-in) and
// /alerts/unsubscribe?token= (a GET only describes; the button stops it).
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {redraw} from "../navigation.js";
import {button, errorsOf} from "../forms.js";
import {t} from "../i18n.js";
import {describeAlert} from "./alerts.js";

function problem(view, titleKey, error) {
  append(view, h("h1", {class: "heading-l"}, t(titleKey)), h("p", {class: "body"}, errorsOf(error)[0].message),
    h("p", {class: "body"}, h("a", {href: "/alerts"}, t("alerts.done.manage"))));
}

async function confirm(view, token) {
  try {
    const alert = await api("/v1/alerts/confirm", {method: "POST", body: {token}, auth: false});
    append(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t("alerts.confirm.title")),
      h("div", {class: "panel__body"}, describeAlert(alert).what)),
    h("p", {class: "body"}, t("alerts.confirm.body")));
  } catch (error) {
    problem(view, "alerts.confirm.failed", error);
  }
}

async function unsubscribe(view, token) {
  const url = `/v1/alerts/unsubscribe?token=${encodeURIComponent(token)}`;
  let about;
  try {
    about = await api(url, {auth: false});
  } catch (error) {
    return problem(view, "alerts.unsubscribe.failed", error);
  }
  // A council meeting notice's link stops those notices alone: its words say so, before and after.
  const words = about.stops === "meeting_notices" && about.describes ? "alerts.stop_meetings" : "alerts.unsubscribe";
  const what = {what: about.describes};
  const heading = h("h1", {class: "heading-l"}, t(`${words}.title`));
  if (!about.subscribed) {
    append(view, heading, h("p", {class: "body", id: "unsubscribe-about"}, t(`${words}.already`, what)));
    return;
  }
  const stop = button(t(`${words}.button`), {type: "button", warning: true, onclick: async () => {
    try {
      await api(url, {method: "POST", body: "List-Unsubscribe=One-Click", form: true, auth: false,
        headers: {"Content-Type": "application/x-www-form-urlencoded"}});
      redraw(view, h("div", {class: "panel"}, h("h1", {class: "panel__title"}, t(`${words}.done`))),
        h("p", {class: "body", id: "unsubscribe-done"}, t(`${words}.done_body`, what)));
    } catch (error) {
      problem(clear(view), "alerts.unsubscribe.failed", error);
    }
  }});
  append(view, heading, h("p", {class: "body", id: "unsubscribe-about"}, t(`${words}.about`, what)), stop);
}

export function render(view, {params, url}) {
  const token = params.get("token") || "";
  if (!token) return problem(view, "alerts.link.broken", new Error(t("alerts.link.no_token")));
  return url.pathname.startsWith("/alerts/confirm") ? confirm(view, token) : unsubscribe(view, token);
}
