"""Thin wrappers that turn package results into notebook output."""
from __future__ import annotations

from IPython.display import HTML

from .corpus import load_corpus
from .glossary import load_glossary
from .render import passages_html


def show_passages(speaker=None, theme=None, section=None, ids=None, glossary=True) -> HTML:
    """Display roundtable paragraphs, filtered, with glossary terms marked."""
    corpus = load_corpus()
    frame = corpus.filter(speaker=speaker, theme=theme, section=section)
    if ids is not None:
        frame = frame[frame["id"].isin(ids)]
    return HTML(passages_html(frame, load_glossary() if glossary else None))
