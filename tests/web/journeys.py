"""The steps of reporting a problem, as a resident takes them in the app.
Each step checks what the resident would see before moving on; `axe=True`
also runs axe-core on the screen."""
import io
import re
import threading
from contextlib import contextmanager

from playwright.sync_api import expect

from tests.web.browser import PASSWORD, WAIT_MS, check_accessible


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_contain_text(text)


def start_report(page, category, search=None, axe=False):
    page.goto("/")
    page.get_by_role("link", name="Report a problem").click()
    heading(page, "What is the problem?")
    if search:
        page.get_by_label("Search for a problem").fill(search)
        expect(page.locator("#category-count")).to_contain_text("match")
    page.get_by_label(category, exact=True).check()
    if axe:
        check_accessible(page, "report: category")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Where is the problem?")


def place_by_gps(page, axe=False):
    page.get_by_role("button", name="Use my current location").click()
    expect(page.locator("#chosen-location")).to_contain_text("your current location")
    # Who takes it is said above Continue once the API answers: press Continue after, not as it moves.
    expect(page.locator("#who-takes-it")).to_have_attribute("data-state", "settled")
    if axe:
        expect(page.locator(".map-notice")).to_be_visible()  # no tiles here: the map is a plain panel
        check_accessible(page, "report: location")
    page.get_by_role("button", name="Continue").click()


def place_by_postcode(page, postcode, address):
    page.get_by_label("Postcode or street").fill(postcode)
    page.get_by_role("button", name="Find", exact=True).click()
    page.get_by_label("Choose the nearest address").select_option(label=address)
    expect(page.locator("#chosen-location")).to_contain_text(address)
    expect(page.locator("#who-takes-it")).to_have_attribute("data-state", "settled")
    page.get_by_role("button", name="Continue").click()


def not_one_of_these(page):
    """Past "Is it one of these?" when it is shown."""
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Is it one of these|Tell us about"))
    if "one of these" in page.get_by_role("heading", level=1).inner_text():
        page.get_by_role("button", name="No, mine is a new problem").click()
    heading(page, "Tell us about")


def describe(page, description, choices=(), photos=(), axe=False):
    for label in choices:
        page.get_by_label(label, exact=True).check()
    if photos:
        add_photos(page, photos)
        expect(page.locator(".photo-list img")).to_have_count(len(photos))
    page.get_by_label("Describe the problem").fill(description)
    if axe:
        check_accessible(page, "report: details")
    page.get_by_role("button", name="Continue").click()
    heading(page, "Your details")


def add_photos(page, photos):
    """Through the photo button, as a resident does: it opens the phone's camera or gallery."""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=re.compile("Take or choose")).click()
    chooser.value.set_files(list(photos))


def send(page, name=None, email=None, axe=False):
    if name:
        page.get_by_label("Full name").fill(name)
    if email:
        page.get_by_label("Email address").fill(email)
    if axe:
        check_accessible(page, "report: your details")
    page.get_by_role("button", name="Send report").click()


def sent_reference(page):
    heading(page, "Report sent")
    return page.locator("#reference").inner_text()


def report_a_pothole(page, description, size, name, email):
    """A pothole reported from where the phone is, to its confirmation: its reference."""
    start_report(page, "Pothole")
    place_by_gps(page)
    not_one_of_these(page)
    describe(page, description, choices=[size])
    send(page, name=name, email=email)
    return sent_reference(page)


def phone_photo(tmp_path, name="photo.jpg", size=(3000, 2000)):
    """A large camera JPEG with EXIF GPS, as a phone takes it."""
    from PIL import Image
    image = Image.new("RGB", size, (110, 90, 70))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (53.0, 57.0, 35.0), 3: "W", 4: (1.0, 5.0, 3.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, quality=95)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def sign_in(page, email, next_path="/account"):
    """Signed in once the page has left the sign-in screen: the page reads the account (`/v1/me`) before
    it goes on, so nothing the journey does next races the first sign-in's own writes (at a council new to
    the account, naming it on the account raises the account's version)."""
    signing_in(page, email, next_path)
    page.wait_for_url(lambda url: "/sign-in" not in url, timeout=WAIT_MS)


def signing_in(page, email, next_path="/account"):
    """"Sign in" pressed, whatever follows (a refusal the journey looks for)."""
    page.goto(f"/sign-in?next={next_path}")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@contextmanager
def effect_held_back(monkeypatch, module, name, fails=False):
    """Within the block: an event's effect (`module.name`) made by the stream's worker alone, the request's
    own try never happening, and only once released: the page is shown before what the effect makes, as on
    a busy day. `fails`: once released it fails, and is given up at once (as at its last try). After the
    block, requests try their events' effects again (a payment's return settles it)."""
    from chalicelib.handlers.shared import effects
    released, effect = threading.Event(), getattr(module, name)

    def held(*args):
        released.wait(WAIT_MS / 1000)  # however long: the effect runs, as a slow worker's would
        if fails:
            raise RuntimeError("the back office refused it")
        return effect(*args)
    with monkeypatch.context() as patched:
        patched.setattr(effects, "first_try", lambda deps, events: None)
        patched.setattr(module, name, held)
        if fails:
            patched.setattr(effects, "ATTEMPTS", 1)
        try:
            yield released
        finally:
            released.set()


def pressed_and_made_after(page, monkeypatch, effect, button, title, note, waiting, done):
    """`button` pressed with `effect` (module, name) held back: the page titled `title` shows its `note`
    saying `waiting`, then, the effect let go, says `done` with no reload."""
    with effect_held_back(monkeypatch, *effect) as released:
        page.get_by_role("button", name=button).click()
        heading(page, title)
        expect(page.locator(note)).to_be_visible()
        expect(page.locator(note)).to_contain_text(waiting)
        released.set()
    expect(page.locator(note)).to_have_text(done)
