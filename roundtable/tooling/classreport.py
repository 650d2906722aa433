"""`make class-view CLASS=folder`: the instructor's view of a class's
exports, written to build/class-view/index.html: the forecasts of notebook 07
against the panel and the outcomes, then every notebook's written answers,
question by question, exit tickets first.

It runs on the instructor's side only: the student's notebook never shows
other students' forecasts or the outcomes before their own reveal."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.paths import REPO_ROOT
from ..work.classanswers import class_answers_html
from ..work.classview import class_view_html, read_class_folder

OUT = REPO_ROOT / "build" / "class-view"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the folder holding the students' 07_forecast_audit-*.md exports")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error: {args.folder} is not a folder", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "index.html"
    target.write_text(class_view_html(args.folder, class_answers_html(args.folder)), encoding="utf-8")
    print(read_class_folder(args.folder).report())
    print(f"Written: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
