"""Tables that give a first view of the roundtable: who speaks where, and
which paragraphs carry which theme. All of it is computed from the corpus."""
from __future__ import annotations

import pandas as pd

from ..model.corpus import INTRODUCTION, THEME_TITLES, THEMES, load_corpus
from ..model.participants import Participant, load_participants


def section_table(corpus=None) -> pd.DataFrame:
    """Sections in reading order with their speakers and paragraph ids."""
    corpus = corpus or load_corpus()
    rows = []
    for section_id, group in corpus.paragraphs.groupby("section", sort=False):
        section = corpus.sections[section_id]
        speakers = [s for s in dict.fromkeys(group["speaker"]) if s != INTRODUCTION]
        themes = dict.fromkeys(t for ts in group["themes"] for t in ts)
        rows.append({
            "section": section.title + ("" if section.heading_in_source else " (our label)"),
            "speakers": ", ".join(speakers) or "(unsigned)",
            "paragraphs": ", ".join(group["id"]),
            "themes": ", ".join(THEME_TITLES[t] for t in themes),
        })
    return pd.DataFrame(rows)


def theme_table(corpus=None) -> pd.DataFrame:
    """For each theme, how many paragraphs carry it as main or secondary
    theme, and who speaks in them."""
    corpus = corpus or load_corpus()
    frame = corpus.paragraphs
    rows = []
    for theme in THEMES:
        main = frame[frame["primary_theme"] == theme]
        any_ = corpus.filter(theme=theme)
        speakers = [s for s in dict.fromkeys(any_["speaker"]) if s != INTRODUCTION]
        rows.append({
            "theme": THEME_TITLES[theme],
            "main theme of": len(main),
            "main or secondary theme of": len(any_),
            "speakers": ", ".join(speakers),
        })
    return pd.DataFrame(rows)


def source_summary(corpus=None) -> str:
    """A few lines on where the text comes from and what the data holds."""
    corpus = corpus or load_corpus()
    source, frame = corpus.source, corpus.paragraphs
    photo = source.get("header_photo", {})
    own_labels = sum(not s.heading_in_source for s in corpus.sections.values())
    return "\n".join([
        f"Text: a roundtable by {source['kind'].removeprefix('roundtable by ')}",
        f"Publisher: {source['publisher']}",
        f"Published: {source['published']} ({' '.join(source['published_note'].split())})",
        f"Address: {source['url']}",
        f"Paragraphs: {len(frame)}, by {len(corpus.speakers)} speakers, "
        f"in {len(corpus.sections)} sections ({own_labels} of them labelled by us)",
        f"Header photo: {' '.join(photo.get('caption', '').split())} (credit: {photo.get('credit', 'unknown')})",
    ])


def participant_table(corpus=None, participants: list[Participant] | None = None) -> pd.DataFrame:
    """One row per speaker: focus, and the sections and paragraph ids computed
    from the corpus, in the order the speakers first appear."""
    corpus = corpus or load_corpus()
    participants = participants or load_participants()
    rows = []
    for person in participants:
        own = corpus.filter(speaker=person.name)
        rows.append({
            "name": person.name,
            "paragraphs": len(own),
            "paragraph_ids": ", ".join(own["id"]),
            "sections": "; ".join(dict.fromkeys(own["section_title"])),
            "focus": person.focus,
        })
    order = {name: i for i, name in enumerate(corpus.speakers)}
    frame = pd.DataFrame(rows)
    return frame.sort_values("name", key=lambda s: s.map(order), ignore_index=True)
