// One job, on a crew member's phone: where it is (map, navigation), what
// was reported (category answers, photos), the staff's instructions, the
// job's history, and the update form. A press is queued and sent at once
// when there is signal; without it, the screen shows what waits to be sent.
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {errorsOf} from "../forms.js";
import {formatDate, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {flush} from "../outbox.js";
import {answerText} from "../report/fields.js";
import {currentPosition} from "../where.js";
import {asOf, dueText, navigateLinks, priorityTag, row, statusLabel, statusTag} from "./common.js";
import {conflictPanel} from "./conflict.js";
import {jobsMap} from "./job-map.js";
import {repairPanel} from "./repair.js";
import {job as readJob, keptJob} from "./kept.js";
import {dropUpdate, pendingFor, queueUpdate} from "./sending.js";
import {updateForm} from "./update-form.js";

function pendingList(entries) {
  const waiting = entries.filter(e => e.state === "waiting");
  if (!waiting.length) return null;
  return [h("h2", {class: "heading-s"}, t("crew.waiting_title")),
    h("ul", {class: "list inset", id: "job-waiting"}, waiting.map(e => h("li", {},
      h("strong", {}, e.body.status ? statusLabel(e.body.status) : t("crew.form.note_only")),
      e.body.note ? [": ", e.body.note] : null, e.photos.length ? ` ${t("crew.conflict.with_photo")}` : null,
      h("span", {class: "hint"}, ` ${t("crew.pressed_at", {when: formatDate(e.body.saved_at, true)})}`))))];
}

function refusedNotice(entry, after) {
  return h("div", {class: "conflict refused", id: `refused-${entry.key}`, tabindex: "-1"},
    h("h2", {class: "heading-m conflict__title"}, t("crew.refused_title")),
    h("p", {class: "body"}, entry.error?.message || t("error.generic")),
    h("button", {class: "button button--secondary", type: "button",
      onclick: async () => { await dropUpdate(entry.key); after(); }}, t("crew.conflict.drop")));
}

function history(job) {
  const updates = job.updates || [];
  return [h("h2", {class: "heading-m"}, t("crew.history_title")),
    updates.length ? h("ol", {class: "list history", id: "history"}, updates.map(u => h("li", {class: "inset"},
      h("p", {class: "body"}, h("strong", {}, u.status ? statusLabel(u.status) : t("crew.form.note_only")),
        u.reason ? ` (${u.reason})` : null),
      u.note ? h("p", {class: "body"}, u.note) : null,
      (u.photos || []).map((src, i) => h("img", {src, class: "photo-list__img", loading: "lazy",
        alt: t("crew.history_photo_alt", {n: i + 1})})),
      h("p", {class: "hint"}, t("crew.pressed_at", {when: formatDate(u.saved_at, true)})))))
      : h("p", {class: "body", id: "history"}, t("crew.history_none"))];
}

async function answers(job) {
  const fields = Object.entries(job.fields || {});
  if (!fields.length) return [];
  const services = await api("/v1/services").then(a => a.services).catch(() => []);
  const defs = (services.find(s => s.service_code === job.service_code) || {}).fields || [];
  return fields.map(([code, value]) => {
    const def = defs.find(d => d.code === code) || {code, label: code};
    return [def.label, answerText(def, value)];
  }).filter(([, v]) => v).map(([k, v]) => row(k, v));
}

// A bulky collection: what to take, where it is left, the resident's words for the crew.
function collection(c) {
  return [
    row(t(c.kind === "repair" ? "crew.repair.what" : "crew.field.items"), h("ul", {class: "list"}, (c.items || []).map(name => h("li", {}, name)))),
    row(t(c.kind === "repair" ? "crew.repair.in_home" : "crew.field.left_at"), c.location || t("crew.none")),
    c.notes ? row(t("crew.field.notes"), c.notes) : null,
  ];
}

async function about(job, here) {
  return [
    navigateLinks(job.location, here, job.service_name),
    job.location ? jobsMap([{id: job.id, title: job.service_name, ...job.location}], null, t("crew.map.one")).element
      : null,
    h("dl", {class: "summary-list", id: "job-report"},
      row(t("crew.field.address"), job.place_text || job.address || (job.location
        ? t("crew.point", {lat: job.location.lat.toFixed(5), lon: job.location.lon.toFixed(5)}) : t("crew.none")),
        job.place_text && job.location
          ? h("span", {class: "place-point"}, t("crew.point", {lat: job.location.lat.toFixed(5),
            lon: job.location.lon.toFixed(5)})) : null),
      job.collection ? collection(job.collection) : [
        row(t("crew.field.description"), job.description || t("crew.none")),
        await answers(job),
        row(t("crew.field.reported"), formatDate(job.reported_at, true))]),
    (job.photos || []).length ? h("ul", {class: "photo-list"}, job.photos.map((src, i) =>
      h("li", {class: "photo-list__item"}, h("img", {src, class: "photo-list__img", loading: "lazy",
        alt: t("crew.photo_alt", {n: i + 1})})))) : null,
  ];
}

export async function render(view, {id}) {
  let answer;
  try {
    answer = await readJob(id);
  } catch (error) {
    append(view, h("a", {class: "back-link", href: "/crew"}, t("crew.back")),
      h("h1", {class: "heading-l"}, t(error.status === 404 ? "crew.no_job_title" : "crew.not_kept_title")),
      h("p", {class: "body"}, error.status === 404 ? t("crew.no_job_body") : errorsOf(error)[0].message));
    return;
  }
  const state = {answer, here: null};
  currentPosition().then(p => { state.here = p; }).catch(() => null);
  const top = h("div", {id: "job-top"});
  const notice = h("div", {class: "notice", id: "job-notice", tabindex: "-1"});
  const past = h("div", {});
  const draw = async () => {
    const job = state.answer.data;
    const pending = await pendingFor(id);
    const latest = [...pending].reverse().find(e => e.body.status && e.state === "waiting");
    append(clear(top), asOf(state.answer),
      pending.filter(e => e.state === "conflict").map(e => conflictPanel(e, redraw)),
      pending.filter(e => e.state === "rejected").map(e => refusedNotice(e, redraw)),
      pendingList(pending),
      h("dl", {class: "summary-list", id: "job-summary"},
        row(t("crew.field.status"), statusTag(latest ? latest.body.status : job.status, Boolean(latest))),
        row(t("crew.field.priority"), priorityTag(job.priority)),
        row(t("crew.field.due"), dueText(job, false)),
        row(t("crew.field.report_status"), job.report_status_label || job.report_status || t("crew.none"))),
      job.instructions ? h("div", {class: "inset", id: "instructions"}, h("h2", {class: "heading-s"},
        t("crew.field.instructions")), h("p", {class: "body"}, job.instructions)) : null);
    form.hidden = !job.open;
    append(clear(past), job.open ? null : h("p", {class: "inset", id: "job-closed"},
      job.reason ? t("crew.closed_why", {status: statusLabel(job.status), reason: job.reason})
        : t("crew.closed", {status: statusLabel(job.status)})), history(job));
  };
  // The newest job the phone has: an update's answer, or the job a conflict came back with.
  const newest = async () => {
    const kept = await keptJob(id);
    if (kept && kept.data.version > state.answer.data.version) state.answer = {...kept, kept: false};
  };
  const redraw = async () => {
    await newest();
    await draw();
    const panel = top.querySelector(".conflict");
    if (panel) panel.focus();
  };
  const form = updateForm(async (body, photos) => {
    state.pressing = true;  // this press draws the screen itself, once its answer is known
    try {
      const point = state.here ? {lat: +state.here.lat.toFixed(6), lon: +state.here.lon.toFixed(6)} : {};
      const entry = await queueUpdate(state.answer.data, {...body, ...point}, photos);
      await flush();
      const left = (await pendingFor(id)).find(e => e.key === entry.key);
      await newest();
      await draw();
      const said = body.status ? statusLabel(body.status) : t("crew.form.note_only");
      const outcome = !left ? "crew.sent" : left.state === "waiting" ? "crew.saved_offline" : null;  // else: a conflict
      append(clear(notice), outcome && h("p", {class: `banner${left ? "" : " banner--saved"}`},
        t(outcome, {status: said})));
      (top.querySelector(".conflict") || notice).focus();
    } finally {
      state.pressing = false;
    }
  });
  const job = state.answer.data;
  append(view, h("a", {class: "back-link", href: "/crew"}, t("crew.back")),
    h("h1", {class: "heading-l"}, job.service_name, h("span", {class: "caption"}, ` ${job.report_id}`)),
    notice, top, await about(job, null),
    await repairPanel(job, () => navigate(location.pathname, {replace: true})), form, past);
  await draw();
  // Sent from the queue while this screen is shown (the signal came back): the job as the API now has it.
  const heard = async event => {
    if (!view.isConnected) {
      if (view.dataset.shown) window.removeEventListener("doorstep:outbox", heard);
      return;
    }
    if (state.pressing) return;
    // An update of this job's that waited on the phone has gone: say so, as a press with signal does.
    const gone = event.detail?.update && event.detail?.job?.id === id ? event.detail.update : null;
    clear(notice);  // what the last press said is out of date now
    await newest();
    await draw();
    if (gone) {
      append(notice, h("p", {class: "banner banner--saved", role: "status", id: "job-sent"},
        t("crew.sent", {status: gone.status ? statusLabel(gone.status) : t("crew.form.note_only")})));
    }
  };
  window.addEventListener("doorstep:outbox", heard);
  requestAnimationFrame(() => { view.dataset.shown = "yes"; });
}
