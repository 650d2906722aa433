"""DataFrames shown in full in a notebook: pandas' own display cuts long
text, which hides definitions and sources."""
from __future__ import annotations

from IPython.display import HTML


def table_html(frame) -> str:
    """A DataFrame as an escaped HTML table with every cell in full."""
    named_index = frame.index.name is not None
    return frame.to_html(index=named_index, escape=True, border=0, classes="rt-table", na_rep="")


def table(frame) -> HTML:
    """The table as notebook output."""
    return HTML(table_html(frame))
