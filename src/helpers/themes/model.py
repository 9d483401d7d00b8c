"""Themes of the corpus: TF-IDF on lemmatised text, factorised by NMF, labelled in French."""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import numpy as np
import pandas as pd
import simplemma
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from helpers.cache import JsonCache, code_version, key_of, resources_digest
from helpers.errors import ParameterError
from helpers.text.normalize import fold as fold_accents
from helpers.text.stopwords import spacy_stop_words
from helpers.themes import count as theme_count
from helpers.themes import glossary

logger = logging.getLogger(__name__)

UNDATED = "sans date"
TOP_TERMS = 10
CLOUD_TERMS = 150
REPRESENTATIVE_FILES = 3
# Normalised theme weights below this are noise from the factorisation, not a theme of the article.
MIN_DOC_WEIGHT = 0.01
FREQUENCIES = ("M", "Y")
# scikit-learn's default; 500 changes the 10k-article fit error by 0.004% and doubles its time.
NMF_MAX_ITER = 200
# Top terms mix a theme's own weight with its lift over the corpus (LDAvis, lambda=0.6).
RELEVANCE_LAMBDA = 0.6
# A bigram replaces its word in the top terms when it scores at least this share of the word.
PHRASE_RATIO = 0.6
REQUIRED_COLUMNS = ("file", "text")
# A theme's label is built from this many of its most distinctive terms.
LABEL_TERMS = 5
# ... and holds at most this many words (a heading, not a sentence).
LABEL_WORDS = 6
# Glossary sections whose names a theme is best named after (an event, a programme).
OCCASION_SECTIONS = frozenset({"Events", "Programmes"})
# The glossary section of places: a place alone rarely says what a theme is about.
PLACE_SECTION = "Places"
# The glossary section of the corpus's own subject (IA, Maroc, numérique): never a theme's term.
SUBJECT_SECTION = "Subject"
# Corpus-specific stop list: a term in more than this share of the articles is dropped.
MAX_DOC_SHARE = 0.5
# TF-IDF weight of a named glossary feature (an institution, event, programme or place) over a
# word's: names tell news topics apart better than the words around them.
NAME_WEIGHT = 2.0

# An article's first paragraphs (its headline and lead) count twice: news states its subject
# first and mentions other subjects further down (on 40-article samples of the 216 evaluation
# pages, ARI 0.685 -> 0.704; interviews and op-eds, whose lead says less, lose about 0.03).
LEAD_PARAGRAPHS = 2

# Clause boundaries: bigrams never span punctuation, line breaks or the wide gaps of tickers.
_CLAUSE_BREAK = re.compile(r"[.!?;:,()\[\]{}«»\"“”…|•·–—/\n\r\t]+| {2,}")
# A blank line between paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A run of letters (any script); digits, apostrophes and hyphens split words.
_WORD = re.compile(r"[^\W\d_]+")
# A partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD (the month group is optional).
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])(?:-\d{2})?)?$")
# A French feminine past participle, to tell the noun "donnée(s)" from the verb "donner".
_FEMININE_PARTICIPLE = re.compile(r"^(.+)ées?$")

# Endings of French infinitives: a word whose lemma has one and which has none is a verb form.
_INFINITIVE_ENDINGS = ("er", "ir", "re")

# Words a phrase may span ("feuille de route", "cas d'usage"); other stop words cut bigrams.
_LINKS = {
    language: frozenset(words.split() + words.title().split())
    for language, words in (("fr", "de d du des la le les l en"), ("en", "of the"))
}
# Letters NFKD does not decompose.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ı": "i"})
# Always kept, never lemmatised: "ia" (French) and "ai" (English) name the subject itself.
_AI_TOKENS = frozenset({"ia", "ai"})
# Words of the spaCy French list that carry meaning here ("données ouvertes" = open data).
_FRENCH_KEPT = frozenset({"ouvert", "ouverte", "ouverts", "ouvertes"})

# Reporting verbs, fillers, dates, units, ordinal endings ("1er"), name particles ("El",
# "Al") and the "co" of "co-création": they say nothing about a theme (French).
_FRENCH_NOISE = """
aller devoir pouvoir vouloir savoir falloir faire dire voir venir mettre prendre donner
passer trouver rester devenir sembler permettre declarer indiquer souligner affirmer
expliquer estimer ajouter noter rappeler preciser annoncer relever evoquer assurer
selon ainsi egalement notamment afin lors dont aujourd hui hier demain deja encore ici
an annee fois jour mois semaine heure minute chose cas fin debut cours part
grand petit nouveau nouvelle dernier prochain premier important principal bon meilleur
monsieur madame mme mr mlle sm el al co er eme
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
lundi mardi mercredi jeudi vendredi samedi dimanche
dh mdh mmdh dhs md mds mrd milliard million euro dollar pourcent
"""
# Boilerplate of news sites: teasers, sharing buttons, cookie banners, carts.
_BOILERPLATE = """
article lire lecture cliquer cliquez clic publier publie publication partager partage
commentaire commenter abonner abonnement abonne newsletter inscrire inscription redaction
photo credit copyright cookie lien suivre telecharger imprimer envoyer reagir connexion
panier accueil menu rubrique categorie tag facebook twitter linkedin whatsapp instagram
youtube email mail suite publicite annonce sponsorise voir aussi
read click share subscribe subscription published updated update comment newsletter
advertisement sponsored cookie privacy copyright login cart follow download print
"""
# English fillers and contraction remnants ("don't" -> "don", "t").
_ENGLISH_NOISE = """
said says say also year years new mr ms mrs according told like just don doesn didn isn
aren wasn weren won wouldn couldn shouldn ll ve re
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
"""


def _no_curve() -> pd.DataFrame:
    """The k curve of a model whose number of themes was given, not chosen."""
    return pd.DataFrame(
        {
            "k": pd.Series(dtype="int64"),
            "silhouette": pd.Series(dtype="float64"),
            "agreement": pd.Series(dtype="float64"),
            "largest_share": pd.Series(dtype="float64"),
        }
    )


@dataclass(frozen=True)
class ThemeModel:
    """Themes of a corpus, each article's weights, and the factorisation behind them."""

    themes: pd.DataFrame
    doc_themes: pd.DataFrame
    term_weights: dict[int, dict[str, float]]
    files: tuple[str, ...] = field(default=(), compare=False, repr=False)
    doc_topic: np.ndarray = field(
        default_factory=lambda: np.zeros((0, 0)), compare=False, repr=False
    )
    components: np.ndarray = field(
        default_factory=lambda: np.zeros((0, 0)), compare=False, repr=False
    )
    doc_term: sparse.csr_matrix = field(
        default_factory=lambda: sparse.csr_matrix((0, 0)), compare=False, repr=False
    )
    vocabulary: tuple[str, ...] = field(default=(), compare=False, repr=False)
    surface_terms: tuple[str, ...] = field(default=(), compare=False, repr=False)
    term_counts: np.ndarray = field(default_factory=lambda: np.zeros(0), compare=False, repr=False)
    # The criterion behind the number of themes: k, its silhouette and the refits' agreement
    # (empty when k was given).
    k_curve: pd.DataFrame = field(default_factory=lambda: _no_curve(), compare=False, repr=False)


def fold(word: str) -> str:
    """Lower-case a word and strip its accents: "Données" -> "donnees"."""
    return fold_accents(word.translate(_LIGATURES))


def _words(words: Iterable[str]) -> set[str]:
    """Folded letter runs of stop-list entries, as the tokenizer cuts them ("qu'" -> "qu")."""
    return {fold(part) for word in words for part in _WORD.findall(word)}


@lru_cache(maxsize=32)
def _lemma_language(language: str) -> str | None:
    """The simplemma language code for an article language, None if unsupported."""
    code = (language or "").lower()[:2]
    try:
        simplemma.lemmatize("test", lang=code)
    except ValueError:
        return None
    return code


@lru_cache(maxsize=8)
def stop_words(language: str) -> frozenset[str]:
    """Folded stop words for a language: its own list, the other list's foreign words, noise."""
    french = _words(spacy_stop_words("fr") - _FRENCH_KEPT) | _words(_FRENCH_NOISE.split())
    english = _words(spacy_stop_words("en")) | _words(_ENGLISH_NOISE.split())
    noise = _words(_BOILERPLATE.split())
    if language == "fr":
        foreign = {w for w in english if not simplemma.is_known(w, lang="fr")}
        words = french | foreign | noise
    elif language == "en":
        foreign = {w for w in french if not simplemma.is_known(w, lang="en")}
        words = english | foreign | noise
    else:
        words = french | english | noise
    return frozenset(words - _AI_TOKENS)


def _lemma(word: str, language: str | None) -> str:
    """Lemma of a lower-case word; French participles used as nouns keep their noun lemma."""
    if language is None:
        return word
    lemma = simplemma.lemmatize(word, lang=language)
    match = _FEMININE_PARTICIPLE.match(word) if language == "fr" else None
    if match and not lemma.endswith("ée"):
        # simplemma: "données" -> "donnée" but "donnée" -> "donner"; the noun wins.
        plural = simplemma.lemmatize(match.group(1) + "ées", lang=language)
        if plural.endswith("ée"):
            return plural
    return lemma


@lru_cache(maxsize=64)
def _term_cache(language: str) -> dict[str, str | None]:
    """Per-language memo of token -> term; the hot loop of prepare_with_forms reads it directly."""
    return {}


def _term(token: str, language: str) -> str | None:
    """Folded lemma of a token as it appears in the text, None for a stop or noise word."""
    lower = token.lower()
    if lower in _AI_TOKENS:
        # Lower-case "ai" in French is the verb ("j'ai"); "AI" is the acronym.
        return None if language == "fr" and token == "ai" else lower
    stops = stop_words(language)
    if len(lower) < 2 or fold(lower) in stops:
        return None
    folded = fold(_lemma(lower, _lemma_language(language)))
    if len(folded) < 2 or folded in stops:
        return None
    return folded


def _cached_term(token: str, language: str) -> str | None:
    """_term through the per-language memo prepare_with_forms fills."""
    terms_of = _term_cache(language)
    if token not in terms_of:
        terms_of[token] = _term(token, language)
    return terms_of[token]


def language_key(language: object) -> str:
    """Two-letter language code of an article, "fr" when missing."""
    return language.strip().lower()[:2] if isinstance(language, str) and language.strip() else "fr"


@lru_cache(maxsize=8)
def _glossary_index(language: str) -> glossary.Index:
    """The bilingual glossary's variants as this language's terms (any variant, any language:
    English names turn up in French articles)."""

    def terms_in(language: str) -> Callable[[str], list[str]]:
        def terms_of(variant: str) -> list[str]:
            terms = (_cached_term(token, language) for token in _WORD.findall(variant))
            return [term for term in terms if term is not None]

        return terms_of

    return glossary.build_index(glossary.entries(), terms_in(language), terms_in("fr"))


def _clause_terms(
    tokens: list[str], terms_of: dict[str, str | None], language: str
) -> list[tuple[str, str | None, bool]]:
    """(token, term, written) of a clause's words, each glossary variant folded into its
    feature: its first word carries the feature (no written form), the rest of it is gone."""
    terms: list[str | None] = []
    for token in tokens:
        try:
            terms.append(terms_of[token])
        except KeyError:
            terms_of[token] = _term(token, language)
            terms.append(terms_of[token])
    matches = glossary.replace_variants(terms, _glossary_index(language))
    items = list(zip(tokens, terms, repeat(True)))
    for first, last, feature in reversed(matches):
        items[first : last + 1] = [(tokens[first], feature, False)]
    return items


def split_lead(text: str) -> tuple[str, str]:
    """An article's first LEAD_PARAGRAPHS paragraphs (headline and lead) and the rest of it;
    a text of no more paragraphs has no lead apart: ("", text)."""
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text or "") if p.strip()]
    if len(paragraphs) <= LEAD_PARAGRAPHS:
        return "", text or ""
    return "\n\n".join(paragraphs[:LEAD_PARAGRAPHS]), "\n\n".join(paragraphs[LEAD_PARAGRAPHS:])


def prepare_with_forms(text: str, language: str) -> tuple[str, list[str]]:
    """Prepared text (one phrase per line) and the written form of each kept word and bigram;
    glossary variants become their shared feature (written as the glossary's French form).
    The headline and lead count twice (prepared once, their lines written twice)."""
    lead, rest = split_lead(text)
    lead_lines, lead_forms = _prepare_passage(lead, language)
    lines, forms = _prepare_passage(rest, language)
    if not lead_lines:
        return lines, forms
    return "\n".join(filter(None, [lead_lines, lead_lines, lines])), lead_forms * 2 + forms


def _prepare_passage(text: str, language: str) -> tuple[str, list[str]]:
    """prepare_with_forms of one passage, every word counted once."""
    terms_of = _term_cache(language)
    links = _LINKS.get(language, _LINKS["fr"])
    lines: list[str] = []
    written: list[str] = []
    for clause in _CLAUSE_BREAK.split(text or ""):
        phrase: list[str] = []
        gap: list[str] = []
        previous = ""
        for token, term, has_form in _clause_terms(_WORD.findall(clause), terms_of, language):
            if term is None:
                if phrase:
                    if token in links:
                        gap.append(token)
                    else:
                        lines.append(" ".join(phrase))
                        phrase, gap = [], []
                continue
            if not has_form:
                # A glossary feature is a phrase of its own: no bigram across its edges.
                lines.extend([" ".join(phrase), term] if phrase else [term])
                phrase, gap = [], []
                continue
            if phrase and phrase[-1] != term:
                link = "".join(g + ("'" if len(g) == 1 else " ") for g in gap)
                written.append(f"{previous} {link}{token}")
            gap = []
            written.append(token)
            phrase.append(term)
            previous = token
        if phrase:
            lines.append(" ".join(phrase))
    return "\n".join(lines), written


def prepared_cache(cache_dir: Path | None) -> JsonCache | None:
    """The per-article cache of prepared texts (None: no cache)."""
    if cache_dir is None:
        return None
    version = code_version(
        __name__,
        f"simplemma=={_simplemma_version()} glossary={resources_digest((glossary.GLOSSARY_FILE,))}",
    )
    return JsonCache(cache_dir, "prepared", version)


@lru_cache(maxsize=1)
def _simplemma_version() -> str:
    """The installed simplemma version (its dictionaries decide the lemmas)."""
    import importlib.metadata

    return importlib.metadata.version("simplemma")


def prepare_cached(text: str, language: str, cache: JsonCache | None) -> tuple[str, Counter[str]]:
    """prepare_with_forms's prepared text and written-form counts, from the cache when this text was
    prepared before by the same code."""
    key = key_of(text, language)
    stored = cache.get(key) if cache is not None else None
    if stored is not None:
        return stored[0], Counter(stored[1])
    body, forms = prepare_with_forms(text, language)
    counts = Counter(forms)
    if cache is not None:
        cache.put(key, [body, counts])
    return body, counts


def prepare_text(text: str, language: str) -> str:
    """Lemmatised, accent-folded content words, one phrase per line (bigrams stay inside one)."""
    return prepare_with_forms(text, language_key(language))[0]


def _feature_name(code: int, names_by_id: Sequence[str]) -> str:
    """Name of a feature code: a term id, or n_ids + first * n_ids + second for a bigram."""
    n_ids = len(names_by_id)
    if code < n_ids:
        return names_by_id[code]
    first, second = divmod(code - n_ids, n_ids)
    return f"{names_by_id[first]} {names_by_id[second]}"


def _count_terms(
    prepared: Sequence[str], min_df: int, max_df: float, max_features: int
) -> tuple[sparse.csr_matrix, list[str]]:
    """Counts of words and within-phrase bigrams per document, pruned like CountVectorizer.

    Counting runs in numpy on term ids (a Python loop per feature is too slow for 10k articles).
    """
    ids: defaultdict[str, int] = defaultdict()
    ids.default_factory = ids.__len__
    breaker = ids["|"]  # phrase break marker: never a term, never in a bigram
    chunks = [
        np.fromiter(map(ids.__getitem__, text.replace("\n", " | ").split()), dtype=np.int64)
        for text in prepared
    ]
    n_docs, n_ids = len(prepared), len(ids)
    term_ids = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.int64)
    doc_of = np.repeat(np.arange(n_docs), [len(c) for c in chunks])
    first, second = term_ids[:-1], term_ids[1:]
    pairs = (doc_of[:-1] == doc_of[1:]) & (first != breaker) & (second != breaker)
    pairs &= first != second
    words = term_ids != breaker
    features = np.concatenate([term_ids[words], n_ids + first[pairs] * n_ids + second[pairs]])
    docs = np.concatenate([doc_of[words], doc_of[:-1][pairs]])
    if features.size == 0:
        return sparse.csr_matrix((n_docs, 0), dtype=np.float64), []
    order = np.lexsort((features, docs))
    docs, features = docs[order], features[order]
    new = np.ones(docs.size, dtype=bool)
    new[1:] = (docs[1:] != docs[:-1]) | (features[1:] != features[:-1])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, docs.size))
    docs, features = docs[starts], features[starts]
    codes, column = np.unique(features, return_inverse=True)
    df = np.bincount(column)
    keep = (df >= min_df) & (df <= max_df * n_docs)
    if keep.sum() > max_features:
        # Like CountVectorizer: the most frequent terms over the corpus (ties: first seen).
        totals = np.bincount(column, weights=counts)
        candidates = np.flatnonzero(keep)
        best = candidates[np.lexsort((codes[candidates], -totals[candidates]))[:max_features]]
        keep = np.zeros_like(keep)
        keep[best] = True
    names_by_id = list(ids)
    kept = np.flatnonzero(keep)
    names = [_feature_name(code, names_by_id) for code in codes[kept].tolist()]
    alphabetical = sorted(range(len(names)), key=names.__getitem__)
    new_column = np.full(codes.size, -1)
    new_column[kept[alphabetical]] = np.arange(len(names))
    cells = new_column[column]
    inside = cells >= 0
    matrix = sparse.csr_matrix(
        (counts[inside].astype(np.float64), (docs[inside], cells[inside])),
        shape=(n_docs, len(names)),
    )
    return matrix, [names[i] for i in alphabetical]


def min_doc_frequency(n_docs: int) -> int:
    """Documents a term must appear in: 1 for tiny corpora, more as the corpus grows."""
    for limit, value in ((20, 1), (200, 2), (2000, 3)):
        if n_docs < limit:
            return value
    return 5


def max_doc_frequency(n_docs: int) -> float:
    """Share of documents above which a term is dropped: words in more than half of the
    articles (IA, Maroc, numérique) say nothing about how they differ; tiny corpora keep all."""
    return 1.0 if n_docs < 10 else MAX_DOC_SHARE


def surface_forms(written: dict[str, Counter[str]]) -> dict[str, str]:
    """Most frequent written form of each term ("donnee" -> "données", "cas d'usage"), French
    forms first; glossary features are written as the glossary's French form."""
    forms: dict[str, tuple[bool, int, bool, str]] = {}
    for language, counts in written.items():
        for form, count in counts.items():
            first, _, rest = form.partition(" ")
            term = _cached_term(first, language)
            if rest and term is not None:
                # A bigram's last word follows the last space or the apostrophe of an elision.
                last = _cached_term(rest.rsplit(" ", 1)[-1].rsplit("'", 1)[-1], language)
                term = f"{term} {last}" if last is not None else None
            candidate = (language != "fr", -count, not form.islower(), form)
            if term is not None and (term not in forms or candidate < forms[term]):
                forms[term] = candidate
    shown = {term: best[3] for term, best in forms.items()}
    for language in written:
        shown.update(_glossary_index(language).display)
    return shown


def _relevance(scores: np.ndarray, background: np.ndarray | None) -> np.ndarray:
    """LDAvis relevance of each term to a theme; -inf where the theme does not use it."""
    relevance = np.full(scores.shape, -np.inf)
    used = scores > 0
    p_term = scores[used] / scores[used].sum()
    relevance[used] = np.log(p_term)
    if background is not None:
        lift = p_term / np.maximum(background[used], np.finfo(float).tiny)
        relevance[used] = RELEVANCE_LAMBDA * np.log(p_term) + (1 - RELEVANCE_LAMBDA) * np.log(lift)
    return relevance


def _distinct_terms(
    scores: np.ndarray,
    vocabulary: Sequence[str],
    counts: np.ndarray,
    limit: int,
    background: np.ndarray | None,
) -> list[int]:
    """Indices of the most relevant terms, each adding a word; a strong phrase beats its words.

    A bigram seen once in the corpus is a coincidence, not a phrase: it is never chosen.
    """
    is_phrase = np.char.find(np.asarray(vocabulary, dtype=str), " ") >= 0
    used = np.flatnonzero((scores > 0) & ~(is_phrase & (counts < 2)))
    relevance = _relevance(scores, background)[used]
    order = used[np.lexsort((used, -counts[used], -relevance))]
    best_phrase: dict[str, int] = {}  # word -> its strongest phrase
    for index in order[is_phrase[order]]:
        for word in vocabulary[index].split():
            if word not in best_phrase or scores[index] > scores[best_phrase[word]]:
                best_phrase[word] = int(index)
    chosen: list[int] = []
    covered: set[str] = set()
    for index in order:
        term = vocabulary[index]
        phrase = best_phrase.get(term)
        if phrase is not None and scores[phrase] >= PHRASE_RATIO * scores[index]:
            index = phrase
        words = set(vocabulary[index].split())
        if words <= covered:
            continue
        chosen.append(int(index))
        covered |= words
        if len(chosen) == limit:
            break
    return chosen


def _top_terms(
    scores: np.ndarray,
    vocabulary: Sequence[str],
    surface: Sequence[str],
    counts: np.ndarray,
    limit: int,
    background: np.ndarray | None = None,
) -> dict[str, float]:
    """Most relevant distinct terms, written form -> score relative to the theme's strongest."""
    chosen = _distinct_terms(scores, vocabulary, counts, limit, background)
    if not chosen:
        return {}
    strongest = float(scores.max())
    terms: dict[str, float] = {}
    for index in chosen:
        terms[surface[index]] = terms.get(surface[index], 0.0) + float(scores[index]) / strongest
    return terms


def _has_stop_word(term: str) -> bool:
    """Whether a written term holds a French or English stop word ("feuille de route")."""
    stops = spacy_stop_words("fr") | spacy_stop_words("en")
    return any(word in stops for word in term.lower().split())


@lru_cache(maxsize=1)
def _glossary_sections() -> dict[str, str]:
    """Glossary section of each French form a theme's terms are written in."""
    return {entry.display: entry.section for entry in glossary.entries()}


def _is_name(term: str) -> bool:
    """Whether a written term is a name: a word other than IA/AI holds a capital ("UNESCO",
    "Ghita Mezzour"; not "IA générative", "éthique de l'IA")."""
    return any(w.lower() not in _AI_TOKENS and not w.islower() for w in _WORD.findall(term))


def _related(first: str, second: str) -> bool:
    """Whether two terms share a word ("accord", "protocole d'accord"): one says the other."""
    return fold(first) in fold(second) or fold(second) in fold(first)


def _is_verb_form(word: str) -> bool:
    """Whether a written French word is a conjugated verb ("révèle", "menée", "annoncé"): its
    lemma is an infinitive the word itself is not. Adjective-like participles ("signée") pass."""
    lower = word.lower()
    lemma = simplemma.lemmatize(lower, lang="fr")
    return (
        lemma != lower
        and lemma.endswith(_INFINITIVE_ENDINGS)
        and not lower.endswith(_INFINITIVE_ENDINGS)
    )


def shown_terms(vocabulary: Sequence[str], surface: Sequence[str]) -> np.ndarray:
    """Columns a theme's top terms, label and word cloud may show: named, not the corpus's own
    subject (the glossary's "Subject" section: IA, Maroc), no verb in a common term ("nécessite",
    "enquête menée"). The others still take part in the factorisation."""
    sections = _glossary_sections()
    subject = {
        feature
        for language in ("fr", "en")
        for feature, form in _glossary_index(language).display.items()
        if sections.get(form) == SUBJECT_SECTION
    }

    def shown(term: str, form: str) -> bool:
        if not term or term in subject:
            return False
        if form in sections or _is_name(form):
            return True
        return not any(_is_verb_form(word) for word in form.split())

    return np.array([shown(t, f) for t, f in zip(vocabulary, surface, strict=True)], dtype=bool)


def _label_candidates(terms: Sequence[str]) -> list[str]:
    """Labels a reader would write from a theme's ranked terms, best first: a named event or
    programme alone ("GITEX Africa"); a noun phrase alone ("IA générative"); a name and a
    common noun ("UNESCO et éthique"), never two names; a place only when nothing else is."""
    top = list(terms[:LABEL_TERMS])
    sections = _glossary_sections()
    occasions = [t for t in top if sections.get(t) in OCCASION_SECTIONS]
    kept = [t for t in top if sections.get(t) != PLACE_SECTION] or top
    names = [t for t in kept if _is_name(t)]
    nouns = [t for t in kept if not _is_name(t)]
    phrases = [t for t in nouns if " " in t]
    pairs = [f"{n} et {c}" for n in names for c in nouns if not _related(n, c)]
    head = [kept[0]] if kept and not _is_name(kept[0]) and " " in kept[0] else []
    ordered = [*occasions, *head, *pairs, *phrases, *names, *nouns]
    short = [label for label in ordered if len(label.split()) <= LABEL_WORDS]
    return list(dict.fromkeys(short or ordered))


def theme_labels(ranked_terms: Sequence[Sequence[str]]) -> list[str]:
    """One distinct label per theme (biggest theme first), capitalised; a theme without terms
    is "Thème sans mots-clés", a label that cannot be made distinct gets a number."""
    labels: list[str] = []
    for terms in ranked_terms:
        options = [c[:1].upper() + c[1:] for c in _label_candidates(terms)] or [
            "Thème sans mots-clés"
        ]
        label = next((o for o in options if o not in labels), options[0])
        n = 2
        while label in labels:
            label, n = f"{options[0]} ({n})", n + 1
        labels.append(label)
    return labels


def _representatives(weights: np.ndarray, is_main: np.ndarray, files: Sequence[str]) -> list[int]:
    """Rows of the articles that best show a theme: main theme first, then by weight."""
    candidates = np.flatnonzero(weights > 0).tolist()
    candidates.sort(key=lambda d: (not is_main[d], -weights[d], files[d]))
    return candidates[:REPRESENTATIVE_FILES]


def check_articles(articles: pd.DataFrame) -> None:
    """Fail early, naming the problem, on missing columns or repeated files."""
    missing = [c for c in REQUIRED_COLUMNS if c not in articles.columns]
    if missing:
        raise ParameterError("articles", f"columns {list(articles.columns)}", f"columns {missing}")
    repeated = articles["file"][articles["file"].duplicated()].unique().tolist()
    if repeated:
        raise ParameterError("articles", f"repeated files {repeated[:5]}", "one row per file")


def empty_model(files: Sequence[str]) -> ThemeModel:
    """A model with no theme, for an empty corpus or one with no content word."""
    themes = pd.DataFrame(
        {
            "theme_id": pd.Series(dtype="int64"),
            "label": pd.Series(dtype="object"),
            "top_terms": pd.Series(dtype="object"),
            "weights": pd.Series(dtype="object"),
            "n_docs": pd.Series(dtype="int64"),
            "share": pd.Series(dtype="float64"),
            "representative_files": pd.Series(dtype="object"),
            "typical_title": pd.Series(dtype="object"),
        }
    )
    doc_themes = pd.DataFrame(
        {
            "file": pd.Series(dtype="object"),
            "theme_id": pd.Series(dtype="int64"),
            "weight": pd.Series(dtype="float64"),
            "is_main": pd.Series(dtype="bool"),
        }
    )
    return ThemeModel(themes, doc_themes, {}, files=tuple(files))


def language_bound(
    counts: sparse.csr_matrix, vocabulary: Sequence[str], languages: Sequence[str]
) -> np.ndarray:
    """Columns of terms only articles of one minority language use ("tools", "answer" in the
    English articles of a French corpus): they would group articles by language, not topic.
    Glossary features, shared by both languages by construction, are never language-bound."""
    codes, language_of = np.unique(np.asarray(languages, dtype=str), return_inverse=True)
    bound = np.zeros(counts.shape[1], dtype=bool)
    if codes.size < 2:
        return bound
    shares = np.bincount(language_of) / len(languages)
    present = sparse.csr_matrix(counts > 0, dtype=np.float64)
    df = np.asarray(present.sum(axis=0)).ravel()
    shared = {feature for code in codes for feature in _glossary_index(str(code)).display}
    in_glossary = np.array([term in shared for term in vocabulary], dtype=bool)
    for index in np.flatnonzero(shares < 0.5):
        rows = np.flatnonzero(language_of == index)
        own = np.asarray(present[rows].sum(axis=0)).ravel()
        bound |= (own == df) & (df > 0)
    return bound & ~in_glossary


def name_weights(vocabulary: Sequence[str], languages: Sequence[str]) -> np.ndarray:
    """Column weights: NAME_WEIGHT for a glossary feature whose French form is a name ("GITEX
    Africa", "UNESCO"; not "IA générative", a kind of AI any subject may use), 1 for any other
    term."""
    names = {
        feature
        for code in sorted(set(languages))
        for feature, shown in _glossary_index(code).display.items()
        if _is_name(shown)
    }
    return np.array([NAME_WEIGHT if term in names else 1.0 for term in vocabulary])


def weigh_names(
    matrix: sparse.csr_matrix, vocabulary: Sequence[str], languages: Sequence[str]
) -> sparse.csr_matrix:
    """The TF-IDF matrix with its named glossary features weighted up, rows unit-length again."""
    weighted = matrix @ sparse.diags(name_weights(vocabulary, languages))
    return sparse.csr_matrix(normalize(weighted), dtype=matrix.dtype)


def _vectorise(
    prepared: list[str], max_features: int
) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """Sublinear TF-IDF of words and bigrams, the vocabulary, and each term's corpus count.

    Document-frequency limits are relaxed when no term survives them.
    """
    n_docs = len(prepared)
    for min_df, max_df in ((min_doc_frequency(n_docs), max_doc_frequency(n_docs)), (1, 1.0)):
        counts, vocabulary = _count_terms(prepared, min_df, max_df, max_features)
        if vocabulary:
            tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
            totals = np.asarray(counts.sum(axis=0)).ravel()
            return sparse.csr_matrix(tfidf, dtype=np.float32), vocabulary, totals
    return sparse.csr_matrix((n_docs, 0), dtype=np.float32), [], np.zeros(0)


def _factorise(
    matrix: sparse.csr_matrix, n_themes: int, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """NMF of the TF-IDF matrix: document-theme and theme-term weights."""
    model = NMF(
        n_components=n_themes, init="nndsvda", random_state=random_state, max_iter=NMF_MAX_ITER
    )
    with warnings.catch_warnings(), np.errstate(invalid="ignore"):
        # Tiny corpora converge slowly (the fit is still the best found); a one-article fit
        # rounds its reconstruction error below zero before a square root.
        warnings.simplefilter("ignore", ConvergenceWarning)
        doc_topic = model.fit_transform(matrix)
    return np.asarray(doc_topic, dtype=np.float64), np.asarray(model.components_, dtype=np.float64)


def _normalised_weights(doc_topic: np.ndarray) -> np.ndarray:
    """Theme weights of each article (its share explained by each theme, see
    theme_count.contributions) summing to 1, without the factorisation's crumbs."""
    totals = doc_topic.sum(axis=1, keepdims=True)
    weights = np.divide(doc_topic, totals, out=np.zeros_like(doc_topic), where=totals > 0)
    weights[weights < MIN_DOC_WEIGHT] = 0.0
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)


def fit_themes(
    articles: pd.DataFrame,
    n_themes: int | None = None,
    random_state: int = 42,
    max_features: int = 20000,
    cache_dir: Path | None = None,
) -> ThemeModel:
    """Find the themes of the articles (NMF on TF-IDF, names weighted up); same corpus and seed,
    same themes. With cache_dir, each article's prepared text is kept in the per-article cache."""
    check_articles(articles)
    if n_themes is not None and n_themes < 1:
        raise ParameterError("n_themes", n_themes, "None or an integer >= 1")
    if max_features < 1:
        raise ParameterError("max_features", max_features, "an integer >= 1")
    files = articles["file"].astype(str).tolist()
    if not files:
        return empty_model(files)
    languages = (
        [language_key(v) for v in articles["language"]]
        if "language" in articles.columns
        else ["fr"] * len(files)
    )
    prepared: list[str] = []
    written: dict[str, Counter[str]] = defaultdict(Counter)
    cache = prepared_cache(cache_dir)
    for text, language in zip(articles["text"].fillna("").astype(str), languages, strict=True):
        body, forms_in_text = prepare_cached(text, language, cache)
        prepared.append(body)
        written[language].update(forms_in_text)
    matrix, vocabulary, term_counts = _vectorise(prepared, max_features)
    if not vocabulary:
        logger.warning("themes: no content word in %d articles, no theme found", len(files))
        return empty_model(files)
    forms = surface_forms(written)
    surface = [
        forms.get(term) or " ".join(forms.get(w, w) for w in term.split()) for term in vocabulary
    ]
    return themes_from_matrix(
        weigh_names(matrix, vocabulary, languages),
        vocabulary,
        surface,
        term_counts,
        articles,
        n_themes,
        random_state,
    )


def themes_from_matrix(
    matrix: sparse.csr_matrix,
    vocabulary: Sequence[str],
    surface: Sequence[str],
    term_counts: np.ndarray,
    articles: pd.DataFrame,
    n_themes: int | None = None,
    random_state: int = 42,
) -> ThemeModel:
    """NMF, theme order, labels and tables from a TF-IDF matrix whose rows are the articles
    (terms bound to a minority language left out first).

    The second half of fit_themes, for engines that vectorise otherwise; a column named ""
    (an unnamed hashed feature) takes part in the NMF but never in the top terms (shown_terms).
    """
    files = articles["file"].astype(str).tolist()
    if matrix.shape != (len(files), len(vocabulary)) or len(surface) != len(vocabulary):
        expected = f"shape ({len(files)}, {len(vocabulary)}), one name and written form per column"
        raise ParameterError("matrix", matrix.shape, expected)
    if not files or not any(vocabulary):
        return empty_model(files)
    languages = (
        [language_key(v) for v in articles["language"]]
        if "language" in articles.columns
        else ["fr"] * len(files)
    )
    kept = np.flatnonzero(~language_bound(matrix, vocabulary, languages))
    if kept.size < len(vocabulary):
        # Rows stay unit-length TF-IDF over the terms kept.
        matrix = sparse.csr_matrix(normalize(matrix[:, kept]), dtype=matrix.dtype)
        vocabulary = [vocabulary[i] for i in kept.tolist()]
        surface = [surface[i] for i in kept.tolist()]
        term_counts = term_counts[kept]
    if not any(vocabulary):
        return empty_model(files)
    count = theme_count.choose_count(matrix, random_state) if n_themes is None else None
    wanted = count.k if count is not None else int(n_themes or 1)
    k = min(wanted, len(files), len(vocabulary))
    if k < wanted:
        logger.warning("themes: n_themes=%d lowered to %d for this corpus", wanted, k)
    doc_topic, components = _factorise(matrix, k, random_state)

    weights = _normalised_weights(theme_count.contributions(doc_topic, components))
    has_theme = weights.sum(axis=1) > 0
    main = np.where(has_theme, weights.argmax(axis=1), -1)
    counts = np.bincount(main[has_theme], minlength=k)
    # Biggest theme first; ties by total weight, then by NMF order: stable ids.
    order = np.lexsort((np.arange(k), -weights.sum(axis=0), -counts))
    rank = np.empty(k, dtype=int)
    rank[order] = np.arange(k)
    doc_topic, components, weights = doc_topic[:, order], components[order], weights[:, order]
    main = np.where(has_theme, rank[np.maximum(main, 0)], -1)
    counts = counts[order]

    shown = shown_terms(vocabulary, surface)
    corpus_scores = np.asarray(matrix.sum(axis=0)).ravel().astype(np.float64)
    background = corpus_scores / max(corpus_scores.sum(), np.finfo(float).tiny)
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * len(files)
    n_themed = int(has_theme.sum())
    rows = []
    ranked_terms: list[list[str]] = []
    term_weights: dict[int, dict[str, float]] = {}
    for theme in range(k):
        scores = components[theme] * shown
        ranked = _top_terms(scores, vocabulary, surface, term_counts, 3 * TOP_TERMS, background)
        ranked_terms.append(list(ranked))
        # Phrases glued by stop words ("feuille de route") may name the theme, not list it.
        top = dict([t for t in ranked.items() if not _has_stop_word(t[0])][:TOP_TERMS])
        term_weights[theme] = _top_terms(scores, vocabulary, surface, term_counts, CLOUD_TERMS)
        members = _representatives(weights[:, theme], main == theme, files)
        title = titles[members[0]] if members else None
        title = title if isinstance(title, str) and title.strip() else None
        rows.append(
            {
                "theme_id": theme,
                "top_terms": list(top),
                "weights": [round(w, 6) for w in top.values()],
                "n_docs": int(counts[theme]),
                "share": float(counts[theme] / n_themed) if n_themed else 0.0,
                "representative_files": [files[d] for d in members],
                "typical_title": title,
            }
        )
    themes = pd.DataFrame(rows)
    themes.insert(1, "label", theme_labels(ranked_terms))
    term_weights[-1] = _top_terms(
        corpus_scores * shown, vocabulary, surface, term_counts, CLOUD_TERMS
    )

    doc_index, theme_index = np.nonzero(weights)
    doc_themes = pd.DataFrame(
        {
            "file": [files[d] for d in doc_index],
            "theme_id": theme_index.astype("int64"),
            "weight": weights[doc_index, theme_index],
            "is_main": main[doc_index] == theme_index,
        }
    )
    logger.info("themes: %d themes over %d articles", k, len(files))
    return ThemeModel(
        themes=themes,
        doc_themes=doc_themes,
        term_weights=term_weights,
        files=tuple(files),
        doc_topic=doc_topic,
        components=components,
        doc_term=matrix,
        vocabulary=tuple(vocabulary),
        surface_terms=tuple(surface),
        term_counts=term_counts,
        k_curve=count.curve if count is not None else _no_curve(),
    )


def period_of(published: object, freq: str = "M") -> str:
    """Period of a partial ISO date: "YYYY-MM", "YYYY" if the month is unknown, or "sans date"."""
    if freq not in FREQUENCIES:
        raise ParameterError("freq", freq, f"one of {list(FREQUENCIES)}")
    match = _PARTIAL_DATE.match(published.strip()) if isinstance(published, str) else None
    if match is None:
        return UNDATED
    year, month = match.groups()
    return f"{year}-{month}" if freq == "M" and month else year


def _main_periods(model: ThemeModel, articles: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Main theme and period of each themed article: file, theme_id, period."""
    if freq not in FREQUENCIES:
        raise ParameterError("freq", freq, f"one of {list(FREQUENCIES)}")
    if "file" not in articles.columns:
        raise ParameterError("articles", list(articles.columns), "a 'file' column")
    published = (
        articles["published"]
        if "published" in articles.columns
        else pd.Series(None, index=articles.index)
    )
    periods = pd.DataFrame(
        {"file": articles["file"].astype(str), "period": [period_of(p, freq) for p in published]}
    )
    main = model.doc_themes.loc[model.doc_themes["is_main"], ["file", "theme_id"]]
    return main.merge(periods.drop_duplicates("file"), on="file", how="inner")


def _period_order(periods: Iterable[str]) -> list[str]:
    """Periods in time order, undated last."""
    return sorted(set(periods), key=lambda p: (p == UNDATED, p))


def themes_over_time(model: ThemeModel, articles: pd.DataFrame, freq: str = "M") -> pd.DataFrame:
    """Articles and share of each main theme per period; undated articles under "sans date"."""
    dated = _main_periods(model, articles, freq)
    columns = ["period", "theme_id", "n_docs", "share"]
    if dated.empty:
        return pd.DataFrame(columns=columns)
    grid = pd.MultiIndex.from_product(
        [_period_order(dated["period"]), sorted(model.themes["theme_id"].astype(int))],
        names=["period", "theme_id"],
    )
    counts = dated.groupby(["period", "theme_id"]).size().reindex(grid, fill_value=0)
    frame = counts.rename("n_docs").reset_index()
    totals = frame.groupby("period")["n_docs"].transform("sum")
    frame["share"] = frame["n_docs"] / totals
    frame["n_docs"] = frame["n_docs"].astype("int64")
    return frame[columns]


def _attributed_scores(
    doc_term: sparse.csr_matrix, doc_topic: np.ndarray, components: np.ndarray, theme: int
) -> np.ndarray:
    """Each term's TF-IDF in these documents, shared between themes as the NMF reconstructs it."""
    coo = doc_term.tocoo()
    scores = np.zeros(doc_term.shape[1], dtype=np.float64)
    chunk = 200_000
    for start in range(0, coo.nnz, chunk):
        rows, cols = coo.row[start : start + chunk], coo.col[start : start + chunk]
        values = coo.data[start : start + chunk].astype(np.float64)
        part = doc_topic[rows, theme] * components[theme, cols]
        total = np.einsum("ij,ji->i", doc_topic[rows], components[:, cols])
        share = np.divide(part, total, out=np.zeros_like(part), where=total > 0)
        np.add.at(scores, cols, values * share)
    return scores


def theme_terms_by_period(
    model: ThemeModel,
    articles: pd.DataFrame,
    freq: str = "M",
    top_n: int = TOP_TERMS,
    global_tuning: bool = True,
) -> pd.DataFrame:
    """Top terms of each theme per period, from the fitted factorisation (no re-fitting); the
    terms a theme's own top terms may show (shown_terms).

    Each period's articles (main theme t) give their TF-IDF to t as the NMF reconstructs it;
    with global_tuning (as in BERTopic) that profile is averaged with the theme's overall one.
    """
    if top_n < 1:
        raise ParameterError("top_n", top_n, "an integer >= 1")
    dated = _main_periods(model, articles, freq)
    row_of = {file: i for i, file in enumerate(model.files)}
    shown = shown_terms(model.vocabulary, model.surface_terms)
    corpus_scores = np.asarray(model.doc_term.sum(axis=0)).ravel().astype(np.float64)
    background = corpus_scores / max(corpus_scores.sum(), np.finfo(float).tiny)
    rows = []
    for (period, theme), group in dated.groupby(["period", "theme_id"], sort=False):
        docs = [row_of[f] for f in group["file"]]
        scores = _attributed_scores(
            model.doc_term[docs], model.doc_topic[docs], model.components, int(theme)
        )
        if global_tuning and scores.sum() > 0:
            overall = model.components[int(theme)]
            tuned = scores / scores.sum() + overall / max(overall.sum(), np.finfo(float).tiny)
            scores = np.where(scores > 0, tuned / 2, 0.0)
        terms = _top_terms(
            scores * shown,
            model.vocabulary,
            model.surface_terms,
            model.term_counts,
            top_n,
            background,
        )
        rows.append(
            {
                "period": period,
                "theme_id": int(theme),
                "n_docs": len(docs),
                "top_terms": list(terms),
                "weights": [round(w, 6) for w in terms.values()],
            }
        )
    columns = ["period", "theme_id", "n_docs", "top_terms", "weights"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows, columns=columns)
    rank = {p: i for i, p in enumerate(_period_order(frame["period"]))}
    frame["rank"] = frame["period"].map(rank)
    return frame.sort_values(["rank", "theme_id"]).drop(columns="rank").reset_index(drop=True)
