"""Shared fixtures: a corpus made of the seed articles plus every kind of bad input."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers.config import PROJECT_ROOT

SEEDS_DIR = PROJECT_ROOT / "data" / "raw"
FIXTURES = Path(__file__).parent / "fixtures"

OFF_TOPIC = (
    "Botola Pro : le Wydad s'impose face au Raja\n\n"
    "Publié le 12/05/2025\n\n"
    "Le Wydad de Casablanca a remporté dimanche le derby face au Raja sur le score de deux buts à un, "
    "au terme d'un match disputé devant plus de quarante mille spectateurs au complexe Mohammed V.\n"
    "L'entraîneur a salué la solidarité de ses joueurs, qui ont su renverser la situation en seconde "
    "période grâce à un doublé de leur attaquant vedette.\n"
    "Avec cette victoire, le club prend la tête du championnat à trois journées de la fin de la saison.\n"
)


def _run_in_fresh_python(code: str) -> str:
    """Run code in a new interpreter (imports are process-wide) and return its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return done.stdout.strip()


@pytest.fixture
def fresh_python() -> Callable[[str], str]:
    """Runs code in a new interpreter and returns what it printed."""
    return _run_in_fresh_python


@pytest.fixture(scope="session")
def messy_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds unchanged, plus off-topic, duplicate, empty, binary, PDF and unsupported files."""
    corpus = tmp_path_factory.mktemp("corpus")
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(seed, corpus / seed.name)
    (corpus / "100_football.txt").write_bytes(OFF_TOPIC.encode("cp1252"))
    seed_004 = (SEEDS_DIR / "004_23228f0a9bb6efbb.txt").read_text(encoding="utf-8")
    body = seed_004[seed_004.index("Les 1er et 2 juillet 2025") :]
    republished = (
        "Rabat accueille les Assises de l'IA\nPublié dans Le Reporter le 03 - 07 - 2025\n\n" + body
    )
    (corpus / "101_republished.txt").write_text(republished, encoding="utf-8")
    (corpus / "102_empty.txt").write_bytes(b"")
    (corpus / "103_binary.txt").write_bytes(bytes(range(256)) * 20)
    (corpus / "104_dropped.pdf").write_bytes(
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    )
    (corpus / "105_notes.docx").write_bytes(b"PK\x03\x04 not really a document")
    (corpus / "106_saved_page.html").write_text(SAVED_PAGE, encoding="utf-8")
    (corpus / "107_only_noise.txt").write_text(ONLY_NOISE, encoding="utf-8")
    (corpus / "sources.csv").write_text(
        "file,url\n"
        "004_23228f0a9bb6efbb.txt,https://www.maghress.com/fr/marocdiplomatique/123456\n"
        "999_missing.txt,https://example.org/a\n",
        encoding="utf-8",
    )
    return corpus


SAVED_PAGE = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Le Maroc lance un supercalculateur dédié à l'IA | Le Journal Test</title>
<meta property="og:site_name" content="Le Journal Test">
<meta property="article:published_time" content="2025-03-12T09:00:00+00:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/eco">Économie</a> <a href="/sport">Sport</a></nav>
<article><h1>Le Maroc lance un supercalculateur dédié à l'intelligence artificielle</h1>
<p>L'Université Mohammed VI Polytechnique a inauguré le 11 mars 2025 à Benguerir un supercalculateur
destiné à la recherche en intelligence artificielle, le plus puissant du continent selon ses concepteurs.</p>
<p>Ce nouvel outil doit permettre aux chercheurs marocains d'entraîner des modèles de langage en arabe,
en amazighe et en français, a expliqué le directeur du centre de calcul lors de la cérémonie.</p>
<p>Le ministère de la Transition numérique prévoit de former 5 000 ingénieurs en IA d'ici 2027 grâce
à cette infrastructure, ouverte également aux startups du Royaume.</p></article>
<footer>© 2025 Le Journal Test. Tous droits réservés.</footer></body></html>"""

ONLY_NOISE = "Accueil    Politique    Économie    Sport\nAdd to Cart failed.\nSe connecter\nNewsletter\n© 2025 Tous droits réservés\n"
