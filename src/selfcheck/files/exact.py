"""Models from data that already has exactly the shape the model describes, without building pydantic's validator.

Building a model's validator costs milliseconds on first use in every process (15-19 ms for the report), more than
reading the file. Files selfcheck wrote itself have exactly the declared shape, so they can be checked by a plain
walk over the model's fields — types, constraints, field validators — and built with ``model_construct``. Anything
else (a coerced value, an unknown key, a constraint this walk does not know) makes :func:`construct_exact` return
None, and the caller validates in full, so error messages never change. ``tests/test_exact.py`` feeds every file of
the bad-input corpus and random mutations through both paths and compares the models.
"""

from __future__ import annotations

import copy
import operator
import re
import types
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic.types import StringConstraints

M = TypeVar("M", bound=BaseModel)
Check = Callable[[Any], Any]


class _Mismatch(Exception):  # noqa: N818 - a signal inside this module, never raised out of it
    """The data does not have exactly the declared shape: validate in full instead."""


class _Unsupported(Exception):  # noqa: N818 - a signal inside this module, never raised out of it
    """The model uses something this walk does not check: always validate in full."""


_PLANS: dict[type[BaseModel], Check | None] = {}


def construct_exact(cls: type[M], data: object) -> M | None:
    """``cls`` built from ``data`` when it matches the declared shape exactly, else None (validate in full)."""
    plan = _plan(cls)
    if plan is None:
        return None
    try:
        model: M = plan(data)
    except (_Mismatch, ValueError, TypeError, AssertionError):
        return None
    return model


def supported(cls: type[BaseModel]) -> bool:
    """Whether ``cls`` (and every model inside it) can take the exact path at all."""
    return _plan(cls) is not None


def _plan(cls: type[BaseModel]) -> Check | None:
    if cls in _PLANS:
        return _PLANS[cls]
    checks: dict[str, Check] = {}
    required: set[str] = set()
    defaults: list[tuple[str, Callable[[], Any]]] = []

    before: list[Callable[[Any], Any]] = []

    def build(data: Any) -> Any:
        for func in before:
            data = func(data)  # e.g. an older key renamed, as full validation would
        if type(data) is not dict:
            raise _Mismatch
        values = {}
        for key, value in data.items():
            check = checks.get(key)
            if check is None:
                raise _Mismatch  # unknown key: the full validation names it
            values[key] = check(value)
        if not values.keys() >= required:  # a set comparison in C, no generator per model
            raise _Mismatch
        return _construct(cls, values, defaults)

    _PLANS[cls] = build  # registered first, so that a model that contains itself resolves
    try:
        if cls.model_config.get("extra") != "forbid":
            raise _Unsupported  # ignored or kept extra keys would need pydantic's own handling
        for name, info in cls.model_fields.items():
            if info.alias is not None and info.alias != name:
                raise _Unsupported
            checks[name] = _with_validators(cls, name, _field_check(info))
            if info.is_required():
                required.add(name)
            if not info.is_required():
                defaults.append((name, _default(info)))
            else:
                defaults.append((name, _missing))
        decorators = cls.__pydantic_decorators__
        if decorators.root_validators or decorators.validators:
            raise _Unsupported
        for decorator in decorators.model_validators.values():
            if decorator.info.mode != "before":
                raise _Unsupported  # after and wrap validators see the built model: leave those to pydantic
            before.append(decorator.func)
        if cls.__private_attributes__ or cls.__pydantic_post_init__ or cls.__pydantic_root_model__:
            raise _Unsupported  # _construct sets none of these up
    except _Unsupported:
        _PLANS[cls] = None
        return None
    return build


def _missing() -> Any:
    raise _Mismatch  # a required field: build() refused its absence already


_PLAIN_FACTORIES: tuple[object, ...] = (list, dict, set, frozenset, tuple)


def _default(info: FieldInfo) -> Callable[[], Any]:
    """How to make a missing field's default, decided once (``FieldInfo.get_default`` inspects the factory's
    signature on every call, which made building a questionnaire slower than validating it)."""
    factory = info.default_factory
    if factory is not None:
        # list, dict and friends never take the validated data; asking pydantic means inspect.signature, whose
        # text-signature parser compiles the tokenizer's regular expressions (milliseconds in every process).
        if factory not in _PLAIN_FACTORIES and info.default_factory_takes_validated_data:
            raise _Unsupported
        return factory  # type: ignore[return-value]
    value = info.default
    if value is None or isinstance(value, str | int | float | bool | frozenset | tuple):
        return lambda: value
    return lambda: copy.deepcopy(value)  # as pydantic does for a mutable default


def _construct(cls: type[BaseModel], values: dict[str, Any], fields: list[tuple[str, Callable[[], Any]]]) -> BaseModel:
    """What ``model_construct`` does for a model without extras, private attributes or post-init, in field order,
    without its per-call bookkeeping."""
    state = {name: values[name] if name in values else default() for name, default in fields}
    model = cls.__new__(cls)
    object.__setattr__(model, "__dict__", state)
    object.__setattr__(model, "__pydantic_fields_set__", set(values))
    object.__setattr__(model, "__pydantic_extra__", None)
    object.__setattr__(model, "__pydantic_private__", None)
    return model


def _with_validators(cls: type[BaseModel], name: str, check: Check) -> Check:
    """The field's own validators around its type check: ``before`` ones first, ``after`` ones last."""
    before: list[Callable[[Any], Any]] = []
    after: list[Callable[[Any], Any]] = []
    for decorator in cls.__pydantic_decorators__.field_validators.values():
        if name not in decorator.info.fields:
            continue
        if decorator.info.mode == "before":
            before.append(decorator.func)
        elif decorator.info.mode == "after":
            after.append(decorator.func)
        else:
            raise _Unsupported  # wrap and plain validators change what the type check sees
    if not before and not after:
        return check

    def validated(value: Any) -> Any:
        for func in before:
            value = func(value)
        value = check(value)
        for func in after:
            value = func(value)
        return value

    return validated


def _field_check(info: FieldInfo) -> Check:
    if info.discriminator is not None:
        raise _Unsupported
    return _constrained(_type_check(info.annotation), info.metadata)


def _exact(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _Mismatch
        return value

    return check


def _float(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)  # pydantic turns a whole number into a float too
    raise _Mismatch


def _none(value: Any) -> None:
    if value is not None:
        raise _Mismatch


_SIMPLE: dict[object, Check] = {
    str: _exact(str),
    int: _exact(int),
    bool: _exact(bool),
    float: _float,
    datetime: _exact(datetime),
    date: _exact(date),
    type(None): _none,
}


def _type_check(tp: Any) -> Check:
    if tp in _SIMPLE:
        return _SIMPLE[tp]
    origin = get_origin(tp)
    args = get_args(tp)
    if origin is Annotated:
        return _annotated(args[0], args[1:])
    if origin is Literal:
        return _literal(args)
    if origin in (Union, types.UnionType):
        return _union([_type_check(a) for a in args])
    if origin is list:
        return _list(_type_check(args[0]))
    if origin is dict:
        return _dict(_type_check(args[0]), _type_check(args[1]))
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return _model(tp)
    raise _Unsupported


def _model(cls: type[BaseModel]) -> Check:
    def check(value: Any) -> Any:
        plan = _plan(cls)  # looked up when used: the inner model may still be planning
        if plan is None:
            raise _Mismatch
        return plan(value)

    if _plan(cls) is None:
        raise _Unsupported
    return check


def _annotated(base: Any, meta: tuple[Any, ...]) -> Check:
    constraints: list[Any] = []
    for m in meta:
        if isinstance(m, FieldInfo):
            if m.discriminator is not None:
                return _discriminated(base, str(m.discriminator))
            constraints += m.metadata
        else:
            constraints.append(m)
    return _constrained(_type_check(base), constraints)


def _discriminated(base: Any, key: str) -> Check:
    """A tagged union: the tag picks the one model to check against."""
    by_tag: dict[object, Check] = {}
    for member in get_args(base):
        if not (isinstance(member, type) and issubclass(member, BaseModel)):
            raise _Unsupported
        tags = get_args(member.model_fields[key].annotation)
        for tag in tags:
            by_tag[tag] = _model(member)

    def check(value: Any) -> Any:
        if type(value) is not dict or value.get(key) not in by_tag:
            raise _Mismatch
        return by_tag[value[key]](value)

    return check


def _literal(allowed: tuple[Any, ...]) -> Check:
    known = frozenset((type(a), a) for a in allowed)  # the type too: True is not 1, as for pydantic's strict literal

    def check(value: Any) -> Any:
        try:
            if (type(value), value) in known:
                return value
        except TypeError:  # an unhashable value (a list) is no literal
            pass
        raise _Mismatch

    return check


def _union(options: list[Check]) -> Check:
    def check(value: Any) -> Any:
        for option in options:
            try:
                return option(value)
            except _Mismatch:
                continue
        raise _Mismatch

    return check


def _list(item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not list:
            raise _Mismatch
        return [item(v) for v in value]

    return check


def _dict(key: Check, item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not dict:
            raise _Mismatch
        return {key(k): item(v) for k, v in value.items()}

    return check


Test = Callable[[Any], bool]


def _compare(op: Callable[[Any, Any], bool], limit: Any, measure: Callable[[Any], Any] | None = None) -> Test:
    """``op(value, limit)``, or ``op(measure(value), limit)`` (lengths)."""
    if measure is None:
        return lambda value: bool(op(value, limit))
    return lambda value: bool(op(measure(value), limit))


def _constrained(check: Check, metadata: list[Any] | tuple[Any, ...]) -> Check:
    """The type check followed by the field's constraints (bounds, lengths, patterns); others are unsupported."""
    tests: list[Test] = []
    for m in metadata:
        if isinstance(m, annotated_types.Ge):
            tests.append(_compare(operator.ge, m.ge))
        elif isinstance(m, annotated_types.Gt):
            tests.append(_compare(operator.gt, m.gt))
        elif isinstance(m, annotated_types.Le):
            tests.append(_compare(operator.le, m.le))
        elif isinstance(m, annotated_types.Lt):
            tests.append(_compare(operator.lt, m.lt))
        elif isinstance(m, annotated_types.MinLen):
            tests.append(_compare(operator.ge, m.min_length, len))
        elif isinstance(m, annotated_types.MaxLen):
            tests.append(_compare(operator.le, m.max_length, len))
        elif isinstance(m, StringConstraints):
            tests += _string_tests(m)
        else:
            raise _Unsupported
    if not tests:
        return check

    if len(tests) == 1:  # the common case (a bound, a length, a pattern): no loop
        (only,) = tests

        def constrained_once(value: Any) -> Any:
            value = check(value)
            if not only(value):
                raise _Mismatch
            return value

        return constrained_once

    def constrained(value: Any) -> Any:
        value = check(value)
        for test in tests:
            if not test(value):
                raise _Mismatch
        return value

    return constrained


def _string_tests(m: StringConstraints) -> list[Test]:
    if m.strip_whitespace or m.to_upper or m.to_lower or m.ascii_only or m.strict:
        raise _Unsupported  # these change or narrow the value in ways this walk does not copy
    tests: list[Test] = []
    if m.min_length is not None:
        tests.append(_compare(operator.ge, m.min_length, len))
    if m.max_length is not None:
        tests.append(_compare(operator.le, m.max_length, len))
    if m.pattern is not None:
        pattern = re.compile(m.pattern if isinstance(m.pattern, str) else m.pattern.pattern)
        tests.append(lambda value: pattern.search(value) is not None)
    return tests


def validate(cls: type[M], data: object) -> M:
    """``cls`` from ``data``: the exact path when the shape matches, else pydantic's full validation (and its
    ValidationError, so messages are the same either way)."""
    model = construct_exact(cls, data)
    return model if model is not None else cls.model_validate(data)
