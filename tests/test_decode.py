"""Decoding: kinds of files, encodings, mojibake, truncation, HTML extraction."""

from __future__ import annotations

import random
from pathlib import Path

import ftfy
import pytest
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad

from helpers import config
from helpers.errors import ArticleError
from helpers.ingest import decode
from helpers.ingest.decode import decode_bytes, html_to_text, read_input, sniff_kind

FRENCH = "Le Maroc accélère sur l’intelligence artificielle à Rabat : « un été décisif », dit-elle."
ARABIC = "أعلنت وزارة الانتقال الرقمي عن استراتيجية جديدة للذكاء الاصطناعي في المغرب."
RAW_UTF8_FILES = sorted(config.RAW_DIR.glob("*.txt"))


@pytest.mark.parametrize(
    ("data", "suffix", "kind"),
    [
        (b"", ".txt", "empty"),
        (b"  \n\t\r\n ", ".txt", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ".txt", "pdf"),
        (b"%PDF-1.4 binary", ".pdf", "pdf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ".txt", "binary"),
        (b"abc\x00\x01\x02def\x00" * 20, ".txt", "binary"),
        (b"<!DOCTYPE html><html><body><p>IA</p></body></html>", ".txt", "html"),
        (b"<div><p>Un</p><p>deux</p><p>trois</p><br><a href='x'>lien</a></div>", ".md", "html"),
        (b"<p>IA au Maroc</p>", ".html", "html"),
        (FRENCH.encode(), ".txt", "text"),
        (b"L'IA <3 le Maroc: a < b et c > d.", ".txt", "text"),
        (FRENCH.encode(), ".docx", "unsupported"),
        ("\ufeff".encode() + FRENCH.encode("utf-16-le"), ".txt", "text"),
    ],
    ids=[
        "empty",
        "whitespace_only",
        "pdf_magic_in_txt",
        "pdf_suffix",
        "png_magic",
        "nul_bytes",
        "doctype_in_txt",
        "many_tags_in_md",
        "html_suffix",
        "plain_french",
        "angle_brackets_are_not_html",
        "unknown_suffix",
        "utf16_with_bom_is_text",
    ],
)
def test_sniff_kind(data: bytes, suffix: str, kind: str) -> None:
    assert sniff_kind(data, suffix) == kind


@pytest.mark.parametrize(
    ("data", "text", "encoding", "message"),
    [
        (FRENCH.encode(), FRENCH, "utf-8", None),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252", "encodage cp1252 détecté"),
        (
            "Café à Rabat, élève, garçon, naïf".encode("latin-1"),
            "Café à Rabat, élève, garçon, naïf",
            "cp1252",
            "encodage cp1252 détecté",
        ),
        (ARABIC.encode("cp1256"), ARABIC, "cp1256", "encodage cp1256 détecté"),
        (
            "intelligence artificielle Ã  Rabat".encode(),
            "intelligence artificielle à Rabat",
            "utf-8",
            "mojibake",
        ),
        (
            "lâ€™IA Ã©tait au cÅ“ur du dÃ©bat".encode(),
            "l’IA était au cœur du débat",
            "utf-8",
            "mojibake",
        ),
        (b"Ligne un\r\nLigne deux\r\n", "Ligne un\nLigne deux\n", "utf-8", "fins de ligne"),
        ("Le re\u0301seau".encode(), "Le réseau", "utf-8", "NFC"),
        (b"\xef\xbb\xbf" + FRENCH.encode(), FRENCH, "utf-8-sig", "ordre des octets"),
        ("éé".encode() + "é".encode()[:1], "éé", "utf-8", "caractère UTF-8 incomplet"),
    ],
    ids=[
        "utf8_unchanged",
        "cp1252",
        "latin1",
        "arabic_cp1256",
        "mojibake_a_grave",
        "mojibake_quotes_and_ligature",
        "crlf",
        "nfc",
        "utf8_bom",
        "cut_in_a_character",
    ],
)
def test_decode_bytes_text(data: bytes, text: str, encoding: str, message: str | None) -> None:
    decoded = decode_bytes(data)
    assert decoded.kind == "text"
    assert decoded.text == text
    assert decoded.encoding == encoding
    if message is None:
        assert decoded.problems == ()
    else:
        assert any(message in problem for problem in decoded.problems), decoded.problems


@pytest.mark.parametrize(
    "text",
    [
        "« Guillemets » “anglais” et l’apostrophe ‘simple’",
        "R&amp;D et &lt;balise&gt; restent tels quels",
        "Ligne\n\n\n  indentée\u2028séparateur\tTab",
        "ﬁnancement ＡＩ plein-chasse",
        "Texte arabe مختلط مع الفرنسية",
    ],
    ids=["curly_quotes", "html_entities", "line_breaks", "ligature_fullwidth", "mixed_arabic"],
)
def test_good_utf8_is_left_alone(text: str) -> None:
    decoded = decode_bytes(text.encode())
    assert decoded.text == text
    assert decoded.problems == ()


@pytest.mark.parametrize(
    ("data", "suffix", "kind", "message"),
    [
        (b"", ".txt", "empty", "fichier vide"),
        (b"\n \n", ".txt", "empty", "fichier vide"),
        (b"%PDF-1.5 ...", ".txt", "pdf", "PDF"),
        (b"\x00\x01\x02\x03" * 50, ".txt", "binary", "binaire"),
        (b"PK\x03\x04 zipped", ".txt", "binary", "binaire"),
        (FRENCH.encode(), ".xlsx", "unsupported", "type de fichier non pris en charge '.xlsx'"),
    ],
    ids=["empty", "blank_lines", "pdf", "control_bytes", "zip_magic", "unsupported_suffix"],
)
def test_decode_bytes_refusals(data: bytes, suffix: str, kind: str, message: str) -> None:
    decoded = decode_bytes(data, suffix)
    assert (decoded.text, decoded.kind) == (None, kind)
    assert any(message in problem for problem in decoded.problems), decoded.problems


def test_html_in_txt_is_flagged_and_kept_as_markup() -> None:
    html = "<!doctype html><html><head><title>IA</title></head><body><p>Rabat</p></body></html>"
    decoded = decode_bytes(html.encode(), ".txt")
    assert decoded.kind == "html"
    assert decoded.text == html
    assert "contenu HTML : extrait comme une page HTML" in decoded.problems


def test_html_suffix_is_not_flagged() -> None:
    decoded = decode_bytes(b"<html><body><p>Rabat</p></body></html>", ".html")
    assert decoded.kind == "html"
    assert decoded.problems == ()


@pytest.mark.parametrize("path", RAW_UTF8_FILES, ids=[p.name for p in RAW_UTF8_FILES])
def test_raw_utf8_files_decode_to_their_exact_content(path: Path) -> None:
    decoded = read_input(path)
    assert decoded.kind == "text"
    assert decoded.text == path.read_bytes().decode("utf-8")
    assert decoded.problems == ()


@pytest.mark.parametrize(
    ("size", "max_bytes", "message"),
    [
        (3 * 1024, 1024, "tronqué à 1 Kio sur 3 Kio"),
        (3 * 1024**2, 1024**2, "tronqué à 1 Mio sur 3 Mio"),
        (100, 100, None),
    ],
    ids=["kib", "mib", "exactly_at_limit"],
)
def test_read_input_truncates_and_says_so(
    tmp_path: Path, size: int, max_bytes: int, message: str | None
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(("é" * size).encode()[:size])
    decoded = read_input(path, max_bytes=max_bytes)
    assert decoded.kind == "text"
    assert decoded.text is not None and set(decoded.text) == {"é"}
    assert len(decoded.text.encode()) <= max_bytes
    if message is None:
        assert decoded.problems == ()
    else:
        assert decoded.problems[0] == message


def test_read_input_reports_bad_content_without_raising(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    decoded = read_input(path)
    assert decoded.kind == "pdf"
    assert decoded.text is None


def test_read_input_missing_file_names_file_and_stage(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as excinfo:
        read_input(tmp_path / "absent.txt")
    assert (excinfo.value.file, excinfo.value.stage) == ("absent.txt", "decode")


HTML_PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<title>Rabat lance un plan IA | Le Journal</title>
<meta property="og:title" content="Rabat lance un plan IA">
<meta property="og:site_name" content="Le Journal">
<meta property="og:url" content="https://journal.example.ma/ia/plan-rabat">
<meta property="article:published_time" content="2025-03-12T10:30:00+01:00">
</head><body>
<nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>
<article><h1>Rabat lance un plan IA</h1>
<p>Le ministère de la Transition numérique a présenté mardi à Rabat une feuille de route
consacrée à l'intelligence artificielle, dotée de 1,2 milliard de dirhams sur cinq ans.</p>
<p>Selon la ministre, le plan doit former 20 000 ingénieurs d'ici 2030 et soutenir les
jeunes entreprises qui conçoivent des modèles adaptés à l'arabe et à l'amazighe.</p>
<p>Les participants ont insisté sur la protection des données personnelles et sur la mise à
jour de la loi 09-08 pour tenir compte des systèmes d'apprentissage automatique.</p>
</article>
<footer>© 2025 Le Journal. Tous droits réservés.</footer>
</body></html>"""


def test_html_to_text_extracts_paragraphs_and_metadata() -> None:
    text, meta = html_to_text(HTML_PAGE)
    assert "former 20 000 ingénieurs d'ici 2030" in text
    assert "loi 09-08" in text
    assert "Accueil" not in text
    assert meta["title"] == "Rabat lance un plan IA"
    assert meta["date"] == "2025-03-12"
    assert meta["sitename"] == "Le Journal"
    assert meta["url"] == "https://journal.example.ma/ia/plan-rabat"


def _mixed_snippets(n: int) -> list[str]:
    """Short random strings of the characters ftfy's mojibake test and fixers look at."""
    rng = random.Random(20250101)
    pool = list(
        "abzAZ09 \n\t.,;:!?'’“”«»…éèàêçœÀÉ€©°×²√≈‚Äв" + "".join(MOJIBAKE_CATEGORIES.values())
    )
    pool += ["Ã©", "Ã ", "\nÂ ", "â€™", "вЂ", "ΒΓ", "ГўВЂВ", "\x1b[31m", "\x00", "\x85", "\ufeff"]
    return ["".join(rng.choices(pool, k=rng.randint(0, 10))) for _ in range(n)]


def test_mojibake_shortcut_agrees_with_ftfy() -> None:
    texts = [*_mixed_snippets(5_000), FRENCH, ARABIC, "lâ€™IA Ã©tait", "Ã  Rabat\nÂ x"]
    for text in texts:
        assert bool(decode.MOJIBAKE.search(text)) == is_bad(text), repr(text)
        assert decode._fix_mojibake(text) == ftfy.fix_text(text, config=decode.FTFY_CONFIG)


@pytest.mark.parametrize(
    ("text", "length", "notes"),
    [
        ("Une ligne.\n" * 100, 1100, []),
        ("Mot " * 10_000, 40_000, ["sans structure en lignes"]),
        ("Mot.\n" * 100_000, 200_000, ["coupé à 200\u202f000 caractères"]),
        (
            "Mot " * 100_000,
            199_999,
            ["sans structure en lignes", "coupé à 200\u202f000 caractères"],
        ),
    ],
    ids=["ordinary", "one_long_line", "absurd_length", "one_absurd_line"],
)
def test_an_absurd_text_is_capped_with_a_warning(text: str, length: int, notes: list[str]) -> None:
    decoded = decode_bytes(text.encode())
    assert decoded.text is not None and len(decoded.text) == length
    assert len(decoded.problems) == len(notes)
    for problem, note in zip(decoded.problems, notes, strict=True):
        assert note in problem
