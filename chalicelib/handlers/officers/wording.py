"""What the officers' routes say: an officer not found, an account that holds
no roles, a role list that is not one."""

NO_ACCOUNT = "No account for {email}."
EMAIL_NEEDED = "Give the officer's email address, as they sign in with it."
NOT_STAFF = ("{email} is not a staff account ({role}), so holds no roles. An administrator opens every desk; "
             "make someone staff with `doorstep users set-role --role staff` first.")
ROLES_LIST = "Give 'roles' as a list of the council's role ids (an empty list takes every role away)."
UNKNOWN_ROLE = "No role {role!r}: the council's roles are {roles}."
UNEXPECTED_FIELD = "Only 'roles' is changed here."
ROLES_FROM_DIRECTORY = ("This council's officers get their desks from its staff directory's groups, at every sign-in. "
                        "Change the officer's groups in the directory.")
