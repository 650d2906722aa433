"""Infrastructure every layer may use: where the clone is, data errors, YAML entries, dates, phrase matching, the module graph."""
