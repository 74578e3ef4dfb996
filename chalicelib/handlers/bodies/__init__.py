"""Bodies: who acts on a report where (this council, a county, a national roads body), and routing."""
