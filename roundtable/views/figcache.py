"""A cache of the notebooks' rendered figures.

A figure depends only on the data files, the code that draws it and
matplotlib, so its PNG and text summary are kept in `.cache/figures/`
(inside the clone, gitignored) under a key made from all three and the
figure's name and arguments. The code is the figure modules and every module
they import, directly or not (read from the source, see modgraph), so editing
a data file or any of that code changes the key and a stale figure is never
shown, while editing unrelated code (the benchmarks, the answer store) does
not redraw anything. A damaged cache file is rebuilt; a folder that
cannot be written only means the figure is drawn every time.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from IPython.display import HTML, display

from ..core.modgraph import PACKAGE_DIR, import_graph, module_paths, reachable
from ..core.paths import DATA_DIR, REPO_ROOT
from .figures import crisis_chart, figure_html, later_timeline_chart, map_chart, timeline_chart
from .forecastviews import calibration_chart
from .textfigures import heatmap_chart, hedging_chart
from .themeviews import theme_map, theme_timeline

CACHE_DIR = REPO_ROOT / ".cache" / "figures"


@dataclass(frozen=True)
class StoredFigure:
    title: str
    summary: str
    png: bytes

    def html(self, max_width: str = "100%") -> str:
        """The figure as an <img>, its title as alt text and its text
        summary visible under it and tied to it (aria-describedby): the same
        content for every reader, and a screen reader hears the long summary
        once, not twice."""
        return figure_html(self.png, self.title, self.summary, max_width)

    def show(self) -> None:
        display(HTML(self.html()))


#: The modules that hold the registered figure functions (see _registry).
FIGURE_MODULES = {"views.figures", "views.forecastviews", "views.textfigures", "views.themeviews"}


def drawing_code(package_dir: Path | None = None) -> list[Path]:
    """The source files a figure can depend on: the figure modules and all
    that they import, directly or not."""
    package_dir = package_dir or PACKAGE_DIR
    paths = module_paths(package_dir)
    needed = reachable(import_graph(package_dir), FIGURE_MODULES)
    return [paths[name] for name in sorted(needed) if name in paths]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of every data file, the drawing code and the matplotlib
    version: what a figure can depend on."""
    # Deferred on purpose: matplotlib is heavy and only needed once a figure is asked for.
    import matplotlib

    digest = hashlib.sha256(matplotlib.__version__.encode())
    files = sorted(p for p in DATA_DIR.rglob("*") if p.is_file()) + drawing_code()
    for path in files:
        digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _registry() -> dict:
    return {f.__name__: f for f in (timeline_chart, later_timeline_chart, crisis_chart, map_chart, theme_timeline, theme_map,
                                    heatmap_chart, hedging_chart, calibration_chart)}


def cached_figure(name: str, *args, directory: Path | None = None, build=None) -> StoredFigure:
    """The figure `name` called with `args` (plain values only), from the
    cache when it is there and current, else drawn and stored."""
    # Deferred on purpose: matplotlib is heavy and only needed once a figure is drawn.
    import matplotlib.pyplot as plt

    directory = Path(directory or CACHE_DIR)
    key = hashlib.sha256(json.dumps([fingerprint(), name, list(args)]).encode()).hexdigest()[:32]
    path = directory / f"{name}-{key}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return StoredFigure(stored["title"], stored["summary"], base64.b64decode(stored["png"], validate=True))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet, or damaged: draw it again
    chart = (build or _registry()[name])(*args)
    figure = StoredFigure(chart.title, chart.summary, chart.png())
    plt.close(chart.figure)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({"title": figure.title, "summary": figure.summary,
                                       "png": base64.b64encode(figure.png).decode()}), encoding="utf-8")
        os.replace(partial, path)
    except OSError:
        pass  # a read-only folder: the figure is simply drawn each time
    return figure


def show_figure(name: str, *args) -> None:
    """Notebook helper: display a figure and print its text summary."""
    cached_figure(name, *args).show()
