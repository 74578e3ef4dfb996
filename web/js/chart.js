// Charts a resident can read, drawn by hand in SVG: one labelled bar per line,
// every number written beside its label (so nothing rests on colour or on
// reading a bar's length), and the same figures in a table behind each one.
import {h, uid} from "./dom.js";
import {t} from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const LINE = 46;  // px per row: a label line, then up to two bars
const BAR = 12;
const TEXT = 18;  // px per further line of a long label
const WRAP = 40;  // characters a label line holds on a phone (SVG text never wraps by itself)

/** A label in lines of at most WRAP characters, broken between words. */
function lines(label) {
  const out = [];
  for (const word of String(label).split(" ")) {
    const last = out.length - 1;
    if (last >= 0 && (out[last] + " " + word).length <= WRAP) out[last] += " " + word;
    else out.push(word);
  }
  return out;
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  el.append(...children.filter(c => c !== null && c !== undefined));
  return el;
}

/**
 * Horizontal bars. rows: [{label, values: [number...]}]; series: [{name, colour}];
 * max: the value a full-width bar stands for. Returns a <figure> with the
 * chart (an image with its own title) and a caption.
 */
export function barChart({title, summary, rows, series, max}) {
  const id = uid("chart");
  const bars = series.length;
  let y = 0;
  const drawn = rows.map(row => {
    const said = lines(row.label);
    const more = (said.length - 1) * TEXT;
    const group = svg("g", {}, svg("text", {x: 0, y: y + 16, class: "chart__label"},
      // Each line but the last keeps its space: the label reads as one sentence wherever it is read whole.
      ...said.map((line, i) => svg("tspan", {x: 0, dy: i ? TEXT : 0}, i < said.length - 1 ? `${line} ` : line))));
    row.values.forEach((value, i) => {
      const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
      group.append(svg("rect", {x: 0, y: y + more + 24 + i * (BAR + 2), height: BAR,
        width: `${(share * 100).toFixed(2)}%`, fill: series[i].colour}));
    });
    y += LINE + more + (bars - 1) * (BAR + 2);
    return group;
  });
  const height = y + 4;
  const picture = svg("svg", {class: "chart__svg", width: "100%", height, role: "img", "aria-labelledby": `${id}-t ${id}-d`},
    svg("title", {id: `${id}-t`}, title), svg("desc", {id: `${id}-d`}, summary), ...drawn);
  return h("figure", {class: "chart"},
    series.length > 1 ? h("ul", {class: "chart__key", "aria-hidden": "true"}, series.map(s =>
      h("li", {class: "chart__key-item"}, h("span", {class: "chart__swatch", style: {background: s.colour}}), s.name))) : null,
    picture, h("figcaption", {class: "hint"}, summary));
}

/** The figures behind a chart, as a table inside a disclosure. head: column titles; rows: cells. */
export function figuresTable({caption, head, rows, numeric = () => true}) {
  const name = t("stats.table", {what: caption});
  return h("details", {class: "details"},
    h("summary", {class: "details__summary"}, name),
    // Focusable, so a keyboard can scroll a table wider than the phone.
    h("div", {class: "table-wrap", tabindex: "0", role: "region", "aria-label": name}, h("table", {class: "table"},
      h("caption", {class: "visually-hidden"}, caption),
      h("thead", {}, h("tr", {}, head.map((cell, i) => h("th", {scope: "col",
        class: i && numeric(i) ? "table__num" : null}, cell)))),
      h("tbody", {}, rows.map(row => h("tr", {}, row.map((cell, i) => i === 0
        ? h("th", {scope: "row"}, cell)
        : h("td", {class: numeric(i) ? "table__num" : null}, cell))))))));
}
