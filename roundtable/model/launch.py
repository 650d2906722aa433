"""Launch links for a hosted copy of the collection, and its public address.

The address is in lessons/collection.yaml (empty until there is one); the
build writes it into every notebook's first cell, and notebook 00 shows the
launch links made from it. `make link` (tooling/links.py) prints, for any
address and a notebook (the start notebook by default):
- with HUB, an nbgitpuller link: the hub clones the repository into the
  student's home on the first click and merges upstream changes on later
  clicks, never touching my-work/;
- for a GitHub repository, Binder links to JupyterLab and to projector mode,
  and an "Open in Colab" link.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from ..core.errors import DataError
from ..core.paths import LESSONS_DIR
from ..core.yamlfile import read_yaml

COLLECTION_FILE = LESSONS_DIR / "collection.yaml"

START_NOTEBOOK = "notebooks/00_start_here.ipynb"


def collection_repository() -> str:
    """The collection's public address (lessons/collection.yaml), or ""."""
    settings = read_yaml(COLLECTION_FILE)
    repository = settings.get("repository") if isinstance(settings, dict) else None
    if not isinstance(repository, str):
        raise DataError(COLLECTION_FILE, "'repository:' must be text (\"\" until there is one)")
    return repository.strip()


def repository_name(repo: str) -> str:
    """The folder a clone of `repo` gets: the last part of its address, without .git."""
    name = urlsplit(repo).path.rstrip("/").rsplit("/", 1)[-1]
    return name.removesuffix(".git")


def nbgitpuller_link(hub: str, repo: str, notebook: str = START_NOTEBOOK, branch: str = "main") -> str:
    """The hub's git-pull address that clones or updates `repo` and opens
    `notebook` in JupyterLab (nbgitpuller's documented link format)."""
    urlpath = f"lab/tree/{repository_name(repo)}/{notebook}"
    return (f"{hub.rstrip('/')}/hub/user-redirect/git-pull?repo={quote(repo, safe='')}"
            f"&urlpath={quote(urlpath, safe='')}&branch={quote(branch, safe='')}")


def _github(repo: str) -> tuple[str, str]:
    parts = urlsplit(repo)
    segments = parts.path.strip("/").removesuffix(".git").split("/")
    if parts.netloc != "github.com" or len(segments) != 2:
        raise ValueError(f"{repo!r} is not a GitHub repository address (https://github.com/<owner>/<name>)")
    return segments[0], segments[1]


def binder_links(repo: str, notebook: str = START_NOTEBOOK, branch: str = "main") -> dict[str, str]:
    """mybinder.org links: JupyterLab at the notebook, and the notebook in
    projector mode (Voila with the collection's template, which .binder/start
    makes findable)."""
    owner, name = _github(repo)
    base = f"https://mybinder.org/v2/gh/{owner}/{name}/{branch}"
    projector = f"voila/render/{notebook}"  # .binder/start makes the projector template Voila's default there
    return {"JupyterLab": f"{base}?urlpath={quote('lab/tree/' + notebook, safe='')}",
            "projector mode": f"{base}?urlpath={quote(projector, safe='')}"}


def colab_link(repo: str, notebook: str = START_NOTEBOOK, branch: str = "main") -> str:
    owner, name = _github(repo)
    return f"https://colab.research.google.com/github/{owner}/{name}/blob/{branch}/{notebook}"


def notebook_launch_rows(repo: str, notebooks: list[str], branch: str = "main") -> list[tuple[str, str]]:
    """(notebook, Colab link) for each notebook of a GitHub repository."""
    return [(name, colab_link(repo, f"notebooks/{name}", branch)) for name in notebooks]
