"""The local Public Access's pages, in the shapes councils' registers serve
(real pages, trimmed, in chalicelib/handlers/planning/idox/fixtures/, and
tests/planning/test_local_public_access.py holding these to them): the
weekly list's `searchCriteriaForm` with a hidden `_csrf`; results as
`li.searchresult` rows (`p.address`, `p.metaInfo`) under a pager of
`span.showing`, page links and `a.next`; an application's page with its
`div.addressCrumb`, the tabs (`ul.tabs`, subtabs `subtab_summary`,
`subtab_details`, `subtab_dates`) and its rows as `th scope=row`/`td` pairs in
the table each tab is rendered in: the summary's and the dates'
`table#simpleDetailsTable`, "Further Information"'s `table#applicationDetails`,
with the rows real registers label so. `changed=True` gives the tables the
shape of a redesign (a definition list), for tests of a changed page;
`without` leaves rows out by their label, as a register missing one."""
from html import escape

from doorstep_cli.local.public_access_data import status, written

ROOT = "/online-applications"
PER_PAGE = 10
SUBTABS = ("summary", "details", "dates")


def _page(title, heading, body):
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
            f'<body><div id="idox"><div id="pa"><div class="container"><div id="pageheading"><h1><strong>Planning'
            f'</strong>&nbsp;&ndash;&nbsp;{escape(heading)}</h1></div><div class="content">{body}</div></div></div>'
            f'</div></body></html>').encode()


def weekly_form(csrf, mondays, wards):
    weeks = "".join(f'<option value="{m:%d %b %Y}">{m:%d %b %Y}</option>' for m in mondays)
    ward_options = '<option value="">All</option>' + "".join(
        f'<option value="{escape(w)}">{escape(w)}</option>' for w in wards)
    return _page("Weekly List", "Weekly/Monthly Lists", f"""
<form name="searchCriteriaForm" method="post" action="{ROOT}/weeklyListResults.do?action=firstPage" id="weeklyListForm">
<input type="hidden" name="_csrf" value="{escape(csrf)}"/>
<input type="hidden" name="searchType" value="Application"/>
<label for="ward">Ward</label><select name="searchCriteria.ward" id="ward">{ward_options}</select>
<label for="week">Week beginning</label><select name="week" id="week">{weeks}</select>
<input type="radio" name="dateType" value="DC_Validated" checked="checked"/> Validated
<input type="radio" name="dateType" value="DC_Decided"/> Decided
<input type="submit" value="Search" class="button primary"/>
</form>""")


def _pager(page, pages, shown, total, where):
    def link(n, cls, words):
        return f'<a href ="{ROOT}/pagedSearchResults.do?action=page&amp;searchCriteria.page={n}" class="{cls}">{words}</a>'
    numbers = "".join('<span class="divider">|</span>' + (f"<strong>{n}</strong>" if n == page else link(n, "page", n))
                      for n in range(1, pages + 1))
    following = f'<span class="divider">|</span>{link(page + 1, "next", "Next")}' if page < pages else ""
    return f'<p class="pager {where}"><span class="showing"><strong>Showing {shown}</strong> of {total}</span>' \
           f'{numbers if pages > 1 else ""}{following}</p>'


def results(rows, page, total, per_page=PER_PAGE):
    if not rows:
        return _page("Search Results", "Results for Application Search",
                     '<div id="searchResultsContainer" class="panel"><div class="messagebox"><ul><li>No results found.'
                     '</li></ul></div></div>')
    pages = (total + per_page - 1) // per_page
    shown = f"{(page - 1) * per_page + 1}-{(page - 1) * per_page + len(rows)}"
    items = "".join(f"""
<li class="searchresult">
  <a href="{ROOT}/applicationDetails.do?keyVal={a['key']}&amp;activeTab=summary">
    {escape(a['proposal'])}
  </a>
  <p class="address">
    {escape(a['address'])}
  </p>
  <p class="metaInfo">
    Ref. No:
    {escape(a['reference'])}
    <span class="divider">|</span>
    Received:
    {written(a['received'])}
    <span class="divider">|</span>
    Validated:
    {written(a['validated'])}
    <span class="divider">|</span>
    Status:
    {status(a)}
  </p>
</li>""" for a in rows)
    return _page("Search Results", "Results for Application Search",
                 f'<div id="searchResultsContainer" class="panel">{_pager(page, pages, shown, total, "top")}'
                 f'<div class="col-a"><ul id="searchresults">{items}</ul></div>'
                 f'{_pager(page, pages, shown, total, "bottom")}</div>')


def _table(table_id, rows, changed, without=()):
    rows = [(k, v) for k, v in rows if k not in without]
    if changed:
        return '<dl class="caseDetails">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows) + "</dl>"
    def cell(label, value):
        shown = f'<span class="caseDetailsStatus">{escape(value)}</span>' if label == "Status" else escape(value)
        return f'\n<tr>\n  <th scope="row" width="40%">\n    {escape(label)}\n  </th>\n  <td>\n    {shown}\n  </td>\n</tr>'
    return f'<table id="{table_id}">{"".join(cell(k, v) for k, v in rows)}\n</table>'


def _tabs(key, active):
    """The tabs as registers show them: "Details" with its three subtabs, then Comments; an empty Documents
    tab is a span, as with no documents."""
    def link(tab, words, id_, shown):
        marked = ' class="active"' if shown else ""
        return f'<a href="{ROOT}/applicationDetails.do?activeTab={tab}&amp;keyVal={key}" id="{id_}"{marked}>' \
               f'<span>{words}</span></a>'
    subtabs = "".join(f"<li>{link(tab, words, f'subtab_{tab}', active == tab)}</li>"
                      for tab, words in (("summary", "Summary"), ("details", "Further Information"),
                                         ("dates", "Important Dates")))
    return (f'<ul class="tabs"><li>{link("summary", "Details", "tab_summary", active in SUBTABS)}'
            f'<ul class="subtabs">{subtabs}</ul></li>'
            f'<li>{link("makeComment", "Comments", "tab_makeComment", active == "makeComment")}</li>'
            '<li class="nodocuments"><span>Documents (0)</span></li></ul>')


def _application(a, tab, heading, body):
    crumb = (f'<div class="addressCrumb"><span class="caseNumber">{escape(a["reference"])}</span>'
             f'<span class="divider1">|</span><span class="description">{escape(a["proposal"])}</span>'
             f'<span class="divider2">|</span><span class="address">{escape(a["address"])}</span></div>')
    return _page(f"{a['reference']} | {a['proposal']} | {a['address']}", heading,
                 f'{crumb}{_tabs(a["key"], tab)}<div class="tabcontainer">{body}</div>')


def summary(a, changed=False, without=()):
    rows = [("Reference", a["reference"]), ("Alternative Reference", "Not Available"),
            ("Application Received", written(a["received"])), ("Application Validated", written(a["validated"])),
            ("Address", a["address"]), ("Proposal", a["proposal"]), ("Status", status(a)),
            ("Decision", a["decision"] or "Not Available"), ("Decision Issued Date", written(a["decided"])),
            ("Appeal Status", a["appeal"] or "Unknown"), ("Appeal Decision", "Not Available")]
    return _application(a, "summary", "Application Summary", _table("simpleDetailsTable", rows, changed, without))


def dates(a, changed=False, without=()):
    rows = [("Application Received Date", written(a["received"])),
            ("Application Validated Date", written(a["validated"])),
            ("Expiry Date", written(a["validated"] and a["consultation"])),
            ("Actual Committee Date", "Not Available"),
            ("Latest Neighbour Consultation Date", written(a["validated"])),
            ("Neighbour Consultation Expiry Date", written(a["neighbour"])),
            ("Standard Consultation Date", written(a["validated"])),
            ("Standard Consultation Expiry Date", written(a["consultation"])),
            ("Decision Made Date", written(a["decided"])), ("Decision Issued Date", written(a["decided"]))]
    return _application(a, "dates", "Important Dates", _table("simpleDetailsTable", rows, changed, without))


def further(a, changed=False, without=()):
    """The "Further Information" tab: the application's type, and who applied (read by no one: Doorstep keeps
    only the rows it reads by label)."""
    rows = [("Application Type", a["type"]), ("Expected Decision Level", "Delegated Decision"),
            ("Case Officer", "Not Available"), ("Ward", a["ward"]),
            ("Applicant Name", "A Fictional Applicant"), ("Agent Name", "Not Available")]
    return _application(a, "details", "Application Details", _table("applicationDetails", rows, changed, without))


def comment(a, open_):
    words = ("<p>Make a comment on this application. You need to be registered and logged in.</p>"
             if open_ else "<p>The consultation period for this application has expired.</p>")
    return _application(a, "makeComment", "Make a Comment", words)


def error_page():
    """What Public Access serves, with HTTP 200, when it fails inside."""
    return _page("Error", "Error", '<div class="messagebox errors"><h2>Error</h2><p>An error has occurred. Please '
                                   'try again later.</p></div>')


def asleep():
    return _page("Unavailable", "Service temporarily unavailable",
                 "<p>Public Access is unavailable overnight for maintenance. Please try again after 06:30.</p>")


def not_found():
    return _page("Error", "Error", '<div class="messagebox errors"><p>The application could not be found.</p></div>')
