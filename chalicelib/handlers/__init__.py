"""One module per capability. Handlers take their stores and clock from a
`Deps`, so tests and the CLI can run them with their own."""
