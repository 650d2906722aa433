"""End to end in a real browser: every notebook in Voila (projector mode),
its main widgets, answers surviving a reload, typed HTML staying inert, and
a JupyterLab smoke test. Debian's Chromium, driven by Playwright.

Without Chromium (or Playwright) these tests skip with a message; with
ROUNDTABLE_REQUIRE_BROWSER=1 (set by .ci/run) the skip becomes a failure.
Screenshots of each Voila view go to screenshots/ (gitignored)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import re
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import urlopen
from pathlib import Path

import pytest

from roundtable.tooling.servers import CHROMIUM_ARGS, find_chromium, lab_server, notebook7_server, voila_server

REPO = Path(__file__).parent.parent
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SCREENSHOTS = REPO / "screenshots"
#: axe-core, installed by `make test` (Makefile: AXE).
AXE = REPO / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
#: Critical and serious violations, each node marked as ours (inside a
#: notebook's own output or Markdown, outside the controls ipywidgets draws)
#: or the host's (JupyterLab, Voila, ipywidgets).
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const found = [];
  for (const v of result.violations) {
    if (!['critical', 'serious'].includes(v.impact)) continue;
    for (const node of v.nodes) {
      const el = document.querySelector(node.target[0]);
      const content = el && el.closest('.jp-OutputArea-output, .jp-RenderedMarkdown, .jp-MarkdownOutput');
      const control = el && el.closest('.jupyter-widgets:not(.widget-html):not(.widget-box):not(.widget-vbox):not(.widget-hbox)');
      found.push({rule: v.id, impact: v.impact, ours: !!(content && !control), where: node.target.join(' '),
                  html: node.html.slice(0, 200)});
    }
  }
  return found;
}"""


def axe_violations(page) -> tuple[list[dict], list[dict]]:
    """(ours, the host's): critical and serious axe-core violations on the page."""
    if not AXE.exists():
        pytest.fail(f"axe-core is missing ({AXE.relative_to(REPO)}): run the tests with `make test`, which installs it")
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(AXE_RUN)
    host = [f for f in found if not f["ours"]]
    if host:  # reported, not failed: JupyterLab's and Voila's own markup is not ours to fix
        print("host violations:", sorted({(f["rule"], f["impact"]) for f in host}))
    return [f for f in found if f["ours"]], host
RENDER_TIMEOUT = 180_000  # ms: a cold kernel plus the notebook's cells


def _unavailable() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (it is in requirements-test.txt)"
    if find_chromium() is None:
        return ("no Chromium found at /usr/bin/chromium or on the PATH: install Debian's chromium "
                "(apt-get install chromium) to run the browser tests")
    return None


@pytest.fixture(scope="module")
def browser():
    reason = _unavailable()
    if reason:
        if os.environ.get("ROUNDTABLE_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests are required here (ROUNDTABLE_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def voila(browser):
    with voila_server() as server:
        yield server


class Page:
    """A browser tab that records console errors and uncaught exceptions."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1366, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.known: list[str] = []
        self.pending_403: list[str] = []
        self.page.on("console", self._console)
        self.page.on("response", self._response)
        self.page.on("request", self._request)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))

    # Known upstream bug (voila-dashboards/voila#1458): on leaving a page,
    # Voila's own kernel-shutdown request lacks its XSRF token and gets 403.
    # That one response, and the console line the browser writes for it, are
    # set aside; every other failed request or console error fails the test.
    def _response(self, response) -> None:
        if response.status < 400:
            return
        if response.status == 403 and "/voila/api/shutdown/" in response.url:
            self.known.append(response.url)
        else:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _request(self, request) -> None:
        """Projector mode and the notebooks fetch nothing from outside: any
        request to a host other than 127.0.0.1 fails the test (data: and blob:
        URLs stay in the page)."""
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in ("127.0.0.1", "localhost"):
            self.errors.append(f"request outside 127.0.0.1: {request.url}")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        if message.text.startswith("Failed to load resource") and "403" in message.text:
            self.pending_403.append(message.text)  # matched against responses in problems()
            return
        self.errors.append(f"console: {message.text}")

    def problems(self) -> list[str]:
        """Console errors, page errors and failed requests, less the known one."""
        unexplained = self.pending_403[len(self.known):]
        return self.errors + [f"console: {text}" for text in unexplained]

    def render(self, url: str) -> None:
        self.page.goto(url, wait_until="load", timeout=RENDER_TIMEOUT)
        self.page.get_by_role("heading", name=re.compile("Key points")).wait_for(timeout=RENDER_TIMEOUT)
        self.page.wait_for_load_state("networkidle", timeout=RENDER_TIMEOUT)

    def error_outputs(self) -> list[str]:
        found = self.page.locator("[data-mime-type='application/vnd.jupyter.stderr'], .jp-RenderedText:has-text('Traceback')")
        return found.all_inner_texts()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser):
    page = Page(browser)
    yield page
    page.close()


def run_all_cells(page) -> None:
    """Run the open notebook (JupyterLab or Notebook 7) once it and its kernel
    are ready, as a user would after the kernel indicator turns idle (clicking
    the menu earlier, on a loaded machine, could be lost); return when every
    code cell has an execution count and the kernel is idle (read from the
    model: the folded code shows no prompt)."""
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.sessionContext", timeout=RENDER_TIMEOUT)
    page.evaluate("async () => { const panel = window.jupyterapp.shell.currentWidget;"
                  " await panel.context.ready; await panel.sessionContext.ready;"
                  " await window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
    page.wait_for_function(
        "() => { const panel = window.jupyterapp.shell.currentWidget; const cells = panel.content.model.cells;"
        " const code = []; for (let i = 0; i < cells.length; i++) { const c = cells.get(i);"
        " if (c.type === 'code') code.push(c); }"
        " return code.length > 0 && code.every(c => c.executionCount !== null)"
        " && panel.sessionContext.session.kernel.status === 'idle'; }", timeout=RENDER_TIMEOUT)


def save_screenshot(page, path: Path) -> None:
    """The whole notebook, for review. Voila's page scrolls inside
    #rendered_cells, so the window is made as tall as its content first
    (up to Chromium's limit) and restored afterwards."""
    path.parent.mkdir(exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("() => (document.getElementById('rendered_cells') || document.body).scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 16_000)})
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_renders_in_voila_without_errors(voila, tab, notebook):
    tab.render(f"{voila.url}/voila/render/{notebook}")
    page = tab.page
    assert page.locator(".jp-CodeMirrorEditor, .jp-InputArea-editor").count() == 0, "code is shown"
    assert page.locator(".jupyter-widgets").count() > 0, "no widget rendered"
    assert tab.error_outputs() == []
    # Each piece shows once: the live widget, not its static version as well.
    assert page.locator("summary", has_text="Show the answer").count() == 0, "a quiz is shown twice"
    assert page.get_by_text(re.compile("run the notebook to write your answer", re.I)).count() == 0
    assert page.get_by_text(re.compile(r"^Written:")).count() == 0, "an export was written before anyone asked"
    assert page.get_by_text(re.compile("Error displaying widget|model not found")).count() == 0
    save_screenshot(page, SCREENSHOTS / f"voila-{notebook.removesuffix('.ipynb')}.png")
    ours, _ = axe_violations(page)
    assert ours == [], f"accessibility (axe-core) in Voila: {ours}"
    # The quiz responds: pick an option, check it, read the feedback in words.
    page.locator(".rt-choices").first.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Check answer 1").first.click()
    page.get_by_text(re.compile(r"(✓ Right\.|✗ Not quite\.)")).first.wait_for(timeout=30_000)
    assert tab.problems() == []


def test_on_the_projector_the_crisis_weeks_are_large_and_timelines_keep_their_size(voila, tab):
    """Measured as rendered: the crisis weeks' text is at least 24 pixels,
    and the timeline is shown at its natural size, so its labels keep the
    height tests/test_figures.py measures in the PNG (12 pixels a line or more)."""
    tab.render(f"{voila.url}/voila/render/01_timeline.ipynb")
    page = tab.page
    cell = page.locator(".rt-zoom td").first
    assert cell.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 24
    line = cell.evaluate("e => { const r = document.createRange(); r.selectNodeContents(e);"
                         " return r.getClientRects()[0].height; }")
    assert line >= 24, f"a line of the crisis weeks is {line} pixels high"
    image = page.get_by_role("img", name=re.compile("^Events around the roundtable")).first
    scale = image.evaluate("e => e.getBoundingClientRect().width / e.naturalWidth")
    assert scale >= 0.99, f"the timeline is shrunk to {scale:.0%} of its size"


def test_timeline_filter_changes_the_listed_events(voila, tab):
    tab.render(f"{voila.url}/voila/render/01_timeline.ipynb")
    page = tab.page
    count = page.locator(".widget-html-content", has_text="matching events").first
    before = count.inner_text()
    page.locator(".widget-select-multiple", has_text="1. Countries").locator("select").select_option(label="Syria")
    page.wait_for_function(
        "before => [...document.querySelectorAll('.widget-html-content')]"
        ".some(e => e.innerText.includes('matching events') && e.innerText !== before)", arg=before, timeout=30_000)
    assert re.search(r"\d+ matching events", count.inner_text())
    assert count.inner_text() != before
    assert tab.problems() == []


def test_keyword_search_and_forecast_boxes_respond(voila, tab):
    tab.render(f"{voila.url}/voila/render/07_forecast_audit.ipynb")
    page = tab.page
    box = page.get_by_label("Your chance for claim 1 (0–100)")
    box.fill("70")
    box.press("Enter")
    page.get_by_text("✓ saved: 70%").first.wait_for(timeout=30_000)
    assert tab.problems() == []


ATTACK = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> & “quotes”'


def test_answers_survive_a_reload_and_typed_html_stays_inert(voila, tab):
    url = f"{voila.url}/voila/render/02_iran.ipynb"
    tab.render(url)
    page = tab.page
    box = page.get_by_label("Your answer (iran-p01)")
    box.fill("The crowds showed unity, not support. " + ATTACK)
    page.get_by_text(re.compile("Saved")).first.wait_for(timeout=30_000)
    assert page.evaluate("window.__xss") is None
    tab.render(url)
    box = page.get_by_label("Your answer (iran-p01)")
    assert box.input_value() == "The crowds showed unity, not support. " + ATTACK
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert tab.problems() == []


def test_projector_mode_shows_neither_the_instructors_part_nor_a_students_setup(voila, tab):
    """Tagged cells (the plans, the libraries, Step 1's setup and name, the
    export) still run but are not projected; the lesson itself is."""
    tab.render(f"{voila.url}/voila/render/03_iraq.ipynb")
    body = tab.page.inner_text("body")
    for hidden in ("How to run it in class", "For the instructor. The plans", "Libraries this notebook uses",
                   "Step 1. Load the collection", "Your name or a pseudonym", "Export my answers"):
        assert hidden not in body, f"projected: {hidden}"
    for shown in ("Focus question", "Step 2. Dan", "Key points"):
        assert shown in body
    assert tab.page.get_by_label("Your answer (iraq-p01)").count() == 1  # the lesson's widgets work


def test_html_typed_into_the_search_is_shown_as_text(voila, tab):
    tab.render(f"{voila.url}/voila/render/03_iraq.ipynb")
    page = tab.page
    search = page.get_by_label("1. Word or phrase").first
    search.fill(ATTACK)
    search.press("Enter")
    page.get_by_text("does not occur in the roundtable").first.wait_for(timeout=30_000)
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x']").count() == 0
    assert tab.problems() == []


@pytest.fixture
def lab_copy():
    """A copy of the start notebook in build/ (gitignored, inside the clone so
    that it finds the package): JupyterLab saves what it runs, and the
    committed notebook must not change."""
    folder = REPO / "build" / "lab-smoke"  # not a hidden folder: Jupyter hides those
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "00_start_here.ipynb"
    shutil.copy(REPO / "notebooks" / "00_start_here.ipynb", copy)
    yield copy.relative_to(REPO).as_posix()
    shutil.rmtree(folder, ignore_errors=True)


def test_jupyterlab_opens_the_start_notebook_runs_it_and_shows_widgets(browser, tab, lab_copy):
    committed = (REPO / "notebooks" / "00_start_here.ipynb").read_bytes()
    with lab_server() as lab:
        page = tab.page
        page.goto(f"{lab.url}/lab/tree/{lab_copy}", timeout=RENDER_TIMEOUT)
        page.locator(".jp-NotebookPanel").first.wait_for(timeout=RENDER_TIMEOUT)
        # Before it runs: the static versions, no widget error, code folded away.
        quiz_answers = page.locator(".jp-OutputArea-output summary", has_text="Show the answer")
        quiz_answers.first.wait_for(state="attached", timeout=RENDER_TIMEOUT)
        assert page.get_by_text(re.compile("Error displaying widget|model not found")).count() == 0
        assert page.locator(".jp-CodeCell .jp-InputPlaceholder").count() > 0
        assert page.locator(".jp-CodeCell .jp-Editor:visible").count() == 0, "code is not folded away"
        run_all_cells(page)
        page.locator(".jp-NotebookPanel .rt-choices").first.wait_for(state="attached", timeout=60_000)
        assert page.locator(".jp-NotebookPanel .jupyter-widgets").count() > 0
        assert tab.error_outputs() == []
        # Once it has run, each widget replaces its static version: shown once.
        assert quiz_answers.count() == 0
        save_screenshot(page, SCREENSHOTS / "lab-00_start_here-run.png")
    assert (REPO / "notebooks" / "00_start_here.ipynb").read_bytes() == committed


def test_a_missing_browser_is_named_in_the_skip_message(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "find_chromium", lambda: None)
    assert "install Debian's chromium" in _unavailable()


def test_every_notebook_before_it_runs_in_jupyterlab_has_no_accessibility_violation_of_ours(browser, tab):
    """Opened in JupyterLab, not yet run (the static versions show): axe-core
    finds no critical or serious violation in our own content."""
    folder = REPO / "build" / "lab-axe"
    folder.mkdir(parents=True, exist_ok=True)
    for name in NOTEBOOKS:
        shutil.copy(REPO / "notebooks" / name, folder / name)
    try:
        with lab_server() as lab:
            for name in NOTEBOOKS:
                tab.page.goto(f"{lab.url}/lab/tree/build/lab-axe/{name}", timeout=RENDER_TIMEOUT)
                tab.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").first.wait_for(timeout=RENDER_TIMEOUT)
                tab.page.get_by_role("heading", name=re.compile("Key points")).first.wait_for(
                    state="attached", timeout=RENDER_TIMEOUT)
                ours, _ = axe_violations(tab.page)
                assert ours == [], f"accessibility (axe-core) in JupyterLab, {name}: {ours}"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


CELL_STATE = ("() => { const m = window.jupyterapp.shell.currentWidget.content.model.cells; const t = [];"
              " for (let i = 0; i < m.length; i++) t.push(m.get(i).type + ':' + m.get(i).sharedModel.getSource().length);"
              " return t.join(','); }")


def test_in_jupyterlab_widgets_keep_their_keys_and_no_key_changes_a_cell(browser, tab):
    """ipywidgets#3912: JupyterLab takes letter and arrow keys pressed on a
    widget control as notebook commands (an arrow moved to another cell, `m`
    turned a quiz into text). With the collection's key guard, typing in text
    boxes, arrows on a quiz's options and letters on its buttons work the
    widgets and leave every cell as it was; the quiz's options are a radio
    group named by their question."""
    folder = REPO / "build" / "lab-keys"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "notebooks" / "02_iran.ipynb", folder / "02_iran.ipynb")
    try:
        with lab_server() as lab:
            page = tab.page
            page.goto(f"{lab.url}/lab/tree/build/lab-keys/02_iran.ipynb", timeout=RENDER_TIMEOUT)
            run_all_cells(page)
            page.locator(".jp-NotebookPanel .rt-choices input[type=radio]").first.wait_for(timeout=60_000)
            page.get_by_role("button", name="Export my answers").wait_for(timeout=60_000)
            before = page.evaluate(CELL_STATE)
            # Text boxes: the name, an answer, the keyword search (letters, arrows, Enter inside them).
            for label in ("Your name or a pseudonym", "Your answer (iran-p01)", "1. Word or phrase"):
                box = page.get_by_label(label).first
                box.click()
                page.keyboard.type("mayday abc")
                page.keyboard.press("ArrowLeft")
                page.keyboard.press("Enter")
            # The first quiz question is a radio group named by the question.
            group = page.get_by_role("group", name=re.compile(r"^1\. According to Dina")).first
            radios = group.get_by_role("radio")
            assert radios.count() >= 3
            radios.first.focus()
            page.keyboard.press("Space")
            assert radios.first.is_checked()
            # Arrows choose within the group; letters JupyterLab binds (m: to Markdown, x: cut,
            # a/b: insert a cell, j/k: move) do nothing to the notebook.
            page.keyboard.press("ArrowDown")
            assert radios.nth(1).is_checked() and not radios.first.is_checked()
            for key in ("m", "x", "a", "b", "j", "k", "ArrowDown", "ArrowUp"):
                page.keyboard.press(key)
            button = page.get_by_role("button", name="Check answer 1").first
            button.focus()
            for key in ("m", "y", "ArrowDown", "d"):
                page.keyboard.press(key)
            page.keyboard.press("Enter")
            verdict = page.get_by_text(re.compile(r"(✓ Right\.|✗ Not quite\.)")).first
            verdict.wait_for(timeout=30_000)
            # Text in widgets is single-spaced here too (JupyterLab's type is small: 28 px lines read as double).
            spacing = verdict.evaluate("e => { const s = getComputedStyle(e); return parseFloat(s.lineHeight) / parseFloat(s.fontSize); }")
            assert spacing <= 1.6, f"line height {spacing:.2f} times the font size"
            page.get_by_role("button", name="Export my answers").focus()
            page.keyboard.press("Space")
            # The export carries the name typed above (with its Enter) and the answer.
            page.get_by_text(re.compile("Written: .*02_iran-mayday-abc-")).first.wait_for(timeout=30_000)
            assert page.evaluate(CELL_STATE) == before, "a key changed or moved a cell"
            # Our focus ring shows in JupyterLab too, on a text box and a button.
            for control in (page.get_by_label("Your answer (iran-p01)"), page.get_by_role("button", name="Check answer 1").first):
                control.focus()
                page.keyboard.press("Shift+Tab")
                page.keyboard.press("Tab")
                ring = page.evaluate(FOCUS_CONTRAST, control.element_handle())
                assert ring["style"] != "none" and ring["width"] >= 2 and ring["ratio"] >= 3, ring
    finally:
        shutil.rmtree(folder, ignore_errors=True)


FOCUS_CONTRAST = """el => {
  const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const style = getComputedStyle(el);
  let bg = 'rgb(255, 255, 255)';
  for (let n = el.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c && !c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') { bg = c; break; }
  }
  const [a, b] = [lum(style.outlineColor), lum(bg)].sort((x, y) => y - x);
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth), ratio: (a + 0.05) / (b + 0.05)};
}"""


def test_the_focus_ring_on_our_controls_reaches_three_to_one_in_voila(voila, tab):
    tab.render(f"{voila.url}/voila/render/02_iran.ipynb")
    page = tab.page
    for control in (page.get_by_role("button", name="Check answer 1").first, page.get_by_label("Your answer (iran-p01)"),
                    page.locator(".rt-choices input[type=radio]").first):
        control.focus()
        page.keyboard.press("Shift+Tab")  # focus by keyboard, so that :focus-visible applies
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_CONTRAST, control.element_handle())
        assert ring["style"] != "none" and ring["width"] >= 2 and ring["ratio"] >= 3, ring


def test_the_projector_home_page_lists_the_notebooks_and_fetches_nothing_from_outside(voila, tab):
    tab.page.goto(voila.url + "/", wait_until="load", timeout=RENDER_TIMEOUT)
    tab.page.get_by_text("00_start_here.ipynb").wait_for(timeout=RENDER_TIMEOUT)
    tab.page.wait_for_load_state("networkidle", timeout=RENDER_TIMEOUT)
    assert all(tab.page.get_by_text(name, exact=True).count() == 1 for name in NOTEBOOKS)
    # Voila's file list activates its widget plugins without a kernel and asks
    # /api/kernels, which Voila does not serve: upstream console noise on this
    # page only. What this test holds is that nothing is fetched from outside.
    assert [e for e in tab.problems() if "outside 127.0.0.1" in e] == []


@pytest.mark.parametrize("path", ["conf.json", "index.html.j2", "static/no-such-file.css", "page.html"])
def test_a_template_file_that_is_not_served_answers_404_not_500(voila, path):
    with pytest.raises(HTTPError) as answer:
        urlopen(f"{voila.url}/voila/templates/projector/{path}", timeout=30)
    assert answer.value.code == 404


def test_jupyterlabs_folders_and_token_files_are_private(browser):
    with lab_server() as lab:
        runtime = lab.work_dir.parent / "jupyter_runtime_dir"
        assert runtime.stat().st_mode & 0o777 == 0o700
        written = [p for p in runtime.iterdir() if p.is_file()]
        assert written, "the server writes its connection files here"
        assert all(p.stat().st_mode & 0o077 == 0 for p in written), [(p.name, oct(p.stat().st_mode)) for p in written]


def test_notebook_7_runs_a_theme_notebook_and_its_quiz_and_answer_box_work(browser, tab):
    """Instructors also hand out notebooks in Notebook 7: open 02 there, run
    it all, answer a quiz question and write an answer that is saved."""
    folder = REPO / "build" / "nb7"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "notebooks" / "02_iran.ipynb", folder / "02_iran.ipynb")
    try:
        with notebook7_server() as server:
            page = tab.page
            page.goto(f"{server.url}/notebooks/build/nb7/02_iran.ipynb", timeout=RENDER_TIMEOUT)
            run_all_cells(page)
            assert tab.error_outputs() == []
            question = page.get_by_role("group", name=re.compile(r"^1\. ")).first
            question.get_by_role("radio").first.check()
            page.get_by_role("button", name="Check answer 1").first.click()
            page.get_by_text(re.compile(r"^(Right|Not quite)\.$")).first.wait_for(timeout=60_000)
            box = page.get_by_label("Your answer (iran-p01)")
            box.fill("Written in Notebook 7.")
            page.get_by_text(re.compile("Saved at")).first.wait_for(timeout=60_000)
            store = sqlite3.connect(server.work_dir / "answers.sqlite")
            try:
                saved = store.execute("SELECT text FROM answers WHERE prompt_id = 'iran-p01'").fetchone()
            finally:
                store.close()
            assert saved == ("Written in Notebook 7.",)
            assert [e for e in tab.problems() if "outside 127.0.0.1" in e] == []
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_with_binders_configuration_voila_renders_in_projector_mode():
    """As on Binder (.binder/start): the server's Voila extension serves a
    notebook at /voila/render/ in the projector template, fetching nothing
    from a CDN."""
    with lab_server(extra_env={"JUPYTER_CONFIG_PATH": str(REPO / ".binder" / "jupyter")}) as lab:
        html = urlopen(f"{lab.url}/voila/render/notebooks/00_start_here.ipynb", timeout=300).read().decode()
    assert "Readable from the back of a classroom" in html
    assert "cdn.jsdelivr.net" not in html
