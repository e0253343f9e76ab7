"""Typer's coercion of command-line values, without pydantic, for the plain parameters selfcheck's commands have.

typer 0.29 coerces each parameter of the command that runs through a pydantic ``TypeAdapter`` it builds on first
use. The first one costs about 50 ms of CPU in every process (typer's adapter module, pydantic's plugin loader with
``importlib.metadata``, pydantic's schema machinery), more than reading and comparing two reports; selfcheck's own
models never need it, since reading what selfcheck wrote takes the exact path (``selfcheck.files.exact``).

Here a parameter whose annotation is ``str``, ``bool``, ``int``, ``float``, ``Path`` (with typer's default path
settings), an Enum or a Literal, or a list or a pair of those, gets a coercion that gives what typer's adapter gives
for the values a command line brings: a string stays that string, ``"12"`` becomes ``12``, a path becomes a
``Path`` after the same ``stat`` and ``access`` checks, a choice's text becomes the choice. Anything else (another
kind of value, a check that fails, any other annotation or setting) is handed to typer's own coercion, built then,
so every error keeps typer's message. ``tests/test_plainparams.py`` compares both on every parameter of every
command and on choices.

Nothing here is needed for correctness: with a typer that does not coerce this way (older, or a later release that
changed its internals) :func:`install` leaves the parameters alone, and a test says so.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

_NO: Any = object()
"""What a fast coercion returns when it cannot decide: typer's own coercion decides."""


def _digits(text: str, most: int) -> bool:
    """ASCII digits, at most ``most``, no leading zero but a lone one (string tests: no pattern to compile when
    only ``--help`` runs)."""
    return 0 < len(text) <= most and text.isascii() and text.isdigit() and (text == "0" or text[0] != "0")


_PATH_DEFAULTS = {
    "exists": False,
    "file_okay": True,
    "dir_okay": True,
    "writable": False,
    "readable": True,
    "resolve_path": False,
    "allow_dash": False,
    "path_type": None,
}


def _str(value: Any) -> Any:
    return value if type(value) is str else _NO


def _bool(value: Any) -> Any:
    return value if type(value) is bool else _NO


def _int(value: Any) -> Any:
    if type(value) is int:
        return value
    if type(value) is str and _digits(value[1:] if value[:1] == "-" else value, 18):
        return int(value)
    return _NO


def _float(value: Any) -> Any:
    if type(value) is float:
        return value
    if type(value) is str:
        whole, dot, fraction = (value[1:] if value[:1] == "-" else value).partition(".")
        if _digits(whole, 15) and (not dot or (0 < len(fraction) <= 15 and fraction.isascii() and fraction.isdigit())):
            return float(value)
    return _NO


def _path(value: Any) -> Any:
    """typer's path coercion with its default settings: ``Path(value)``; an existing path must be readable."""
    if type(value) is not str or not value:
        return _NO
    path = Path(value)
    try:
        os.stat(path)
    except OSError:
        return path  # typer's default (exists=False): a missing path is passed on as it is
    return path if os.access(path, os.R_OK) else _NO


def _choice(choices: list[Any], case_sensitive: bool) -> Callable[[Any], Any]:
    """typer's choice coercion: a member itself, or the first choice whose text (an Enum's value) is the string
    given, ignoring case unless ``case_sensitive``."""
    members = {id(c) for c in choices if isinstance(c, Enum)}
    keys = [(str(c.value if isinstance(c, Enum) else c), c) for c in choices]
    if not case_sensitive:
        keys = [(key.casefold(), c) for key, c in keys]

    def convert(value: Any) -> Any:
        if id(value) in members:
            return value
        if type(value) is not str:
            return _NO
        wanted = value if case_sensitive else value.casefold()
        return next((c for key, c in keys if key == wanted), _NO)

    return convert


_LEAVES: dict[Any, Callable[[Any], Any]] = {str: _str, bool: _bool, int: _int, float: _float, Path: _path}


def _leaf(annotation: Any, info: Any) -> Callable[[Any], Any] | None:
    """The fast coercion of one plain annotation under typer's default settings, or None."""
    if getattr(info, "parser", None) is not None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(list(annotation), bool(getattr(info, "case_sensitive", True)))
    if get_origin(annotation) is Literal:
        return _choice(list(get_args(annotation)), bool(getattr(info, "case_sensitive", True)))
    bounded = getattr(info, "min", None) is not None or getattr(info, "max", None) is not None
    if annotation in (int, float) and bounded:
        return None
    if annotation is Path and any(getattr(info, k, _NO) != v for k, v in _PATH_DEFAULTS.items()):
        return None
    return _LEAVES.get(annotation)


class PlainParam:
    """Stands in for typer's runtime coercion of one parameter (``_TyperParameter._runtime_param``)."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self._convert = convert

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        """What typer's ``RuntimeParam.coerce`` returns, for the values :attr:`_convert` can decide."""
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        # A context that rewrites tokens (token_normalize_func) is left to typer, which applies it to choices.
        result = _NO if getattr(ctx, "token_normalize_func", None) is not None else self._convert(value)
        if result is _NO:
            # typer's own coercion, built now and kept for this parameter: its result or its error message.
            param._runtime_param = None
            return param.get_runtime_param().coerce(value, param=param, ctx=ctx)
        return result


def _many(convert: Callable[[Any], Any], multiple: bool) -> Callable[[Any], Any]:
    def each(value: Any) -> Any:
        if not multiple or type(value) not in (tuple, list):
            return _NO
        out = [convert(v) for v in value]
        return _NO if any(v is _NO for v in out) else out

    return each


def _pair(converts: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def each(value: Any) -> Any:
        if type(value) not in (tuple, list) or len(value) != len(converts):
            return _NO
        out = tuple(c(v) for c, v in zip(converts, value, strict=True))
        return _NO if any(v is _NO for v in out) else out

    return each


def plain(param: Any) -> PlainParam | None:
    """The fast coercion for ``param``, or None when typer's own is needed (or typer does not work this way)."""
    if getattr(param, "_runtime_param", _NO) is not None or not hasattr(param, "get_runtime_param"):
        return None
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    info = getattr(descriptor, "parameter_info", None)
    if info is None or getattr(descriptor, "file_annotation", None) is not None:
        return None
    origin = get_origin(annotation)
    if origin is list:
        (inner,) = get_args(annotation)
        leaf = _leaf(inner, info)
        return PlainParam(_many(leaf, param.multiple or param.nargs == -1)) if leaf else None
    if origin is tuple:
        leaves = [_leaf(a, info) for a in get_args(annotation)]
        if not leaves or not all(leaves):
            return None
        return PlainParam(_pair([leaf for leaf in leaves if leaf]))
    leaf = _leaf(annotation, info)
    return PlainParam(leaf) if leaf else None


def install(command: Any, ctx: Any) -> None:
    """Give every plain parameter of ``command`` the fast coercion, as its context is made (before parsing; the
    parameters include the help option, which typer makes then for this context)."""
    for param in command.get_params(ctx):
        fast = plain(param)
        if fast is not None:
            param._runtime_param = fast
