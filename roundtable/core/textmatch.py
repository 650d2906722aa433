"""Matching phrases typed as plain text against the roundtable's text,
which uses curly apostrophes: shared by keyword search and the hedge words."""
from __future__ import annotations

import re


def phrase_regex(phrase: str) -> str:
    """A regular expression for a phrase typed as plain text: characters
    literal, any run of spaces between words, and the straight and curly
    apostrophes alike (the text uses ’, keyboards type ')."""
    def word(w: str) -> str:
        return "".join("['’]" if ch in "'’" else re.escape(ch) for ch in w)
    return r"\s+".join(word(w) for w in phrase.split())
