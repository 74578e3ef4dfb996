// A file question: several files, each sent at once through the app's one
// upload path (a presigned form straight to storage). Photos are made
// smaller on the phone first, which also drops their EXIF data (GPS
// included), as a report's photos are. Each file is listed with a way to
// remove it; the question's own types, size and number are checked by the
// API on the page's save, in the question's words.
import {clear, fieldId, h} from "../dom.js";
import {button} from "../forms.js";
import {t} from "../i18n.js";
import {resize, uploadPhoto} from "../photos.js";

export function filePicker(q, answer, {heading} = {}) {
  const id = fieldId(q.id);
  let files = [].concat(answer || []).map((f, i) => ({...f, name: f.name || t("forms.file_n", {n: i + 1})}));
  const most = q.max_files || 1;
  const list = h("ul", {class: "photo-list file-list"});
  const status = h("p", {class: "hint", "aria-live": "polite"});
  const picker = h("input", {id: `${id}-file`, type: "file", hidden: true, tabindex: "-1",
    accept: (q.types || []).join(","), multiple: most > 1});
  const add = button(t("forms.files.add"), {type: "button", secondary: true, id,
    "aria-describedby": q.hint ? `${id}-hint` : undefined, onclick: () => picker.click()});

  const show = () => {
    clear(list);
    files.forEach((f, i) => list.append(h("li", {class: "photo-list__item"},
      h("span", {class: "body"}, t("forms.files.item", {name: f.name, kb: Math.max(1, Math.round(f.size / 1024))})),
      h("button", {class: "button button--secondary button--small", type: "button", onclick: () => {
        files = files.filter(x => x !== f);
        status.textContent = t("forms.files.removed", {name: f.name});
        show();
        add.focus();
      }}, t("forms.files.remove", {name: f.name})))));
    list.hidden = !files.length;
    add.disabled = files.length >= most;
    add.textContent = t(files.length ? "forms.files.add_another" : "forms.files.add");
  };

  picker.addEventListener("change", async () => {
    const picked = [...picker.files].slice(0, most - files.length);
    picker.value = "";
    for (const file of picked) {
      status.textContent = t("forms.files.sending", {name: file.name});
      try {
        const blob = file.type.startsWith("image/") && file.type !== "image/gif" ? await resize(file) : file;
        const uploadId = await uploadPhoto(blob, blob.type || file.type);
        files.push({upload_id: uploadId, name: file.name, size: blob.size, content_type: blob.type});
        status.textContent = t("forms.files.sent", {name: file.name});
      } catch (error) {
        status.textContent = t("forms.files.failed", {name: file.name});
      }
    }
    show();
  });
  show();
  const label = heading ? h("h1", {class: "label-wrapper"}, h("span", {class: "label label--l", id: `${id}-label`}, q.label))
    : h("h2", {class: "label", id: `${id}-label`}, q.label);
  const el = h("div", {class: "form-group", dataset: {field: q.id}, role: "group", "aria-labelledby": `${id}-label`},
    label, q.hint ? h("div", {class: "hint", id: `${id}-hint`}, q.hint) : null, add, picker, status, list);
  return {el, read: () => (files.length ? files.map(f => f.upload_id) : null), names: () => files};
}
