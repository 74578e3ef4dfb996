// The field update form: a note, a reason (needed for "unable"), an after
// photo from the camera (made smaller on the phone, which also drops its
// EXIF data), and a big button per status. A press is queued on the phone
// at once, with the moment it was pressed, and sent when there is signal.
import {clear, fieldId, h} from "../dom.js";
import {clearErrors, Invalid, showErrors} from "../forms.js";
import {t} from "../i18n.js";
import {resize} from "../photos.js";
import {statusLabel, STATUSES} from "./common.js";

function photoInput(photos) {
  const id = fieldId("photos");
  const list = h("ul", {class: "photo-list", id: "after-photos"});
  const status = h("p", {class: "hint", "aria-live": "polite"});
  const file = h("input", {class: "file-upload", id, name: "photos", type: "file", accept: "image/*",
    capture: "environment", "aria-describedby": `${id}-hint`});
  const show = () => {
    clear(list);
    photos.forEach((photo, i) => list.append(h("li", {class: "photo-list__item"},
      h("img", {src: photo.url, alt: t("crew.form.photo_alt", {n: i + 1}), class: "photo-list__img"}),
      h("button", {class: "button button--secondary button--small", type: "button", onclick: () => {
        URL.revokeObjectURL(photo.url);
        photos.splice(photos.indexOf(photo), 1);
        show();
      }}, t("crew.form.photo_remove", {n: i + 1})))));
  };
  file.addEventListener("change", async () => {
    status.textContent = t("crew.form.photo_preparing");
    for (const f of file.files) {
      try {
        const blob = await resize(f);
        photos.push({blob, url: URL.createObjectURL(blob)});
        status.textContent = t("crew.form.photo_added");
      } catch {
        status.textContent = t("crew.form.photo_unreadable", {name: f.name});
      }
    }
    file.value = "";
    show();
  });
  return h("div", {class: "form-group", dataset: {field: "photos"}},
    h("label", {class: "label", for: id}, `${t("crew.form.photo")} ${t("form.optional")}`),
    h("div", {class: "hint", id: `${id}-hint`}, t("crew.form.photo_hint")), file, status, list);
}

function textBox(field, rows) {
  const id = fieldId(field);
  return h("div", {class: "form-group", dataset: {field}},
    h("label", {class: "label", for: id}, `${t(`crew.form.${field}`)} ${t("form.optional")}`),
    h("div", {class: "hint", id: `${id}-hint`}, t(`crew.form.${field}_hint`)),
    h("textarea", {class: "textarea", id, name: field, rows, "aria-describedby": `${id}-hint`}));
}

/**
 * The form for `job`; `onPress({status, note, reason}, photos)` queues the
 * update (and may throw the API's errors to show here).
 */
export function updateForm(onPress) {
  const photos = [];
  const form = h("form", {class: "update-form", id: "update-form", novalidate: true},
    h("h2", {class: "heading-m"}, t("crew.form.title")),
    textBox("note", 3), textBox("reason", 2), photoInput(photos),
    h("fieldset", {class: "fieldset status-buttons", dataset: {field: "status body"}},
      h("legend", {class: "legend"}, t("crew.form.status_legend")),
      STATUSES.map(s => h("button", {class: `button status-button status-button--${s}`, type: "submit", name: "status",
        value: s}, statusLabel(s))),
      h("button", {class: "button button--secondary status-button", type: "submit", name: "status", value: ""},
        t("crew.form.note_only"))));
  const labels = {note: t("crew.form.note"), reason: t("crew.form.reason"), photos: t("crew.form.photo")};
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const view = form.closest(".screen") || form;
    clearErrors(view);
    const status = event.submitter?.value || "";
    const note = form.elements.note.value.trim();
    const reason = form.elements.reason.value.trim();
    try {
      if (status === "unable" && !reason) throw new Invalid([{field: "reason", message: t("crew.form.reason_needed")}]);
      if (reason && status !== "unable") throw new Invalid([{field: "reason", message: t("crew.form.reason_unable")}]);
      if (!status && !note && !photos.length) throw new Invalid([{field: "note", message: t("crew.form.empty")}]);
      for (const b of form.querySelectorAll("button")) b.disabled = true;
      await onPress({status, note, reason}, photos.map(p => ({blob: p.blob})));
      form.reset();
      photos.splice(0).forEach(p => URL.revokeObjectURL(p.url));
      clear(form.querySelector("#after-photos"));
    } catch (error) {
      showErrors(view, error.fields?.length ? error.fields : [{field: null, message: error.message}], labels);
    } finally {
      for (const b of form.querySelectorAll("button")) b.disabled = false;
    }
  });
  return form;
}
