"""Printable packets (`make handouts`): for each notebook a students' packet
and an instructor's packet, and the role-play's handouts, as print-ready HTML
in build/handouts/ (gitignored), printed to PDF with headless Chromium when
it is there. Students' files never hold answer keys, facilitation notes or
what was learned later; those are in build/handouts/instructor/ only."""
from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from ..core.paths import LESSONS_DIR, REPO_ROOT
from ..model.roleplay import load_roleplay
from .handout_page import document
from .lesson_packet import lesson_packet_html
from .pdf import pdf_unavailable, print_pdfs
from .roleplay_packet import (chronology_html, memo_rubric_html, news_desk_html, role_handout_html,
                              session_html)

BUILD_DIR = REPO_ROOT / "build" / "handouts"
STUDENTS, INSTRUCTOR = "students", "instructor"


def notebooks(lessons_dir: Path | None = None) -> list[str]:
    return sorted(p.stem for p in Path(lessons_dir or LESSONS_DIR).glob("[0-9][0-9]_*.md"))


def handout_pages(play=None) -> dict[str, str]:
    """Every handout, as {path relative to the build folder: HTML}."""
    play = play or load_roleplay()
    pages = {}
    for notebook in notebooks():
        pages[f"{STUDENTS}/{notebook}.html"] = lesson_packet_html(notebook)
        pages[f"{INSTRUCTOR}/{notebook}.html"] = lesson_packet_html(notebook, instructor=True)
    for role in play.roles:
        pages[f"{STUDENTS}/roleplay-role-{role.id}.html"] = role_handout_html(play, role)
    pages[f"{STUDENTS}/roleplay-chronology.html"] = chronology_html(play)
    pages[f"{STUDENTS}/roleplay-memo-rubric.html"] = memo_rubric_html(play)
    pages[f"{STUDENTS}/roleplay-news-desk.html"] = news_desk_html(play)
    pages[f"{STUDENTS}/roleplay-session.html"] = session_html(play)
    pages[f"{INSTRUCTOR}/roleplay-facilitation.html"] = session_html(play, instructor=True)
    return pages


def index_html(paths: list[str]) -> str:
    def listing(folder: str) -> str:
        return "<ul>" + "".join(f"<li><a href='{escape(p)}'>{escape(Path(p).stem)}</a></li>"
                                for p in paths if p.startswith(folder + "/")) + "</ul>"

    body = ("<h1>Printable packets</h1><p>Open a packet and print it (Ctrl+P, or Cmd+P on a Mac), or choose "
            "“Save as PDF”. The pages are laid out for A4.</p>"
            f"<h2>For students</h2>{listing(STUDENTS)}"
            f"<h2>For the instructor only (answer keys, facilitation notes)</h2>{listing(INSTRUCTOR)}")
    return document("Printable packets", body, "Index")


def build_handouts(directory: Path | None = None, pdf: bool = True) -> tuple[list[Path], list[Path], str | None]:
    """Write every handout; print the PDFs when Chromium is there. Returns
    the HTML files, the PDFs and, when there are none, why."""
    directory = Path(directory or BUILD_DIR)
    pages = handout_pages()
    written = []
    for relative, html in pages.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        written.append(path)
    (directory / "index.html").write_text(index_html(list(pages)), encoding="utf-8")
    reason = pdf_unavailable() if pdf else "PDFs not asked for"
    pdfs = print_pdfs(written) if reason is None else []
    return written, pdfs, reason


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    html, pdfs, reason = build_handouts(pdf="--html-only" not in argv)
    where = BUILD_DIR.relative_to(REPO_ROOT)
    print(f"{len(html)} HTML packets in {where}/ (index: {where}/index.html)")
    if pdfs:
        print(f"{len(pdfs)} PDFs beside them, printed with headless Chromium")
    else:
        print(f"No PDFs: {reason}.\nTo print without Chromium, open {where}/index.html in any browser, open a "
              "packet and print it (Ctrl+P or Cmd+P), choosing a printer or “Save as PDF”; the print "
              "stylesheet sets A4 pages, page breaks and link addresses.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
