"""`make link`: the command-line face of roundtable/model/launch.py."""
from __future__ import annotations

import sys

from ..model.launch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
