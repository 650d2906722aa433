"""The ipywidgets 8 widgets; their callbacks are plain methods, tested by setting values."""
