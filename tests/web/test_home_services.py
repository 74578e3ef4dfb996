"""The home page's list of services (web/js/services.js): every service a
resident can use, each with its words in the catalogue, and each link leading
to a screen the router knows (or one of the entry paths other screens own)."""
import json
import re
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"
# Screens built elsewhere that the home page links to by these exact paths.
ENTRY_PATHS_BUILT_ELSEWHERE = {"/pay", "/forms", "/appointments"}


def services():
    text = (WEB / "js" / "services.js").read_text()
    listed = re.findall(r"\{group: \"(\w+)\", services: \[(.*?)\]\}", text, flags=re.S)
    return {group: re.findall(r"\{key: \"(\w+)\", href: \"([^\"]+)\"(?:, property: \"([\w-]+)\")?"
                              r"(?:, who: \"(\w+)\")?\}", body) for group, body in listed}


def routed(path):
    router = (WEB / "js" / "router.js").read_text()
    return f'"{path}":' in router or f"^{path}(" in router.replace("\\/", "/")


def test_the_home_page_groups_every_service_as_residents_think_of_them():
    groups = services()
    assert list(groups) == ["waste", "report", "pay", "say", "ask", "near", "account"]
    keys = {key for listed in groups.values() for key, *_ in listed}
    assert {"bin_days", "bulky", "garden", "missed_bin", "report", "track", "my_reports", "pay", "council_tax",
            "petitions", "chat", "forms", "appointments", "find", "alerts", "sign_in", "register", "account"} <= keys


def test_every_service_on_the_home_page_has_its_words_in_the_catalogue():
    catalogue = json.loads((WEB / "messages" / "en.json").read_text())
    for group, listed in services().items():
        assert catalogue.get(f"home.group.{group}"), group
        for key, *_ in listed:
            assert catalogue.get(f"home.{key}") and catalogue.get(f"home.{key}_hint"), key


def test_every_service_links_to_a_screen_the_router_knows_or_an_entry_path_built_elsewhere():
    hrefs = {href.split("?")[0] for listed in services().values() for _, href, *_ in listed}
    assert ENTRY_PATHS_BUILT_ELSEWHERE <= hrefs and "/petitions" in hrefs
    unknown = sorted(h for h in hrefs - ENTRY_PATHS_BUILT_ELSEWHERE if not routed(h))
    assert unknown == []


def test_sign_in_is_offered_only_to_guests_and_the_account_only_to_members():
    whom = {key: who for listed in services().values() for key, _, _, who in listed}
    assert whom["sign_in"] == "guest" and whom["register"] == "guest"
    assert whom["account"] == "member" and whom["my_reports"] == "member"
    home = (WEB / "js" / "screens" / "home.js").read_text()
    assert "servicesFor(signedIn())" in home


def test_every_service_an_address_page_offers_is_also_one_tap_from_home():
    """Hall hire sat under Bin days, then an address: two taps and a search. Whatever the property page
    links to (with or without its address) is on the home page too."""
    page = (WEB / "js" / "screens" / "property.js").read_text()
    offered = set(re.findall(r'href: [`"](/[a-z-]+)[?`"]', page)) - {"/property", "/chat"}
    assert {"/bulky", "/garden", "/missed-bin", "/containers", "/hire"} <= offered, offered
    home = {href.split("?")[0] for listed in services().values() for _, href, *_ in listed}
    assert offered - home == set()
