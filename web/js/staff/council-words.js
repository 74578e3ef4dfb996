// The council's own words on its settings screen, each beside the app's own for its key; words to change
// found by what they say. The API checks each key is the catalogue's and keeps its {placeholders}.
import {h} from "../dom.js";
import {button, input} from "../forms.js";
import {t} from "../i18n.js";

const SHOWN = 10;  // results of a search: enough to choose from, few enough to read

/** {part: the section's element, value(): {key: text} as the form has them now}. */
export function wordsPart(words, catalogue) {
  const rows = h("div", {id: "council-words"});
  const found = h("ul", {class: "list list--spaced", id: "council-word-results"});
  const add = (key, text) => {
    const row = wordRow(key, text, catalogue[key]);
    rows.append(row);
    return row;
  };
  for (const [key, text] of Object.entries(words)) add(key, text);
  const search = input({field: "word-search", label: t("staff.council.find_words"),
    hint: t("staff.council.find_words_hint"), autocomplete: "off"});
  const find = () => {
    const asked = search.querySelector("input").value.trim().toLowerCase();
    const taken = new Set([...rows.querySelectorAll("[data-key]")].map(el => el.dataset.key));
    const matches = asked ? Object.entries(catalogue).filter(([key, text]) => !taken.has(key)
      && (text.toLowerCase().includes(asked) || key.toLowerCase().includes(asked))).slice(0, SHOWN) : [];
    found.replaceChildren(...(matches.length ? matches.map(([key, text]) => h("li", {},
      h("p", {class: "body"}, text, " ", h("span", {class: "hint"}, `(${key})`)),
      button(t("staff.council.change_words", {words: text, key}), {secondary: true, type: "button", onclick: () => {
        add(key, text).querySelector("input").focus();
        find();
      }}))) : [h("li", {}, t(asked ? "staff.council.no_words_found" : "staff.council.find_words_hint"))]));
  };
  search.querySelector("input").addEventListener("keydown", event => {
    if (event.key === "Enter") {
      event.preventDefault();  // finds, rather than saving the whole form
      find();
    }
  });
  const part = h("div", {},
    h("h2", {class: "heading-m"}, t("staff.council.words")), h("p", {class: "body"}, t("staff.council.words_lead")),
    rows, search, button(t("staff.council.find"), {secondary: true, type: "button", id: "council-find", onclick: find}),
    found);
  const value = () => Object.fromEntries([...rows.querySelectorAll("[data-key]")].map(el => [el.dataset.key, el.value]));
  return {part, value};
}

function wordRow(key, text, app) {
  const field = `$.words[${JSON.stringify(key)}]`;
  const made = input({field, label: t("staff.council.word_label", {words: app ?? key}), value: text,
    hint: t("staff.council.word_hint", {key}), autocomplete: "off"});
  made.querySelector("input").dataset.key = key;
  made.append(button(t("staff.council.remove_word", {words: app ?? key}), {secondary: true, type: "button",
    class: "button button--secondary button--small", onclick: () => made.remove()}));
  return made;
}
