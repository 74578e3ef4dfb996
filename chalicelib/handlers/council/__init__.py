"""The council of an address as its residents' app shows it (its names, colour, contact,
words and services, and the PWA's manifest), and its administrators' settings screen."""
