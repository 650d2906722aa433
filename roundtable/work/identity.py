"""Who the student is: a display name (or pseudonym) given once per clone.

Answers are keyed by a stable id made when the store is first used, never by
the name, so a student can change their name without losing anything. A name
is cleaned before it is stored or shown: Unicode NFC (so two spellings of
"José" are one), no control characters (a newline cannot forge a line of an
export, an escape cannot colour a report), single spaces, at most
MAX_NAME_CHARS characters.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_NAME_CHARS = 60
#: What a store's answers were filed under before names existed; exports
#: under it are reported by the class view as unnamed.
DEFAULT_NAME = "student"


def clean_name(text: str) -> str:
    """The name as it will be stored; raises ValueError with a plain message
    when nothing usable is left or it is too long."""
    if not isinstance(text, str):
        raise ValueError("A name must be text.")
    normal = unicodedata.normalize("NFC", text)
    visible = "".join(" " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in normal
                      if unicodedata.category(c) not in ("Cf", "Cs", "Co", "Cn") or c == "\u200d")
    name = " ".join(visible.split())
    if not name:
        raise ValueError("Type a name or a pseudonym (letters, not only spaces).")
    if len(name) > MAX_NAME_CHARS:
        raise ValueError(f"A name can have at most {MAX_NAME_CHARS} characters; this one has {len(name)}.")
    return name


def name_slug(name: str) -> str:
    """The name as a file-name part: letters, digits and hyphens."""
    slug = re.sub(r"[^\w]+", "-", unicodedata.normalize("NFC", name), flags=re.UNICODE).strip("-_")
    return slug[:40] or DEFAULT_NAME


def short_id(student_id: str) -> str:
    """Six characters that tell two students with the same name apart in a
    file name."""
    return hashlib.sha256(student_id.encode("utf-8")).hexdigest()[:6]


def name_key(name: str) -> str:
    """What two names share when a reader would take them for one: case,
    accents, spaces and punctuation ignored ("O'Brien", "O Brien", "obrien")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum())
