"""Officers: the staff roles a council configures, the desks each opens, and
an administrator giving an officer their roles."""
