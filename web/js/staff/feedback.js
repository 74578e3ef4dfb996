// A service's feedback desk (/staff/feedback/<service>), for the officers its desk opens to:
// satisfaction week by week and by channel (a chart, and its table for a screen reader), the
// answers newest first with personal details masked as the API gives them, each tagged in the
// officers' own words (If-Match: another officer's tags meanwhile are shown, not overwritten),
// and "you said, we did" published on the service's page. /staff/feedback lists the services
// of the officer's desks.
import {api, query} from "../api.js";
import {barChart, figuresTable} from "../chart.js";
import {append, h} from "../dom.js";
import {button, errorsOf, input, onSubmit} from "../forms.js";
import {ratingLabel} from "../feedback.js";
import {formatDate, t, tCount} from "../i18n.js";
import {FEEDBACK_SERVICES, feedbackDesk, myDesks} from "./desks.js";
import {reasonForm, why} from "./reasons.js";
import {published, publishForm} from "./feedback-changes.js";

const ONLINE = "#1d4f91";  // both well over 3:1 against white (WCAG 1.4.11), as the public figures' charts
const ASSISTED = "#00703c";

export const serviceName = service => t(`staff.feedback.service.${service}`);

/** The Monday an ISO week ("2026-W48") begins on, as a calendar date. */
function monday(week) {
  const [year, number] = week.split("-W").map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const start = new Date(jan4);
  start.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  return start.toISOString().slice(0, 10);
}

const share = c => (c.answers ? Math.round((100 * c.satisfied) / c.answers) : null);
const shareCell = c => (c.answers ? t("staff.feedback.share", {share: share(c)}) : t("staff.feedback.no_share"));
const said = c => (c.answers ? t("staff.feedback.channel_line", {answers: tCount("staff.feedback.answers", c.answers),
  share: share(c)}) : t("staff.feedback.no_answers"));

function weeks(desk) {
  const total = desk.weeks.reduce((n, w) => n + w.online.answers + w.assisted.answers, 0);
  const label = w => t("staff.feedback.week", {date: formatDate(monday(w.week))});
  return h("section", {id: "feedback-weeks", "aria-labelledby": "feedback-weeks-title"},
    h("h2", {class: "heading-m", id: "feedback-weeks-title"}, t("staff.feedback.weeks_title")),
    h("p", {class: "body", id: "feedback-total"}, tCount("staff.feedback.total", total, {weeks: desk.weeks.length})),
    barChart({title: t("staff.feedback.weeks_title"), summary: t("staff.feedback.weeks_summary"), max: 100,
      series: [{name: t("staff.feedback.online"), colour: ONLINE}, {name: t("staff.feedback.assisted"), colour: ASSISTED}],
      rows: desk.weeks.map(w => ({label: t("staff.feedback.week_line", {week: label(w), online: said(w.online),
        assisted: said(w.assisted)}), values: [share(w.online) || 0, share(w.assisted) || 0]}))}),
    figuresTable({caption: t("staff.feedback.weeks_title"), numeric: i => i > 0,
      head: [t("staff.feedback.th_week"), t("staff.feedback.th_online"), t("staff.feedback.th_online_share"),
        t("staff.feedback.th_assisted"), t("staff.feedback.th_assisted_share")],
      rows: desk.weeks.map(w => [label(w), String(w.online.answers), shareCell(w.online),
        String(w.assisted.answers), shareCell(w.assisted)])}));
}

/** "Read as written": the words unmasked and the reply's address, asked for with a reason (audited by the
 * API); one answer's question open at a time, so its box is the screen's one "access_reason". */
function reveal(service, a) {
  if (!a.flagged.length && !a.reply_asked) return null;
  const press = button(t("staff.feedback.reveal"), {type: "button", secondary: true, onclick: () => {
    document.getElementById("feedback-reason")?.remove();
    const form = reasonForm({id: `feedback-${a.id}`, formId: "feedback-reason", lead: t("staff.feedback.why_lead"),
      label: t("staff.feedback.reveal"), open: async reason => {
        const whole = await api(`/v1/staff/feedback/${service}/answers/${a.id}/words`, {headers: why(reason)});
        form.replaceWith(h("div", {class: "inset feedback-answer__whole", tabindex: "-1"},
          h("p", {class: "body"}, h("strong", {}, t("staff.feedback.as_written")), " ",
            whole.improve || t("staff.feedback.no_words")),
          whole.reply_email ? h("p", {class: "body"}, h("strong", {}, t("staff.feedback.reply_to")), " ",
            h("a", {href: `mailto:${whole.reply_email}`}, whole.reply_email)) : null));
        press.remove();
      }});
    press.after(form);
    form.querySelector("textarea").focus();
  }});
  return press;
}

/** One answer; `note`: {text, role} said in it after a save ("status") or a refusal ("alert"). */
function answer(service, a, note = null) {
  const item = h("li", {class: "feedback-answer", id: `answer-${a.id.slice(0, 12)}`});
  const field = `tags-${a.id.slice(0, 12)}`;
  const form = h("form", {novalidate: true, class: "feedback-answer__form"},
    input({field, label: t("staff.feedback.tags"), hint: t("staff.feedback.tags_hint"), value: a.tags.join(", "),
      autocomplete: "off"}),
    button(t("staff.feedback.save_tags"), {secondary: true}));
  onSubmit(form, item, async () => {
    const tags = form.elements[field].value.split(",").map(x => x.trim()).filter(Boolean);
    try {
      const saved = await api(`/v1/staff/feedback/${service}/answers/${a.id}/tags`,
        {method: "PUT", body: {tags}, headers: {"If-Match": `"${a.version}"`}});
      item.replaceWith(answer(service, saved, {text: t("staff.feedback.tags_saved"), role: "status"}));
    } catch (error) {
      // Another officer tagged it meanwhile: theirs shown as it is now, to add to, never overwritten.
      if ((error.status === 409 || error.status === 412) && error.body?.current) {
        const theirs = {text: t("staff.feedback.tags_conflict"), role: "alert"};
        return item.replaceWith(answer(service, error.body.current, theirs));
      }
      throw error;
    }
  }, {[field]: t("staff.feedback.tags")});
  append(item,
    // A comment or compliment from the front door has no transaction, and may have no rating.
    h("h3", {class: "heading-s"}, a.kind === "comment" || a.kind === "compliment"
      ? [t(`staff.feedback.from_${a.kind}`), a.rating ? `: ${ratingLabel(a.rating)}` : ""] : ratingLabel(a.rating)),
    h("p", {class: "hint"}, t("staff.feedback.answer_meta", {when: formatDate(a.answered_at, true),
      channel: t(`staff.feedback.${a.channel}`)})),
    h("p", {class: "body feedback-answer__words"}, a.improve || t("staff.feedback.no_words")),
    a.flagged.length ? h("p", {class: "body"}, h("strong", {class: "tag tag--yellow"}, t("staff.feedback.flagged",
      {kinds: a.flagged.map(k => t(`staff.feedback.kind.${k}`)).join(", ")}))) : null,
    a.reply_asked ? h("p", {class: "body"}, t("staff.feedback.reply_asked")) : null,
    reveal(service, a),
    a.tags.length ? h("ul", {class: "feedback-answer__tags", "aria-label": t("staff.feedback.tags_given")},
      a.tags.map(x => h("li", {class: "tag tag--blue"}, x))) : null,
    note ? h("p", {class: "inset", role: note.role}, note.text) : null,
    form);
  return item;
}

function answers(service, desk, before) {
  const newer = before ? h("a", {href: `/staff/feedback/${service}`}, t("staff.feedback.newest")) : null;
  const older = desk.next ? h("a", {href: `/staff/feedback/${service}?${query({before: desk.next})}`, id: "feedback-older"},
    t("staff.feedback.older")) : null;
  return h("section", {"aria-labelledby": "feedback-answers-title"},
    h("h2", {class: "heading-m", id: "feedback-answers-title"}, t("staff.feedback.answers_title")),
    desk.answers.length ? h("ol", {class: "list feedback-answers"}, desk.answers.map(a => answer(service, a)))
      : h("p", {class: "body", id: "feedback-none"}, t("staff.feedback.none")),
    newer || older ? h("p", {class: "body"}, newer, newer && older ? " " : null, older) : null);
}

async function index(view) {
  append(view, h("h1", {class: "heading-l"}, t("staff.feedback.index_title")),
    h("p", {class: "body"}, t("staff.feedback.index_lead")));
  const mine = await myDesks().catch(() => null);
  const opened = mine ? new Set(mine.desks.map(d => d.id)) : null;
  const services = FEEDBACK_SERVICES.filter(s => !opened || mine.administrator || opened.has(feedbackDesk(s)));
  append(view, h("ul", {class: "list", id: "feedback-services"}, services.map(s =>
    h("li", {}, h("a", {href: `/staff/feedback/${s}`}, serviceName(s))))));
}

export async function render(view, {path, params}) {
  const service = path.split("/")[3];
  if (!service) return index(view);
  append(view, h("a", {class: "back-link", href: "/staff/feedback"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t("staff.feedback.title", {service: serviceName(service)})));
  const before = params.get("before");
  let desk;
  try {
    desk = await api(`/v1/staff/feedback/${service}${before ? `?${query({before})}` : ""}`);
  } catch (error) {
    return append(view, h("p", {class: "body", role: "alert"}, errorsOf(error)[0].message));
  }
  const changes = await published(service);
  append(view, weeks(desk), answers(service, desk, before), publishForm(view, service, changes));
}
