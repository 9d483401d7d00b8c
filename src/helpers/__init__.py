"""Helpers for the Moroccan AI news briefing: ingest, themes, timeline, briefing."""

__version__ = "0.1.0"
