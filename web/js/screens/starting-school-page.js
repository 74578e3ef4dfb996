// One telling of a child starting school: every part's state in one place (the school place, or the
// catchment school and a placing request; free school meals; the clothing grant; school transport with
// its distance), each part's words the API's, and a link where there is something to do.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {showAsMade} from "../read-again.js";
import {signedIn} from "../session.js";
import {roundName} from "./schools.js";

export async function render(view, {url}) {
  if (!signedIn()) return navigate(`/sign-in?next=${encodeURIComponent(url.pathname)}`, {replace: true});
  let told;
  try {
    told = await api(`/v1/me/starting-school/${encodeURIComponent(decodeURIComponent(url.pathname.split("/")[2]))}`);
  } catch (error) {
    return append(clear(view), h("h1", {class: "heading-l"}, t("starting.title")),
      h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  const holder = h("div", {id: "starting-page"});
  const parts = partsOf(told);
  // A part still being checked against the benefits records (by the telling's event, its own words say so):
  // its answer is shown as it is made.
  showAsMade(holder, told, () => api(`/v1/me/starting-school/${encodeURIComponent(told.id)}`), parts, partsOf);
  append(view, append(holder, h("h1", {class: "heading-l"}, t("starting.page_title", {child: told.child.name})),
    h("p", {class: "body"}, `${roundName(told.round)}. ${t("schools.home_is", {address: told.home.address})}`),
    parts, h("p", {class: "hint"}, t("starting.reference", {id: told.id}))));
}

function partsOf(told) {
  return h("ul", {class: "list list--spaced", id: "starting-parts"}, told.parts.map(p => h("li", {dataset: {part: p.name,
    state: p.state}}, h("strong", {}, t(`starting.part_${p.name}`)), h("p", {class: "body"}, p.text),
  p.link ? h("a", {href: p.link}, p.link.startsWith("/schools/SA-") ? t("starting.see") : t(`starting.go_${p.name}`))
    : null)));
}
