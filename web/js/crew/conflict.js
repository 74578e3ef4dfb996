// When an update met a job someone else changed (409 with the job as it is
// now): what the crew member pressed, what changed since they opened the
// job, and their choice: send theirs on top of the job as it is now, or drop
// it. A job closed by someone else can only be dropped.
import {h} from "../dom.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {priorityTag, statusLabel} from "./common.js";
import {dropUpdate, resendOnTop} from "./sending.js";

const FIELDS = {
  status: v => statusLabel(v),
  priority: v => priorityTag(v),
  due: v => (v ? formatDay(v) : t("crew.due.none")),
  instructions: v => v || t("crew.none"),
};

function yours(entry) {
  const b = entry.body;
  return [b.status ? statusLabel(b.status) : t("crew.form.note_only"), b.reason ? ` (${b.reason})` : null,
    b.note ? [": ", h("q", {}, b.note)] : null, entry.photos.length ? ` ${t("crew.conflict.with_photo")}` : null,
    h("span", {class: "hint"}, ` ${t("crew.pressed_at", {when: formatDate(b.saved_at, true)})}`)];
}

function changes(seen, current) {
  const rows = Object.entries(FIELDS).filter(([k]) => (seen[k] ?? null) !== (current[k] ?? null))
    .map(([k, show]) => h("tr", {}, h("th", {scope: "row"}, t(`crew.field.${k}`)),
      h("td", {}, show(seen[k])), h("td", {}, show(current[k]))));
  for (const u of (current.updates || []).slice(seen.updates || 0)) {
    rows.push(h("tr", {}, h("th", {scope: "row"}, t("crew.conflict.their_update")), h("td", {}, t("crew.none")),
      h("td", {}, statusLabel(u.status), u.note ? [": ", h("q", {}, u.note)] : null)));
  }
  return rows;
}

export function conflictPanel(entry, after) {
  const {code, current} = entry.conflict;
  const closed = code === "job_closed" || !current.open;
  const id = `conflict-${entry.key}`;
  const rows = changes(entry.seen || {}, current);
  const act = work => async event => {
    event.target.disabled = true;
    await work(entry.key);
    after();
  };
  return h("section", {class: "conflict", id, tabindex: "-1", "aria-labelledby": `${id}-title`},
    h("h2", {class: "heading-m conflict__title", id: `${id}-title`},
      t(closed ? "crew.conflict.closed_title" : "crew.conflict.title")),
    h("p", {class: "body"}, closed ? t("crew.conflict.closed_body", {status: statusLabel(current.status)})
      : t("crew.conflict.body")),
    h("p", {class: "body"}, h("strong", {}, t("crew.conflict.yours")), " ", yours(entry)),
    rows.length ? h("table", {class: "table conflict__changes"},
      h("caption", {class: "table__caption"}, t("crew.conflict.what_changed")),
      h("thead", {}, h("tr", {}, h("th", {scope: "col"}, t("crew.conflict.what")),
        h("th", {scope: "col"}, t("crew.conflict.when_you_looked")), h("th", {scope: "col"}, t("crew.conflict.now")))),
      h("tbody", {}, rows)) : null,
    h("div", {class: "conflict__actions"},
      closed ? null : h("button", {class: "button", type: "button", onclick: act(resendOnTop)},
        t("crew.conflict.resend")),
      h("button", {class: `button ${closed ? "" : "button--secondary"}`, type: "button", onclick: act(dropUpdate)},
        t(closed ? "crew.conflict.drop_closed" : "crew.conflict.drop"))));
}
