"""`make lab` and `make present`, and the browser tests' servers, start here.

    python -m roundtable.tooling.launch lab [extra jupyter lab options]
    python -m roundtable.tooling.launch present [extra voila options]

Both make Jupyter's folders private first (mode 0700, and a umask of 077 so
that the files a server writes there, such as the one holding its token,
are readable by their owner only). JupyterLab is rooted at the clone, so
that the file browser reaches my-work/exports, and opens the start notebook.
Projector mode serves the notebooks with the collection's template, fetches
nothing from outside, and answers 404 (not 500) for a template file that
does not exist.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..core.paths import REPO_ROOT

START_NOTEBOOK = "notebooks/00_start_here.ipynb"
#: The folders Jupyter, IPython and Matplotlib write to; the Makefile puts them under .cache/.
PRIVATE_DIRS = ("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "IPYTHONDIR", "MPLCONFIGDIR")
PRESENT_PORT = 8866
#: JupyterLab extensions that need JupyterLab's shared modules, which Voila
#: does not provide: loaded there they only throw a console error. Jupytext's
#: (for opening lessons as notebooks), and Notebook 7's (installed with the
#: test tools, for the Notebook 7 browser test).
VOILA_DENIED_EXTENSIONS = ["jupyterlab-jupytext", "@jupyter-notebook/lab-extension"]
VOILA_SKIP_JUPYTEXT = f"--VoilaConfiguration.extension_denylist={VOILA_DENIED_EXTENSIONS!r}"


def make_private() -> list[Path]:
    """Mode 0700 for each of Jupyter's folders that the environment names, and
    a umask of 077 for everything written from now on; returns the folders."""
    os.umask(0o077)
    folders = []
    for name in PRIVATE_DIRS:
        value = os.environ.get(name)
        if value:
            folder = Path(value)
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
            folders.append(folder)
    return folders


def lab_arguments(extra: list[str]) -> list[str]:
    """JupyterLab rooted at the clone, opening the start notebook, without
    looking for news or updates (it runs offline)."""
    arguments = [f"--ServerApp.root_dir={REPO_ROOT}", "--LabApp.news_url=None",
                 "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "getuid") and os.getuid() == 0:  # containers and some hubs run as root
        arguments.append("--allow-root")
    return arguments + extra + [str(REPO_ROOT / START_NOTEBOOK)]


def present_arguments(extra: list[str]) -> list[str]:
    """Voila on 127.0.0.1 only, in the projector template, code stripped."""
    return ["--Voila.ip=127.0.0.1", "--template=projector", "--theme=light", "--strip_sources=True",
            VOILA_SKIP_JUPYTEXT, *extra, str(REPO_ROOT / "notebooks")]


def answer_404_for_missing_template_files() -> None:
    """Voila's template file handler fails with a 500 (an unhandled
    ValueError) on a path that is not <template>/static/<file>, such as
    /voila/templates/projector/conf.json: make such paths a plain 404."""
    # Deferred on purpose: only projector mode needs Voila and Tornado loaded.
    import tornado.web
    # Deferred on purpose: as above.
    from voila.static_file_handler import TemplateStaticFileHandler

    original = TemplateStaticFileHandler.parse_url_path

    def parse_url_path(self, path):
        parts = path.split("/", 2)
        if len(parts) != 3 or parts[1] != "static" or not parts[2]:
            raise tornado.web.HTTPError(404)
        return original(self, path)

    TemplateStaticFileHandler.parse_url_path = parse_url_path


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("lab", "present"):
        print(__doc__, file=sys.stderr)
        return 2
    which, extra = argv[0], argv[1:]
    make_private()
    if which == "lab":
        os.execv(sys.executable, [sys.executable, "-m", "jupyter", "lab", *lab_arguments(extra)])
    os.environ["JUPYTER_PATH"] = str(REPO_ROOT)  # finds voila/templates/projector
    answer_404_for_missing_template_files()
    # Deferred on purpose: `launch lab` never needs Voila.
    from voila.app import Voila

    Voila.launch_instance(argv=present_arguments(extra))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
