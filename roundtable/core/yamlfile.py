"""Reading YAML data files and checking their entries against a schema.

Every loader in the package goes through here, so that every malformed file
fails the same way: a DataError naming the file, the entry and the problem,
never a bare KeyError and never a silently short table.
"""
from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

KEBAB_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
#: libyaml's safe loader when PyYAML was built with it (several times faster:
#: every notebook loads the data on start), else the pure-Python one. Both
#: build only plain data, never objects.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int, first_line: int):
        super().__init__(f"key {key!r} at line {line} repeats the one at line {first_line}")
        self.key, self.line, self.first_line = key, line, first_line


class DataLoader(SAFE_LOADER):
    """The safe loader with two changes. Dates stay text: an unquoted
    `date: 2020-02-30` reaches our own date parser, which says what is wrong,
    instead of failing inside YAML. A key given twice in one mapping is
    refused, naming the line: YAML would silently keep the second."""

    yaml_implicit_resolvers = {first: [(tag, regexp) for tag, regexp in resolvers if tag != TIMESTAMP_TAG]
                               for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()}

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            first_lines: dict[str, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    line = key_node.start_mark.line + 1
                    if key_node.value in first_lines:
                        raise DuplicateKey(key_node.value, line, first_lines[key_node.value])
                    first_lines[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning every failure into a DataError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise DataError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc.strerror})") from None
    try:
        return yaml.load(text, Loader=DataLoader)
    except DuplicateKey as exc:
        raise DataError(path, f"line {exc.line}: the key '{exc.key}' appears twice in one entry (first at line "
                              f"{exc.first_line}); YAML would silently keep only the second") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError(path, f"unreadable YAML{where}: {reason}") from None
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. an unhashable key, nesting too deep
        raise DataError(path, f"unreadable YAML: {type(exc).__name__}: {exc}") from None


def loads_data(file="path", default=None):
    """Decorate a loader: any error other than a DataError raised while it
    reads and checks its data becomes a DataError naming the file, so that a
    malformed file never reaches a reader as a bare KeyError or TypeError.

    `file` names the loader's parameter that holds the file (or folder), or
    is a function of the bound arguments that returns it; `default` is the
    file when that parameter is left out."""

    def decorate(function):
        signature = inspect.signature(function)

        @functools.wraps(function)
        def guarded(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except DataError:
                raise
            except (KeyError, TypeError, ValueError, AttributeError, IndexError, RecursionError) as exc:
                bound = signature.bind_partial(*args, **kwargs)
                where = file(bound.arguments) if callable(file) else bound.arguments.get(file)
                raise DataError(Path(where or default or "data"),
                                f"has an entry of an unexpected shape ({type(exc).__name__}: {exc})") from exc

        return guarded

    return decorate


def top_list(path: Path, document: Any, key: str) -> list:
    """The list stored under `key` at the top of a data file."""
    if not isinstance(document, Mapping):
        raise DataError(path, f"expected a mapping with a '{key}:' list at the top")
    items = document.get(key)
    if not isinstance(items, list) or not items:
        raise DataError(path, f"'{key}:' must be a non-empty list")
    return items


def entry_label(kind: str, index: int, item: Any, id_key: str = "id") -> str:
    """How an entry is named in messages: by its id when it has one."""
    if isinstance(item, Mapping) and isinstance(item.get(id_key), str):
        return f"{kind} '{item[id_key]}' (entry {index + 1})"
    return f"{kind} entry {index + 1}"


class Entry:
    """Typed access to one mapping of a data file, with errors that say where."""

    def __init__(self, path: Path, label: str, item: Any):
        if not isinstance(item, Mapping):
            raise DataError(path, "expected a mapping of fields", label)
        self.path, self.label, self.item = path, label, item

    def fail(self, problem: str) -> DataError:
        return DataError(self.path, problem, self.label)

    def check_keys(self, allowed: Iterable[str]) -> None:
        unknown = sorted(set(self.item) - set(allowed))
        if unknown:
            raise self.fail(f"unknown field(s) {unknown}; allowed: {sorted(allowed)}")

    def text(self, key: str, *, required: bool = True) -> str | None:
        value = self.item.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing field '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"field '{key}' must be non-empty text, got {value!r}")
        return value

    def original_name(self) -> tuple[str | None, str | None]:
        """A name in its original script and the language it is in: both or neither."""
        original = self.text("original", required=False)
        language = self.text("original_language", required=False)
        if (original is None) != (language is None):
            raise self.fail("'original' and 'original_language' go together: give both or neither")
        return original, language

    def ident(self, key: str = "id") -> str:
        value = self.text(key)
        if not KEBAB_ID.match(value):
            raise self.fail(f"field '{key}' must be lower-case words joined by hyphens, got {value!r}")
        return value

    def integer(self, key: str) -> int:
        value = self.item.get(key)
        if value is None:
            raise self.fail(f"missing field '{key}'")
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"field '{key}' must be a whole number, got {value!r}")
        return value

    def boolean(self, key: str) -> bool:
        value = self.item.get(key)
        if value is None:
            raise self.fail(f"missing field '{key}'")
        if not isinstance(value, bool):
            raise self.fail(f"field '{key}' must be true or false, got {value!r}")
        return value

    def number(self, key: str) -> float:
        value = self.item.get(key)
        if value is None:
            raise self.fail(f"missing field '{key}'")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(f"field '{key}' must be a number, got {value!r}")
        return float(value)

    def text_list(self, key: str, *, required: bool = True, allow_empty: bool = False) -> list[str]:
        value = self.item.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing field '{key}'")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"field '{key}' must be a list of non-empty texts, got {value!r}")
        if not value and not allow_empty:
            raise self.fail(f"field '{key}' must not be empty")
        return list(value)

    def choice(self, key: str, allowed: Iterable[str], *, required: bool = True) -> str | None:
        value = self.text(key, required=required)
        if value is not None and value not in allowed:
            raise self.fail(f"field '{key}' has {value!r}; expected one of {sorted(allowed)}")
        return value

    def mapping_list(self, key: str, *, required: bool = True) -> list[Mapping]:
        value = self.item.get(key)
        if value is None:
            if required:
                raise self.fail(f"missing field '{key}'")
            return []
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(f"field '{key}' must be a list of mappings")
        if required and not value:
            raise self.fail(f"field '{key}' must not be empty")
        return list(value)


def unique_ids(path: Path, kind: str, ids: list[str]) -> None:
    """Fail on the first id used twice, naming both entries."""
    seen: dict[str, int] = {}
    for index, ident in enumerate(ids):
        if ident in seen:
            raise DataError(
                path,
                f"duplicate id '{ident}' (also entry {seen[ident] + 1})",
                f"{kind} '{ident}' (entry {index + 1})",
            )
        seen[ident] = index
