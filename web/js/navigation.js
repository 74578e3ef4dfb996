// How a screen moves the app on: navigate to another address, or redraw itself in place.
// It imports no screen: the router (which imports every screen) gives it its render at
// start, so screens import this and never the router, and no module is in a circle.
import {councilName} from "./council.js";
import {append, clear} from "./dom.js";
import {t} from "./i18n.js";

let render = () => Promise.resolve();

/** The router's: called once, at start. */
export function useRenderer(renderer) {
  render = renderer;
}

/** The page title follows the screen's heading, and so does the focus after a change. */
export function settle(view, focus) {
  const heading = view.querySelector("h1");
  const name = councilName() || t("app.name");
  document.title = `${heading ? heading.textContent.trim() : name} – ${name}`;
  if (focus && heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
}

/** Replace a screen's content in place (what a form led to), as a new screen would be shown. */
export function redraw(view, ...children) {
  append(clear(view), ...children);
  settle(view, true);
}

export function navigate(href, {replace = false} = {}) {
  const url = new URL(href, location.href);
  if (replace) history.replaceState({}, "", url); else history.pushState({}, "", url);
  return render();
}
