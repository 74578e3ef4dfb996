"""What the staff capability says to an officer or an administrator when it
refuses: a filter or a change outside their area of responsibility, teams
(their ids, names and existence), and response templates."""

# Refusals: who is asking (not signed in, or not the one who may).
FILTER_OUTSIDE_AREA = "{field}={values} is outside your area of responsibility."
CHANGE_OUTSIDE_AREA = ("That change would move the report outside your area of responsibility (its category or "
                       "ward); ask a colleague who covers it.")

# Refusals: what was asked for is not there.
NO_TEAM = "No team {team_id!r}."
NO_TEMPLATE = "No response template {template_id!s:.40}."

# Refusals: its state does not allow it, or it changed meanwhile.
TEAM_EXISTS = "There is a team {team_id} already."
TEMPLATE_CHANGED = "The template changed since you read it; read it again."
TEMPLATE_ALREADY_AUTOMATIC = ("The template {title!r} is already written automatically for this state and "
                              "category; deactivate it first.")

# Refusals: what was asked cannot be done as asked.
TEAM_ID_FORMAT = ("A team id is 1-40 lower-case letters, digits, - or _, starting with a letter or digit (north, "
                  "street-lighting).")
NO_ACTIVE_TEAM = "No active team {team_id!r}: make it first with `doorstep teams create`."
TEAM_NAME_LENGTH = "A team's name is 1 to {most} characters."
