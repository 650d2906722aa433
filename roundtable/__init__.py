"""The `roundtable` package: all the logic the notebooks use.

The notebooks stay thin: each cell calls one or two functions from here, and
everything here is unit tested under tests/.
"""
from .errors import DataError
from .paths import DATA_DIR, REPO_ROOT

__all__ = ["DataError", "DATA_DIR", "REPO_ROOT"]
