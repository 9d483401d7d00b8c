"""Is an article about artificial intelligence in Morocco? A small, readable logistic model.

The evidence is counted with lexicons (AI terms; Morocco, its cities and institutions; the
technology and digital-policy context; other countries), and the outlet's country counts as
evidence of Morocco. Four inputs, each between 0 and 1, feed a logistic regression fitted
with scikit-learn on labelled evidence rows shipped with the package
(resources/relevance_training.csv; coefficients in resources/relevance_model.json, refitted
with `python -m helpers.ingest.relevance`). The score is the model's probability that the article is
about AI in Morocco: at the default threshold 0.5, an article is kept when that is more likely
than not.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources

from helpers.errors import ParameterError
from helpers.text.normalize import fold


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
    _folded(
        "programmes nationaux d'IA",
        r"instituts?\s+(?:al[\s-]?)?jazari|jazari\s+(?:root|institutes?|network)|ai\s+movement"
        r"|ia\s+made\s+in\s+morocco",
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

# Context of technology and digital policy: what surrounds AI when it is one theme among others
# (a tech fair, a national digital strategy). Never enough on its own: it weighs with AI.
CONTEXT_TERMS: tuple[Term, ...] = (
    _folded(
        "GITEX / salon tech",
        r"gitex|salons?\s+(?:de\s+la\s+)?(?:tech|technologi\w*)|tech\s+fair",
        1.0,
    ),
    _folded(
        "stratégie numérique",
        r"(?:strategie|plan|feuille\s+de\s+route)\s+(?:nationale\s+)?(?:du\s+)?(?:numerique|digital\w*)"
        r"|digital\s+(?:strategy|morocco)|maroc\s+(?:digital|numerique)|transformation\s+"
        r"(?:numerique|digitale)|digital\s+transformation|transition\s+numerique",
        1.0,
    ),
    _folded(
        "start-up / innovation",
        r"start-?ups?|jeunes\s+pousses|innovations?|innovant\w*|incubat\w+|technopark|fintech"
        r"|edtech|healthtech|agritech",
        0.5,
    ),
    _folded(
        "technologies",
        r"technologi\w+|tech|cloud|cybersecurit\w+|cyber-?securit\w+|5g|internet\s+des\s+objets"
        r"|iot|hubs?\s+(?:technologique|numerique|digital)\w*|ecosyst[eè]mes?\s+(?:numerique|digital|tech)\w*",
        0.5,
    ),
)

# Countries and capitals other than Morocco: an AI story told about them is not a Moroccan one.
ELSEWHERE_TERMS: tuple[Term, ...] = (
    _folded(
        "autre pays",
        r"chine|chinois\w*|china|chinese|etats-unis|americain\w*|united\s+states|american"
        r"|washington|silicon\s+valley|pekin|beijing|japon\w*|japan\w*|coree|korea\w*|inde|india\w*"
        r"|russie|russia\w*|allemagne|germany|royaume-uni|britanni\w+|italie|italy|canada"
        r"|europe\w*|bruxelles|brussels|texas|californi\w+|wall\s+street|emirats|emirates"
        r"|arabie\s+saoudite|saudi|israel\w*|nigeria\w*|kenya\w*|afrique\s+du\s+sud|south\s+africa",
        1.0,
    ),
)

ALL_TERMS = AI_TERMS + MOROCCO_TERMS + CONTEXT_TERMS + ELSEWHERE_TERMS
# Every place where a folded (or an exact) term may match, found in one pass over the text;
# each term is then tried at those places only (a pass per term is what costs).
FOLDED_START = _start_finder(tuple(t for t in ALL_TERMS if t.folded), FOLDED_EDGES)
EXACT_START = _start_finder(tuple(t for t in ALL_TERMS if not t.folded), EXACT_EDGES)

# Densities are measured as if a body had at least MIN_WORDS and at most MAX_WORDS words: a
# short brief is not inflated, and a long article that names AI again and again is not
# diluted (its few mentions are what a reader sees).
MIN_WORDS = 200
MAX_WORDS = 400
# AI terms of at least this weight are AI itself; lighter ones (data, digital, robots) are
# context, with the technology terms.
CORE_AI_WEIGHT = 0.8
# A title mention counts as this many mentions per 1,000 words (AI) or mentions (Morocco).
TITLE_AI_BONUS = 15.0
TITLE_MOROCCO_BONUS = 2.0
TITLE_CAP = 2.0
# A Moroccan outlet counts as this many mentions of Morocco: its readers and its news are.
MOROCCAN_OUTLET_EVIDENCE = 3.0

# The model: a logistic regression over these inputs, fitted by fit_model on the labelled
# evidence rows of TRAINING_FILE and stored in MODEL_FILE (coefficients by input name).
MODEL_INPUTS = ("ai", "morocco", "context", "elsewhere")
# The evidence at which each input reaches 0.63 of its ceiling: AI and context mentions per
# 1,000 words, Morocco mentions.
SCALES = {"ai": 10.0, "morocco": 3.0, "context": 15.0}
TRAINING_FILE = "resources/relevance_training.csv"
MODEL_FILE = "resources/relevance_model.json"
# The training rows' evidence columns (raw counts and densities) and their label column.
EVIDENCE_COLUMNS = (
    "ai_per_1000_words",
    "ai_title_hits",
    "morocco_hits",
    "morocco_title_hits",
    "moroccan_outlet",
    "context_per_1000_words",
    "elsewhere_hits",
)
LABEL_COLUMN = "relevant"
# Inverse regularisation strength of the fit (scikit-learn's C).
FIT_C = 10.0

# Apostrophes normalised before matching (l’IA -> l'IA).
APOSTROPHES = re.compile(r"[’‘`´ʼ]")

# Words, in any script.
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Model:
    """The fitted relevance model: an intercept and one coefficient per input."""

    intercept: float
    coefficients: dict[str, float]
    n_training_rows: int


def relevance_score(
    text: str, title: str | None, language: str | None, moroccan_outlet: bool = False
) -> float:
    """Return the probability, in [0, 1], that the article is about AI in Morocco."""
    return relevance_features(text, title, language, moroccan_outlet)["score"]


def is_relevant(score: float, threshold: float = 0.5) -> bool:
    """Return True when a relevance score reaches the threshold."""
    if not 0.0 <= threshold <= 1.0:
        raise ParameterError("threshold", threshold, "a number between 0 and 1")
    return score >= threshold


def relevance_features(
    text: str, title: str | None, language: str | None, moroccan_outlet: bool = False
) -> dict[str, float]:
    """Return the evidence behind the score (counts, densities, model inputs, score)."""
    lang = language.lower() if language else None
    words = len(WORD.findall(text))
    per_1000 = 1000.0 / min(max(words, MIN_WORDS), MAX_WORDS)
    text_counts, title_counts = _term_counts(text), _term_counts(title or "")
    core = tuple(t for t in AI_TERMS if t.weight >= CORE_AI_WEIGHT)
    light = tuple(t for t in AI_TERMS if t.weight < CORE_AI_WEIGHT) + CONTEXT_TERMS
    evidence = {
        "words": float(words),
        "ai_per_1000_words": per_1000 * _weighted_hits(text_counts, core, lang),
        "ai_title_hits": min(_weighted_hits(title_counts, core, lang), TITLE_CAP),
        "morocco_hits": _weighted_hits(text_counts, MOROCCO_TERMS, lang),
        "morocco_title_hits": min(_weighted_hits(title_counts, MOROCCO_TERMS, lang), TITLE_CAP),
        "moroccan_outlet": float(moroccan_outlet),
        "context_per_1000_words": per_1000 * _weighted_hits(text_counts, light, lang),
        "elsewhere_hits": _weighted_hits(text_counts, ELSEWHERE_TERMS, lang),
    }
    inputs = model_inputs(evidence)
    return {**evidence, **inputs, "score": _probability(inputs, load_model())}


def model_inputs(evidence: dict[str, float]) -> dict[str, float]:
    """The model's inputs: each kind of evidence saturating from 0 (none) towards 1 (plenty),
    so that no amount of one kind makes up for the lack of another."""
    ai = evidence["ai_per_1000_words"] + TITLE_AI_BONUS * evidence["ai_title_hits"]
    morocco = (
        evidence["morocco_hits"]
        + TITLE_MOROCCO_BONUS * evidence["morocco_title_hits"]
        + MOROCCAN_OUTLET_EVIDENCE * evidence["moroccan_outlet"]
    )
    return {
        "ai": _saturating(ai, SCALES["ai"]),
        "morocco": _saturating(morocco, SCALES["morocco"]),
        "context": _saturating(evidence["context_per_1000_words"], SCALES["context"]),
        # The share of the country mentions that name another country (one smoothed mention
        # of Morocco in the denominator): the story is told about somewhere else.
        "elsewhere": evidence["elsewhere_hits"]
        / (evidence["elsewhere_hits"] + evidence["morocco_hits"] + 1.0),
    }


def _saturating(value: float, scale: float) -> float:
    """1 - exp(-value / scale): 0 for none, 0.63 at `scale`, towards 1 beyond."""
    return 1.0 - math.exp(-max(value, 0.0) / scale)


def _probability(inputs: dict[str, float], model: Model) -> float:
    """The logistic function of the model's linear score."""
    z = model.intercept + sum(model.coefficients[name] * inputs[name] for name in MODEL_INPUTS)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


@cache
def load_model() -> Model:
    """The fitted model packaged with the code."""
    data = json.loads(resources.files("helpers").joinpath(MODEL_FILE).read_text("utf-8"))
    return Model(float(data["intercept"]), data["coefficients"], int(data["n_training_rows"]))


def training_rows() -> list[dict[str, str]]:
    """The labelled evidence rows the model is fitted on (one described case each)."""
    text = resources.files("helpers").joinpath(TRAINING_FILE).read_text("utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def fit_model(rows: Sequence[dict[str, str]]) -> Model:
    """Fit the logistic regression on labelled evidence rows (scikit-learn, deterministic)."""
    from sklearn.linear_model import LogisticRegression  # only when refitting

    inputs = [model_inputs({c: float(row[c]) for c in EVIDENCE_COLUMNS}) for row in rows]
    x = [[values[name] for name in MODEL_INPUTS] for values in inputs]
    y = [int(row[LABEL_COLUMN]) for row in rows]
    fitted = LogisticRegression(C=FIT_C, solver="lbfgs", max_iter=10_000).fit(x, y)
    coefficients = {
        name: round(float(c), 4) for name, c in zip(MODEL_INPUTS, fitted.coef_[0], strict=True)
    }
    return Model(round(float(fitted.intercept_[0]), 4), coefficients, len(rows))


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


def main() -> None:
    """Refit the model on the training rows and write it to the package (MODEL_FILE)."""
    model = fit_model(training_rows())
    path = resources.files("helpers").joinpath(MODEL_FILE)
    text = json.dumps(asdict(model), indent=2, ensure_ascii=False) + "\n"
    with open(str(path), "w", encoding="utf-8") as handle:
        handle.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
