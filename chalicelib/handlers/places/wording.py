"""What places say when they find nothing: a property, a street or a ward
the council does not know."""

# Refusals: what was asked for is not there.
NO_PROPERTY = "No property is known with UPRN {uprn}."
NO_WARD_COVERS = "No ward of this council covers that place."
NO_STREET = "No addresses are known on a street called {street}."
