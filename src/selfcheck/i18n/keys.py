"""The base of the catalogue's keys at run time: what :class:`enum.Enum` gives the catalogue, built in a fraction of
the time.

The type checker sees :class:`~selfcheck.i18n.catalogue.Msg` as an ``Enum`` (a misspelt key is an error, a key's
value is ``(zh, en)``). At run time Python's ``EnumMeta`` spends several milliseconds on 650 members — in every
command that words anything — on machinery the catalogue does not use. :class:`Keys` keeps what it does use: each
member is an instance of the class with ``name`` and ``value``, members with the same value are one member (an
alias, as in an ``Enum``), the class iterates over its members in order and has their count, and a member is
pickled and copied as itself.
``tests/test_catalogue.py`` checks these against ``Enum``'s behaviour.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar


class _Members(type):
    """Iteration and length over a class's members, as an ``Enum`` class has them."""

    def __iter__(cls) -> Iterator[Any]:
        return iter(cls._members_)  # type: ignore[attr-defined]

    def __len__(cls) -> int:
        return len(cls._members_)  # type: ignore[attr-defined]


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
        for name, value in list(vars(cls).items()):
            if name.startswith("_") or type(value) is not tuple:
                continue
            member = by_value.get(value)
            if member is None:
                member = by_value[value] = object.__new__(cls)
                member.name, member.value = name, value
            setattr(cls, name, member)
        cls._members_ = tuple(by_value.values())

    def __reduce__(self) -> tuple[object, tuple[type[Keys], str]]:
        """Pickled and copied by name, so the copy is the member itself (errors cross to summary's workers)."""
        return getattr, (type(self), self.name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"
