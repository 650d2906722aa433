"""One output for one interactive piece.

A cell that shows a widget returns an `Interactive`: its display bundle holds
the live widget's view, a static HTML version of the same content and a
short, stable `text/plain`. Where a kernel runs (JupyterLab, Notebook 7,
Voila) the widget view ranks first and the student sees the widget once;
where none runs (GitHub, nbviewer, an HTML export, a notebook not yet run)
the HTML shows. The notebook build drops the widget view from the committed
outputs (it points at a model that only exists in a running kernel), so what
is stored is exactly the fallback, and nbval, which never compares widget
views, checks the HTML and the text strictly.
"""
from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as w

from .keyboard import KeyGuard

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: ipywidgets gives every line of an HTML widget the height of a control
#: (28 px), which reads as double spacing; text in our widgets reads as text.
#: (ipywidgets' own rule, `.widget-html > .widget-html-content`, is more specific
#: than a bare class; `body` outranks it.)
TEXT_STYLE = ("<style>body .widget-html > .widget-html-content{line-height:1.45}.widget-html-content p{margin:.3em 0}"
              ".widget-html{height:auto}"
              # A focus ring at 3:1 or more against white, on every control of ours.
              ".jupyter-widgets :focus-visible,.rt-claim a:focus-visible{outline:3px solid #1a4f8b;outline-offset:2px}"
              # ipywidgets and JupyterLab restyle the focus of text boxes and buttons (some with
              # !important, at 2.2:1); these more specific rules win back.
              ".jupyter-widgets.jupyter-widget-textarea textarea:focus-visible,"
              ".jupyter-widgets.jupyter-widget-text input:focus-visible,.jupyter-widgets.widget-textarea textarea:focus-visible,"
              ".jupyter-widgets.widget-text input:focus-visible,.jupyter-widgets.jupyter-button:focus-visible,"
              ".jupyter-widgets.widget-toggle-button:focus-visible{outline:3px solid #1a4f8b !important;"
              "outline-offset:1px !important}"
              "</style>")


@dataclass
class Interactive:
    """A widget, its static HTML and a one-line description (text/plain)."""

    widget: w.Widget
    fallback_html: str
    label: str

    def _check(self):
        if not self.fallback_html.strip():
            raise ValueError(f"{self.label}: an interactive piece needs a static version for readers without a kernel")
        if "\n" in self.label or len(self.label) > 160:
            raise ValueError(f"the text/plain label must be one short line, got {self.label!r}")

    def __post_init__(self):
        self._check()
        self.shown = w.VBox([w.HTML(TEXT_STYLE), KeyGuard(), self.widget])

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {"text/html": self.fallback_html, "text/plain": self.label}
        view = self.shown._repr_mimebundle_().get(WIDGET_VIEW)
        if view is not None:
            bundle[WIDGET_VIEW] = view
        return bundle
