"""What the deployment's operator's routes say."""

COUNCIL_EXISTS = ("A council {council} exists already, with other settings: change it with "
                  "PUT /v1/operator/councils/{council} and its version.")
NO_COUNCIL = "No council {council} is served by this deployment."
NOT_THIS_COUNCIL = "Must be the council of the address: {council}."
NOT_SETTINGS = "Send the council's settings document as a JSON object."
