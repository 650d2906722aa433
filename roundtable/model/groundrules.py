"""The ground rules for discussion (data/ground_rules.md), as Markdown."""
from __future__ import annotations

from ..core.paths import DATA_DIR

GROUND_RULES_FILE = DATA_DIR / "ground_rules.md"


def ground_rules() -> str:
    """The ground rules as Markdown (without the file's editing comment)."""
    text = GROUND_RULES_FILE.read_text(encoding="utf-8")
    return text.split("-->", 1)[1].strip() if text.lstrip().startswith("<!--") else text.strip()
