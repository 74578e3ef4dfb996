// A file the API answers (a council tax bill or letter as PDF, a council's settings as JSON) fetched
// with the signed-in person's token, which a plain link cannot carry, and given to the browser to open.
import {ApiError} from "./api.js";
import {h} from "./dom.js";
import {tokens} from "./session.js";

export function savePdf(path, name, options = {}) {
  return saveFile(path, name, {...options, accept: "application/pdf"});
}

export async function saveFile(path, name, {method = "GET", body, accept} = {}) {
  const headers = {Accept: accept, Authorization: `Bearer ${tokens().access}`};
  if (body) headers["Content-Type"] = "application/json";
  const answer = await fetch(path, {method, headers, body: body && JSON.stringify(body)});
  if (!answer.ok) throw new ApiError(answer.status, (await answer.json().catch(() => ({}))).error);
  const url = URL.createObjectURL(await answer.blob());
  const save = h("a", {href: url, download: name, hidden: true});
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
