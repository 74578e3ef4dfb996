// A year's council tax charges line by line, each with the rule that made it: a Scottish bill's
// council tax for the band (its share of band D under the 2016 Order), and Scottish Water's water
// and waste water charges, which the council bills with it. The account's lines are the council's
// system's own; a move's are Doorstep's estimate by the same rules, and say so.
import {h} from "../dom.js";
import {t} from "../i18n.js";
import {pounds} from "./bulky.js";

function years(year) {
  return `${year}-${String((year + 1) % 100).padStart(2, "0")}`;
}

function ruleOf(line) {
  if (!line.rule) return null;
  const title = h("a", {href: line.rule.url, rel: "noopener", target: "_blank"}, line.rule.title);
  const words = line.kind === "council_tax" && line.basis
    ? t("ctax.rule.share", {part: line.basis.part, of: line.basis.of, band: line.band})
    : t("ctax.rule.band", {band: line.band, years: years(line.year)});
  return h("span", {class: "hint ctax-rule"}, `${words} `, t("ctax.rule.under"), " ", title,
    line.estimate ? ` ${t("ctax.rule.estimate", {years: years(line.year)})}` : "");
}

export function chargeLines(lines, id) {
  if (!lines || !lines.length) return null;
  return h("dl", {class: "summary-list", id},
    lines.map(line => h("div", {class: "summary-list__row", dataset: {kind: line.kind}},
      h("dt", {class: "summary-list__key"}, line.kind === "other" ? line.name
        : t(`ctax.charge.${line.kind}`, {band: line.band || ""})),
      h("dd", {class: "summary-list__value"}, pounds(line.amount), h("br"), ruleOf(line)))));
}
