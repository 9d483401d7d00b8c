"""Stage 4: the briefing. facts.py computes its numbers and quotes from the shared tables,
render.py lays them out with the Jinja2 templates in templates/ and exports HTML and PDF."""
