"""Every screen that asks a resident for personal data links, above its button, to the part of the
council's privacy notice that says what happens to it (UK GDPR Article 13: at the point of collection),
and every part it links to is one the notice has."""
import re
from pathlib import Path

from chalicelib.handlers.privacy.wording import PARTS

WEB = Path(__file__).resolve().parents[2] / "web" / "js"

# The screen's file and the notice's part for what it collects.
COLLECTING = {
    "report/contact.js": "reports", "screens/register.js": "account", "screens/alert-new.js": "alerts",
    "feedback.js": "feedback", "screens/bulky.js": "bulky", "screens/garden.js": "garden",
    "screens/missed-bin.js": "missed_bin", "screens/containers.js": "containers",
    "screens/repair-report.js": "repairs", "screens/pay.js": "pay", "screens/council-tax.js": "council_tax",
    "screens/petitions.js": "petitions", "screens/taking-part.js": "meetings",
    "screens/consultations.js": "consultations", "screens/chat.js": "chat", "screens/forms.js": "forms",
    "screens/appointments.js": "appointments", "screens/hire.js": "hire", "screens/moving.js": "moving",
    "landlords/start.js": "landlords", "screens/business.js": "business",
    "screens/schools.js": "schools", "screens/starting-school.js": "schools",
}
LINK = re.compile(r'privacyLink\("([a-z_]+)"\)')


def test_every_screen_that_collects_personal_data_links_to_its_part_of_the_notice():
    missing = {name: part for name, part in COLLECTING.items() if part not in LINK.findall((WEB / name).read_text())}
    assert not missing, f"screens without their notice part's link: {missing}"


def test_every_part_a_screen_links_to_is_a_section_the_notice_has():
    linked = {(path.relative_to(WEB).as_posix(), part) for path in WEB.rglob("*.js")
              for part in LINK.findall(path.read_text())}
    assert linked and not {(name, part) for name, part in linked if part not in PARTS}


def test_a_notice_link_is_never_written_by_hand_beside_the_one_helper():
    by_hand = [path.relative_to(WEB).as_posix() for path in WEB.rglob("*.js")
               if re.search(r"[\"`']/privacy#", path.read_text()) and path.name != "forms.js"]
    assert not by_hand
