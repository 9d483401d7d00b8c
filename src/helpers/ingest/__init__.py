"""Stage 1: raw dumps -> the articles table. stage.py is what notebook 01 calls; the other
modules each do one step (inputs, decode, clean, published, outlets, sources, relevance, dedup)."""
