"""Licence, notices and citation (issue 18): a course can reuse, adapt and cite
the collection, and what belongs to others says whose it is."""
from __future__ import annotations

import tomllib

import yaml

from roundtable.core.paths import DATA_DIR, REPO_ROOT


def test_the_code_is_mit_and_the_prose_cc_by():
    code = (REPO_ROOT / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License") and "Permission is hereby granted, free of charge" in code
    prose = (REPO_ROOT / "LICENSE-prose.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in prose and "https://creativecommons.org/licenses/by/4.0/legalcode" in prose
    for folder in ("lessons/", "exercises/", "data/"):
        assert folder in prose


def test_the_notice_names_what_belongs_to_others():
    notice = (REPO_ROOT / "NOTICE.md").read_text(encoding="utf-8")
    source = yaml.safe_load((DATA_DIR / "roundtable.yaml").read_text(encoding="utf-8"))["source"]
    assert source["publisher"] in notice and source["url"] in notice
    assert "data/documents.yaml" in notice and "quoted" in notice.lower()
    assert "ISC" in notice and (DATA_DIR / "world-atlas" / "LICENSE").is_file()
    assert "Natural Earth" in notice and "public domain" in notice


def test_the_citation_file_is_complete_and_agrees_with_the_package():
    citation = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "license", "type"):
        assert citation.get(key), key
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(citation["version"]) == project["version"]
    assert set(citation["license"]) == {"MIT", "CC-BY-4.0"}
    assert all(author.get("name") or author.get("family-names") for author in citation["authors"])
