"""A council that leaves the deployment (issue 80, item 5; docs/decisions/offboarding.md), in AWS's
SaaS offboarding order: stopped, exported, and on the council's confirmation deleted, each step
taken by the operator's command (`doorstep councils offboard`) or route, and recorded."""
