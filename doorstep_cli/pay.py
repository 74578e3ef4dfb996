"""`doorstep pay cash-file`: finance's cash file of a fund's day, written for
its cash-receipting system's nightly import (a cron), read by the same store
function as `GET /v1/staff/pay/cash-file.csv` (handlers/bills/cashfile.py).

    doorstep pay cash-file --day 2026-11-24 --fund council-tax [--out cash.csv]
"""
from pathlib import Path


def add_parser(commands):
    pay = commands.add_parser("pay", help="finance's files of bills paid by reference")
    sub = pay.add_subparsers(dest="pay_command", required=True)
    cash = sub.add_parser("cash-file", help="a fund's day as the CSV its cash-receipting system imports")
    cash.add_argument("--day", required=True, help="the council's day, YYYY-MM-DD")
    cash.add_argument("--fund", required=True, help="the fund's id (funds.json): council-tax, parking-pcn, ...")
    cash.add_argument("--out", help="the file to write (default: cash-{fund code}-{day}.csv here)")


def run(args, deps):
    from chalicelib.handlers.bills.cashfile import cash_file
    name, text = cash_file(deps, {"fund": args.fund, "date": args.day})
    path = Path(args.out or name)
    path.write_text(text, encoding="utf-8", newline="")  # the file's own CRLF, as the route sends it
    print(f"wrote {path}: {len(text.splitlines()) - 1} payments")
    return 0
