"""Stage 2: the themes of the core articles. stage.py is what notebook 02 calls; model.py fits
and labels them, count.py chooses how many, glossary.py and wordclouds.py serve them."""
