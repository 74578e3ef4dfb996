// When an update met a job someone else changed (409 with the job as it is
// now): what the crew member pressed, what changed since they opened the
// job, and their choice: send theirs on top of the job as it is now, or drop
// it. A job closed by someone else can only be dropped.
import {h} from "../dom.js";
import {formatDate, formatDay, t} from "../i18n.js";
import {priorityTag, row, statusLabel} from "./common.js";
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
  const pair = (was, now) => [h("span", {class: "conflict__was"}, `${t("crew.conflict.was")} `, was), h("br"),
    h("strong", {}, `${t("crew.conflict.now")} `), now];
  const rows = Object.entries(FIELDS).filter(([k]) => (seen[k] ?? null) !== (current[k] ?? null))
    .map(([k, show]) => row(t(`crew.field.${k}`), pair(show(seen[k]), show(current[k]))));
  for (const u of (current.updates || []).slice(seen.updates || 0)) {
    rows.push(row(t("crew.conflict.their_update"), statusLabel(u.status), u.note ? [": ", h("q", {}, u.note)] : null));
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
    rows.length ? [h("h3", {class: "heading-s"}, t("crew.conflict.what_changed")),
      h("dl", {class: "summary-list conflict__changes"}, rows)] : null,
    h("div", {class: "conflict__actions"},
      closed ? null : h("button", {class: "button", type: "button", onclick: act(resendOnTop)},
        t("crew.conflict.resend")),
      h("button", {class: `button ${closed ? "" : "button--secondary"}`, type: "button", onclick: act(dropUpdate)},
        t(closed ? "crew.conflict.drop_closed" : "crew.conflict.drop"))));
}
