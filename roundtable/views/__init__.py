"""HTML, tables and figures built from the model and the analysis; no kernel state."""
