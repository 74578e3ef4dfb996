// The repairs desk's board (/staff/repairs): open repairs late, due today and
// at risk, each with the clock that put it there and, when the Right to
// Repair's first period has run out, the second contractor proposed. One
// read of the board (the API reads only the repairs it shows).
import {api} from "../api.js";
import {append, clear, h} from "../dom.js";
import {button, errorsOf} from "../forms.js";
import {formatDate, t, tOr} from "../i18n.js";

const COLUMNS = ["late", "due_today", "at_risk"];

function soonest(row) {
  return row.clocks.slice().sort((a, b) => a.due.localeCompare(b.due))[0];
}

function line(row) {
  const clock = soonest(row);
  return h("tr", {},
    h("td", {}, h("a", {href: `/staff/repairs/${row.id}`}, row.id)),
    h("td", {}, row.address),
    h("td", {}, tOr(`staff.repairs.priority.${row.priority}`, row.priority)),
    h("td", {}, clock ? [tOr(`staff.repairs.clock.${clock.clock}`, clock.clock), ": ", formatDate(clock.due, true),
      clock.by ? h("span", {class: "hint"}, " ", t("staff.repairs.board_by", {by: clock.by})) : null] : ""),
    h("td", {}, row.proposal ? h("strong", {class: "tag tag--yellow"}, t(`staff.repairs.propose.${row.proposal}`)) : ""));
}

function column(name, rows) {
  const heading = h("h2", {class: "heading-m", id: `repairs-${name}`}, t(`staff.repairs.col.${name}`, {n: rows.length}));
  if (!rows.length) return [heading, h("p", {class: "body"}, t("staff.repairs.none"))];
  return [heading, h("div", {class: "table-wrap"}, h("table", {class: "table", "aria-labelledby": `repairs-${name}`},
    h("thead", {}, h("tr", {}, ["ref", "address", "priority", "clock", "proposal"].map(c =>
      h("th", {scope: "col"}, t(`staff.repairs.th.${c}`))))),
    h("tbody", {}, rows.map(line))))];
}

async function draw(box) {
  clear(box);
  let board;
  try {
    board = await api("/v1/staff/repairs/board");
  } catch (error) {
    return append(box, h("p", {class: "body", role: "alert"}, errorsOf(error)[0].message));
  }
  append(box, ...COLUMNS.flatMap(name => column(name, board[name])),
    button(t("staff.repairs.again"), {type: "button", secondary: true, onclick: () => draw(box)}));
}

export async function render(view) {
  const box = h("div", {id: "repairs-board"});
  append(view, h("h1", {class: "heading-l"}, t("staff.repairs.title")), h("p", {class: "body"}, t("staff.repairs.lead")),
    box);
  await draw(box);
}
