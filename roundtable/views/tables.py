"""DataFrames shown in full in a notebook: pandas' own display cuts long
text, which hides definitions and sources."""
from __future__ import annotations

from IPython.display import HTML


def table(frame) -> HTML:
    """A DataFrame as an escaped HTML table with every cell in full."""
    named_index = frame.index.name is not None
    return HTML(frame.to_html(index=named_index, escape=True, border=0, classes="rt-table", na_rep=""))
