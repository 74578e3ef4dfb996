"""Kept as long as the council says, and no longer (issue 80; docs/decisions/retention.md): each
council's schedule, the sweep that reads what is due from the due index and anonymises or deletes it,
unused accounts warned and then removed at the council, legal holds, dry runs and the runs' reports."""
