"""CSV for staff and open data, written a page of a store's index at a time:
each cell a spreadsheet could run as a formula kept as text (CSV injection)."""
import csv
import io


def safe(text):
    """A cell beginning =, +, - or @ is prefixed with ' so a spreadsheet does not run it."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def paged(head, next_page, row_of, most):
    """The CSV of `head` and a row per item, `next_page(cursor) -> (items, cursor)` read until its
    cursor is None or `most` items are written."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(head)
    cursor, written = None, 0
    while written < most:
        page, cursor = next_page(cursor)
        for item in page:
            writer.writerow(row_of(item))
        written += len(page)
        if cursor is None:
            break
    return out.getvalue()
