"""Printing HTML handouts to PDF with headless Chromium (Debian's, through
Playwright for Python), offline: the pages are local files, and any request
that is not a local file or an inline image is refused."""
from __future__ import annotations

from pathlib import Path

from .servers import CHROMIUM_ARGS, find_chromium

#: A4 with the page number at the foot; the margins leave room for it.
FOOTER = ("<div style='font-size:8px;width:100%;text-align:center;color:#444'>"
          "<span class='title'></span> · page <span class='pageNumber'></span> of <span class='totalPages'></span></div>")
MARGINS = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}


def pdf_unavailable() -> str | None:
    """Why PDFs cannot be printed here, or None when they can."""
    try:
        # Deferred on purpose: only asks whether Playwright is installed.
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -r requirements-test.txt)"
    if find_chromium() is None:
        return "no Chromium found at /usr/bin/chromium or on the PATH (apt-get install chromium)"
    return None


def print_pdfs(html_paths: list[Path]) -> list[Path]:
    """Print each HTML file to a PDF beside it (same name, .pdf); return the PDFs."""
    # Deferred on purpose: Playwright is a test requirement, needed only when printing.
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                       else route.abort())
            for html in html_paths:
                pdf = Path(html).with_suffix(".pdf")
                page.goto(Path(html).resolve().as_uri(), wait_until="load")
                page.pdf(path=str(pdf), format="A4", margin=MARGINS, print_background=True,
                         display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
                written.append(pdf)
        finally:
            browser.close()
    return written
