"""Is an article about artificial intelligence in Morocco? An explainable two-part score.

The score multiplies two saturating components, so both are needed:
- AI-topic evidence: weighted AI-term mentions per 1,000 words (title mentions count extra),
  passed through a logistic curve: one passing mention in a long article stays low.
- Morocco evidence: weighted mentions of Morocco, its cities and institutions (title extra),
  saturating with the count: 1 - exp(-evidence / scale).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from helpers.errors import ParameterError
from helpers.textnorm import fold


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a compiled pattern, its weight, and the languages it applies to."""

    label: str
    # The lexicon's regex, and the compiled pattern: that regex between the edges of its kind.
    regex: str
    pattern: re.Pattern[str]
    weight: float
    # True: matched against the lower-cased, accent-stripped text; False: against the text.
    folded: bool
    # None: any body language; otherwise only bodies detected in one of these (or undetected).
    languages: frozenset[str] | None = None


# What must hold before and after a term's match: word boundaries for folded terms, no word
# character on either side for exact ones.
FOLDED_EDGES = (r"\b", r"\b")
EXACT_EDGES = (r"(?<!\w)", r"(?!\w)")


def _folded(label: str, regex: str, weight: float, languages: str | None = None) -> Term:
    """A case- and accent-insensitive term; `regex` is written lower-case without accents."""
    langs = frozenset(languages.split(",")) if languages else None
    before, after = FOLDED_EDGES
    return Term(label, regex, re.compile(rf"{before}(?:{regex}){after}"), weight, True, langs)


def _exact(label: str, regex: str, weight: float, languages: str | None = None) -> Term:
    """A case- and accent-sensitive term (acronyms, names that are also common words)."""
    langs = frozenset(languages.split(",")) if languages else None
    before, after = EXACT_EDGES
    return Term(label, regex, re.compile(rf"{before}(?:{regex}){after}"), weight, False, langs)


def _start_finder(terms: tuple[Term, ...], edges: tuple[str, str]) -> re.Pattern[str]:
    """A zero-width pattern that matches exactly where one of the terms has a match starting."""
    before, after = edges
    return re.compile(before + "(?=" + "|".join(f"(?:{t.regex}){after}" for t in terms) + ")")


# AI-topic lexicon (FR, EN, some ES and AR). Weight 1: unambiguous AI; lower: AI-adjacent
# vocabulary (data, digital) that also fills budget, telecom and administration stories.
AI_TERMS: tuple[Term, ...] = (
    _folded("intelligence artificielle", r"intelligences?\s+artificielles?", 1.0),
    _folded("artificial intelligence", r"artificial\s+intelligence", 1.0),
    _folded("inteligencia artificial", r"inteligencia\s+artificial", 1.0, "es"),
    _exact("الذكاء الاصطناعي", r"(?:ال)?ذكاء\s+(?:ال)?اصطناعي", 1.0),
    _exact("IA", r"IA|IAG|GenIA", 1.0, "fr,es,ar"),
    _exact("AI", r"AI|GenAI|A\.I\.", 1.0),
    _folded("apprentissage automatique/profond", r"apprentissage\s+(?:automatique|profond)", 1.0),
    _folded("machine/deep learning", r"machine\s+learning|deep\s+learning|deeplearning", 1.0),
    _folded("réseaux de neurones", r"reseaux?\s+(?:de\s+)?neurone?s|neural\s+networks?", 1.0),
    _folded(
        "modèle de langage",
        r"(?:grands?\s+)?modeles?\s+(?:de\s+langage|linguistiques?|d['’]ia|d['’]intelligence)"
        r"|(?:large\s+)?language\s+models?",
        1.0,
    ),
    _exact("LLM", r"LLMs?|SLMs?|NLP|TALN", 1.0),
    _folded("IA générative", r"generati(?:ve|f|fs|ves)\s+ai|ia\s+generatives?", 0.5),
    _folded(
        "chatbot / assistant",
        r"chatbots?|chat\s*gpt|gpt-?\d\w*|agents?\s+conversationnels?|assistants?\s+virtuels?"
        r"|agents?\s+(?:ia|intelligents?)|ai\s+agents?|agentic",
        1.0,
    ),
    _folded(
        "AI firms and models",
        r"openai|deepseek|anthropic|mistral\s+ai|gemini|copilot|llama|nvidia|hugging\s*face",
        0.8,
    ),
    _folded(
        "AI techniques",
        r"vision\s+par\s+ordinateur|computer\s+vision|reconnaissance\s+(?:faciale|vocale)"
        r"|facial\s+recognition|deepfakes?|traitement\s+(?:automatique\s+)?du\s+langage"
        r"|natural\s+language\s+processing|data\s+science|science\s+des\s+donnees"
        r"|ai\s+act|mlops|supercalculateurs?|supercomputers?",
        1.0,
    ),
    _folded("algorithme", r"algorithmes?|algorithmiques?|algorithms?|algorithmic", 0.5),
    _exact("GPU", r"GPUs?|TPUs?", 0.5),
    _folded(
        "big data / data centre", r"big\s+data|data\s*cent(?:er|re)s?|centres?\s+de\s+donnees", 0.5
    ),
    _folded(
        "prédictif / automatisation", r"predicti(?:f|fs|ve|ves)|automatisation|automation", 0.3
    ),
    _folded("robot", r"robots?|robotiques?|robotics", 0.3),
    _folded("données", r"donnees", 0.2, "fr"),
    _folded("data", r"data|datasets?", 0.2),
    _folded("numérique / digital", r"numeriques?|digital(?:e|es|isation|ization)?", 0.15),
)

# Morocco lexicon: the country, its main cities and the institutions of its AI story.
MOROCCO_TERMS: tuple[Term, ...] = (
    _folded("Maroc / marocain", r"maroc|marocaine?s?|maroco", 1.0),
    _folded("Morocco / Moroccan", r"morocco|moroccans?", 1.0),
    _folded("Marruecos / marroquí", r"marruecos|marroqui(?:es|s)?", 1.0, "es"),
    _exact("المغرب", r"(?:ب|و|في|لل)?(?:ال)?مغرب(?:ية|ي)?", 1.0),
    # The capitalised kingdom, unless it is another kingdom (Royaume-Uni, d'Arabie, de ...).
    _exact(
        "Royaume",
        r"Royaume(?![\s-]+Uni)(?!\s+(?:d['’]|de\s|des\s|du\s|hach))|(?<!United\s)Kingdom(?!\s+of)",
        0.6,
        "fr,en",
    ),
    _exact(
        "ville marocaine",
        r"Rabat|Casablanca|Salé|Marrakech|Marrakesh|Tanger|Tangier|Fès|Fes|Fez"
        r"|Agadir|Oujda|Benguerir|Ben\s+Guerir|Meknès|Meknes|Tétouan|Tetouan|Kénitra|Kenitra"
        r"|Laâyoune|Laayoune|Dakhla|El\s+Jadida|Nador|Ouarzazate|Essaouira|Béni\s+Mellal"
        r"|Beni\s+Mellal|Khouribga|Settat|Mohammedia|Ifrane|Safi",
        0.6,
    ),
    _folded(
        "institution marocaine",
        r"um6p|universite\s+mohammed\s+vi|mohammed\s+vi|dgsn|dgst|bank\s+al-?maghrib|cgem|cndp"
        r"|anrt|onee|ocp|haca|ensias|jazari|inwi|attijariwafa|ammc|tamwilcom|akhannouch"
        r"|mezzour|seghrouchni|digital\s+morocco|maroc\s+digital",
        0.8,
    ),
    _folded(
        "ministère de la Transition numérique",
        r"transition\s+numerique\s+et\s+(?:de\s+)?la\s+reforme|agence\s+de\s+developpement"
        r"\s+du\s+digital|digital\s+development\s+agency",
        0.8,
    ),
    _folded("dirham", r"dirhams?|mmdh|mdh", 0.4),
    _exact("MAP", r"MAP", 0.3),
    _folded("Maghreb", r"maghreb|maghrebins?|maghrebi", 0.3),
)

ALL_TERMS = AI_TERMS + MOROCCO_TERMS
# Every place where a folded (or an exact) term may match, found in one pass over the text;
# each term is then tried at those places only (a pass per term is what costs).
FOLDED_START = _start_finder(tuple(t for t in ALL_TERMS if t.folded), FOLDED_EDGES)
EXACT_START = _start_finder(tuple(t for t in ALL_TERMS if not t.folded), EXACT_EDGES)

# Words in a body below which density is measured as if the body had this many words.
MIN_WORDS = 200

# AI evidence: mentions per 1,000 words; a title mention adds TITLE_AI_BONUS (cap 2).
TITLE_AI_BONUS = 15.0
TITLE_CAP = 2.0
AI_MIDPOINT = 8.0
AI_SLOPE = 2.0

# Morocco evidence: weighted mentions; a title mention adds TITLE_MOROCCO_BONUS (cap 2).
TITLE_MOROCCO_BONUS = 2.0
MOROCCO_SCALE = 1.5

# Apostrophe variants normalised before matching (l’IA -> l'IA).
APOSTROPHES = re.compile(r"[’‘`´ʼ]")

# Words, in any script.
WORD = re.compile(r"\w+")


def relevance_score(text: str, title: str | None, language: str | None) -> float:
    """Return a score in [0, 1]: high when the article is about AI in Morocco."""
    return relevance_features(text, title, language)["score"]


def is_relevant(score: float, threshold: float = 0.5) -> bool:
    """Return True when a relevance score reaches the threshold."""
    if not 0.0 <= threshold <= 1.0:
        raise ParameterError("threshold", threshold, "a number between 0 and 1")
    return score >= threshold


def relevance_features(text: str, title: str | None, language: str | None) -> dict[str, float]:
    """Return the evidence behind the score (counts, densities, components, score)."""
    lang = language.lower() if language else None
    words = len(WORD.findall(text))
    text_counts, title_counts = _term_counts(text), _term_counts(title or "")
    ai_hits = _weighted_hits(text_counts, AI_TERMS, lang)
    ai_title = min(_weighted_hits(title_counts, AI_TERMS, lang), TITLE_CAP)
    ai_density = 1000.0 * ai_hits / max(words, MIN_WORDS)
    ai_evidence = ai_density + TITLE_AI_BONUS * ai_title
    ai_component = _rescaled_logistic(ai_evidence)
    morocco_hits = _weighted_hits(text_counts, MOROCCO_TERMS, lang)
    morocco_title = min(_weighted_hits(title_counts, MOROCCO_TERMS, lang), TITLE_CAP)
    morocco_evidence = morocco_hits + TITLE_MOROCCO_BONUS * morocco_title
    morocco_component = 1.0 - math.exp(-morocco_evidence / MOROCCO_SCALE)
    return {
        "words": float(words),
        "ai_hits": ai_hits,
        "ai_title_hits": ai_title,
        "ai_per_1000_words": ai_density,
        "ai_evidence": ai_evidence,
        "ai_component": ai_component,
        "morocco_hits": morocco_hits,
        "morocco_title_hits": morocco_title,
        "morocco_evidence": morocco_evidence,
        "morocco_component": morocco_component,
        "score": ai_component * morocco_component,
    }


def _rescaled_logistic(evidence: float) -> float:
    """Logistic curve of AI evidence, shifted and rescaled so that no evidence gives 0."""
    floor = 1.0 / (1.0 + math.exp(AI_MIDPOINT / AI_SLOPE))
    value = 1.0 / (1.0 + math.exp(-(evidence - AI_MIDPOINT) / AI_SLOPE))
    return max(0.0, (value - floor) / (1.0 - floor))


def matched_terms(text: str, language: str | None = None) -> dict[str, int]:
    """Return how often each lexicon label matches, to show why a text scored as it did."""
    lang = language.lower() if language else None
    counts = _term_counts(text)
    return {t.label: counts[t.label] for t in ALL_TERMS if _applies(t, lang) and counts[t.label]}


def _weighted_hits(counts: dict[str, int], terms: tuple[Term, ...], language: str | None) -> float:
    """Sum of weight x matches over the terms that apply to the language."""
    total = 0.0
    for term in terms:
        if _applies(term, language):
            total += term.weight * counts[term.label]
    return total


def _term_counts(text: str) -> dict[str, int]:
    """Matches of every lexicon term in the text, by label (as many as pattern.findall)."""
    exact, folded = _prepared(text)
    forms = {
        True: (folded, [m.start() for m in FOLDED_START.finditer(folded)]),
        False: (exact, [m.start() for m in EXACT_START.finditer(exact)]),
    }
    return {t.label: _count(t.pattern, *forms[t.folded]) for t in ALL_TERMS}


def _count(pattern: re.Pattern[str], text: str, starts: list[int]) -> int:
    """Non-overlapping matches of pattern in text, given every position where one may start."""
    count, end = 0, 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            count += 1
            end = match.end()
    return count


def _prepared(text: str) -> tuple[str, str]:
    """The text as matched by exact terms (NFC) and by folded ones (lower, no accents)."""
    exact = APOSTROPHES.sub("'", unicodedata.normalize("NFC", text))
    return exact, fold(exact)


def _applies(term: Term, language: str | None) -> bool:
    """True when a term is used for a body in this language."""
    return term.languages is None or language is None or language in term.languages
