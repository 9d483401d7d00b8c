"""Separate the article from page noise: line features, corpus repetition, context smoothing.

Each line (or each segment of a headline ticker) is a block. A block gets features (length,
stop-word density, final punctuation, truncation, UI/tag/footer/link shape, repetition across
the corpus), a first class in the manner of jusText (good, near-good, short, bad), then a final
label from its context: the article is the densest run of good blocks, short blocks inside it
are subheadings, the headline just before it is the title, datelines and bylines near it are
meta, and everything else is noise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import justext

from helpers.errors import ParameterError
from helpers.ingest.outlets import registry_outlet
from helpers.text.normalize import strip_accents as _fold_accents

Label = Literal["body", "title", "meta", "noise"]
Klass = Literal["good", "near", "short", "bad"]

# jusText-style thresholds: blocks under LENGTH_LOW characters are "short"; over LENGTH_HIGH
# with a stop-word density of at least STOPWORDS_HIGH they are "good".
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# A line splits into segments when a separator cuts it into this many parts (or into two
# short parts of at most SEGMENT_MAX_WORDS words each); from TICKER_MIN_SEGMENTS it is a ticker.
TICKER_MIN_SEGMENTS = 3
SEGMENT_MAX_WORDS = 15
# A "Lire aussi : <headline>" line is at most this many words.
READ_ALSO_MAX_WORDS = 30
# Captions closed by a photo credit are at most this many words.
CAPTION_MAX_WORDS = 40
# A line that is only an outlet's name (a site-name or logo line) is at most this many words.
OUTLET_NAME_MAX_WORDS = 5
# Blocks of at most this many words may be UI strings, meta lines or headlines.
UI_MAX_WORDS = 12
META_MAX_WORDS = 14
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
# Non-body blocks allowed between two body blocks of the same article run.
MAX_GAP_BLOCKS = 4
# A run of at least this many characters followed by a related-content heading is taken as the
# article; runs after the heading (other articles, teasers) weigh half.
RELATED_RUN_MIN_CHARS = 300
# Consecutive short blocks kept as in-article subheadings; longer runs are headline lists.
MAX_HEADING_RUN = 3
# Meta lines are looked for this many blocks around the article.
META_WINDOW = 4
# The title is looked for this many blocks before the article.
TITLE_WINDOW = 25
# Content words a paragraph at most LEDE_WINDOW blocks above the title must share with it to
# be the article's lede.
LEDE_MIN_SHARED = 2
LEDE_WINDOW = 2
# Share of a headline's content words that must occur in the body to make it the title.
TITLE_MIN_OVERLAP = 0.4
# A document whose good text is mostly repeated elsewhere is a syndicated copy: repetition is
# then no evidence of boilerplate.
DUPLICATE_SHARE = 0.5
# Content words are compared on this many leading letters (a crude stem: numérique/numériques).
STEM_LENGTH = 5
# Blocks whose features and fingerprints are remembered: page furniture (tickers, menus,
# teasers, footers) recurs on most pages of a corpus.
BLOCK_CACHE_SIZE = 1 << 14

# A space, a tab, a no-break or a thin space.
SPACING = r"[ \t\u00a0\u2000-\u200a\u202f\u3000]"
# Runs of three or more spacing characters, or " | " and " • ", that separate the headlines of
# a ticker written on one line. (Both start with whitespace; the pattern says so first, which
# lets the search skip every other character fast.)
SEGMENT_SEPARATOR = re.compile(rf"\s(?:(?<={SPACING}){SPACING}{{2,}}|\s*[|•·]\s+)")
# Whitespace (and zero-width characters) trimmed from both ends of a block.
EDGE_SPACE = "\t\r\n\v\f \u00a0\u200b\u202f\u3000\ufeff" + "".join(map(chr, range(0x2000, 0x200B)))
# A non-empty line of text.
LINE = re.compile(r"[^\n]+")
# An ISO date opening a line, with or without the word "date" before it and a time after it
# (the " date 2025-07 " prefix a crawler writes before the page's first line): a block of its
# own, so that it never glues to the headline or the first paragraph.
DATE_PREFIX = re.compile(
    r"[^\S\n]*(?i:date\s*:?\s*)?(?:19|20)\d{2}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"(?=[^\S\n]+\S)"
)
# A word: a run of letters (digits and apostrophes split words: l'IA -> l, IA).
WORD = re.compile(r"[^\W\d_]+")
# A word of a line fingerprint: a run of letters and digits.
KEY_WORD = re.compile(r"[^\W_]+")
# A digit, in any script.
DIGIT = re.compile(r"\d")
# Separators of the items of a tag list: commas, semicolons, bars, or spaces before a hashtag.
TAG_SEPARATOR = re.compile(r"\s*[,;|]\s*|\s+(?=#)")
# A whitespace-separated token that holds at least one letter or digit.
TOKEN = re.compile(r"\S*[^\W_]\S*")
# French elided words, which WORD leaves without their apostrophe.
ELIDED = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"})
# One of these is in every EMBED match, lower-cased: a cheap test before the pattern's. (They
# avoid i, k and s, which the pattern also matches as the non-ASCII letters ı, İ, K and ſ.)
EMBED_HINTS = ("(@", "tter.com/", "hared", "partag")
# The end of a sentence: . ! ? … possibly followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…][\s\"'»”’)\]]*$")
# A trailing ellipsis that cuts a text short ("... de ne ...", "Centre d'invest..."), but not an
# elision in brackets ("[…]", "(...)").
TRUNCATED_END = re.compile(r"(?<![\[(])(?:\.{3,}|…)[\s\"»”]*$")
# An ellipsis followed by a short call to action with no final stop ("… En savoir plus",
# "... Read more >").
TRUNCATED_THEN_LINK = re.compile(r"(?:\.{3,}|…)\s*[\[(«]?\s*[A-ZÀ-ÖØ-Þ>→»][^.!?…]{0,40}$")
# Vocabulary of site furniture: account, cart, sharing, subscription, comment forms, cookie and
# paywall banners, "read more" links, status messages of widgets (French and English).
UI_PHRASE = re.compile(
    r"\b(?:cookies?|newsletters?|abonnez[- ]vous|inscrivez[- ]vous|connectez[- ]vous"
    r"|s['’]abonner|s['’]inscrire|se\s+connecter|mot\s+de\s+passe|password|subscribe[ds]?"
    r"|sign\s+(?:in|up)|log\s*in|panier|wish\s*list|liste\s+de\s+souhaits"
    r"|(?:add|adding|added)\s+to\s+(?:cart|basket|wish\s*list|library|favou?rites|playlist)"
    r"|ajouter\s+(?:au|à\s+la|aux)|cliquez\s+ici|click\s+here|lire\s+la\s+suite|read\s+more"
    r"|en\s+savoir\s+plus|learn\s+more|voir\s+plus|see\s+more|show\s+more|load\s+more"
    r"|tous\s+droits\s+réservés|all\s+rights\s+reserved|champs\s+obligatoires"
    r"|required\s+fields|adresse\s+(?:e-?)?mail|email\s+address|laisser\s+un\s+commentaire"
    r"|leave\s+a\s+(?:comment|reply)|^signaler|signalez|report\s+(?:this|abuse)"
    r"|déjà\s+abonné|réservé\s+aux\s+abonnés|subscribers?\s+only|already\s+a\s+subscriber"
    r"|politique\s+de\s+confidentialité|privacy\s+policy|conditions\s+(?:générales\s+)?"
    r"d['’]utilisation|terms\s+of\s+(?:use|service)|mentions\s+légales|narrated\s+by"
    r"|failed|échec\s+de|try\s+again|réessayer|javascript|your\s+browser|votre\s+navigateur"
    r"|suivez[- ]nous|follow\s+us|partager\s+sur|share\s+(?:on|this))\b",
    re.IGNORECASE,
)
# Acknowledgement messages of widgets: "Merci pour votre vote", "Thanks for your feedback".
UI_THANKS = re.compile(r"^(?:merci|thanks?\b|thank\s+you)", re.IGNORECASE)
# Names of social networks and share targets; several in one short line make a share bar.
SOCIAL = re.compile(
    r"\b(?:facebook|twitter|x\.com|linkedin|whatsapp|telegram|instagram|youtube|tiktok"
    r"|pinterest|reddit|messenger|e-?mail|imprimer|print|copier\s+le\s+lien|copy\s+link)\b",
    re.IGNORECASE,
)
# One- to three-word navigation and widget labels.
NAV_LABEL = re.compile(
    r"^(?:accueil|home|menu|recherche[rz]?|search|fermer|close|suivant|précédent|next"
    r"|previous|retour|back(?:\s+to\s+top)?|haut\s+de\s+page|partager|share|imprimer|print"
    r"|commenter|commentaires?|comments?|réagir|tweet|e-?mail|j['’]aime|like|voter?|écouter"
    r"|listen|play|pause|publicité|advertisement|sponsored|sponsorisé|annonce|ad|plus|more"
    r"|about\s+this\s+\w+|à\s+propos)\W*$",
    re.IGNORECASE,
)
# Copyright lines.
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|tous\s+droits\s+réservés|all\s+rights\s+reserved", re.I
)
# URLs, bare domains and e-mail addresses (glued ones too: "www.a.comwww.b.net").
URL_OR_DOMAIN = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|ma|fr|info|io|co|news|press|tv|online|site"
    r"|africa|eu|uk|us|de|be|ch|ca|tn|dz|sn)\b(?:/\S*)?",
    re.IGNORECASE,
)
# Embedded social posts: tweet links and signatures ("— Name (@handle) July 1, 2025"),
# Instagram captions ("A post shared by", "Une publication partagée par").
EMBED = re.compile(
    r"pic\.twitter\.com/\S+|\(@\w{1,30}\)\s*(?:\w+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\.?\s+\d{4})"
    r"|^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)|a\s+post\s+shared\s+by|publication\s+partagée\s+par",
    re.IGNORECASE,
)
# Headings of "related content" sections: "Lire aussi", "Les articles en relation",
# "Dans la même rubrique", "Related articles", "You may also like", "Tags", "Commentaires".
RELATED_CUE = re.compile(
    r"^\W*(?:(?:à\s+)?lire\s+(?:aussi|également|encore)|voir\s+aussi|(?:les\s+)?(?:articles?|"
    r"tags?|sujets?|vidéos?|contenus?)\s+(?:en\s+relation|similaires|liés|connexes|associés|"
    r"recommandés)|dans\s+la\s+même\s+(?:rubrique|catégorie)|sur\s+le\s+même\s+(?:sujet|thème)"
    r"|(?:les?\s+)?(?:plus\s+lus?|plus\s+populaires|derniers?\s+articles?|dernières\s+"
    r"(?:actualités|nouvelles|infos))|(?:à\s+la\s+une)|mots[- ]clés|tags?|étiquettes"
    r"|related(?:\s+(?:articles?|posts?|stories|news|content))?|read\s+(?:also|next|more)"
    r"|see\s+also|you\s+(?:may|might)\s+also\s+like|more\s+(?:from|on|stories|news)"
    r"|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed)|trending(?:\s+now)?"
    r"|latest\s+(?:news|articles|stories)|(?:\d+\s+)?(?:commentaires?|comments?|réactions?)"
    r"|laisser\s+un\s+commentaire|(?:ajouter|poster)\s+un\s+commentaire|réagir"
    r"|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment)\b",
    re.IGNORECASE,
)
# Inline "read also" cues, after which the article may go on (unlike "Related articles").
READ_ALSO = re.compile(
    r"^\W*(?:(?:à\s+)?lire\s+(?:aussi|également|encore)|voir\s+aussi|read\s+also|see\s+also)",
    re.IGNORECASE,
)
# Photo captions and credits: "Photo : MAP", "Crédit photo : DR", "Illustration / AFP".
CAPTION = re.compile(
    r"^\W*(?:photos?|crédits?(?:\s+photos?)?|illustration|image|ph\.|photo\s+credit)\s*[:©/|–-]",
    re.IGNORECASE,
)
# A photo credit closing a caption: "... à Rabat. DR", "... Crédit: Rachid T.", "... © MAP",
# "... (Photo MAP)", "... Ph. Y. Toumi".
CAPTION_CREDIT = re.compile(
    r"(?:[.,]\s*|\s)(?:D\.?R\.?|©\s*[^\W\d_].{0,40}|cr[ée]dits?(?:\s+photos?)?\s*:\s*\S.{1,40}"
    r"|ph(?:oto)?(?:\.\s*:?|\s*:)\s*\S.{1,30}|\((?:photos?|ph\.)[^)]{0,40}\))\s*$",
    re.IGNORECASE,
)
# French and English month names, full, abbreviated, with or without accents.
MONTH = (
    r"(?:janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|ao[uû]t"
    r"|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|october|november"
    r"|dec(?:ember)?)\.?"
)
# A calendar date: 27/02/2025, 24 - 10 - 2023, 2025-02-27, 1er mars 2025, July 1, 2025,
# optionally with a weekday and a time ("Jeudi 28 Aout 2025 à 10h30").
DATE = re.compile(
    r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}(?:er|st|nd|rd|th)?\s+" + MONTH + r"\s+\d{4}\b"
    r"|\b" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b",
    re.IGNORECASE,
)
# Words that may surround a date on a dateline: weekdays, "le", "à", times, "mis à jour".
DATELINE_FILLER = re.compile(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|le|du|à|a|at|on|the|am|pm|gmt|utc|h|mis|jour"
    r"|updated|publié|published|posted|modifié|\d{1,2}\s*[h:]\s*\d{2})\b",
    re.IGNORECASE,
)
# Bylines and datelines: "Publié dans L'opinion le ...", "Rédigé par", "Rédaction de X",
# "Mis à jour le", "Published", "Updated", "Posted", "Source :", "Le 27/02/2025".
BYLINE_CUE = re.compile(
    r"^\W*(?:publi[ée]e?|mis\s+à\s+jour|modifi[ée]e?|r[ée]dig[ée]e?|[ée]crit|r[ée]daction"
    r"|auteur|author|published|updated|posted|written|sources?\s*:|cr[ée]dits?\s*:"
    r"|propos\s+recueillis)\b",
    re.IGNORECASE,
)
# "Par Nadia Salah", "By John Smith": a name must follow (not "Par ailleurs, ...").
BY_NAME = re.compile(r"^\W*(?i:par|by)\s+(?:[A-ZÀ-ÖØ-Þ]|@)")
# The first character of a headline: a capital, a digit or an opening quote.
HEADLINE_START = re.compile(r"^[\W_]*[A-ZÀ-ÖØ-Þ0-9«\"“]")
# A headline must not end like a clause: a stop, a comma, a semicolon or a colon.
CLAUSE_END = re.compile(r"[.,;:]\s*$")
# Marks that open a list item: bullets, dashes, numbers.
LIST_MARK = re.compile(r"^(?:[-–—•*·▪►✓]|\d{1,2}[.)])\s")
# Second-person words: UI text addresses the reader.
SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos|you|your)\b", re.IGNORECASE)

# The reason given with each context-free class.
FIRST_REASON: dict[Klass, str] = {
    "good": "body",
    "near": "body",
    "short": "short",
    "bad": "low_stopwords",
}
# Reasons that end an article run (with bare related-content headings): nothing of the
# article lies on the far side of them.
STOP_REASONS = frozenset({"ticker", "tags"})
# Noise that may sit inside an article without ending it (widgets, embeds, links, teasers).
INLINE_NOISE = frozenset(
    {"ui", "embed", "urls", "footer", "caption", "related", "repeated", "truncated", "outlet_name"}
)
# Reasons a headline can never be the title for.
NOT_TITLE_REASONS = frozenset(
    {
        "ticker",
        "ui",
        "tags",
        "footer",
        "caption",
        "urls",
        "embed",
        "related",
        "repeated",
        "teaser",
        "truncated",
        "outlet_name",
    }
)


@dataclass(frozen=True)
class Block:
    """A line or ticker segment of the decoded text, with its label and the reason for it."""

    start: int
    end: int
    text: str
    label: Label
    reason: str


@dataclass(frozen=True)
class CleanResult:
    """The article body, its title, and every block with its label."""

    body: str
    title: str | None
    blocks: tuple[Block, ...]
    chars_kept: int
    chars_removed: int


@dataclass(frozen=True)
class _Features:
    """What the classifier knows about one block."""

    text: str
    n_chars: int
    n_words: int
    stop_density: float
    sentence_end: bool
    truncated: bool
    noise_reason: str | None  # a reason the block is noise whatever its context
    headline: bool
    meta: bool
    related_heading: bool
    listed: bool
    sentence_like: bool  # a full sentence: final stop, a few words, enough stop words


def split_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of text; a line of headline segments is split into them."""
    spans: list[tuple[int, int]] = []
    for line in LINE.finditer(text):
        start = line.start()
        prefix = DATE_PREFIX.match(text, start, line.end())
        if prefix is not None:
            spans.append(_trim(text, start, prefix.end()))
            start = prefix.end()
        spans.extend(_split_line(text, start, line.end()))
    return spans


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def line_key(line: str) -> str:
    """A fingerprint of a line for repetition counts: case, accents, digits, punctuation folded."""
    # Digits are replaced after the words are cut out: they are word characters either way,
    # and every letter of the line is in one of the words.
    key = DIGIT.sub("0", " ".join(KEY_WORD.findall(_fold_accents(line.casefold()))))
    return key if any(ch.isalpha() for ch in key) else ""


def block_keys(text: str) -> frozenset[str]:
    """The distinct block fingerprints of one text (what corpus repetition counts)."""
    return frozenset({line_key(text[s:e]) for s, e in split_blocks(text)} - {""})


def repeated_among(key_sets: Iterable[frozenset[str]], min_files: int = 2) -> frozenset[str]:
    """Keys present in at least min_files of the given per-text key sets."""
    if not isinstance(min_files, int) or min_files < 2:
        raise ParameterError("min_files", min_files, "an integer >= 2")
    counts: Counter[str] = Counter()
    for keys in key_sets:
        counts.update(keys)
    return frozenset(key for key, n in counts.items() if n >= min_files)


def repeated_keys(texts: Iterable[str], min_files: int = 2) -> frozenset[str]:
    """Keys of blocks found in at least min_files distinct texts of a corpus."""
    return repeated_among((block_keys(text) for text in texts), min_files)


def clean_text(
    text: str, repeated: frozenset[str] = frozenset(), language: str = "fr"
) -> CleanResult:
    """Label every block of a decoded page and keep the article body and its title."""
    stoplists = _stoplists(language)
    spans = split_blocks(text)
    if not spans:
        return CleanResult("", None, (), 0, 0)
    features = _all_features(text, spans, stoplists)
    is_repeated = _repetition(features, repeated)
    klass, reasons = _first_classes(features, is_repeated)
    klass, reasons = _smooth(features, klass, reasons)
    run = _article_run(features, klass, reasons)
    labels: list[Label] = ["noise"] * len(spans)
    if run is not None:
        for i in range(run[0], run[1] + 1):
            if klass[i] == "good":
                labels[i] = "body"
        for i in range(len(spans)):
            if klass[i] == "good" and not run[0] <= i <= run[1]:
                reasons[i] = "outside_article"
    title_index = _find_title(features, labels, reasons, run, stoplists)
    if title_index is not None:
        labels[title_index], reasons[title_index] = "title", "title"
        title_stems = _stems(features[title_index].text, _union(stoplists))
        for i in range(title_index):
            lede = title_index - i <= LEDE_WINDOW and reasons[i] in ("body", "isolated")
            if lede and _lede_of(features[i], title_stems, stoplists):
                labels[i], reasons[i] = "body", "lede"
            elif labels[i] == "body":
                labels[i], reasons[i] = "noise", "before_title"
    _label_meta(features, labels, reasons, run, title_index)
    blocks = tuple(Block(s, e, text[s:e], labels[i], reasons[i]) for i, (s, e) in enumerate(spans))
    body_blocks = [b.text for b in blocks if b.label == "body"]
    kept = sum(len(t) for t in body_blocks)
    total = sum(e - s for s, e in spans)
    title = features[title_index].text if title_index is not None else None
    return CleanResult("\n\n".join(body_blocks), title, blocks, kept, total - kept)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Trimmed spans of a line, cut at ticker separators when it is made of headlines."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for sep in SEGMENT_SEPARATOR.finditer(text, start, end):
        pieces.append((cursor, sep.start()))
        cursor = sep.end()
    if not pieces:  # no separator: the line is one block
        whole = _trim(text, start, end)
        return [whole] if whole[1] > whole[0] else []
    pieces.append((cursor, end))
    pieces = [p for p in (_trim(text, s, e) for s, e in pieces) if p[1] > p[0]]
    long_pair = len(pieces) == 2 and max(_n_words(text[s:e]) for s, e in pieces) > SEGMENT_MAX_WORDS
    sentences = sum(bool(SENTENCE_END.search(text[s:e])) for s, e in pieces)
    if len(pieces) >= 2 and not long_pair and 2 * sentences <= len(pieces):
        return pieces
    whole = _trim(text, start, end)
    return [whole] if whole[1] > whole[0] else []


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without its leading and trailing whitespace."""
    span = text[start:end]
    kept = span.lstrip(EDGE_SPACE)
    start += len(span) - len(kept)
    return start, start + len(kept.rstrip(EDGE_SPACE))


def _n_words(text: str) -> int:
    """Whitespace-separated tokens holding a letter or a digit."""
    return len(TOKEN.findall(text))


@cache
def _stoplists(language: str) -> tuple[frozenset[str], ...]:
    """jusText stop-word lists: the page language first, then the corpus's other languages."""
    names = {"fr": "French", "en": "English", "ar": "Arabic"}
    if language not in names:
        raise ParameterError("language", language, "one of 'ar', 'en', 'fr'")
    order = [language, *(code for code in names if code != language)]
    lists = [frozenset(w.casefold() for w in justext.get_stoplist(names[c])) for c in order]
    lists[order.index("fr")] = lists[order.index("fr")] | ELIDED
    return tuple(lists)


@cache
def _union(stoplists: tuple[frozenset[str], ...]) -> frozenset[str]:
    """The words of all the stop-word lists."""
    return frozenset[str]().union(*stoplists)


def _stop_density(text: str, stoplists: Sequence[frozenset[str]]) -> float:
    """Share of words that are stop words, in the best-fitting of the languages."""
    words = list(map(str.casefold, WORD.findall(text)))
    if not words:
        return 0.0
    return max(sum(map(stoplist.__contains__, words)) / len(words) for stoplist in stoplists)


def _all_features(
    text: str, spans: Sequence[tuple[int, int]], stoplists: tuple[frozenset[str], ...]
) -> list[_Features]:
    """Features of every block; segments of a many-headline line are marked as ticker."""
    per_line: Counter[int] = Counter()
    line_of = []
    line = 0
    for i, (start, _) in enumerate(spans):
        if i and "\n" in text[spans[i - 1][1] : start]:
            line += 1
        line_of.append(line)
        per_line[line] += 1
    return [
        _features(text[s:e], stoplists, per_line[line_of[i]] >= TICKER_MIN_SEGMENTS)
        for i, (s, e) in enumerate(spans)
    ]


@lru_cache(maxsize=BLOCK_CACHE_SIZE)
def _features(block: str, stoplists: tuple[frozenset[str], ...], ticker: bool) -> _Features:
    """Features of one block."""
    n_words = _n_words(block)
    ellipsis = _has_ellipsis(block)
    truncated = ellipsis and bool(TRUNCATED_END.search(block))
    sentence_end = bool(SENTENCE_END.search(block)) and not truncated
    density = _stop_density(block, stoplists)
    headline = (
        HEADLINE_MIN_WORDS <= n_words <= HEADLINE_MAX_WORDS
        and bool(HEADLINE_START.match(block))
        and not CLAUSE_END.search(block)
        and not truncated
    )
    return _Features(
        text=block,
        n_chars=len(block),
        n_words=n_words,
        stop_density=density,
        sentence_end=sentence_end,
        truncated=truncated,
        noise_reason=_noise_reason(block, n_words, ticker, ellipsis, density),
        headline=headline,
        meta=_is_meta(block, n_words, truncated),
        related_heading=_is_related_heading(block, n_words) or _is_read_also(block, n_words),
        listed=bool(LIST_MARK.match(block)),
        sentence_like=sentence_end and n_words >= 4 and density >= STOPWORDS_LOW,
    )


def _has_ellipsis(block: str) -> bool:
    """Whether the block holds "..." or "…", as every TRUNCATED_END and TRUNCATED_THEN_LINK
    match does (a cheap test before theirs)."""
    return "..." in block or "…" in block


def _noise_reason(
    block: str, n_words: int, ticker: bool, ellipsis: bool, stop_density: float
) -> str | None:
    """The reason a block is noise whatever its neighbours, or None."""
    if ticker:
        return "ticker"
    low = block.lower()
    if any(hint in low for hint in EMBED_HINTS) and EMBED.search(block):
        return "embed"
    if n_words <= 40 and COPYRIGHT.search(block):
        return "footer"
    if n_words <= UI_MAX_WORDS and CAPTION.match(block):
        return "caption"
    if n_words <= CAPTION_MAX_WORDS and CAPTION_CREDIT.search(block):
        return "caption"
    if n_words <= OUTLET_NAME_MAX_WORDS and registry_outlet(block) is not None:
        return "outlet_name"
    if _mostly_urls(block):
        return "urls"
    if ellipsis and TRUNCATED_THEN_LINK.search(block) and not SENTENCE_END.search(block):
        return "truncated"
    if (n_words <= UI_MAX_WORDS and RELATED_CUE.match(block)) or _is_read_also(block, n_words):
        return "related"
    if _is_ui(block, n_words):
        return "ui"
    if _is_tag_list(block, stop_density):
        return "tags"
    return None


def _mostly_urls(block: str) -> bool:
    """Whether half the block's non-space characters are in URLs, domains or e-mail addresses."""
    tokens = block.split()
    dense = sum(map(len, tokens))
    # A match lies inside one whitespace-separated token, and holds a dot, an @ or a colon;
    # when such tokens are too short to make half the block, the pattern need not run.
    candidates = [t for t in tokens if "." in t or "@" in t or ":" in t]
    if not dense or sum(map(len, candidates)) / dense < 0.5:
        return False
    covered = sum(len(m.group()) for t in candidates for m in URL_OR_DOMAIN.finditer(t))
    return covered / dense >= 0.5


def _is_ui(block: str, n_words: int) -> bool:
    """Widget, cart, share bar, banner or form text rather than prose."""
    if n_words > 60:
        return False
    hits = len(UI_PHRASE.findall(block))
    if n_words <= 3 and NAV_LABEL.match(block):
        return True
    if n_words <= UI_MAX_WORDS and (hits or UI_THANKS.match(block)):
        return True
    if n_words <= UI_MAX_WORDS and len(SOCIAL.findall(block)) >= 2:
        return True
    return hits >= 2 or (hits >= 1 and bool(SECOND_PERSON.search(block)))


def _is_tag_list(block: str, stop_density: float) -> bool:
    """A comma-, semicolon- or hash-separated list of short keyword phrases with no sentence."""
    if SENTENCE_END.search(block) and not block.rstrip().endswith("…"):
        return False
    items = [item for item in TAG_SEPARATOR.split(block) if item.strip()]
    if len(items) < 4:
        return False
    mean_words = sum(_n_words(item) for item in items) / len(items)
    return mean_words <= 5 and stop_density < 0.2


def _is_related_heading(block: str, n_words: int) -> bool:
    """A bare heading that opens a related-content section ("Les articles en relation")."""
    if n_words > 6:
        return False
    match = RELATED_CUE.match(block)
    if match is None:
        return False
    return not block[match.end() :].strip(" :-–—»>").strip()


def _is_read_also(block: str, n_words: int) -> bool:
    """A "Lire aussi : <headline>" line: a cue and the teaser it points to."""
    return n_words <= READ_ALSO_MAX_WORDS and READ_ALSO.match(block) is not None


def _is_meta(block: str, n_words: int, truncated: bool) -> bool:
    """A dateline or byline: a byline cue with something after it, or dates with little else
    (of any length: "Publié le 14 mars 2025 à 17:20 - Mis à jour le 15 mars 2025 à 09:02")."""
    if truncated or n_words == 0:
        return False
    if DATE.search(block) and _n_words(DATELINE_FILLER.sub(" ", DATE.sub(" ", block))) <= 2:
        return True
    if n_words > META_MAX_WORDS:
        return False
    if (BYLINE_CUE.match(block) and n_words >= 2) or BY_NAME.match(block):
        return not SENTENCE_END.search(block) or n_words <= 8
    return False


def _repetition(features: Sequence[_Features], repeated: frozenset[str]) -> list[bool]:
    """Which blocks repeat across the corpus; none if the page itself is a syndicated copy."""
    flags = [bool(repeated) and line_key(f.text) in repeated for f in features]
    good = [i for i, f in enumerate(features) if _prose_class(f) in ("good", "near")]
    good_chars = sum(features[i].n_chars for i in good)
    repeated_chars = sum(features[i].n_chars for i in good if flags[i])
    if good_chars and repeated_chars / good_chars >= DUPLICATE_SHARE:
        return [False] * len(features)
    return flags


def _prose_class(f: _Features) -> Klass:
    """The jusText class of a block from its length and stop-word density alone."""
    if f.n_chars < LENGTH_LOW:
        return "short"
    if f.stop_density >= STOPWORDS_HIGH:
        return "good" if f.n_chars > LENGTH_HIGH else "near"
    return "near" if f.stop_density >= STOPWORDS_LOW else "bad"


def _first_classes(
    features: Sequence[_Features], is_repeated: Sequence[bool]
) -> tuple[list[Klass], list[str]]:
    """Context-free class and reason of each block."""
    klass: list[Klass] = []
    reasons: list[str] = []
    for f, rep in zip(features, is_repeated, strict=True):
        if f.noise_reason:
            klass.append("bad")
            reasons.append(f.noise_reason)
        elif rep and not f.meta:
            klass.append("bad")
            reasons.append("repeated")
        elif f.truncated:
            klass.append("bad")
            reasons.append("teaser")
        else:
            k = _prose_class(f)
            klass.append(k)
            reasons.append(FIRST_REASON[k])
    return klass, reasons


def _smooth(
    features: Sequence[_Features], klass: list[Klass], reasons: list[str]
) -> tuple[list[Klass], list[str]]:
    """Resolve teasers, near-good and short blocks from their neighbours, as jusText does."""
    klass, reasons = list(klass), list(reasons)
    _mark_teaser_pairs(features, klass, reasons)
    _resolve_near(features, klass, reasons)
    _keep_lists(features, klass, reasons)
    firm = _see_through_inline_noise(features, klass, reasons)
    for i, f in enumerate(features):
        if klass[i] != "short" or f.meta:
            continue
        if _neighbour(firm, i, -1) == "good" and _neighbour(firm, i, 1) == "good":
            klass[i] = "good"
            reasons[i] = "body" if f.sentence_end else "heading"
    _drop_headline_runs(features, klass, reasons)
    _extend_edges(features, klass, reasons)
    return [k if k in ("good", "bad") else "bad" for k in klass], reasons


def _see_through_inline_noise(
    features: Sequence[_Features], klass: Sequence[Klass], reasons: Sequence[str]
) -> list[Klass]:
    """Classes for neighbour look-ups: inline widgets (an ad label, a share bar, an embedded
    post, a caption) count as short, so they do not cut the article around them."""
    return [
        "short" if reasons[i] in INLINE_NOISE and not _bare_related(f) else k
        for i, (f, k) in enumerate(zip(features, klass, strict=True))
    ]


def _bare_related(f: _Features) -> bool:
    """A related-content heading with nothing after it ("Articles similaires"), unlike an inline
    "Lire aussi : <headline>" the article may go on after."""
    return f.related_heading and _is_related_heading(f.text, f.n_words)


def _mark_teaser_pairs(
    features: Sequence[_Features], klass: list[Klass], reasons: list[str]
) -> None:
    """A headline before a truncated summary is a teaser; a lone trailing-off paragraph is not."""
    n = len(klass)
    for i in range(n - 1):
        if reasons[i + 1] == "teaser" and klass[i] in ("short", "near") and features[i].headline:
            klass[i], reasons[i] = "bad", "teaser"
    for i in range(1, n):
        prev = features[i - 1]
        if reasons[i] != "teaser" or klass[i - 1] not in ("good", "near") or not prev.sentence_like:
            continue
        if features[i].stop_density < STOPWORDS_LOW or features[i].n_chars < LENGTH_LOW:
            continue
        later = range(i + 1, min(i + 4, n))
        if not any(features[j].truncated for j in later):
            klass[i], reasons[i] = "near", "body"


def _resolve_near(features: Sequence[_Features], klass: list[Klass], reasons: list[str]) -> None:
    """Near-good blocks (and low-density sentences) next to good or near-good prose are good.

    A headline-shaped block must be between two good blocks, like a subheading: a title or a
    ticker headline right before the article is not part of it. A page with no good block
    at all keeps its near-good sentences (a short brief).
    """
    candidates = [
        i
        for i, k in enumerate(klass)
        if k == "near"
        or (reasons[i] == "low_stopwords" and (features[i].sentence_end or features[i].listed))
    ]
    prose = {
        i
        for i in candidates
        if (features[i].sentence_like or features[i].truncated) and not features[i].headline
    }
    firm = _see_through_inline_noise(features, klass, reasons)
    for i in candidates:
        firm[i] = "short" if features[i].headline else "near"
    for i in prose:
        if {_neighbour_index(firm, i, -1), _neighbour_index(firm, i, 1)} & prose:
            firm[i] = "good"
    skip = frozenset({"short", "near"})
    for i in candidates:
        if features[i].headline:
            klass[i] = "short"
        elif firm[i] == "good" or "good" in (
            _neighbour(firm, i, -1, skip),
            _neighbour(firm, i, 1, skip),
        ):
            klass[i], reasons[i] = "good", "body"
        else:
            klass[i] = "bad"
            reasons[i] = "low_stopwords" if reasons[i] == "low_stopwords" else "isolated"
    if "good" not in klass:
        for i in prose:
            klass[i], reasons[i] = "good", "body"


def _neighbour_index(
    klass: Sequence[Klass], i: int, step: int, skip: frozenset[str] = frozenset({"short"})
) -> int | None:
    """Index of the nearest block before (step -1) or after (step 1) i not of a skipped class."""
    j = i + step
    while 0 <= j < len(klass):
        if klass[j] not in skip:
            return j
        j += step
    return None


def _neighbour(
    klass: Sequence[Klass], i: int, step: int, skip: frozenset[str] = frozenset({"short"})
) -> Klass:
    """Class of that nearest block; the page edges count as bad."""
    j = _neighbour_index(klass, i, step, skip)
    return "bad" if j is None else klass[j]


def _keep_lists(features: Sequence[_Features], klass: list[Klass], reasons: list[str]) -> None:
    """Short items right after a good line ending with a colon are list items of the article."""
    for i in range(1, len(klass)):
        if klass[i] != "short" or features[i].meta:
            continue
        after_prose = klass[i - 1] in ("good", "near") or reasons[i - 1] == "list"
        item = after_prose and features[i - 1].text.endswith(":")
        next_item = reasons[i - 1] == "list" and features[i].listed == features[i - 1].listed
        opener = (
            after_prose and features[i].text.endswith(":") and _listed_short(features, klass, i + 1)
        )
        if item or next_item or opener:
            klass[i], reasons[i] = "good", "list"


def _listed_short(features: Sequence[_Features], klass: Sequence[Klass], i: int) -> bool:
    """Whether block i exists, is short and is marked as a list item."""
    return i < len(klass) and klass[i] == "short" and features[i].listed


def _drop_headline_runs(
    features: Sequence[_Features], klass: list[Klass], reasons: list[str]
) -> None:
    """More than MAX_HEADING_RUN rescued short blocks in a row are a headline list."""
    i = 0
    while i < len(klass):
        j = i
        while j < len(klass) and _rescued_short(features[j], reasons[j]):
            j += 1
        if j - i > MAX_HEADING_RUN and not all(features[k].listed for k in range(i, j)):
            for k in range(i, j):
                klass[k], reasons[k] = "bad", "headlines"
        i = max(j, i + 1)


def _rescued_short(f: _Features, reason: str) -> bool:
    """A short block kept as a subheading or a short sentence of the article."""
    return reason in ("heading", "body") and f.n_chars < LENGTH_LOW


def _extend_edges(features: Sequence[_Features], klass: list[Klass], reasons: list[str]) -> None:
    """Short full sentences just before or after the article belong to it."""
    for step in (1, -1):
        order = range(len(klass)) if step == 1 else range(len(klass) - 1, -1, -1)
        for i in order:
            j = i - step
            if not 0 <= j < len(klass) or klass[j] != "good" or klass[i] != "short":
                continue
            if features[i].sentence_like and not features[i].meta:
                klass[i], reasons[i] = "good", "body"


def _article_run(
    features: Sequence[_Features], klass: Sequence[Klass], reasons: Sequence[str]
) -> tuple[int, int] | None:
    """First and last index of the run of good blocks with the most text, or None."""
    runs: list[tuple[int, int, int]] = []  # (first, last, good chars)
    last_good: int | None = None
    for i, k in enumerate(klass):
        if k != "good":
            continue
        if last_good is not None and not _breaks(features, klass, reasons, last_good, i):
            first, _, chars = runs[-1]
            runs[-1] = (first, i, chars + features[i].n_chars)
        else:
            runs.append((i, i, features[i].n_chars))
        last_good = i
    if not runs:
        return None
    first, last, _ = max(runs, key=lambda run: run[2] * _related_discount(features, runs, run))
    return first, last


def _related_discount(
    features: Sequence[_Features], runs: Sequence[tuple[int, int, int]], run: tuple[int, int, int]
) -> float:
    """Weight of a run: halved when it follows a substantial run and a related-content heading."""
    for _, last, chars in runs:
        if last >= run[0] or chars < RELATED_RUN_MIN_CHARS:
            continue
        if any(features[i].related_heading for i in range(last + 1, run[0])):
            return 0.5
    return 1.0


def _breaks(
    features: Sequence[_Features], klass: Sequence[Klass], reasons: Sequence[str], a: int, b: int
) -> bool:
    """Whether the blocks between good blocks a and b separate two runs."""
    if b - a - 1 > MAX_GAP_BLOCKS:
        return True
    for i in range(a + 1, b):
        if reasons[i] in STOP_REASONS:
            return True
        resumes = READ_ALSO.match(features[i].text) and _article_resumes(klass, reasons, b)
        if features[i].related_heading and not resumes:
            return True
    return False


def _article_resumes(klass: Sequence[Klass], reasons: Sequence[str], b: int) -> bool:
    """Whether the article goes on at b after a cue: two body paragraphs among the blocks from
    b (a subheading may come first)."""
    following = [i for i in range(b, min(b + 3, len(klass))) if klass[i] == "good"]
    return sum(reasons[i] == "body" for i in following) >= 2


def _find_title(
    features: Sequence[_Features],
    labels: list[Label],
    reasons: Sequence[str],
    run: tuple[int, int] | None,
    stoplists: tuple[frozenset[str], ...],
) -> int | None:
    """Index of the headline of the article: before the run, sharing words with the body."""
    if run is None:
        return None
    first = run[0]
    stopwords = _union(stoplists)
    body = " ".join(f.text for f, label in zip(features, labels, strict=True) if label == "body")
    body_stems = _stems(body, stopwords)
    candidates = [
        i
        for i in range(max(0, first - TITLE_WINDOW), min(first + 3, run[1]))
        if _title_shaped(features, reasons, i) and (i <= first or _followed_by_meta(features, i))
    ]
    best: tuple[float, int] | None = None
    for i in candidates:
        stems = _stems(features[i].text, stopwords)
        shared = len(stems & body_stems)
        if not stems or shared < min(2, len(stems)) or shared / len(stems) < TITLE_MIN_OVERLAP:
            continue
        score = shared / len(stems) + 0.02 * min(shared, 5) - 0.01 * abs(first - i)
        if best is None or score > best[0]:
            best = (score, i)
    if best is not None:
        return best[1]
    j = first - 1
    while j >= 0 and (features[j].meta or reasons[j] == "caption"):
        j -= 1
    # Right above the article, a headline that other pages repeat (as a teaser) is still this
    # page's own.
    if j < 0 or not _title_shaped(features, reasons, j, own_place=True):
        return None
    in_headline_list = j >= 2 and features[j - 1].headline and features[j - 2].headline
    shares_words = bool(_stems(features[j].text, stopwords) & body_stems)
    return j if shares_words and not in_headline_list else None


def _lede_of(f: _Features, title_stems: set[str], stoplists: tuple[frozenset[str], ...]) -> bool:
    """A paragraph placed above its own headline (a lede): full prose sharing at least
    LEDE_MIN_SHARED content words with the title."""
    shared = _stems(f.text, _union(stoplists)) & title_stems
    return f.sentence_like and len(shared) >= LEDE_MIN_SHARED


def _title_shaped(
    features: Sequence[_Features], reasons: Sequence[str], i: int, own_place: bool = False
) -> bool:
    """A headline-shaped block that is no ticker, teaser, widget or repeated line (a repeated
    line may be the title in its own place, right above the article)."""
    f = features[i]
    excluded = NOT_TITLE_REASONS - {"repeated"} if own_place else NOT_TITLE_REASONS
    return f.headline and not f.meta and reasons[i] not in excluded


def _followed_by_meta(features: Sequence[_Features], i: int) -> bool:
    """Whether one of the two blocks after i is a dateline or byline."""
    return any(features[j].meta for j in range(i + 1, min(i + 3, len(features))))


def _stems(text: str, stopwords: frozenset[str]) -> set[str]:
    """Accent-free leading letters of the content words of a text (each distinct word once)."""
    words = set(map(str.casefold, set(WORD.findall(text))))
    return {
        _fold_accents(low)[:STEM_LENGTH] for low in words if len(low) >= 3 and low not in stopwords
    }


def _label_meta(
    features: Sequence[_Features],
    labels: list[Label],
    reasons: list[str],
    run: tuple[int, int] | None,
    title_index: int | None,
) -> None:
    """Label datelines and bylines near the article as meta (never ticker or teaser lines)."""
    if run is None:
        return
    low = run[0] - META_WINDOW if title_index is None else title_index - 2
    high = min(len(features) - 1, run[1] + META_WINDOW)
    after = range(run[1] + 1, high + 1)
    high = next((i - 1 for i in after if features[i].related_heading), high)
    for i in range(max(0, low), high + 1):
        f = features[i]
        if f.meta and labels[i] == "noise" and reasons[i] not in ("ticker", "teaser", "embed"):
            labels[i], reasons[i] = "meta", "meta"
