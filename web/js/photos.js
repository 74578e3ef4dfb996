// Photos are made smaller on the phone before they travel (a 12-megapixel
// photo becomes about 300 KB), which also drops their EXIF data, GPS
// included; then they go straight to storage through a presigned form.
import {api, ApiError, Offline} from "./api.js";
import {t} from "./i18n.js";

const LONGEST_SIDE = 1600;
const QUALITY = 0.82;

export class UnreadablePhoto extends Error {}

/** A JPEG Blob at most LONGEST_SIDE pixels on its longest side. */
export async function resize(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, {imageOrientation: "from-image"});
  } catch {
    throw new UnreadablePhoto(file.name);
  }
  const scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d").drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob(
    blob => (blob ? resolve(blob) : reject(new UnreadablePhoto(file.name))), "image/jpeg", QUALITY));
}

/** Upload one photo (or a form's file); returns its upload_id for the report's `photos`. */
export async function uploadPhoto(blob, contentType = "image/jpeg", headers = {}) {
  const form = await api("/v1/uploads", {method: "POST", body: {content_type: contentType, size: blob.size}, headers});
  const data = new FormData();
  for (const [name, value] of Object.entries(form.fields)) data.append(name, value);
  data.append("file", blob, contentType === "image/jpeg" ? "photo.jpg" : "file");
  let response;
  try {
    response = await fetch(form.url, {method: "POST", body: data});
  } catch (error) {
    throw new Offline(error.message);
  }
  if (!response.ok) throw new ApiError(response.status >= 500 ? 503 : 422, {code: "upload_failed",
    message: t("photos.upload_failed"), fields: [{field: "photos", message: t("photos.upload_failed")}]});
  return form.upload_id;
}
