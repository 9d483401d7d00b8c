"""The `briefing` command: pipeline.py runs the notebooks with papermill (its PLAN says in
which order), exports the briefing and writes the manifest (manifest.py)."""
