"""The claims table of the synthesis notebook (data/claims.yaml).

Topics are questions the speakers answer differently; each claim gives a
speaker's stance on the topic's proposition, our one-line summary, and a
verbatim quote with its paragraph id. The loader checks every quote against
the corpus and every speaker against the paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.paths import DATA_DIR
from ..core.yamlfile import Entry, entry_label, read_yaml, top_list, unique_ids, loads_data
from .corpus import load_corpus, read_quotation

CLAIMS_FILE = DATA_DIR / "claims.yaml"
STANCES = ("agrees", "qualifies", "disagrees")
TOPIC_FIELDS = ("id", "question", "proposition", "claims")
CLAIM_FIELDS = ("id", "speaker", "paragraph", "quote", "stance", "claim")


@dataclass(frozen=True)
class Claim:
    id: str
    topic: str
    speaker: str
    paragraph: str
    quote: str
    stance: str
    claim: str


@dataclass(frozen=True)
class Topic:
    id: str
    question: str
    proposition: str
    claims: tuple[Claim, ...]

    @property
    def disputed(self) -> bool:
        """True when two speakers share no stance: a speaker who agrees and
        also qualifies their own claim does not split from one who agrees."""
        stances: dict[str, set[str]] = {}
        for claim in self.claims:
            stances.setdefault(claim.speaker, set()).add(claim.stance)
        sets = list(stances.values())
        return any(not (a & b) for i, a in enumerate(sets) for b in sets[i + 1:])


def load_claims(path: Path | str | None = None, corpus=None) -> list[Topic]:
    if path is None and corpus is None:
        return _default_claims()
    return _load(Path(path or CLAIMS_FILE), corpus)


@lru_cache(maxsize=1)
def _default_claims() -> list[Topic]:
    return _load(CLAIMS_FILE, None)


@loads_data()
def _load(path: Path, corpus) -> list[Topic]:
    corpus = corpus or load_corpus()
    topics = []
    for index, item in enumerate(top_list(path, read_yaml(path), "topics")):
        entry = Entry(path, entry_label("topic", index, item), item)
        entry.check_keys(TOPIC_FIELDS)
        topic_id = entry.ident()
        claims = tuple(_read_claim(path, i, c, topic_id, corpus) for i, c in enumerate(entry.mapping_list("claims")))
        if len({c.speaker for c in claims}) < 2:
            raise entry.fail("a topic needs claims from at least two speakers")
        topics.append(Topic(topic_id, entry.text("question"), " ".join(entry.text("proposition").split()), claims))
    unique_ids(path, "topic", [t.id for t in topics])
    unique_ids(path, "claim", [c.id for t in topics for c in t.claims])
    return topics


def _read_claim(path: Path, index: int, item, topic_id: str, corpus) -> Claim:
    entry = Entry(path, entry_label(f"claim of topic '{topic_id}',", index, item), item)
    entry.check_keys(CLAIM_FIELDS)
    paragraph, speaker, quote = read_quotation(entry, corpus)
    return Claim(entry.ident(), topic_id, speaker, paragraph, quote, entry.choice("stance", STANCES),
                 " ".join(entry.text("claim").split()))


def claims_table(topics: list[Topic] | None = None) -> pd.DataFrame:
    """One row per claim: topic, claim (ours), speaker, stance, paragraph, quote."""
    topics = topics if topics is not None else load_claims()
    return pd.DataFrame([{"topic": t.question, "claim (our summary)": c.claim, "speaker": c.speaker,
                          "stance": c.stance, "paragraph": c.paragraph, "verbatim quote": f"“{c.quote}”"}
                         for t in topics for c in t.claims])


def agreement_table(topics: list[Topic] | None = None) -> pd.DataFrame:
    """Per topic: the proposition and who agrees, qualifies or disagrees."""
    topics = topics if topics is not None else load_claims()
    rows = []
    for t in topics:
        row = {"question": t.question, "proposition": t.proposition}
        for stance in STANCES:
            names = list(dict.fromkeys(c.speaker for c in t.claims if c.stance == stance))
            row[stance] = ", ".join(names)
        row["split?"] = "yes" if t.disputed else "no"
        rows.append(row)
    return pd.DataFrame(rows)


def agreement_summary(topics: list[Topic] | None = None) -> str:
    topics = topics if topics is not None else load_claims()
    split = [t.question for t in topics if t.disputed]
    claims = sum(len(t.claims) for t in topics)
    speakers = {c.speaker for t in topics for c in t.claims}
    return (f"{claims} claims by {len(speakers)} speakers on {len(topics)} questions. "
            f"The speakers split on {len(split)} of them: " + "; ".join(split) + ".")
