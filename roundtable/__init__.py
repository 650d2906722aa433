"""The `roundtable` package: all the logic the notebooks use.

The notebooks stay thin: each cell calls one or two functions from here, and
everything here is unit tested under tests/. The folders are layers, and
each imports only from the layers before it (tests/test_architecture.py):

- `core`: where the clone is, data errors, YAML entries, dates, phrase matching;
- `model`: the data files loaded into checked objects;
- `analysis`: pure computation on the model;
- `views`: HTML, tables and figures, with no kernel state;
- `work`: students' saved answers, exports and the class view;
- `widgets`: the ipywidgets;
- `display`: the facade the notebooks call;
- `tooling`: what make runs (benchmarks, test servers, reports, the
  instructor edition); nothing above imports it.
"""
from .core.errors import DataError
from .core.paths import DATA_DIR, REPO_ROOT

__all__ = ["DataError", "DATA_DIR", "REPO_ROOT"]
