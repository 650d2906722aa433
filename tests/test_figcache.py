"""The figure cache: a second call reads the stored PNG and summary, a
change to the data or code draws again, a damaged file is rebuilt, and a
folder that cannot be written still gives the figure."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from roundtable.views import figcache
from roundtable.views.figures import Chart


class Builder:
    def __init__(self):
        self.calls = 0

    def __call__(self, *args) -> Chart:
        self.calls += 1
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.set_title(f"test {args}")
        return Chart(fig, f"Test {args}", f"A test figure for {args}.")


def test_second_call_comes_from_the_cache(tmp_path):
    build = Builder()
    first = figcache.cached_figure("test", "a", directory=tmp_path, build=build)
    second = figcache.cached_figure("test", "a", directory=tmp_path, build=build)
    assert build.calls == 1
    assert second == first and first.png.startswith(b"\x89PNG") and first.summary == "A test figure for ('a',)."
    figcache.cached_figure("test", "b", directory=tmp_path, build=build)
    assert build.calls == 2  # other arguments, another figure


def test_a_change_to_data_or_code_draws_again(tmp_path, monkeypatch):
    build = Builder()
    figcache.cached_figure("test", directory=tmp_path, build=build)
    monkeypatch.setattr(figcache, "fingerprint", lambda: "another state of data and code")
    figcache.cached_figure("test", directory=tmp_path, build=build)
    assert build.calls == 2


def test_fingerprint_changes_with_any_data_file(tmp_path, monkeypatch):
    data = tmp_path / "data"
    (data / "events").mkdir(parents=True)
    (data / "events" / "before.yaml").write_text("events: []\n", encoding="utf-8")
    monkeypatch.setattr(figcache, "DATA_DIR", data)
    monkeypatch.setattr(figcache, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(figcache, "PACKAGE_DIR", tmp_path / "no-package")
    figcache.fingerprint.cache_clear()
    try:
        before = figcache.fingerprint()
        (data / "events" / "before.yaml").write_text("events: [x]\n", encoding="utf-8")
        figcache.fingerprint.cache_clear()
        assert figcache.fingerprint() != before
    finally:
        figcache.fingerprint.cache_clear()


@pytest.mark.parametrize("damage", ["", "{not json", '{"title": "t", "summary": "s", "png": "@@@"}', "[]"])
def test_a_damaged_cache_file_is_rebuilt(tmp_path, damage):
    build = Builder()
    figcache.cached_figure("test", directory=tmp_path, build=build)
    (stored,) = tmp_path.glob("test-*.json")
    stored.write_text(damage, encoding="utf-8")
    again = figcache.cached_figure("test", directory=tmp_path, build=build)
    assert build.calls == 2 and again.png.startswith(b"\x89PNG")


def test_an_unwritable_folder_still_gives_the_figure(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    build = Builder()
    figure = figcache.cached_figure("test", directory=blocked / "figures", build=build)
    assert figure.png.startswith(b"\x89PNG") and build.calls == 1


def test_every_notebook_figure_is_registered():
    assert set(figcache._registry()) == {"timeline_chart", "later_timeline_chart", "crisis_chart", "map_chart", "theme_timeline", "theme_map",
                                         "heatmap_chart", "hedging_chart", "calibration_chart"}


def test_the_key_covers_the_drawing_code_and_nothing_else():
    names = {path.stem for path in figcache.drawing_code()}
    assert {"figures", "forecastviews", "textfigures", "themeviews", "events", "labels"} <= names
    assert not names & {"bench", "servers", "answers", "exports", "sourcereport", "pacing"}


def test_registered_figures_live_in_the_hashed_modules():
    assert {f.__module__.removeprefix("roundtable.") for f in figcache._registry().values()} <= figcache.FIGURE_MODULES


def test_editing_drawing_code_changes_the_key_and_other_code_does_not(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    for layer in ("views", "model", "tooling"):
        (package / layer).mkdir(parents=True)
    (package / "views" / "figures.py").write_text("from ..model.events import x\n", encoding="utf-8")
    (package / "model" / "events.py").write_text("x = 1\n", encoding="utf-8")
    (package / "tooling" / "bench.py").write_text("y = 1\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(figcache, "DATA_DIR", data)
    monkeypatch.setattr(figcache, "REPO_ROOT", tmp_path)
    monkeypatch.setattr(figcache, "PACKAGE_DIR", package)

    def key():
        figcache.fingerprint.cache_clear()
        return figcache.fingerprint()

    try:
        first = key()
        (package / "tooling" / "bench.py").write_text("y = 2\n", encoding="utf-8")
        assert key() == first
        (package / "model" / "events.py").write_text("x = 2\n", encoding="utf-8")
        assert key() != first
    finally:
        figcache.fingerprint.cache_clear()
