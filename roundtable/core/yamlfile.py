"""Reading YAML data files and checking their entries against a schema.

Every loader in the package goes through here, so that every malformed file
fails the same way: a DataError naming the file, the entry and the problem,
never a bare KeyError and never a silently short table.
"""
from __future__ import annotations

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
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError(path, f"unreadable YAML{where}: {reason}") from None


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
