"""`doorstep outbox` shows the invite a booking's e-mail carries (its name,
type and size) and writes it to a file a calendar can open."""
import icalendar

from chalicelib.handlers.appointments import routes  # noqa: F401  (registers the messages)
from support.appointments_support import TUESDAY_8AM, book, hold, resident


def test_the_outbox_command_lists_a_bookings_invite_and_writes_it_to_a_file(demo, capsys, tmp_path):
    from doorstep_cli.main import main
    ada = resident(demo, 1, TUESDAY_8AM)
    made, _ = book(ada, hold(ada, "2026-12-22T10:30:00Z").id)
    assert main(["--stage", "test", "outbox", "--to", "resident1@example.org"]) == 0
    listed = capsys.readouterr().out
    assert "Attachment: appointment.ics (text/calendar" in listed and "--save DIR writes it" in listed
    assert main(["--stage", "test", "outbox", "--to", "resident1@example.org", "--save", str(tmp_path)]) == 0
    [written] = list(tmp_path.iterdir())
    assert f"written to {written}" in capsys.readouterr().out
    event = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").isoformat() == "2026-12-22T10:30:00+00:00"
