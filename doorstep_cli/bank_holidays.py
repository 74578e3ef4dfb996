"""Write chalicelib/data/bank_holidays.json: the UK's bank holidays by
division, in the shape of GOV.UK's https://www.gov.uk/bank-holidays.json
("england-and-wales", "scotland", "northern-ireland", each with its events:
title, date, notes, bunting), so working-day arithmetic at run time reads a
small file instead of importing a library that takes most of a second to load
(docs/decisions/rules.md). GOV.UK publishes about two years ahead; the file
is written from the `holidays` package, which follows the same statutes and
proclamations further ahead, and only days off (weekdays) are kept, as GOV.UK
lists them. tests/rules/test_bank_holidays.py checks the file still matches
the package and fails when a division's list runs out within a year.

    python -m doorstep_cli.bank_holidays
"""
import json
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "chalicelib" / "data" / "bank_holidays.json"
FIRST, LAST = 2015, 2045
DIVISIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}
OBSERVED = " (observed)"


def computed(division, first=FIRST, last=LAST):
    """[{title, date, notes, bunting}] for a division: its weekdays off, as GOV.UK lists them."""
    import holidays
    days = holidays.country_holidays("GB", subdiv=DIVISIONS[division], years=range(first, last + 1))
    events = []
    for day, name in sorted(days.items()):
        if day.weekday() >= 5:
            continue  # a holiday on a weekend is no day off; its substitute day is listed instead
        title, substitute = (name[:-len(OBSERVED)], True) if name.endswith(OBSERVED) else (name, False)
        events.append({"title": title, "date": day.isoformat(), "notes": "Substitute day" if substitute else "",
                       "bunting": True})
    return events


def document(first=FIRST, last=LAST):
    from importlib.metadata import version
    about = {"source": f"holidays {version('holidays')}: country_holidays('GB', subdiv=...) per division",
             "first_year": first, "last_year": last}
    return {"about": about, **{name: {"division": name, "events": computed(name, first, last)}
                               for name in DIVISIONS}}


def text(doc):
    """The document, one event a line: small in the Lambda package, and a new year reads as a diff of lines."""
    def line(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    divisions = [f'{line(name)}:{{"division":{line(name)},"events":[\n' + ",\n".join(line(e) for e in body["events"])
                 + "]}" for name, body in doc.items() if name != "about"]
    return "{" + f'"about":{line(doc["about"])},\n' + ",\n".join(divisions) + "}\n"


def main():
    FILE.write_text(text(document()))
    print(f"wrote {FILE}")


if __name__ == "__main__":
    main()
