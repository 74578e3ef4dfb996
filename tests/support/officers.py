"""Officers in tests: one a test does not give roles holds every role of the council's roles file
(every desk), as the tests written before desks by role expect; `roles=[...]` names an officer's own."""


def every_role(role, kwargs):
    """`kwargs` for users.create_user, with every role for a staff account that names none."""
    if role == "staff" and "roles" not in kwargs:
        from chalicelib.auth.desks import role_ids
        return {**kwargs, "roles": role_ids()}
    return kwargs


def all_roles():
    """The roles a Principal built by hand holds to stand for any officer (every desk)."""
    from chalicelib.auth.desks import role_ids
    return tuple(role_ids())
