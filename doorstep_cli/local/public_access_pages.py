"""The local Public Access's pages, in the markup Idox serves (as real
registers' pages recorded by uk_planning_scraper show it): the weekly list's
`searchCriteriaForm` with a hidden `_csrf`, `li.searchresult` rows with
`p.address` and `p.metaInfo`, a pager with `a.next`, and each tab's
`#simpleDetailsTable` of th/td rows. `changed=True` gives the details tables
the shape of a redesign (a definition list), for tests of a changed page."""
from html import escape

from doorstep_cli.local.public_access_data import status, written

ROOT = "/online-applications"
PER_PAGE = 10


def _page(title, body):
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Public Access'
            f'</title></head><body><div id="pa"><div class="container">{body}</div></div></body></html>').encode()


def weekly_form(csrf, mondays, wards):
    weeks = "".join(f'<option value="{m:%d %b %Y}">{m:%d %b %Y}</option>' for m in mondays)
    ward_options = '<option value="">All</option>' + "".join(
        f'<option value="{escape(w)}">{escape(w)}</option>' for w in wards)
    return _page("Weekly list", f"""
<h1>Weekly / Monthly Lists</h1>
<form name="searchCriteriaForm" method="post" action="{ROOT}/weeklyListResults.do?action=firstPage" id="weeklyListForm">
<input type="hidden" name="_csrf" value="{escape(csrf)}"/>
<input type="hidden" name="searchType" value="Application"/>
<label for="ward">Ward</label><select name="searchCriteria.ward" id="ward">{ward_options}</select>
<label for="week">Week beginning</label><select name="week" id="week">{weeks}</select>
<input type="radio" name="dateType" value="DC_Validated" checked="checked"/> Validated
<input type="radio" name="dateType" value="DC_Decided"/> Decided
<input type="submit" value="Search" class="button primary"/>
</form>""")


def results(rows, page, total, per_page=PER_PAGE):
    if not rows:
        return _page("Results", '<div id="searchResultsContainer"><div class="messagebox"><ul><li>No results found.'
                                '</li></ul></div></div>')
    pages = (total + per_page - 1) // per_page
    following = (f'<a href ="{ROOT}/pagedSearchResults.do?action=page&amp;searchCriteria.page={page + 1}" '
                 f'class="next">Next</a>') if page < pages else ""
    shown = f'<p class="pager top"><span class="showing"><strong>Showing {(page - 1) * per_page + 1}-' \
            f'{(page - 1) * per_page + len(rows)}</strong> of {total}</span>{following}</p>'
    items = "".join(f"""
<li class="searchresult">
  <a href="{ROOT}/applicationDetails.do?keyVal={a['key']}&amp;activeTab=summary">
    {escape(a['proposal'])}
  </a>
  <p class="address">{escape(a['address'])}</p>
  <p class="metaInfo">
    Ref. No: {escape(a['reference'])} <span class="divider">|</span>
    Received: {written(a['received'])} <span class="divider">|</span>
    Validated: {written(a['validated'])} <span class="divider">|</span>
    Status: {status(a)}
  </p>
</li>""" for a in rows)
    return _page("Results", f'<div id="searchResultsContainer">{shown}<ul id="searchresults">{items}</ul></div>')


def _table(rows, changed):
    if changed:
        return '<dl class="caseDetails">' + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows) + "</dl>"
    body = "".join(f'<tr><th scope="row">\n  {escape(k)}\n</th><td>\n  {escape(v)}\n</td></tr>' for k, v in rows)
    return f'<table id="simpleDetailsTable" summary="Case Details">{body}</table>'


def _tabs(key):
    return "".join(f'<a href="{ROOT}/applicationDetails.do?activeTab={tab}&amp;keyVal={key}" id="tab_{tab}">{label}</a>'
                   for tab, label in (("summary", "Summary"), ("details", "Further Information"),
                                      ("dates", "Important Dates"),
                                      ("makeComment", "Comments"), ("documents", "Documents")))


def summary(a, changed=False):
    rows = [("Reference", a["reference"]), ("Alternative Reference", "Not Available"),
            ("Application Received", written(a["received"])), ("Application Validated", written(a["validated"])),
            ("Address", a["address"]), ("Proposal", a["proposal"]), ("Status", status(a)),
            ("Decision", a["decision"] or "Not Available"), ("Decision Issued Date", written(a["decided"])),
            ("Appeal Status", a["appeal"] or "Unknown"), ("Appeal Decision", "Not Available")]
    return _page(f"Summary | {a['reference']}", _tabs(a["key"]) + _table(rows, changed))


def dates(a, changed=False):
    rows = [("Application Received Date", written(a["received"])),
            ("Application Validated Date", written(a["validated"])),
            ("Expiry Date", written(a["validated"] and a["consultation"])),
            ("Actual Committee Date", "Not Available"),
            ("Latest Neighbour Consultation Date", written(a["validated"])),
            ("Neighbour Consultation Expiry Date", written(a["neighbour"])),
            ("Standard Consultation Date", written(a["validated"])),
            ("Standard Consultation Expiry Date", written(a["consultation"])),
            ("Decision Made Date", written(a["decided"])), ("Decision Issued Date", written(a["decided"]))]
    return _page(f"Dates | {a['reference']}", _tabs(a["key"]) + _table(rows, changed))


def further(a, changed=False):
    """The "Further Information" tab: the application's type, and who applied (read by no one: Doorstep keeps
    only the rows it reads by label)."""
    rows = [("Application Type", a["type"]), ("Expected Decision Level", "Delegated Decision"),
            ("Case Officer", "Not Available"), ("Parish", "Not Available"), ("Ward", a["ward"]),
            ("Applicant Name", "A Fictional Applicant"), ("Agent Name", "Not Available")]
    return _page(f"Further Information | {a['reference']}", _tabs(a["key"]) + _table(rows, changed))


def comment(a, open_):
    words = ("<p>Make a comment on this application. You need to be registered and logged in.</p>"
             if open_ else "<p>The consultation period for this application has expired.</p>")
    return _page(f"Comments | {a['reference']}", _tabs(a["key"]) + words)


def error_page():
    """What Public Access serves, with HTTP 200, when it fails inside."""
    return _page("Error", '<div class="messagebox errors"><h2>Error</h2><p>An error has occurred. Please try again '
                          'later.</p></div>')


def asleep():
    return _page("Unavailable", "<h1>Service temporarily unavailable</h1><p>Public Access is unavailable overnight "
                                "for maintenance. Please try again after 06:30.</p>")


def not_found():
    return _page("Error", '<div class="messagebox errors"><p>The application could not be found.</p></div>')
