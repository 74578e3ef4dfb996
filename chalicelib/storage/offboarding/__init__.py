"""A council leaving the deployment, as storage does it (docs/decisions/offboarding.md): its items
found, exported and deleted in every table, index and the bucket, page by page, from a cursor kept
in the councils table, so a process killed anywhere is run again without a duplicate or a gap.

    kinds.py      what a council's data is held in: a kind per council table (one model each),
                  its settings' rows, its marks on accounts, and its files
    plain.py      an item as the export writes it: plain JSON, the council taken off its keys
    records.py    the leaving's record and each step's progress, in the councils table
    sinks.py      where an export is written: a folder, or the bucket's offboarding/<council>/
    exporting.py  the export: JSON lines per kind in parts, the files beside them, the manifest
    deleting.py   the deletion: every item and file of the council, the others' counted before
                  and after, and a count of zero read back in every table and index
    paging.py     the Scans and listings both read, and the budget a step may spend
"""
