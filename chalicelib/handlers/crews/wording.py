"""What the crews' capability says to a crew member when it refuses: a job
that is not their team's, or a report that changed under their update."""

# Refusals: what was asked for is not there.
NO_JOB = "No such job for your team."

# Refusals: its state does not allow it, or it changed meanwhile.
PHOTO_ATTACHED_ELSEWHERE = "A photo is already attached elsewhere; upload it again."
REPORT_KEPT_CHANGING = "The report kept changing; try again."
