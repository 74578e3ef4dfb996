// One report: its status, what and where, photos and timeline. Reached from
// the reference, the tracking link (?token=), My reports, and the links in
// alert messages (/?report=ID).
import {api, ApiError, query} from "../api.js";
import {append, h} from "../dom.js";
import {link} from "../config.js";
import {formatDate, t, tCount, tOr} from "../i18n.js";
import {loadServices} from "../report/draft.js";
import {countText, meToo} from "../report/me-too.js";
import {answerText} from "../report/fields.js";
import {reporterHears} from "../report/sent.js";
import {rememberReport, trackingToken} from "../store.js";

function row(key, ...value) {
  return h("div", {class: "summary-list__row"}, h("dt", {class: "summary-list__key"}, key),
    h("dd", {class: "summary-list__value"}, ...value));
}

export function statusTag(status, label) {
  const closed = ["fixed", "closed", "duplicate", "not_responsible", "unable_to_fix", "no_further_action"];
  return h("strong", {class: `tag ${status === "fixed" ? "tag--green" : closed.includes(status) ? "tag--grey" : "tag--blue"}`},
    tOr(`status.${status}`, label || status));
}

// Its reporter (the tracking link, or signed in as its owner) takes a photo
// back: it leaves the public report and every feed; the council keeps it.
function withdrawButton(view, report, src, i, token) {
  const name = new URL(src, location.href).pathname.split("/").pop();  // a signed link has ?exp=&sig=
  const button = h("button", {type: "button", class: "button button--secondary photo-list__withdraw"},
    t("report.page.withdraw_photo", {n: i + 1}));
  button.addEventListener("click", async () => {
    if (!button.dataset.sure) {  // a second press, after being told what it does
      button.dataset.sure = "yes";
      button.before(h("p", {class: "hint", id: `withdraw-hint-${i + 1}`}, t("report.page.withdraw_confirm")));
      button.setAttribute("aria-describedby", `withdraw-hint-${i + 1}`);
      button.textContent = t("report.page.withdraw_sure", {n: i + 1});
      return;
    }
    button.disabled = true;
    try {
      await api(`/v1/reports/${encodeURIComponent(report.id)}/photos/${encodeURIComponent(name)}` +
        (token ? `?${query({token})}` : ""), {method: "DELETE"});
      const item = button.closest("li");
      const done = h("p", {class: "body", role: "status", tabindex: "-1", id: "photo-withdrawn"},
        t("report.page.photo_withdrawn"));
      item.replaceWith(h("li", {class: "photo-list__item"}, done));
      done.focus();
    } catch (error) {
      button.disabled = false;
      button.after(h("p", {class: "error-message", role: "alert"},
        error instanceof ApiError ? error.message : t("error.offline")));
    }
  });
  return button;
}

// "Sent to North Yorkshire Council" in the timeline, at the moment it went, among the updates.
function withSends(updates, sends = []) {
  const sent = sends.filter(s => s.state === "sent" && s.sent_at)
    .map(s => ({kind: "sent", body: s.body, created_at: s.sent_at}));
  return [...updates, ...sent].sort((a, b) => new Date(a.created_at) - new Date(b.created_at));
}

export async function render(view, {params}) {
  const id = params.get("report").trim().toUpperCase();
  const token = params.get("token") || trackingToken(id);
  let report;
  let updates = [];
  try {
    [report, updates] = await Promise.all([
      api(`/v1/reports/${encodeURIComponent(id)}${token ? `?${query({token})}` : ""}`),
      api(`/v1/reports/${encodeURIComponent(id)}/updates${token ? `?${query({token})}` : ""}`)
        .then(u => u.updates).catch(() => []),
    ]);
  } catch (error) {
    append(view, h("h1", {class: "heading-l"}, t("report.page.not_found_title")),
      h("p", {class: "body"}, error instanceof ApiError && error.status === 404
        ? t("report.page.not_found", {id}) : error instanceof ApiError ? error.message : t("error.offline")),
      h("p", {class: "body"}, h("a", {href: "/track"}, t("report.page.find_another"))));
    return;
  }
  if (params.get("token")) rememberReport({id: report.id, token: params.get("token"), service_name: report.service_name,
                                           created_at: report.created_at});
  const service = (await loadServices().catch(() => [])).find(s => s.service_code === report.service_code);
  const answers = (service?.fields || []).map(def => [def.label, answerText(def, (report.fields || {})[def.code])])
    .filter(([, v]) => v);
  const where = report.location;

  append(view, 
    h("span", {class: "caption"}, t("report.page.caption", {id: report.id})),
    h("h1", {class: "heading-l"}, report.service_name),
    h("p", {class: "body"}, statusTag(report.status, report.status_label)),
    h("dl", {class: "summary-list"},
      row(t("report.page.reference"), report.id),
      row(t("report.page.reported"), formatDate(report.created_at, true)),
      row(t("report.page.updated"), formatDate(report.updated_at, true)),
      // In words first ("Near 2 Micklegate"), the point as the second detail.
      where ? row(t("report.page.where"), report.place_text || report.address || null,
        h("span", {class: report.place_text ? "place-point" : null},
          t("report.page.point", {lat: where.lat.toFixed(5), lon: where.lon.toFixed(5)})), " ",
        h("a", {href: link("place_url", {lat: where.lat, lon: where.lon}), rel: "noopener"},
          t("report.page.open_map"))) : null,
      // The category's target, how long it has been open against it, and "Overdue" for all to see.
      report.target ? row(t("report.page.target"), `${report.target.text}.`,
        report.target.rule ? [" ", h("span", {class: "place-point", id: "target-rule"}, t("report.target.rule", {rule: report.target.rule}))] : null,
        report.working_days_open !== undefined ? h("span", {class: "place-point", id: "open-for"},
          // Reported today (or over a weekend): not "open for 0 working days".
          report.working_days_open ? tCount("report.page.open_for", report.working_days_open) : t("report.page.open_under_a_day"),
          " ",
          report.overdue ? h("strong", {class: "tag tag--red"}, t("report.page.overdue")) : null) : null) : null,
      (report.sent_to || []).map(s => row(t("report.page.sent_to"), s.summary,
        s.reference ? ` ${t("report.page.their_reference", {reference: s.reference})}` : "",
        s.not_theirs?.responsible ? ` ${t("report.page.responsible", {who: s.not_theirs.responsible})}` : "")),
      answers.map(([k, v]) => row(k, v)),
      report.description ? row(t("report.page.description"), report.description) : null,
      // Staff took words or photos off it: said to everyone, with when (never why).
      report.moderated ? row(t("report.page.moderated"), h("span", {id: "moderated"},
        t("report.page.moderated_on", {date: formatDate(report.moderated.at, true)}))) : null),
    report.view === "public" && !report.description
      ? h("p", {class: "body"}, t("report.page.private_category")) : null,
    (report.photos || []).length ? [h("h2", {class: "heading-m", id: "photos"}, t("report.page.photos")),
      h("ul", {class: "photo-list"}, report.photos.map((src, i) => h("li", {class: "photo-list__item"},
        h("img", {src, alt: t("report.page.photo_alt", {n: i + 1, category: report.service_name}),
          class: "photo-list__img photo-list__img--large", loading: "lazy"}),
        report.view === "private" ? withdrawButton(view, report, src, i, token) : null)))] : null,
    h("h2", {class: "heading-m"}, t("report.page.timeline")),
    h("ol", {class: "timeline", id: "timeline"}, withSends(updates, report.sent_to).reverse().map(u => h("li", {class: "timeline__item"},
      h("h3", {class: "heading-s timeline__title"}, u.kind === "created" ? t("report.page.created")
        : u.kind === "sent" ? t("report.page.sent_to_body", {body: u.body}) : tOr(`status.${u.status}`, u.status_label)),
      h("p", {class: "timeline__date"}, formatDate(u.created_at, true)),
      u.text ? h("p", {class: "body"}, u.text) : null))),
    // "Me too" from anyone else while it is open; its own people (the reporter, staff) see the count alone.
    h("h2", {class: "heading-m", id: "me-too"}, t(report.view === "public" ? "metoo.title" : "metoo.title_own")),
    report.view === "public" && report.open && report.description !== undefined
      ? [h("p", {class: "body"}, t("metoo.lead")), meToo(report)]
      : h("p", {class: "body"}, countText(report.supporters || 0)),
    // Its reporter hears of every change already (they gave an e-mail): following it would tell them twice.
    reporterHears(report) ? h("p", {class: "body", id: "you-hear"}, t("report.page.you_hear"))
      : [h("h2", {class: "heading-m", id: "follow"}, t("report.page.follow_title")),
        h("p", {class: "body"}, t("report.page.follow_lead")),
        h("a", {class: "button", href: `/alerts/new?kind=report&report=${encodeURIComponent(report.id)}`},
          t("report.page.follow"))],
    h("p", {class: "body"}, h("a", {id: "ask-us", href: `/chat?from=report&report=${encodeURIComponent(report.id)}`},
      t("chat.ask_us"))),
    report.tracking_url || token ? h("p", {class: "body"}, t("report.page.private_link")) : null);
  if (params.get("follow")) requestAnimationFrame(() => view.querySelector("#follow")?.scrollIntoView());
}
