"""Plain-language summaries of the paragraphs (data/summaries.yaml): the
basic reading level, in our own words.

The loader checks that every paragraph of the roundtable has exactly one
summary, and that no summary copies a run of words from its paragraph outside
quotation marks: a summary that quietly reuses the speaker's sentences would
pass the speaker's words off as ours, or ours as the speaker's.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..core.errors import DataError
from ..core.paths import DATA_DIR
from ..core.yamlfile import read_yaml, loads_data
from .corpus import load_corpus

SUMMARIES_FILE = DATA_DIR / "summaries.yaml"
#: A run of this many words shared with the paragraph is copying, not summary.
COPIED_RUN = 8
_WORD = re.compile(r"[\w’']+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def load_summaries(path: Path | str | None = None, corpus=None) -> dict[str, str]:
    """Paragraph id → summary, for every paragraph of the roundtable."""
    if path is None and corpus is None:
        return _default_summaries()
    return _load(Path(path or SUMMARIES_FILE), corpus or load_corpus())


@lru_cache(maxsize=1)
def _default_summaries() -> dict[str, str]:
    return _load(SUMMARIES_FILE, load_corpus())


@loads_data()
def _load(path: Path, corpus) -> dict[str, str]:
    document = read_yaml(path)
    raw = document.get("summaries") if isinstance(document, dict) else None
    if not isinstance(raw, dict) or not raw:
        raise DataError(path, "expected a 'summaries:' mapping of paragraph id to summary")
    ids = set(corpus.ids)
    unknown = sorted(set(raw) - ids)
    if unknown:
        raise DataError(path, f"summaries for paragraph(s) the roundtable does not have: {unknown}")
    missing = [p for p in corpus.ids if p not in raw]
    if missing:
        raise DataError(path, f"no summary for paragraph(s) {missing}")
    summaries = {}
    for paragraph_id in corpus.ids:
        text = raw[paragraph_id]
        if not isinstance(text, str) or not text.strip():
            raise DataError(path, f"summary '{paragraph_id}': must be non-empty text")
        copied = copied_run(text, corpus.text_of(paragraph_id))
        if copied:
            raise DataError(path, f"summary '{paragraph_id}': copies the paragraph's words \"{copied}\"; "
                                  f"summarise in our own words, or put the speaker's words in quotation marks")
        summaries[paragraph_id] = " ".join(text.split())
    return summaries


def copied_run(summary: str, paragraph: str, length: int = COPIED_RUN) -> str | None:
    """The first run of `length` words that the summary, outside its quotation
    marks, shares with the paragraph; None if there is none."""
    source = _words(paragraph)
    runs = {tuple(source[i:i + length]) for i in range(len(source) - length + 1)}
    for chunk in _QUOTED.split(summary):
        words = _words(chunk)
        for i in range(len(words) - length + 1):
            if tuple(words[i:i + length]) in runs:
                return " ".join(words[i:i + length])
    return None


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]
