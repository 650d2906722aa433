"""Launching elsewhere (issue 18): Binder's configuration follows
repo2docker's conventions and makes projector mode work, and the links that
`make link` prints point at files that exist."""
from __future__ import annotations

import json
import os
import re
import subprocess
import tomllib
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from roundtable.core.paths import REPO_ROOT
from roundtable.model import launch as links

BINDER = REPO_ROOT / ".binder"
REPO = "https://github.com/example-org/soleimani-roundtable"


def test_binder_reads_one_folder_that_pins_python_and_installs_the_runtime_packages():
    # repo2docker uses .binder/ alone when it exists: no configuration at the top may compete.
    for name in ("runtime.txt", "environment.yml", "apt.txt", "postBuild", "start", "Project.toml"):
        assert not (REPO_ROOT / name).exists(), f"{name} at the top would be ignored by Binder"
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    assert re.fullmatch(r"python-3\.\d+", runtime)
    needed = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert runtime.removeprefix("python-") == needed.removeprefix(">=")
    requirements = [line for line in (BINDER / "requirements.txt").read_text(encoding="utf-8").splitlines()
                    if line and not line.startswith("#")]
    assert requirements == ["-r ../requirements.txt"] and (REPO_ROOT / "requirements.txt").is_file()
    assert "pytest" not in (REPO_ROOT / "requirements.txt").read_text(encoding="utf-8")


def test_the_start_script_makes_the_projector_template_voilas_default(tmp_path):
    start = BINDER / "start"
    assert os.access(start, os.X_OK) and start.read_text(encoding="utf-8").startswith("#!/bin/bash")
    assert start.read_text(encoding="utf-8").rstrip().endswith('exec "$@"')
    env = {k: v for k, v in os.environ.items() if k not in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH")}
    out = subprocess.run([str(start), "env"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True)
    values = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    assert values["JUPYTER_PATH"] == str(REPO_ROOT)
    config_dir = values["JUPYTER_CONFIG_PATH"]
    assert (REPO_ROOT / "voila" / "templates" / "projector" / "index.html.j2").is_file()
    config = json.loads((REPO_ROOT / ".binder" / "jupyter" / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert config_dir == str(REPO_ROOT / ".binder" / "jupyter")
    assert config["VoilaConfiguration"]["template"] == "projector" and config["VoilaConfiguration"]["strip_sources"]


def test_the_nbgitpuller_link_follows_its_format_and_opens_an_existing_notebook():
    link = links.nbgitpuller_link("https://hub.example.edu/", REPO, "notebooks/03_iraq.ipynb", "main")
    parts = urlsplit(link)
    assert parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert query["repo"] == [REPO] and query["branch"] == ["main"]
    assert query["urlpath"] == ["lab/tree/soleimani-roundtable/notebooks/03_iraq.ipynb"]
    assert (REPO_ROOT / "notebooks" / "03_iraq.ipynb").is_file()
    assert links.repository_name("https://git.example.edu/team/roundtable.git") == "roundtable"


def test_binder_and_colab_links_point_at_files_that_exist():
    binder = links.binder_links(REPO)
    for link in binder.values():
        urlpath = unquote(parse_qs(urlsplit(link).query)["urlpath"][0])
        path = urlpath.split("/", 2)[2]
        assert (REPO_ROOT / path).is_file(), link
    assert binder["projector mode"].startswith("https://mybinder.org/v2/gh/example-org/soleimani-roundtable/main?")
    colab = links.colab_link(REPO, "notebooks/05_assassination_strategy.ipynb")
    assert colab.endswith("/blob/main/notebooks/05_assassination_strategy.ipynb")
    with pytest.raises(ValueError, match="not a GitHub repository"):
        links.binder_links("https://git.example.edu/team/roundtable.git")


def test_make_link_prints_every_link(capsys):
    from roundtable.tooling.links import main

    assert main(["--repo", REPO, "--hub", "https://hub.example.edu"]) == 0
    printed = capsys.readouterr().out
    for label in ("JupyterHub (nbgitpuller)", "Binder, JupyterLab", "Binder, projector mode", "Colab"):
        assert label in printed


def test_notebook_00_shows_a_colab_link_for_every_notebook_once_there_is_an_address(monkeypatch):
    from roundtable import display

    monkeypatch.setattr(display, "collection_repository", lambda: "")
    assert "no public GitHub address yet" in display.launch_links().data
    monkeypatch.setattr(display, "collection_repository", lambda: REPO)
    html = display.launch_links().data
    notebooks = sorted(p.name for p in (REPO_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert html.count("colab.research.google.com/github/example-org/soleimani-roundtable/blob/main/notebooks/") == len(notebooks)
    assert "vanish with the session" in html
    assert 'launch_links()' in (REPO_ROOT / "lessons" / "00_start_here.md").read_text(encoding="utf-8")
