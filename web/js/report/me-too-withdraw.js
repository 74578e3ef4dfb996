// /?withdraw-support=TOKEN: the "me too" e-mail's second link. The page asks
// first and withdraws on a press (a POST): a mail scanner's visit takes no one's
// support back.
import {api, ApiError} from "../api.js";
import {append, h} from "../dom.js";
import {button} from "../forms.js";
import {t} from "../i18n.js";
import {countText} from "./me-too.js";

export async function render(view, {params}) {
  append(view, h("h1", {class: "heading-l"}, t("metoo.withdraw_title")),
    h("p", {class: "body"}, t("metoo.withdraw_intro")));
  const said = h("p", {class: "body", role: "status"});
  const press = button(t("metoo.withdraw"), {type: "button"});
  press.addEventListener("click", async () => {
    try {
      const answer = await api("/v1/supporters/withdraw", {method: "POST", auth: false,
        body: {token: params.get("withdraw-support")}});
      press.remove();
      said.textContent = t("metoo.withdrawn");
      said.after(h("p", {class: "body"}, countText(answer.supporters)),
        h("p", {class: "body"}, h("a", {href: `/?report=${encodeURIComponent(answer.report_id)}`},
          t("metoo.see_report", {id: answer.report_id}))));
    } catch (error) {
      said.textContent = error instanceof ApiError ? error.message : t("error.offline");
    }
  });
  append(view, press, said);
}
