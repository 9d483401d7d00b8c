"""The entries of a corpus folder: which are files the pipeline may read, which are refused and
why. Nothing here opens a file: a named pipe or a device is never read (it would hang the run),
and a link is followed only to a regular file inside the corpus folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from helpers.config import HTML_SUFFIXES, SOURCES_FILE, TEXT_SUFFIXES

# Suffixes of the files the pipeline reads as articles.
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
# What a special file is, by the test of its mode that says so.
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "tube nommé (FIFO)"),
    (stat.S_ISCHR, "périphérique"),
    (stat.S_ISBLK, "périphérique"),
    (stat.S_ISSOCK, "socket"),
)


def entry_refusal(path: Path, corpus: Path) -> str | None:
    """Why a corpus entry cannot be read as a file (None: a readable regular file inside the
    corpus). corpus is the folder's resolved path."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "lien symbolique cassé (sa cible n'existe pas) : ignoré"
        if target.parent != corpus and corpus not in target.parents:
            return "lien symbolique vers un fichier hors du dossier du corpus : refusé"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"fichier illisible ({error.strerror or error}) : ignoré"
    if stat.S_ISDIR(mode):
        return "dossier, pas un fichier : ignoré"
    for is_kind, kind in _SPECIAL_KINDS:
        if is_kind(mode):
            return f"{kind}, pas un fichier ordinaire : refusé"
    if not stat.S_ISREG(mode):
        return "fichier spécial, pas un fichier ordinaire : refusé"
    if not os.access(path, os.R_OK):
        return "fichier illisible (permission refusée) : ignoré"
    return None


def _is_quiet(path: Path) -> bool:
    """True for entries skipped without a word: hidden files and folders that do not look like
    articles (".gitkeep", ".DS_Store", a sub-folder "archives")."""
    named_like_article = path.suffix.lower() in ARTICLE_SUFFIXES
    if path.name.startswith("."):
        return not named_like_article
    return not named_like_article and path.is_dir() and not path.is_symlink()


def list_entries(raw_dir: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The readable regular files of raw_dir (sources.csv and unsupported types included), sorted
    by name, and the entries refused as (name, reason)."""
    corpus = Path(raw_dir).resolve()
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    for path in sorted(Path(raw_dir).iterdir()):
        if _is_quiet(path):
            continue
        reason = entry_refusal(path, corpus)
        if reason is None and path.name.startswith("."):
            reason = "fichier caché (nom commençant par un point) : ignoré"
        if reason is None:
            files.append(path)
        else:
            refused.append((path.name, reason))
    return files, refused


def unsupported_reason(path: Path) -> str | None:
    """Why a readable file is not an article input (its type), or None; sources.csv is not one
    but is read apart."""
    if path.name == SOURCES_FILE or path.suffix.lower() in ARTICLE_SUFFIXES:
        return None
    kind = path.suffix or "sans extension"
    expected = ", ".join(sorted(ARTICLE_SUFFIXES))
    return f"type de fichier non pris en charge ({kind}) : attendu {expected}"
