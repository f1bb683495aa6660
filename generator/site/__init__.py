"""Stage 3: content files → site model → rendered files in public/."""
