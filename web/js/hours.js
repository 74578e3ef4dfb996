// Opening hours as councils publish them (OpenStreetMap's syntax, such as
// "Mo-Fr 09:00-18:00; Sa 09:00-16:00") read out in words, one rule a line.
import {t} from "./i18n.js";

const DAY = "(Mo|Tu|We|Th|Fr|Sa|Su|PH)";

export function openingHours(text) {
  if (!text) return [];
  if (text.trim() === "24/7") return [t("hours.always")];
  return text.split(";").map(rule => rule.trim()).filter(Boolean).map(rule => rule
    .replace(new RegExp(`\\b${DAY}-${DAY}\\b`, "g"), (m, a, b) => t("hours.range", {from: t(`day.${a}`), to: t(`day.${b}`)}))
    .replace(new RegExp(`\\b${DAY}\\b`, "g"), (m, a) => t(`day.${a}`))
    .replace(/\boff\b/g, t("hours.closed"))
    .replace(/,/g, ", "));
}
