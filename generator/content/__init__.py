"""Stage 2: articles ⇄ Markdown content files with YAML front matter."""
