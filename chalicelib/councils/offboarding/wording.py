"""What a council's leaving says: to the operator (the route's errors, the command's lines)."""

NO_COUNCIL = "No council {council} is served by this deployment."
DEFAULT_COUNCIL = ("{council} is the deployment's default council: its own addresses lead there. Set "
                   "DOORSTEP_DEFAULT_COUNCIL to another council before {council} leaves.")
NOT_STOPPED = "{council} has not been stopped: stop it first (step \"stop\"), then export it."
NOT_EXPORTED = "{council} has not been exported whole: export it first (step \"export\"), then delete it."
NOT_SETTLED = ("{council} was stopped moments ago: its export may begin at {at}, when every run that began before "
               "the stop has ended and nothing more can be written for it.")
GONE = "{council} has been deleted already: there is nothing left of it to export."
EXPORTED_ELSEWHERE = "{council} is exported to {to} already: its export is written there, not to {asked}."
ANOTHER_RUN = "Another run of this step is working on {council} now: wait for it, then ask again."
CONFIRM = "Must name the council being deleted: {council}."
STEP = "Must be one of: stop, export, delete."

# The command's lines.
STOPPED = "{council} ({name}) is stopped: its addresses ({hosts}) answer that its service has ended."
STOPPED_ALREADY = "{council} was stopped already, on {at} by {by}: it is {state}."
EXPORTING = "... {kind}: {count:,}"
EXPORTED = ("{council} is exported to {to}: {items:,} items in {kinds} kinds, {files:,} files ({bytes:,} bytes); "
            "manifest.json's SHA-256 {sha256}.")
DELETED = ("{council} is deleted: {deleted:,} items and {files:,} files, none read back in any table, index or "
           "kind of file; the other councils' counts {others}. Its data leaves backups on {leaves} "
           "(point-in-time recovery until {tables}, its files' old versions until {files_until}).")
OTHERS_UNCHANGED = "unchanged"
OTHERS_CHANGED = "changed in {count} places (listed in the report: their own use meanwhile)"
NOT_ZERO = "{council}: something was read back after its deletion (the report lists where): run --delete again."
NOT_EXPORTED_FIRST = ("{council}: more was deleted than exported ({kinds}): written after the export read past "
                      "it. The report lists them by kind.")
REPORT_WRITTEN = "The deletion's report is in {path}."
