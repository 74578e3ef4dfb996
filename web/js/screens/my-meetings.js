// My meetings: the council meetings' items you were told of, each with why
// (only you see this), and your private calendar link: made, shown once,
// replaced or stopped here.
import {api} from "../api.js";
import {append, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDay, t} from "../i18n.js";
import {navigate} from "../navigation.js";
import {signedIn} from "../session.js";

function why(r) {
  return t(`my_meetings.why.${r.why}`, {ward: r.ward || r.ward_name || "", report: r.report_id || "",
    petition: r.petition_id || "", topic: r.topic || "", committee: r.committee || ""});
}

function meeting(m) {
  return h("li", {class: "card"},
    h("h2", {class: "heading-s card__title"}, h("a", {href: `/meetings/${m.meeting_id}`}, m.committee_title)),
    h("p", {class: "card__meta"}, m.time ? t("meetings.at", {day: formatDay(m.date), time: m.time}) : formatDay(m.date)),
    h("ul", {class: "list"}, m.items.map(i => h("li", {},
      h("a", {href: `/meetings/${m.meeting_id}#item-${i.id}`, class: "link"}, i.title),
      h("p", {class: "hint"}, i.reasons.map(why).join(" "))))));
}

export async function render(view) {
  if (!signedIn()) return navigate("/sign-in?next=/account/meetings", {replace: true});
  append(view, h("a", {class: "back-link", href: "/account"}, t("nav.back")),
    h("h1", {class: "heading-l"}, t("my_meetings.title")), h("p", {class: "body"}, t("my_meetings.intro")));
  let mine;
  try {
    mine = await api("/v1/me/meetings");
  } catch (error) {
    return append(view, h("p", {class: "body"}, errorsOf(error)[0].message));
  }
  append(view, mine.meetings.length ? h("ul", {class: "cards", id: "my-meetings"}, mine.meetings.map(meeting))
    : h("p", {class: "body", id: "my-meetings-none"}, t("my_meetings.none")));
  const link = h("div", {id: "my-calendar", "aria-live": "polite"});
  const make = button(t(mine.calendar.active ? "my_meetings.calendar_new" : "my_meetings.calendar_make"),
    {type: "button", id: "my-calendar-make"});
  const stop = button(t("my_meetings.calendar_stop"), {type: "button", secondary: true, id: "my-calendar-stop"});
  make.addEventListener("click", async () => {
    const made = await api("/v1/me/meetings/calendar", {method: "POST", body: {}});
    link.replaceChildren(h("p", {class: "body"}, t("my_meetings.calendar_shown")),
      h("p", {class: "body"}, h("a", {href: made.url, id: "my-calendar-url"}, made.url)));
  });
  stop.addEventListener("click", async () => {
    await api("/v1/me/meetings/calendar", {method: "DELETE"});
    link.replaceChildren(h("p", {class: "body", id: "my-calendar-stopped"}, t("my_meetings.calendar_stopped")));
  });
  append(view, h("h2", {class: "heading-m"}, t("my_meetings.calendar")), h("p", {class: "body"},
    t("my_meetings.calendar_intro")), make, mine.calendar.active ? stop : null, link);
}
