"""Idox Public Access pages as councils' registers answered them (the idox
folder's fixtures, named in its README), replayed over HTTP for the adapter,
and the shape of a page, to hold the local Public Access to real ones."""
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from chalicelib.handlers.planning.idox import dom, pages

FIXTURES = Path(__file__).resolve().parents[2] / "chalicelib" / "handlers" / "planning" / "idox" / "fixtures"
BRIGHTON_KEY = "PFRW7ODM0P000"  # BH2018/03004 on Brighton & Hove's register
TABS = ("summary", "details", "dates")


def saved(name):
    return (FIXTURES / name).read_bytes()


class SavedRegister:
    """Answers `applicationDetails.do?activeTab=...&keyVal=` with the saved page of that tab (as
    Brighton answered: 200, text/html;charset=ISO-8859-1), 404 for anything else; `calls` lists
    each (path, activeTab) asked."""

    def __init__(self, tabs):
        from doorstep_cli.local.serving import ThreadedServer
        self.tabs, self.calls = tabs, []
        self.server = ThreadedServer()
        self.root = self.server.serve("127.0.0.1", 0, self._handler(), "saved-idox") + "/online-applications/"

    def _handler(self):
        from http.server import BaseHTTPRequestHandler
        register = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                register.calls.append((parts.path, query.get("activeTab")))
                name = register.tabs.get((query.get("keyVal"), query.get("activeTab")))
                body = saved(name) if parts.path.endswith("/applicationDetails.do") and name else b"Not Found"
                self.send_response(200 if name else 404)
                self.send_header("Content-Type", "text/html;charset=ISO-8859-1")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.server.close()


def labels(raw, table_id):
    """The row labels of a page's table, in order."""
    table = pages.page(raw).find("table", id=table_id)
    return [row.find("th").text() for row in table.find_all("tr") if row.find("th") is not None]


def tab_shape(raw):
    """What a reader of an application's tab relies on, apart from its words: the tab links by
    their ids and which is active, the tables inside `div.tabcontainer` by id, each row's cells
    (a `th scope=row` then a `td`), and how the status is marked."""
    tree = pages.page(raw)
    links = tree.find("ul", cls="tabs") or dom.Node("ul", {})  # a page without one shows no links
    container = tree.find("div", cls="tabcontainer") or dom.Node("div", {})
    crumb = tree.find("div", cls="addressCrumb") or dom.Node("div", {})
    status = tree.find("span", cls="caseDetailsStatus")
    return {
        "links": sorted(a.get("id") for a in links.find_all("a") if a.get("id") in _TAB_LINKS),
        "active": [a.get("id") for a in links.find_all("a", cls="active")],
        "tables": [table.get("id") for table in container.find_all("table")],
        "rows": sorted({_cells(row) for row in container.find_all("tr")}),
        "status_marked": status is not None and status.parent.tag == "td",
        "crumb": [span.get("class") for span in crumb.find_all("span")
                  if span.get("class") in ("caseNumber", "description", "address")],
    }


def results_shape(raw):
    """A results page as readers rely on it: rows `li.searchresult` in `ul#searchresults` with a link to
    the summary tab, `p.address` and `p.metaInfo` by its labels; the pager's `span.showing` and `a.next`."""
    tree = pages.page(raw)
    rows = list((tree.find("ul", id="searchresults") or dom.Node("ul", {})).find_all("li", cls="searchresult"))
    pager = tree.find("p", cls="pager")
    return {
        "row": sorted({(row.find("a") is not None and "activeTab=summary" in row.find("a").get("href"),
                        row.find("p", cls="address") is not None,
                        tuple(part.partition(":")[0].strip() for part in row.find("p", cls="metaInfo").text().split("|")))
                       for row in rows}),
        "pager": pager is not None and pager.find("span", cls="showing") is not None
        and pager.find("a", cls="next") is not None,
    }


_TAB_LINKS = {"subtab_summary", "subtab_details", "subtab_dates", "tab_makeComment"}


def _cells(row):
    cells = [c for c in row.children if isinstance(c, dom.Node)]
    return tuple((c.tag, c.get("scope")) for c in cells)
