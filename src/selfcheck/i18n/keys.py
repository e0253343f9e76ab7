"""The base of the catalogue's keys at run time: what :class:`enum.Enum` gives the catalogue, built in a fraction of
the time.

The type checker sees :class:`~selfcheck.i18n.catalogue.Msg` as an ``Enum`` (a misspelt key is an error, a key's
value is ``(zh, en)``). At run time Python's ``EnumMeta`` spends several milliseconds on 650 members — in every
command that words anything — on machinery the catalogue does not use. :class:`Keys` keeps what it does use: each
member is an instance of the class with ``name`` and ``value`` (set once), members with the same value are one member
(an alias, as in an ``Enum``), the class iterates over its members in order, has their count, looks one up by name
and lists them in ``__members__``, and a member is pickled and copied as itself. Anything else in the class body is
refused, where an ``Enum`` would have made it a member: a forgotten comma between an entry's two texts must not
silently drop the entry.
``tests/test_catalogue.py`` checks these against ``Enum``'s behaviour.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar


def _texts(value: object) -> bool:
    """Whether ``value`` is a non-empty tuple of strings (joined in C, which refuses anything else)."""
    if type(value) is not tuple or not value:
        return False
    try:
        "".join(value)
    except TypeError:
        return False
    return True


class _Members(type):
    """Iteration, length, look-up by name and ``__members__`` over a class's members, as an ``Enum`` class has them."""

    def __iter__(cls) -> Iterator[Any]:
        return iter(cls._members_)  # type: ignore[attr-defined]

    def __len__(cls) -> int:
        return len(cls._members_)  # type: ignore[attr-defined]

    def __getitem__(cls, name: str) -> Any:
        return cls.__members__[name]

    @property
    def __members__(cls) -> dict[str, Any]:
        """Every name, aliases included, with its member."""
        return {name: value for name, value in vars(cls).items() if isinstance(value, cls)}


class Keys(metaclass=_Members):
    """Every tuple attribute of a subclass becomes a member: an instance with ``name`` (the first name given to its
    value) and ``value``."""

    __slots__ = ("name", "value")
    _members_: ClassVar[tuple[Keys, ...]] = ()
    name: str
    value: tuple[str, ...]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        by_value: dict[tuple[str, ...], Keys] = {}
        setter = object.__setattr__
        for name, value in list(vars(cls).items()):
            if name.startswith("_"):
                continue
            if not _texts(value):
                # An Enum would make it a member anyway; here it would silently not be one (a missing comma
                # between the two texts of an entry makes one string).
                raise TypeError(f"{cls.__name__}.{name} is not a tuple of texts: {value!r}")
            member = by_value.get(value)
            if member is None:
                member = by_value[value] = object.__new__(cls)
                setter(member, "name", name)  # past __setattr__, which refuses any later change
                setter(member, "value", value)
            setattr(cls, name, member)
        cls._members_ = tuple(by_value.values())

    def __reduce__(self) -> tuple[object, tuple[type[Keys], str]]:
        """Pickled and copied by name, so the copy is the member itself (errors cross to summary's workers)."""
        return getattr, (type(self), self.name)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__}.{self.name} cannot be changed")

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"

    def __str__(self) -> str:
        return f"{type(self).__name__}.{self.name}"
