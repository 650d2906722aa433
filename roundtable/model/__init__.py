"""The data model: each YAML or Markdown file of data/ and exercises/ loaded into checked objects."""
