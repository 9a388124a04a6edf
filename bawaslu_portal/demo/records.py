"""The demo records kept as data files, and the one way they are read.

The demo's records (the cases, the meetings, the agencies, ...) are
transcriptions of the source events (``shared/seeds``): they are kept in TOML
files beside the module that seeds them (``reports/demo/cases.toml`` beside
``reports/demo/cases.py``), so that staff can read and correct them without
Python. The module keeps the builders: what a record means, the values derived
from it, and the writes.

:func:`load` reads a file's arrays of tables; :func:`build` turns one table
into the module's record (a dataclass or a helper function), after checking
that the table has every key the record requires and no other, and turning the
values of the named keys into what the code uses (a model's ``TextChoices``
member, a nested record); the other values must be of the type the record
annotates (a date where it takes a ``datetime.date``: ``2024-10-28``, not
``"2024-10-28"``), and a login key must name a demo login (:func:`login`).
Anything wrong raises :class:`DemoDataError` naming the file, the record and
the key; a file that is not valid TOML (a bad date such as
``2024-02-30`` too) raises it with the line and column.
"""

import datetime
import inspect
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = [
    "DemoDataError",
    "build",
    "choice",
    "each",
    "load",
    "login",
    "lookup",
    "numbered",
    "record",
    "take",
]

#: A value's conversion: ``convert(value, where)``.
Convert = Callable[[object, str], object]


class DemoDataError(ValueError):
    """A demo data file has a record with an unknown or missing key, or a value the code
    does not know."""


def load(module_file: str, name: str, *arrays: str) -> dict[str, list[tuple[str, dict]]]:
    """The arrays of tables ``arrays`` of the TOML file ``name`` beside ``module_file``.

    Each table comes with where it is (``"reports/demo/cases.toml, case 3"``), for the
    errors. The file must hold exactly these arrays, in any order.
    """
    path = Path(module_file).with_name(name)
    shown = "/".join(path.parts[-3:])
    with path.open("rb") as file:
        try:
            data = tomllib.load(file)
        except tomllib.TOMLDecodeError as error:
            raise DemoDataError(f"{shown}: {error}") from error
    _check_keys(data, set(arrays), set(arrays), shown)
    return {array: numbered(data[array], f"{shown}, {array}") for array in arrays}


def build[T](
    make: Callable[..., T],
    table: Mapping,
    where: str,
    *,
    convert: Mapping[str, Convert] | None = None,
    **given,
) -> T:
    """``make(**given, **table)``, the values of ``convert``'s keys converted first.

    ``table`` may have the parameters of ``make`` (less those ``given``), and must have
    those without a default; a value not converted must be of its parameter's annotated
    type (when it has one).
    """
    parameters = {
        name: parameter
        for name, parameter in inspect.signature(make).parameters.items()
        if name not in given
        and parameter.kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY)
    }
    required = {
        name for name, parameter in parameters.items() if parameter.default is parameter.empty
    }
    _check_keys(table, required, set(parameters), where)
    convert = convert or {}
    annotations = typing.get_type_hints(make)
    values = {}
    for key, value in table.items():
        if key in convert:
            values[key] = convert[key](value, f"{where}, {key}")
        else:
            _check_type(value, annotations.get(key), f"{where}, {key}")
            values[key] = value
    return make(**given, **values)


def record(make: Callable, **convert: Convert) -> Convert:
    """The conversion of a nested table into ``make``'s record (by :func:`build`)."""
    return lambda table, where: build(make, table, where, convert=convert)


def each(make: Callable, **convert: Convert) -> Convert:
    """The conversion of an array of tables into ``make``'s records (by :func:`build`)."""
    return lambda tables, where: [
        build(make, table, place, convert=convert) for place, table in numbered(tables, where)
    ]


def take(table: Mapping, where: str, **keys: type) -> tuple[list, dict]:
    """The values of the keys of ``keys`` (in that order), which ``table`` must have, each of
    its type, and the rest of ``table`` (for :func:`build`): the keys a builder reads itself
    before it builds the record."""
    _check_keys({name: table[name] for name in keys if name in table}, set(keys), set(keys), where)
    for name, expected in keys.items():
        _check_type(table[name], expected, f"{where}, {name}")
    rest = {key: value for key, value in table.items() if key not in keys}
    return [table[name] for name in keys], rest


def choice(choices) -> Convert:
    """The conversion of a value of the ``TextChoices`` ``choices`` into its member."""

    def convert(value, where: str):
        if value not in choices.values:
            raise DemoDataError(
                f"{where}: {value!r} is not a value of {choices.__name__} "
                f"({', '.join(choices.values)})"
            )
        return choices(value)

    return convert


def login(names) -> Convert:
    """The conversion of a login key (``actor = "semarang.staf"``) that must be one of the
    demo's usernames ``names``: a key the seed would not find is named here, with its file,
    record and key, instead of failing later as a plain ``KeyError``."""
    known = list(names)

    def convert(value, where: str):
        if value not in known:
            raise DemoDataError(f"{where}: {value!r} is not a demo login ({', '.join(known)})")
        return value

    return convert


def numbered(tables: list, where: str) -> list[tuple[str, object]]:
    """The items of an array with where each is (``"…, steps 2"``), counting from 1."""
    return [(f"{where} {number}", table) for number, table in enumerate(tables, 1)]


def lookup[T](known: Mapping[str, T], value, where: str) -> T:
    """What ``known`` gives for the name ``value``."""
    if value not in known:
        raise DemoDataError(f"{where}: {value!r} is not one of {', '.join(known)}")
    return known[value]


def _check_type(value, expected, where: str) -> None:
    if expected is not None and not _is_a(value, expected):
        shown = expected.__name__ if isinstance(expected, type) else str(expected)
        raise DemoDataError(f"{where}: takes {shown}, not {value!r} ({type(value).__name__})")


def _is_a(value, expected) -> bool:
    """Whether ``value`` is of the annotation ``expected``: a class (a bool is not an int, a
    date and time not a date), ``X | None``, or ``list[X]`` (each item an ``X``); of other
    generics only the container is checked."""
    origin = typing.get_origin(expected)
    if origin in (types.UnionType, typing.Union):
        return any(_is_a(value, arm) for arm in typing.get_args(expected))
    if origin is not None:
        arguments = typing.get_args(expected)
        if origin is list and arguments:
            return isinstance(value, list) and all(_is_a(item, arguments[0]) for item in value)
        return isinstance(value, origin)
    if expected is type(None):
        return value is None
    if expected in (int, datetime.date):
        return type(value) is expected
    return not isinstance(expected, type) or isinstance(value, expected)


def _check_keys(table: Mapping, required: set[str], allowed: set[str], where: str) -> None:
    problems = []
    if unknown := sorted(table.keys() - allowed):
        problems.append(f"unknown key(s) {', '.join(unknown)}")
    if missing := sorted(required - table.keys()):
        problems.append(f"missing key(s) {', '.join(missing)}")
    if problems:
        raise DemoDataError(
            f"{where}: {'; '.join(problems)} (it takes {', '.join(sorted(allowed))})"
        )
