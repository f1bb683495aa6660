"""Stage 4: rendered articles → a Pagefind search index that agrees with its queries."""
