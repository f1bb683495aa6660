"""Enrichment of articles: people, places, organisations and keywords (entities.py), related
articles (related.py), their build cache (cache.py) and the browse pages (pages.py).

One way only: text → entities → related lists and entity pages. Nothing here reads
content/ or writes public/ except cache.py, the edge that keeps results between builds.
"""
