"""A text-analysis lens on the roundtable: keyword in context, who writes on
which theme, the words that set each speaker apart, and hedge words.

All of it is computed from the corpus; nothing is typed by hand. Queries come
from students, so they are matched as plain text (never as a regular
expression) and cut to a sensible length.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from ..core.paths import DATA_DIR
from ..core.textmatch import phrase_regex
from ..model.corpus import (
    INTRODUCTION,
    THEME_TITLES,
    THEMES,
    load_corpus,
    speaker_label,
)
from ..model.estimative import load_estimative_words
from ..model.glossary import load_glossary

STOPWORDS_FILE = DATA_DIR / "stopwords.txt"
MAX_QUERY_CHARS = 80
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
MEASURES = {"paragraphs": "paragraphs", "words": "words"}


def plural(n: int, word: str) -> str:
    """'1 paragraph', '2 paragraphs'."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def strip_label(text: str) -> str:
    """A paragraph without the "Name: " that opens a speaker's first one."""
    return re.sub(r"^[A-Z][a-z]+: ", "", text)


def tokens(text: str) -> list[str]:
    """Lower-case words; curly and straight apostrophes count as the same."""
    return [m.group(0).replace("’", "'").lower() for m in WORD.finditer(strip_label(text))]


def clean_query(query: str) -> str:
    """A student's query as searched: spaces collapsed, length capped."""
    return " ".join(str(query).split())[:MAX_QUERY_CHARS]


def spellings_of(query: str, glossary=None) -> tuple[str, ...]:
    """The spellings the text itself uses for the name or term `query` is one
    of ("Muhandis" finds "Mohandes" too); just the query otherwise."""
    glossary = glossary or load_glossary()
    wanted = query.casefold()
    for entry in glossary.entries.values():
        spellings = (entry.term, *entry.variants, *entry.other_spellings)
        if any(wanted == s.casefold() for s in spellings):
            return tuple(dict.fromkeys([query, *entry.variants]))
    return (query,)


def _query_pattern(query: str, whole_words: bool, spellings: tuple[str, ...] = ()) -> re.Pattern:
    if len(spellings) > 1:
        body = "|".join(f"(?:{phrase_regex(s)})" for s in sorted(spellings, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    body = phrase_regex(query)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, re.IGNORECASE)


def kwic(query: str, corpus=None, whole_words: bool = True, speaker: str | None = None,
         width: int = 60) -> pd.DataFrame:
    """Every occurrence of `query` with `width` characters either side, in
    reading order: paragraph, speaker, left, match, right."""
    corpus = corpus or load_corpus()
    query = clean_query(query)
    columns = ["paragraph", "speaker", "left", "match", "right"]
    if not query:
        return pd.DataFrame(columns=columns)
    pattern = _query_pattern(query, whole_words, spellings_of(query))
    frame = corpus.paragraphs if not speaker else corpus.filter(speaker=speaker)
    rows = []
    for row in frame.itertuples():
        for m in pattern.finditer(row.text):
            left = row.text[max(0, m.start() - width):m.start()]
            right = row.text[m.end():m.end() + width]
            rows.append({"paragraph": row.id, "speaker": speaker_label(row.speaker),
                         "left": ("…" if m.start() > width else "") + left, "match": m.group(0),
                         "right": right + ("…" if m.end() + width < len(row.text) else "")})
    return pd.DataFrame(rows, columns=columns)


def kwic_summary(results: pd.DataFrame, query: str, speaker: str | None = None) -> str:
    query = clean_query(query)
    where = f"{speaker}'s paragraphs" if speaker else "the roundtable"
    if not query:
        return "Type a word or phrase to search the whole roundtable."
    others = [s for s in spellings_of(query) if s.casefold() != query.casefold()]
    also = f" (with the text's other spellings: {', '.join(others)})" if others else ""
    if results.empty:
        return f"“{query}”{also} does not occur in {where}."
    by = results.groupby("speaker", sort=False).size()
    times = "once" if len(results) == 1 else f"{len(results)} times"
    return (f"“{query}”{also} occurs {times} in {plural(results['paragraph'].nunique(), 'paragraph')} of {where}: "
            + ", ".join(f"{s} {n}" for s, n in by.items()) + ".")


def kwic_table(query: str, corpus=None, whole_words: bool = True) -> pd.DataFrame:
    """Print the search summary and return the results: the keyword
    widget's static companion."""
    results = kwic(query, corpus, whole_words)
    print(kwic_summary(results, query))
    return results


def speaker_theme_counts(corpus=None, measure: str = "paragraphs", main_only: bool = False) -> pd.DataFrame:
    """Rows are speakers (the introduction first), columns are themes; a
    cell counts the speaker's paragraphs on that theme, or their words. A
    paragraph counts for its main theme and, unless `main_only`, its second."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {list(MEASURES)}, got {measure!r}")
    corpus = corpus or load_corpus()
    frame = corpus.paragraphs
    order = [INTRODUCTION, *corpus.speakers]
    table = pd.DataFrame(0, index=[speaker_label(s) for s in order], columns=[THEME_TITLES[t] for t in THEMES])
    for row in frame.itertuples():
        themes = row.themes[:1] if main_only else row.themes
        amount = 1 if measure == "paragraphs" else len(tokens(row.text))
        for theme in themes:
            table.loc[speaker_label(row.speaker), THEME_TITLES[theme]] += amount
    table.index.name = "speaker"
    return table


def heatmap_summary(table: pd.DataFrame, measure: str, main_only: bool) -> str:
    """The heat map's content in words (its alt text)."""
    unit = "paragraphs" if measure == "paragraphs" else "words"
    which = "main theme only" if main_only else "main and secondary themes"
    lines = [f"Speaker × theme: {unit}, counting {which}."]
    for speaker, row in table.iterrows():
        parts = [f"{theme} {int(n)}" for theme, n in row.items() if n]
        lines.append(f"{speaker}: " + (", ".join(parts) if parts else "none"))
    top = table.stack().idxmax()
    lines.append(f"Largest cell: {top[0]} on {top[1]} ({int(table.stack().max())} {unit}).")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def distinctive_words(corpus=None, top: int = 6, min_count: int = 2) -> pd.DataFrame:
    """For each speaker, the words they use most often compared with the
    others: a smoothed log-ratio of their rate to everyone else's rate.
    Function words (data/stopwords.txt) are left out."""
    corpus = corpus or load_corpus()
    stop = stopwords()
    counts: dict[str, Counter] = {}
    for row in corpus.paragraphs.itertuples():
        if row.speaker == INTRODUCTION:
            continue
        counts.setdefault(row.speaker, Counter()).update(w for w in tokens(row.text) if w not in stop)
    total = sum(counts.values(), Counter())
    vocabulary = len(total)
    rows = []
    for speaker in corpus.speakers:
        own = counts[speaker]
        n_own = sum(own.values())
        n_rest = sum(total.values()) - n_own
        scored = []
        for word, c in own.items():
            if c < min_count:
                continue
            rest = total[word] - c
            score = (math.log((c + 0.5) / (n_own + 0.5 * vocabulary))
                     - math.log((rest + 0.5) / (n_rest + 0.5 * vocabulary)))
            scored.append((score, c, word))
        scored.sort(key=lambda t: (-t[0], -t[1], t[2]))
        words = [f"{w} ({c})" for _, c, w in scored[:top]]
        rows.append({"speaker": speaker, "words (excluding function words)": n_own,
                     "most distinctive words (times used)": ", ".join(words) or "(none used twice)"})
    return pd.DataFrame(rows)


def hedges_by_paragraph(corpus=None, scale=None) -> pd.DataFrame:
    """Every hedge word in the roundtable with its Kent band and value."""
    corpus, scale = corpus or load_corpus(), scale or load_estimative_words()
    rows = []
    for row in corpus.paragraphs.itertuples():
        for hedge in scale.find(row.text):
            rows.append({"paragraph": row.id, "speaker": speaker_label(row.speaker), "word": hedge.matched,
                         "band": hedge.band.label, "probability": hedge.band.point,
                         "open range": hedge.band.width})
    return pd.DataFrame(rows, columns=["paragraph", "speaker", "word", "band", "probability", "open range"])


def hedging_profile(corpus=None, scale=None) -> pd.DataFrame:
    """Per speaker: words, hedge words per 100 words, how many fall in each
    kind of band, and the mean probability of their hedges."""
    corpus = corpus or load_corpus()
    hedges = hedges_by_paragraph(corpus, scale)
    rows = []
    for speaker in corpus.speakers:
        words = sum(len(tokens(t)) for t in corpus.filter(speaker=speaker)["text"])
        own = hedges[hedges["speaker"] == speaker]
        possible = int((own["band"].str.startswith("Possible")).sum())
        firm = int((own["probability"] >= 0.87).sum())
        rows.append({"speaker": speaker, "words": words, "hedge words": len(own),
                     "per 100 words": round(100 * len(own) / words, 1) if words else 0.0,
                     "firm (≥ 87%)": firm, "possibility without odds": possible,
                     "mean probability": round(float(own["probability"].mean()), 2) if len(own) else None})
    return pd.DataFrame(rows)
