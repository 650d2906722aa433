"""`make link`: the launch links for a hosted copy of the collection.

    make link REPO=https://github.com/<owner>/<name> [HUB=https://hub.example.edu] [NOTEBOOK=...] [BRANCH=main]

The links themselves are made by roundtable/model/launch.py (notebook 00
shows them too); this is only the command line.
"""
from __future__ import annotations

import argparse
import sys

from ..model.launch import START_NOTEBOOK, binder_links, colab_link, nbgitpuller_link


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="make link", description="Launch links for a hosted copy of the collection.")
    parser.add_argument("--repo", required=True, help="the repository's address, as git clones it")
    parser.add_argument("--hub", help="the JupyterHub's address, for an nbgitpuller link")
    parser.add_argument("--notebook", default=START_NOTEBOOK)
    parser.add_argument("--branch", default="main")
    args = parser.parse_args(argv)
    if args.hub:
        print(f"JupyterHub (nbgitpuller): {nbgitpuller_link(args.hub, args.repo, args.notebook, args.branch)}")
    try:
        for label, link in binder_links(args.repo, args.notebook, args.branch).items():
            print(f"Binder, {label}: {link}")
        print(f"Colab: {colab_link(args.repo, args.notebook, args.branch)}")
    except ValueError as error:
        print(f"(No Binder or Colab links: {error}.)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
