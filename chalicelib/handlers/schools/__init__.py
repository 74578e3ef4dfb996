"""School places: the council's schools, parents' applications, the allocation run, offers released
once on offer day, waiting lists and appeals (docs/decisions/school-places.md)."""
