"""The app's files themselves: the JS+CSS budget (first load and the whole
app, gzipped as a CDN serves them), one message catalogue holding every
word, a service worker that keeps every module (installed or on first use), and no code
from anywhere but this site (the manifest is each council's: tests/councils/test_council_page.py)."""
import gzip
import json
import re
from pathlib import Path

from tests.web.journeys import heading

WEB = Path(__file__).resolve().parents[2] / "web"
BUDGET = 150 * 1024  # what a resident's phone loads and keeps
# Two ceilings, one each (docs/decisions/web.md): the staff desk's screens (web/js/staff/, fetched on
# a desk only) and everything else, a resident's or a crew's (every screen, kept or on first use, Leaflet).
DESK_CEILING = 120 * 1024
RESIDENT_CEILING = 265 * 1024
DESK = WEB / "js" / "staff"
# The landlords' portal (web/js/landlords/ and its print styles) is an office's, not a resident's daily app:
# a ceiling of its own, as the desk's (docs/decisions/web.md).
LANDLORDS_CEILING = 20 * 1024
LANDLORDS = (WEB / "js" / "landlords", WEB / "css" / "landlords.css")


def landlords_file(path):
    return path.is_relative_to(LANDLORDS[0]) or path == LANDLORDS[1]


def gzipped(data):
    return len(gzip.compress(data, compresslevel=6))


def test_the_first_load_is_within_150_kb_of_js_and_css_gzipped_as_the_readme_says(browser):
    loaded = {}
    page = browser.new_page()
    page.on("response", lambda r: loaded.__setitem__(r.url, r) if re.search(r"\.(js|css)$", r.url) else None)
    page.goto("/")
    heading(page, "Your council")
    page.wait_for_load_state("networkidle")
    first = sum(gzipped(r.body()) for r in loaded.values())
    assert "leaflet" not in " ".join(loaded)  # the map's code comes with the first map
    assert first <= BUDGET, f"first load: {first / 1024:.1f} KB of JS+CSS gzipped"
    readme_states("first load", FIRST_LOAD, first, len(loaded))


def test_the_residents_app_as_a_phone_keeps_it_is_within_the_budget_as_the_readme_says():
    """What a resident's phone downloads and keeps for offline use when the app
    installs: every JS and CSS file in the service worker's shell, Leaflet
    included. Screens kept on their first use count in the whole app below."""
    shell = set(re.findall(r'"(/[^"]+\.(?:js|css))"', listed("SHELL")))
    files = [WEB / path.lstrip("/") for path in sorted(shell)]
    assert any("leaflet" in p.name for p in files), "the service worker must keep the map's code"
    assert all(p.is_file() for p in files), [str(p) for p in files if not p.is_file()]
    total = sum(gzipped(p.read_bytes()) for p in files)
    assert total <= BUDGET, f"the resident's app: {total / 1024:.1f} KB of JS+CSS gzipped"
    readme_states("resident's app", KEPT_APP, total, len(files))


def every_file():
    files = [p for p in WEB.rglob("*") if p.suffix in (".js", ".css") and p.is_file()]
    files += [p for p in (WEB / "vendor").resolve().rglob("*") if p.suffix in (".js", ".css") and p.is_file()
              if (WEB / "vendor").is_symlink()]  # a worktree's vendor/ links to the main checkout's
    assert any("leaflet" in p.name for p in files), "web/vendor/ is missing: run `make web`"
    return files


def test_every_file_but_the_desks_is_within_its_ceiling_as_the_readme_says():
    """Every screen a resident or a crew may fetch, kept at install or on first use, Leaflet too."""
    files = [p for p in every_file() if not p.is_relative_to(DESK) and not landlords_file(p)]
    total = sum(gzipped(p.read_bytes()) for p in files)
    assert total <= RESIDENT_CEILING, f"every file but the desk's: {total / 1024:.1f} KB of JS+CSS gzipped"
    readme_states("resident and crew files", RESIDENT_FILES, total, len(files))


def test_the_staff_desks_screens_are_within_their_own_ceiling_as_the_readme_says():
    """The desk's screens come on staff desks only, on demand: a ceiling of their own."""
    files = [p for p in every_file() if p.is_relative_to(DESK)]
    total = sum(gzipped(p.read_bytes()) for p in files)
    assert files and total <= DESK_CEILING, f"the staff desk: {total / 1024:.1f} KB of JS+CSS gzipped"
    readme_states("staff desk", DESK_FILES, total, len(files))


def test_the_landlords_portal_is_within_its_own_ceiling_as_the_readme_says():
    """The landlords' screens come on the portal only, on demand: a ceiling of their own."""
    files = [p for p in every_file() if landlords_file(p)]
    total = sum(gzipped(p.read_bytes()) for p in files)
    assert files and total <= LANDLORDS_CEILING, f"the landlords' portal: {total / 1024:.1f} KB of JS+CSS gzipped"
    readme_states("landlords' portal", LANDLORD_FILES, total, len(files))


# The README's words for the four figures (its "Weight" paragraph), which these
# tests measure: a figure more than 3% out, or a file count that changed, fails.
FIRST_LOAD = re.compile(r"first load is \*\*([\d.]+) KB\*\* of JS\+CSS gzipped \((\d+) files")
KEPT_APP = re.compile(r"keeps the rest of the resident app, Leaflet included, \*\*([\d.]+) KB\*\* in all "
                      r"\((\d+) files\)")
RESIDENT_FILES = re.compile(r"Every other JS and CSS file in `web/` \(the screens kept on first use and the crews' "
                            r"screens too\) is \*\*([\d.]+) KB\*\* gzipped \((\d+) files")
LANDLORD_FILES = re.compile(r"The landlords' portal \(`web/js/landlords/` and its print styles\) is "
                            r"\*\*([\d.]+) KB\*\* gzipped \((\d+) files")
DESK_FILES = re.compile(r"The staff desk's screens \(`web/js/staff/`, fetched on a desk only\) are "
                        r"\*\*([\d.]+) KB\*\* gzipped \((\d+) files")


def readme_states(what, pattern, measured, files):
    text = " ".join((WEB.parent / "README.md").read_text().split())
    found = pattern.search(text)
    assert found, f"README.md no longer states the {what} figure ({pattern.pattern})"
    stated_kb, stated_files = float(found.group(1)), int(found.group(2))
    assert abs(stated_kb * 1024 - measured) <= 0.03 * measured and stated_files == files, (
        f"README.md says the {what} is {stated_kb} KB ({stated_files} files); it is "
        f"{measured / 1024:.1f} KB ({files} files): write that")


def test_the_first_screen_draws_without_moving_what_is_already_shown(browser):
    """Cumulative Layout Shift of the home screen's first draw below 0.1 (web.dev's
    "good"): the shell (header, navigation, footer) and then the screen are
    drawn by the script after the page has shown; the footer must not jump."""
    page = browser.new_page()
    page.add_init_script("""
        window.__shifts = [];
        const keep = entries => window.__shifts.push(...entries.filter(e => !e.hadRecentInput).map(e => e.value));
        window.__layout = new PerformanceObserver(list => keep(list.getEntries()));
        window.__layout.observe({type: "layout-shift", buffered: true});
        window.__keep = keep;
        document.addEventListener("doorstep:rendered", () => { window.__rendered = true; }, {once: true});
    """)
    page.goto("/")
    heading(page, "Your council")
    page.wait_for_load_state("networkidle")
    # The router says when the first screen is drawn; what could still move the
    # page then is a font swapped in or an image decoded. Once both are done and
    # two frames have been drawn after them, any shift is in the observer's records.
    page.wait_for_function("window.__rendered === true")
    shifts = page.evaluate("""async () => {
        await document.fonts.ready;
        await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
        await new Promise(drawn => requestAnimationFrame(() => requestAnimationFrame(drawn)));
        window.__keep(window.__layout.takeRecords());
        return window.__shifts;
    }""")
    print(f"layout shift of the first screen: {sum(shifts):.3f} ({len(shifts)} shifts)")
    assert sum(shifts) < 0.1, f"layout shifts while the first screen drew: {shifts}"


def test_every_message_the_code_names_is_in_the_catalogue():
    # The staff and crew screens' words come in their own files, with their first screen.
    catalogue = {**json.loads((WEB / "messages" / "en.json").read_text()),
                 **json.loads((WEB / "messages" / "staff.en.json").read_text()),
                 **json.loads((WEB / "messages" / "crew.en.json").read_text()),
                 **json.loads((WEB / "messages" / "landlords.en.json").read_text())}
    named = set()
    for path in (WEB / "js").rglob("*.js"):
        for call in re.finditer(r"\bt(Count|Or)?\(\s*\"([a-z_.A-Z]+)\"", path.read_text()):
            named.add(call.group(2) + (".other" if call.group(1) == "Count" else ""))
    missing = sorted(k for k in named if k not in catalogue)
    assert named and missing == []
    # Words are not written into the code: no visible English in the modules' strings.
    for path in (WEB / "js").rglob("*.js"):
        text = re.sub(r"//.*|/\*.*?\*/", "", path.read_text(), flags=re.S)
        prose = re.findall(r"\"([A-Z][a-z]+ [a-z]+ [^\"]*)\"", text)
        assert prose == [], f"{path.name} has words of its own: {prose}"


def listed(name):
    """The paths in one of the service worker's lists."""
    return (WEB / "sw.js").read_text().split(f"const {name} = [")[1].split("];")[0]


def test_the_service_worker_keeps_every_resident_module_and_no_staff_or_crew_one():
    kept = set(re.findall(r"\"(/[^\"]+)\"", listed("SHELL")))
    on_first_use = set(re.findall(r"\"(/[^\"]+)\"", listed("ON_FIRST_USE")))
    modules = {"/" + p.relative_to(WEB).as_posix() for p in (WEB / "js").rglob("*.js")}
    staff = {m for m in modules if m.startswith("/js/staff/")}
    crew = {m for m in modules if m.startswith("/js/crew/")}
    landlords = {m for m in modules if m.startswith("/js/landlords/")}  # an office's portal, kept by no phone
    # Each resident module is installed with the app or kept when first opened: a new one is placed
    # on purpose, and the screens that work offline (reporting, tracking, finding, forms) are installed.
    assert staff and crew and landlords and modules - staff - crew - landlords - kept - on_first_use == set()
    assert not kept & on_first_use and on_first_use <= modules
    assert {"/js/report/sent.js", "/js/screens/track.js", "/js/screens/find.js", "/js/forms/steps.js"} <= kept
    # A resident's phone installs no staff or crew code; a staff desk keeps what it used (network first).
    assert not any("staff" in path or "crew" in path or "landlords" in path for path in kept)
    assert {"/css/app.css", "/messages/en.json", "/config.json", "/vendor/leaflet/leaflet.js"} <= kept


def test_a_crew_phone_asks_the_service_worker_to_keep_every_crew_file():
    """A crew works all day without signal: every crew module, its words and
    styles are kept when the first crew screen opens (a new module missing
    from the list would be missing offline)."""
    entry = (WEB / "js" / "crew" / "crew.js").read_text()
    listed = set(re.findall(r"\"(/[^\"]+)\"", entry.split("CREW_FILES = [")[1].split("];")[0]))
    crew = {"/" + p.relative_to(WEB).as_posix() for p in (WEB / "js" / "crew").rglob("*.js")}
    assert listed == crew | {"/css/crew.css", "/messages/crew.en.json"}
    assert all((WEB / path.lstrip("/")).is_file() for path in listed)


def test_no_code_or_style_is_loaded_from_another_site():
    for path in [*WEB.glob("*.html"), *(WEB / "js").rglob("*.js"), *(WEB / "css").rglob("*.css")]:
        assert not re.search(r"(src|href)\s*[=:]\s*[\"'`]https?://|@import\s+url\(\s*[\"']?https?://",
                             path.read_text()), path
