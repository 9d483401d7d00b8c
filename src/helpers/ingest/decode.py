"""Bytes to text: sniff the kind of file, guess the encoding, repair mojibake, say what happened."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import charset_normalizer
import ftfy
from ftfy.badness import BADNESS_RE

from helpers.config import HTML_SUFFIXES, MAX_FILE_BYTES, TEXT_SUFFIXES
from helpers.errors import ArticleError

Kind = Literal["text", "html", "pdf", "binary", "empty", "unsupported"]

# How many leading bytes are inspected to sniff the kind of a file.
SNIFF_BYTES = 4096
# Share of control bytes (other than tab, newlines, form feed, escape) above which data is binary.
MAX_CONTROL_SHARE = 0.01
# Single-byte encodings tried when the data is not UTF-8: Western European first, then Arabic.
LEGACY_ENCODINGS = ["cp1252", "cp1256", "latin_1", "iso8859_15"]

# Byte-order marks of the UTF encodings, longest first (UTF-32-LE starts like UTF-16-LE).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of common binary formats (images, archives, office files, executables).
BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\xd0\xcf\x11\xe0",
    b"\x7fELF",
    b"MZ",
    b"RIFF",
    b"%!PS",
)
# The start of a PDF file (some files carry a few bytes of junk or whitespace before it).
PDF_MAGIC = re.compile(rb"^\s{0,16}%PDF-")
# Markup that gives away an HTML document: a doctype, or an <html>, <head> or <body> tag.
HTML_DOCUMENT = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
# Block-level HTML tags; many of them in a text file means it is really HTML.
HTML_BLOCK_TAG = re.compile(
    rb"</?(?:p|div|span|br|a|li|ul|h[1-6]|table|tr|td|meta|script)\b[^>]*>", re.IGNORECASE
)
# Enough block-level tags in the sniffed bytes to call a text file HTML.
MIN_HTML_TAGS = 5
# Bytes that never occur in text: C0 controls other than \t \n \v \f \r and ESC.
CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# Longer than any news article (the longest run to ~60,000 characters): the rest is cut.
MAX_ARTICLE_CHARS = 200_000
# A line this long means the page lost its line structure (a dump flattened to one line).
MAX_LINE_CHARS = 20_000
LONG_LINE = re.compile(f"[^\n]{{{MAX_LINE_CHARS}}}")
# Line endings other than a bare line feed (Windows CRLF, old Mac CR).
NON_LF_NEWLINE = re.compile(r"\r\n?")

# ftfy repairs mojibake only: quotes, line breaks, full-width forms, ligatures and HTML entities of
# good text are left alone, so that UTF-8 input that is fine comes out unchanged.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization=None,
    explain=False,
)
# Characters that the character fixers of that configuration remove or replace (control and C1
# characters, the escape of terminal sequences, lone surrogates), and Ã and Â, which ftfy also
# takes for mojibake at the start of a line: text without them, and without mojibake as a whole,
# is left unchanged by ftfy.
FTFY_SUSPECT = re.compile(
    r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u206a-\u206f\ufeff\ufff9-\ufffc\ud800-\udfff\u00c2\u00c3]"
)


def _mojibake_pattern() -> re.Pattern[str]:
    """ftfy's test for mojibake (ftfy.badness.is_bad), tried only around non-ASCII characters.

    Every match of BADNESS_RE has a non-ASCII character among its first three, so the pattern
    only needs trying where it would start 0, 1 or 2 characters before one: the search then
    skips ASCII text at C speed instead of trying some forty alternatives at every character.
    """
    behind = "|".join(f"(?<=(?={BADNESS_RE.pattern}\n)(?s:.{{{n}}}))" for n in (1, 2, 3))
    return re.compile(rf"[^\x00-\x7f](?:{behind})", BADNESS_RE.flags)


# Mojibake anywhere in a text, as ftfy sees it.
MOJIBAKE = _mojibake_pattern()


@dataclass(frozen=True)
class Decoded:
    """The text of one input file, or why there is none, and what was done to get it."""

    text: str | None
    encoding: str | None
    kind: Kind
    problems: tuple[str, ...]


def sniff_kind(data: bytes, suffix: str) -> Kind:
    """Say what the bytes are: empty, pdf, binary, html, text, or an unsupported suffix."""
    suffix = suffix.lower()
    head = data[:SNIFF_BYTES]
    if not data.strip(b" \t\r\n\x0b\x0c\x00") or data in {bom for bom, _ in BOMS}:
        return "empty"
    if PDF_MAGIC.match(head):
        return "pdf"
    if _bom_encoding(head) is None and (
        head.startswith(BINARY_MAGIC) or _control_share(head) > MAX_CONTROL_SHARE
    ):
        return "binary"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix not in TEXT_SUFFIXES:
        return "unsupported"
    if HTML_DOCUMENT.search(head) or len(HTML_BLOCK_TAG.findall(head)) >= MIN_HTML_TAGS:
        return "html"
    return "text"


def decode_bytes(data: bytes, suffix: str = ".txt") -> Decoded:
    """Decode bytes to NFC text (UTF-8 first, then a legacy guess), repairing mojibake."""
    kind = sniff_kind(data, suffix)
    if kind in ("empty", "pdf", "binary", "unsupported"):
        return Decoded(None, None, kind, (_refusal(kind, suffix),))
    problems: list[str] = []
    raw, encoding, notes = _decode_raw(data)
    problems.extend(notes)
    text = _fix_mojibake(raw)
    if text != raw:
        problems.append("caractères mal encodés (mojibake) réparés")
    newlines = NON_LF_NEWLINE.sub("\n", text)
    if newlines != text:
        problems.append("fins de ligne normalisées (\\n)")
    nfc = unicodedata.normalize("NFC", newlines)
    if nfc != newlines:
        problems.append("texte normalisé en Unicode NFC")
    if not nfc.strip():
        return Decoded(None, encoding, "empty", (*problems, "fichier vide : seulement des espaces"))
    if kind == "html" and suffix.lower() not in HTML_SUFFIXES:
        problems.append("contenu HTML : extrait comme une page HTML")
    capped, notes = cap_length(nfc) if kind == "text" else (nfc, [])
    return Decoded(capped, encoding, kind, (*problems, *notes))


def cap_length(text: str) -> tuple[str, list[str]]:
    """A text cut to MAX_ARTICLE_CHARS (at a space), with a warning, and a warning for a text
    with no line structure: no news article is that long, a page that long is something else."""
    notes = []
    if LONG_LINE.search(text):
        notes.append(
            f"ligne de plus de {MAX_LINE_CHARS:,} caractères : texte sans structure en lignes"
        )
    if len(text) > MAX_ARTICLE_CHARS:
        cut = text.rfind(" ", 0, MAX_ARTICLE_CHARS)
        text = text[: cut if cut > MAX_ARTICLE_CHARS // 2 else MAX_ARTICLE_CHARS]
        notes.append(f"texte anormalement long : coupé à {MAX_ARTICLE_CHARS:,} caractères")
    return text, [note.replace(",", "\u202f") for note in notes]


def read_input(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Decoded:
    """Read and decode at most max_bytes of a file; bad content is reported, never raised."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            data = handle.read(max_bytes)
    except OSError as exc:
        raise ArticleError(
            path.name, "decode", f"fichier illisible : {exc.strerror or exc}"
        ) from exc
    decoded = decode_bytes(data, path.suffix)
    if size <= max_bytes:
        return decoded
    note = f"tronqué à {_human_size(max_bytes)} sur {_human_size(size)}"
    return Decoded(decoded.text, decoded.encoding, decoded.kind, (note, *decoded.problems))


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """Main text of an HTML page (recall first, one paragraph a line) and its metadata."""
    import trafilatura  # imported here: slow to load, and only HTML inputs need it

    text = trafilatura.extract(
        html,
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        output_format="txt",
        deduplicate=False,
    )
    if not text:
        text = trafilatura.html2txt(html) or ""
    metadata: dict[str, str | None] = {"title": None, "date": None, "sitename": None, "url": None}
    try:
        document = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a bonus: broken markup must not stop decoding
        document = None
    if document is not None:
        metadata = {
            "title": document.title,
            "date": document.date,
            "sitename": document.sitename or document.hostname,
            "url": document.url,
        }
    return unicodedata.normalize("NFC", text), metadata


def _decode_raw(data: bytes) -> tuple[str, str, list[str]]:
    """Decode with the BOM's encoding, else strict UTF-8, else the best legacy guess."""
    bom_encoding = _bom_encoding(data)
    if bom_encoding is not None:
        text = data.decode(bom_encoding, errors="replace")
        return (
            text,
            bom_encoding,
            [f"encodage {bom_encoding} détecté (indicateur d'ordre des octets)"],
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            cut = data[: exc.start].decode("utf-8", errors="replace")
            return cut, "utf-8", ["caractère UTF-8 incomplet en fin de fichier retiré"]
    match = charset_normalizer.from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    encoding = match.encoding if match is not None else "cp1252"
    text = data.decode(encoding, errors="replace")
    notes = [f"encodage {encoding} détecté"]
    if "\ufffd" in text:
        notes.append(f"{text.count(chr(0xFFFD))} octet(s) indécodable(s) remplacé(s)")
    return text, encoding, notes


def _fix_mojibake(text: str) -> str:
    """ftfy's repair of the text, skipped when it would change nothing.

    ftfy looks for mojibake line by line; a text with no suspect character and no mojibake as a
    whole has none in any of its lines, and one pass over it is much cheaper than one per line.
    """
    if FTFY_SUSPECT.search(text) or MOJIBAKE.search(text):
        return ftfy.fix_text(text, config=FTFY_CONFIG)
    return text


def _bom_encoding(data: bytes) -> str | None:
    """The encoding announced by a byte-order mark at the start of data, if any."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _control_share(data: bytes) -> float:
    """Share of bytes in data that are control characters never found in text."""
    return len(CONTROL_BYTE.findall(data)) / max(len(data), 1)


def _refusal(kind: str, suffix: str) -> str:
    """The message explaining why a file of this kind yields no text."""
    return {
        "empty": "fichier vide",
        "pdf": "fichier PDF : l'extraction du texte d'un PDF n'est pas prise en charge, ignoré",
        "binary": "fichier binaire (octets de contrôle, signature binaire) : pas du texte, ignoré",
        "unsupported": f"type de fichier non pris en charge {suffix or '(aucun)'!r} : ignoré",
    }[kind]


def _human_size(n_bytes: int) -> str:
    """A byte count in MiB, KiB or bytes, whichever reads best."""
    for unit, scale in (("Mio", 1024**2), ("Kio", 1024)):
        if n_bytes >= scale:
            value = n_bytes / scale
            return (
                f"{value:.0f} {unit}"
                if value == int(value)
                else f"{value:.1f} {unit}".replace(".", ",")
            )
    return f"{n_bytes} octets"
