// Back from the council's national account (ScotAccount), or an officer back from the council's own
// directory (/sign-in/staff/return), with a code and the state the sign-in began with: the API finishes
// the sign-in at this council's address, and the person goes where they were going.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {rememberProfile, saveTokens} from "../session.js";
import {keepPlace} from "../walls.js";
import {safeNext} from "./sign-in.js";

function failed(view, message) {
  clear(view);
  append(view, h("h1", {class: "heading-l"}, t("sign_in.return_failed")),
    h("p", {class: "body", id: "sign-in-refused"}, message),
    h("p", {class: "body"}, h("a", {href: "/sign-in"}, t("sign_in.start_again"))));
}

export async function render(view, {params}) {
  const code = params.get("code");
  const state = params.get("state");
  const staff = location.pathname === "/sign-in/staff/return";
  history.replaceState(history.state, "", location.pathname);  // the code is used once: not kept in history
  append(view, h("h1", {class: "heading-l"}, t("sign_in.return_title")));
  if (params.get("error") || !code || !state) return failed(view, t("sign_in.return_cancelled"));
  let signed;
  try {
    signed = await api(staff ? "/v1/auth/staff-providers/finish" : "/v1/auth/providers/finish",
      {method: "POST", body: {code, state}, auth: false});
  } catch (error) {
    return failed(view, errorsOf(error)[0].message);
  }
  saveTokens(signed);
  rememberProfile(await api("/v1/me"));
  keepPlace(null);
  navigate(safeNext(new URLSearchParams({next: signed.next})), {replace: true});
}
