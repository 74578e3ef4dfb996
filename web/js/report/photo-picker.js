// Photos for a report: from the camera or the gallery, resized on the phone
// at once (so the queue holds small files), shown with a way to remove each.
import {clear, fieldId, h} from "../dom.js";
import {t, tCount} from "../i18n.js";
import {resize} from "../photos.js";
import {draftPhotos, setPhotos} from "./draft.js";

const MAX_PHOTOS = 6;

export function photoPicker() {
  const id = fieldId("photos");
  const list = h("ul", {class: "photo-list"});
  const status = h("p", {class: "hint", "aria-live": "polite"});
  const file = h("input", {class: "file-upload", id, name: "photos", type: "file", accept: "image/*", multiple: true,
    "aria-describedby": `${id}-hint`});

  const show = () => {
    clear(list);
    draftPhotos().forEach((photo, i) => list.append(h("li", {class: "photo-list__item"},
      h("img", {src: photo.url, alt: t("report.photos.alt", {n: i + 1}), class: "photo-list__img"}),
      h("button", {class: "button button--secondary button--small", type: "button",
        onclick: () => { URL.revokeObjectURL(photo.url); setPhotos(draftPhotos().filter(p => p !== photo)); show(); }},
        t("report.photos.remove", {n: i + 1})))));
    file.disabled = draftPhotos().length >= MAX_PHOTOS;
  };

  file.addEventListener("change", async () => {
    const picked = [...file.files].slice(0, MAX_PHOTOS - draftPhotos().length);
    status.textContent = t("report.photos.preparing");
    const ready = [];
    for (const f of picked) {
      try {
        const blob = await resize(f);
        ready.push({blob, url: URL.createObjectURL(blob), name: f.name});
      } catch {
        status.textContent = t("report.photos.unreadable", {name: f.name});
      }
    }
    setPhotos([...draftPhotos(), ...ready]);
    file.value = "";
    if (ready.length) status.textContent = tCount("report.photos.added", draftPhotos().length);
    show();
  });
  show();
  return {
    element: h("div", {class: "form-group", dataset: {field: "photos"}},
      h("label", {class: "label", for: id}, `${t("report.photos.label")} ${t("form.optional")}`),
      h("div", {class: "hint", id: `${id}-hint`}, t("report.photos.hint", {max: MAX_PHOTOS})),
      file, status, list),
  };
}
