"""`@record`: a dataclass for a stored value, made in about half the time.

A dataclass writes the source of `__init__`, `__repr__` and `__eq__` for
each class and compiles it, and documents a class without a docstring by
asking `inspect` for its signature: most of a millisecond per class, paid by
each cold start for every record its route names (a staff report's first
request made 17). A record keeps the generated `__init__` and shares one
`__eq__` and one `__repr__`, which do what the generated ones do (fields
compared in order, only between instances of the same class; unhashable, as
a dataclass with eq is).

The values of storage/records.py are marked `@when_named` instead: each is
made a record the first time records.py hands it out, so a cold start builds
the few its route names, not every class of the module that holds them.
"""
from dataclasses import dataclass, fields


def record(cls=None, /, **options):
    """@record or @record(...): dataclass(cls, repr=False, eq=False, ...) plus
    the shared __eq__ and __repr__. Not for frozen classes (a frozen dataclass
    with eq gets a __hash__ this does not give)."""
    def make(cls):
        if options.get("frozen"):
            raise TypeError("@record is not for frozen classes: use @dataclass(frozen=True)")
        if cls.__doc__ is None:
            cls.__doc__ = cls.__name__  # spares dataclass's inspect.signature
        made = dataclass(cls, repr=False, eq=False, **options)
        made.__eq__, made.__repr__, made.__hash__ = _eq, _repr, None
        return made
    return make if cls is None else make(cls)


def when_named(cls):
    """Mark a class of a records_*.py module: storage/records.py applies
    @record to it when it is first named (and only there may it be named)."""
    cls.__record_when_named__ = True
    return cls


def _names(cls, wanted):
    key = "_record_" + wanted
    names = cls.__dict__.get(key)
    if names is None:
        names = tuple(f.name for f in fields(cls) if getattr(f, wanted))
        setattr(cls, key, names)
    return names


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    names = _names(self.__class__, "compare")
    return tuple(getattr(self, n) for n in names) == tuple(getattr(other, n) for n in names)


def _repr(self):
    shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in _names(self.__class__, "repr"))
    return f"{self.__class__.__qualname__}({shown})"
