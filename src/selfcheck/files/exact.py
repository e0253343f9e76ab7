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
import functools
import math
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
_ACCEPTS: dict[Check, frozenset[type]] = {}
"""The value types a check can take: it refuses a value of any other type with ``_Mismatch`` before doing anything
else. A union tries only the options that can take the value's type (an optional field left empty raises nothing);
a check not listed here is tried for a value of any type."""


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


FieldPlan = tuple[str, frozenset[type] | None, Check, Callable[[], Any]]
"""A field as build() walks it: name, the types its value passes through unchanged (None: call the check), the
check, and how to make its value when it is missing (a required field's refuses)."""


def _plan(cls: type[BaseModel]) -> Check | None:
    if cls in _PLANS:
        return _PLANS[cls]
    fields: list[FieldPlan] = []
    before: list[Callable[[Any], Any]] = []

    def build(data: Any) -> Any:
        if before:
            for func in before:
                data = func(data)  # e.g. an older key renamed, as full validation would
        if type(data) is not dict:
            raise _Mismatch
        # The fields in declared order, as model_construct keeps them: a plain text, flag or number is checked
        # here, without a call.
        state = {}
        missing = 0
        for name, passed, check, default in fields:
            if name in data:
                value = data[name]
                if passed is None:
                    state[name] = check(value)
                elif type(value) in passed:
                    state[name] = value
                else:
                    raise _Mismatch
            else:
                state[name] = default()
                missing += 1
        if len(data) + missing != len(fields):
            raise _Mismatch  # a key that is no field: the full validation names it
        # What model_construct does for a model without extras, private attributes or post-init (checked when
        # planning), without its per-call bookkeeping.
        model = cls.__new__(cls)
        _setattr(model, "__dict__", state)
        _setattr(model, "__pydantic_fields_set__", set(data))
        _setattr(model, "__pydantic_extra__", None)
        _setattr(model, "__pydantic_private__", None)
        return model

    _PLANS[cls] = build  # registered first, so that a model that contains itself resolves
    _PLANNING.add(cls)
    try:
        fields += _fields(cls)
        before += _before_validators(cls)
    except _Unsupported:
        _PLANS[cls] = None
        return None
    finally:
        _PLANNING.discard(cls)
    return build if before else _accepting(build, dict)


_setattr = object.__setattr__
_PLANNING: set[type[BaseModel]] = set()
"""Models whose plan is being made (a model that contains itself meets its own unfinished plan)."""


def _fields(cls: type[BaseModel]) -> list[FieldPlan]:
    """How build() walks each of ``cls``'s fields."""
    if cls.model_config.get("extra") != "forbid":
        raise _Unsupported  # ignored or kept extra keys would need pydantic's own handling
    fields: list[FieldPlan] = []
    for name, info in cls.model_fields.items():
        if info.alias is not None and info.alias != name:
            raise _Unsupported
        check = _with_validators(cls, name, _field_check(info))
        default = _missing if info.is_required() else _default(info)
        fields.append((name, _PASSED.get(check), check, default))
    return fields


def _before_validators(cls: type[BaseModel]) -> list[Callable[[Any], Any]]:
    """The model's ``before`` validators; any other kind of validator makes it unsupported."""
    decorators = cls.__pydantic_decorators__
    if decorators.root_validators or decorators.validators:
        raise _Unsupported
    before = []
    for decorator in decorators.model_validators.values():
        if decorator.info.mode != "before":
            raise _Unsupported  # after and wrap validators see the built model: leave those to pydantic
        before.append(decorator.func)
    if cls.__private_attributes__ or cls.__pydantic_post_init__ or cls.__pydantic_root_model__:
        raise _Unsupported  # build() sets none of these up
    return before


def _missing() -> Any:
    raise _Mismatch  # a required field: build() refused its absence already


_PLAIN_FACTORIES: tuple[object, ...] = (list, dict, set, frozenset, tuple)


def _default(info: FieldInfo) -> Callable[[], Any]:
    """How to make a missing field's default, decided once (``FieldInfo.get_default`` inspects the factory's
    signature on every call, which made building a questionnaire slower than validating it)."""
    factory = info.default_factory
    if factory is not None:
        # list, dict and friends never take the validated data, nor does a model whose __init__ is pydantic's
        # (its data are keywords only); asking pydantic means inspect.signature, whose text-signature parser
        # compiles the tokenizer's regular expressions, and for a model builds its whole signature.
        plain = factory in _PLAIN_FACTORIES or (
            isinstance(factory, type) and issubclass(factory, BaseModel) and factory.__init__ is BaseModel.__init__
        )
        if not plain and info.default_factory_takes_validated_data:
            raise _Unsupported
        return factory  # type: ignore[return-value]
    value = info.default
    if value is None or isinstance(value, str | int | float | bool | frozenset | tuple):
        return lambda: value
    return lambda: copy.deepcopy(value)  # as pydantic does for a mutable default


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
    kinds = None if before else _ACCEPTS.get(check)  # a before validator may turn any value into the type

    def validated(value: Any) -> Any:
        for func in before:
            value = func(value)
        value = check(value)
        for func in after:
            value = func(value)
        return value

    return validated if kinds is None else _accepting(validated, *kinds)


def _field_check(info: FieldInfo) -> Check:
    if info.discriminator is not None:
        raise _Unsupported
    check = _type_check(info.annotation)
    if not info.metadata:
        return check
    try:  # a subclass repeats its base's fields (seven item kinds share ItemBase's): one constrained check each
        key = (check, *info.metadata)
        return _CONSTRAINED[key]
    except KeyError:
        constrained = _CONSTRAINED[key] = _constrained(check, info.metadata)
        return constrained
    except TypeError:  # a constraint that cannot be a key
        return _constrained(check, info.metadata)


_CONSTRAINED: dict[tuple[object, ...], Check] = {}


def _accepting(check: Check, *kinds: type) -> Check:
    """``check``, listed as refusing every value whose type is not one of ``kinds`` (see :data:`_ACCEPTS`)."""
    _ACCEPTS[check] = frozenset(kinds)
    return check


_PASSED: dict[Check, frozenset[type]] = {}
"""Checks that return a value of one of these exact types unchanged and refuse any other: build() and a constrained
check make the type test themselves instead of calling them."""


def _exact(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not kind:
            raise _Mismatch
        return value

    _PASSED[check] = frozenset((kind,))
    return _accepting(check, kind)


def _float(value: Any) -> float:
    if type(value) is float:
        return value
    if type(value) is int:
        return float(value)  # pydantic turns a whole number into a float too
    raise _Mismatch


_SIMPLE: dict[object, Check] = {
    str: _exact(str),
    int: _exact(int),
    bool: _exact(bool),
    float: _accepting(_float, float, int),
    datetime: _exact(datetime),
    date: _exact(date),
    type(None): _exact(type(None)),
}


_TYPE_CHECKS: dict[object, Check] = dict(_SIMPLE)
"""Checks by annotation: ``str | None`` or a constrained id type recur in many fields of many models."""
_UNFINISHED = [0]
"""How many checks of an unfinished model's plan were made: a check that contains one is not kept for reuse."""


def _type_check(tp: Any) -> Check:
    try:
        return _TYPE_CHECKS[tp]
    except KeyError:
        pass
    except TypeError:  # an annotation that cannot be a key
        return _new_type_check(tp)
    unfinished = _UNFINISHED[0]
    check = _new_type_check(tp)
    if _UNFINISHED[0] == unfinished:
        _TYPE_CHECKS[tp] = check
    return check


def _new_type_check(tp: Any) -> Check:
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
    plan = _plan(cls)
    if plan is None:
        raise _Unsupported
    if cls not in _PLANNING:
        return plan  # finished: it stays as it is

    def check(value: Any) -> Any:
        plan = _PLANS[cls]  # looked up when used: when the plan is finished, the model may be unsupported after all
        if plan is None:
            raise _Mismatch
        return plan(value)

    _UNFINISHED[0] += 1
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

    return _accepting(check, dict)


def _literal(allowed: tuple[Any, ...]) -> Check:
    known = frozenset((type(a), a) for a in allowed)  # the type too: True is not 1, as for pydantic's strict literal

    def check(value: Any) -> Any:
        try:
            if (type(value), value) in known:
                return value
        except TypeError:  # an unhashable value (a list) is no literal
            pass
        raise _Mismatch

    return _accepting(check, *(kind for kind, _ in known))


def _union(options: list[Check]) -> Check:
    """The first option that takes the value. Only the options that can take the value's type are tried, in their
    order: the others would refuse it anyway, and a refusal is an exception (``str | None`` left empty raised one)."""
    kinds = [_ACCEPTS.get(option) for option in options]
    known: set[type] = set().union(*(k for k in kinds if k is not None))
    by_type = {
        kind: _first_of([o for o, k in zip(options, kinds, strict=True) if k is None or kind in k]) for kind in known
    }
    other = _first_of([o for o, k in zip(options, kinds, strict=True) if k is None])

    def check(value: Any) -> Any:
        return by_type.get(type(value), other)(value)

    if all(option in _PASSED for option in options):  # str | None: whichever option takes the value returns it
        _PASSED[check] = frozenset(known)
    return check if any(k is None for k in kinds) else _accepting(check, *known)


def _first_of(options: list[Check]) -> Check:
    """The first of ``options`` that takes the value (none: every value is refused)."""
    if len(options) == 1:
        return options[0]

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

    return _accepting(check, list)


def _dict(key: Check, item: Check) -> Check:
    def check(value: Any) -> Any:
        if type(value) is not dict:
            raise _Mismatch
        return {key(k): item(v) for k, v in value.items()}

    return _accepting(check, dict)


Test = Callable[[Any], object]
"""A constraint's test: a true result (``True``, a match) when the value meets it."""


def _constrained(check: Check, metadata: list[Any] | tuple[Any, ...]) -> Check:
    """The type check and the field's constraints (bounds, lengths, patterns) in one call; others are unsupported.
    A plain type check is made inline and the tests are C functions: a field's value costs one Python call."""
    tests, lengths = _limits(metadata)
    if not tests and lengths is None:
        return check
    passed = _PASSED.get(check)
    shortest, longest = lengths or (0, math.inf)

    def constrained(value: Any) -> Any:
        if passed is None:
            value = check(value)
        elif type(value) not in passed:
            raise _Mismatch
        if lengths is not None and not shortest <= len(value) <= longest:
            raise _Mismatch
        for test in tests:
            if not test(value):
                raise _Mismatch
        return value

    kinds = _ACCEPTS.get(check)  # the type check comes first: the constrained check refuses the same types
    return constrained if kinds is None else _accepting(constrained, *kinds)


def _limits(metadata: list[Any] | tuple[Any, ...]) -> tuple[list[Test], tuple[int, float] | None]:
    """The value tests of ``metadata`` (a bound ``ge`` is ``partial(operator.le, ge)``, that is ``ge <= value``; a
    pattern is its ``search``) and the length range, None when no length is constrained."""
    tests: list[Test] = []
    lengths: list[tuple[int, float]] = []
    for m in metadata:
        if isinstance(m, annotated_types.Ge):
            tests.append(functools.partial(operator.le, m.ge))
        elif isinstance(m, annotated_types.Gt):
            tests.append(functools.partial(operator.lt, m.gt))
        elif isinstance(m, annotated_types.Le):
            tests.append(functools.partial(operator.ge, m.le))
        elif isinstance(m, annotated_types.Lt):
            tests.append(functools.partial(operator.gt, m.lt))
        elif isinstance(m, annotated_types.MinLen):
            lengths.append((m.min_length, math.inf))
        elif isinstance(m, annotated_types.MaxLen):
            lengths.append((0, m.max_length))
        elif isinstance(m, StringConstraints):
            if m.strip_whitespace or m.to_upper or m.to_lower or m.ascii_only or m.strict:
                raise _Unsupported  # these change or narrow the value in ways this walk does not copy
            if m.min_length is not None or m.max_length is not None:
                lengths.append((m.min_length or 0, math.inf if m.max_length is None else m.max_length))
            if m.pattern is not None:
                tests.append(re.compile(m.pattern if isinstance(m.pattern, str) else m.pattern.pattern).search)
        else:
            raise _Unsupported
    if not lengths:
        return tests, None
    return tests, (max(low for low, _ in lengths), min(high for _, high in lengths))


def validate(cls: type[M], data: object) -> M:
    """``cls`` from ``data``: the exact path when the shape matches, else pydantic's full validation (and its
    ValidationError, so messages are the same either way)."""
    model = construct_exact(cls, data)
    return model if model is not None else cls.model_validate(data)
