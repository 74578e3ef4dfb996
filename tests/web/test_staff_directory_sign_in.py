"""Issue 79's "done means", in the browser: a York officer signs in at York's address with York's
directory (the local one of Entra ID's shape, over real HTTP) and sees exactly the desks of their
groups; taken out of a group there, they lose that desk at their next sign-in; turned off there, the
directory tells York by SCIM and their open desk's next step is refused, saying why."""
import copy

import pytest
from playwright.sync_api import expect

from chalicelib.councils import registry, settings
from chalicelib.storage.councils import CouncilStore
from doorstep_cli.local.directory import LocalDirectory
from doorstep_cli.local.directory_demo import CLIENT_ID, GROUPS, TENANT, seed
from tests.web.browser import check_accessible
from tests.web.desk import desk  # noqa: F401 (a fixture)

TOM = "2715cd35-c068-4d39-b86a-7c62b260ab57"  # Revenues and Benefits, and Finance
FINANCE = next(oid for oid, name, _ in GROUPS if name == "Finance")
SECRET = "york~browser~secret"
SCIM_TOKEN = "york-browser-scim-token-" + "d" * 20


@pytest.fixture
def york_directory(stack, tmp_path, monkeypatch):
    """York's stored settings pointed at a directory of the test's own, its client registered there."""
    from chalicelib.auth import code_flow
    store = CouncilStore()
    kept, version = store.get("york", consistent=True)
    with LocalDirectory(tmp_path / "directory.json", TENANT, seed=seed, tenant_name="City of York Council") as served:
        changed = copy.deepcopy(kept)
        changed["staff_sign_in"] = copy.deepcopy(kept.get("staff_sign_in") or _york_section())
        changed["staff_sign_in"]["providers"][0]["issuer"] = served.issuer
        served.register(CLIENT_ID, [f"{stack.url}/sign-in/staff/return"], [f"{stack.url}/signed-out"], secret=SECRET)
        monkeypatch.setenv("DOORSTEP_SECRET_YORK_ENTRA_CLIENT", SECRET)
        monkeypatch.setenv("DOORSTEP_SECRET_YORK_SCIM_TOKEN", SCIM_TOKEN)
        settings.write(store, changed, version, stack.deps().clock(), "test")
        registry.forget("york")
        try:
            yield served
        finally:
            now = CouncilStore().get("york", consistent=True)[1]
            settings.write(store, kept, now, stack.deps().clock(), "test")
            registry.forget("york")
            code_flow.forget_discovery()


def _york_section():
    from support.councils_support import york
    return york()["staff_sign_in"]


def sign_in_with_directory(page, person_name):
    page.goto("/sign-in?next=/staff")
    page.get_by_role("button", name="Use your City of York Council account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Microsoft Entra ID (local)")
    page.get_by_role("button", name=f"Sign in as {person_name}").click()


def test_an_officer_signs_in_with_yorks_directory_and_loses_a_desk_with_its_group(desk, york_directory):
    page = desk.new_page()
    page.goto("/sign-in?next=/staff")
    expect(page.get_by_role("heading", name="Council staff")).to_be_visible()
    check_accessible(page, "sign-in with the council's directory")
    sign_in_with_directory(page, "Tom Hughes")
    menu = page.get_by_role("navigation", name="Staff").get_by_role("link")
    expect(menu).to_have_text(["Payments", "Cash file and reconciliation", "Payment links", "Council tax",
                               "Landlords to approve", "Feedback", "Phone and face-to-face contacts"])

    york_directory.people.remove_member(FINANCE, TOM)  # Finance's desk is payments
    page.goto("/account")
    page.get_by_role("button", name="Sign out").click()
    # By the directory's own sign-out, which ends its session and sends the officer back to York's address.
    expect(page).to_have_url(f"{desk.stack.url}/signed-out")
    expect(page.locator("#signed-out")).to_have_text(
        "You have signed out of Doorstep and of your council account on this device.")
    check_accessible(page, "signed out of Doorstep and the council's directory")

    page.goto(f"{desk.stack.url}/sign-in?next=/staff")
    page.get_by_role("button", name="Use your City of York Council account").click()
    page.get_by_role("button", name="Sign in as Tom Hughes").click()  # silently signed in there no more
    expect(menu).to_have_text(["Payment links", "Council tax", "Landlords to approve", "Feedback",
                               "Phone and face-to-face contacts"])  # Finance's payments desks gone


def test_an_officer_turned_off_in_the_directory_is_refused_at_their_open_desks_next_step(desk, york_directory):
    page = desk.new_page()
    sign_in_with_directory(page, "Tom Hughes")
    menu = page.get_by_role("navigation", name="Staff").get_by_role("link")
    expect(menu.first).to_be_visible()
    york_directory.provision_to(f"{desk.stack.url}/scim/v2", SCIM_TOKEN, first_wait=0.05)
    assert york_directory.people.settled(lambda state: not state["pending"], 60), york_directory.people.queue_state()
    york_directory.people.update_user(TOM, {"accountEnabled": False})
    assert york_directory.people.settled(lambda state: not state["pending"], 60), york_directory.people.queue_state()
    page.get_by_role("link", name="Council tax").click()  # the open desk's next step
    expect(page.locator("#screen")).to_contain_text("Your council has turned off your account in its staff directory")
