// Photos for a report: from the camera or the gallery, resized on the phone
// at once (so the queue holds small files), shown as thumbnails with a way
// to remove each. The browser's own file control is hidden: a design-system
// button opens it, big enough for a thumb and saying what it does.
import {clear, fieldId, h} from "../dom.js";
import {button} from "../forms.js";
import {t, tCount} from "../i18n.js";
import {resize} from "../photos.js";
import {draftPhotos as reportPhotos, setPhotos as setReportPhotos} from "./draft.js";

// A street report's photos by default; a repair's keep their own (screens/repair-report.js).
export function photoPicker({max: MAX_PHOTOS = 6, get: draftPhotos = reportPhotos, set: setPhotos = setReportPhotos} = {}) {
  const id = fieldId("photos");
  const list = h("ul", {class: "photo-list", "aria-label": t("report.photos.chosen")});
  const status = h("p", {class: "hint", "aria-live": "polite"});
  const file = h("input", {id: `${id}-file`, name: "photos", type: "file", accept: "image/*", multiple: true,
    hidden: true, tabindex: "-1"});
  const add = button(t("report.photos.add"), {type: "button", secondary: true, id,
    class: "button button--secondary photo-picker__add", "aria-describedby": `${id}-hint`,
    onclick: () => file.click()});

  const show = focusAfter => {
    clear(list);
    const photos = draftPhotos();
    photos.forEach((photo, i) => list.append(h("li", {class: "photo-list__item"},
      h("img", {src: photo.url, alt: t("report.photos.alt", {n: i + 1}), class: "photo-list__img"}),
      h("button", {class: "button button--secondary button--small photo-list__remove", type: "button",
        onclick: () => {
          URL.revokeObjectURL(photo.url);
          setPhotos(draftPhotos().filter(p => p !== photo));
          status.textContent = t("report.photos.removed", {n: i + 1});
          show(i);
        }},
        t("report.photos.remove", {n: i + 1})))));
    list.hidden = !photos.length;
    const full = photos.length >= MAX_PHOTOS;
    add.disabled = full;
    add.textContent = t(full ? "report.photos.full" : photos.length ? "report.photos.add_another" : "report.photos.add");
    // After a removal the focus goes to the photo now in that place, or back to the button.
    if (focusAfter !== undefined) {
      const removes = list.querySelectorAll(".photo-list__remove");
      (removes[Math.min(focusAfter, removes.length - 1)] || add).focus();
    }
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
    element: h("div", {class: "form-group photo-picker", dataset: {field: "photos"}, role: "group",
      "aria-labelledby": `${id}-label`},
      h("h2", {class: "label label-wrapper", id: `${id}-label`}, `${t("report.photos.label")} ${t("form.optional")}`),
      h("div", {class: "hint", id: `${id}-hint`}, t("report.photos.hint", {max: MAX_PHOTOS})),
      add, file, status, list),
  };
}
