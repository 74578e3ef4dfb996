// The landlords' portal: every /landlords path, for a signed-in Doorstep user
// acting for a landlord the council pays housing benefit to (a housing
// association's finance office, a small landlord). Its words
// (messages/landlords.<lang>.json) and print styles (css/landlords.css) come
// with its first screen, so a resident's phone never fetches them.
import {api} from "../api.js";
import {addStylesheet, append, h} from "../dom.js";
import {addMessages, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";
import {ask} from "./common.js";

const SCREENS = [
  [/^\/landlords$/, () => import("./start.js")],
  [/^\/landlords\/colleagues$/, () => import("./colleagues.js")],
  [/^\/landlords\/runs(\/[A-Z0-9]{4,30}(\/print)?)?$/, () => import("./runs.js")],
  [/^\/landlords\/claims(\/HB[0-9]{5})?$/, () => import("./claims.js")],
  [/^\/landlords\/changes$/, () => import("./changes.js")],
];

let ready = null;

function prepare() {
  if (!ready) ready = Promise.all([addStylesheet("/css/landlords.css"), addMessages("landlords")]);
  return ready;
}

export async function render(view, context) {
  await prepare();
  const path = context.url.pathname.replace(/\/+$/, "");
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(path + context.url.search)}`, {replace: true});
  const found = SCREENS.find(([pattern]) => pattern.test(path));
  if (!found) return (await import("../screens/not-found.js")).render(view, context);
  // The landlord I act for and my role, asked on every screen: a lead may have removed me meanwhile.
  let mine = null;
  try {
    mine = await api("/v1/me/landlord");
  } catch (error) {
    if (error.status !== 404) return ask(view, "/v1/me/landlord");  // said in words
  }
  if (path !== "/landlords" && (!mine || mine.state !== "active")) return navigate("/landlords", {replace: true});
  const screen = await found[1]();
  await screen.render(view, {...context, path, landlord: mine});
  if (mine) append(view, h("p", {class: "body landlord-foot no-print"}, t("ll.acting", {name: mine.name})));
}
