"""Stage 1: raw OCR page text → clean, segmented articles."""
