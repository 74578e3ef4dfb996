"""Reports: creating them (with photos), the public and private views, the timeline, the map,
nearby reports, report categories and the RSS feeds."""
