"""Write chalicelib/data/bank_holidays_england.json from the `holidays`
package: England's bank holidays as data, so working-day arithmetic at run
time reads a small file instead of importing a library that takes most of a
second to load (docs/decisions/). tests/staff/test_working_days.py checks
the file still matches the package.

    python -m doorstep_cli.bank_holidays
"""
import json
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "chalicelib" / "data" / "bank_holidays_england.json"
FIRST, LAST = 2015, 2045


def computed(first=FIRST, last=LAST):
    """{"YYYY-MM-DD": name} for England (the holidays package's GB, subdivision ENG)."""
    import holidays
    days = holidays.country_holidays("GB", subdiv="ENG", years=range(first, last + 1))
    return {day.isoformat(): name for day, name in sorted(days.items())}


def document(first=FIRST, last=LAST):
    from importlib.metadata import version
    return {"source": f"holidays {version('holidays')}: country_holidays('GB', subdiv='ENG')",
            "first_year": first, "last_year": last, "dates": computed(first, last)}


def main():
    FILE.write_text(json.dumps(document(), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {FILE}")


if __name__ == "__main__":
    main()
