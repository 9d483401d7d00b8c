"""Which news outlet published an article, and when, from its meta lines and its URL."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from helpers.text.normalize import fold

# The packaged registry of outlets: name, domains (space-separated), aliases ("|"-separated),
# country (ISO 3166 code, empty when unknown).
REGISTRY_FILE = "resources/outlets.csv"

# Aggregators and republishers: the site that republishes is not the outlet. Each domain
# maps to a pattern whose group `outlet` takes the original outlet from the URL path, or to
# None when the path never names it. A subdomain matches its parent (fr.news.yahoo.com).
AGGREGATORS: dict[str, re.Pattern[str] | None] = {
    # maghress.com/fr/lopinion/12345, maghress.com/lematin/12345
    "maghress.com": re.compile(r"^/(?:(?:fr|ar|en)/)?(?P<outlet>[a-z][a-z0-9_-]*)/\d+"),
    # menara.ma/fr/<outlet>/<id> when the partner is named, else nothing
    "menara.ma": re.compile(r"^/(?:(?:fr|ar|en)/)?(?P<outlet>[a-z][a-z0-9_-]*)/\d+"),
    # pressreader.com/<country>/<newspaper>/<yyyymmdd>/...
    "pressreader.com": re.compile(r"^/[a-z-]+/(?P<outlet>[a-z0-9][a-z0-9-]*)/\d{8}"),
    # allafrica.com/stories/<yyyymmdd><id>.html: the original outlet is named in the text
    "allafrica.com": None,
    "news.google.com": None,
    "msn.com": None,
    "yahoo.com": None,
    "flipboard.com": None,
    "newsnow.co.uk": None,
    "feedly.com": None,
}

# Query parameters through which an aggregator link carries the original article's URL.
REDIRECT_PARAMS = ("url", "u", "q")

# Second-level labels under which a country code registers names (bbc.co.uk, gov.ma).
GENERIC_SLDS = frozenset({"co", "com", "org", "net", "gov", "gouv", "ac", "edu", "press"})

# One DNS label: letters, digits and inner hyphens.
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

# "Publié dans Maroc Diplomatique le 02 - 07 - 2025", "Published in Morocco World News on ...";
# never "publié par" / "published by", which introduce a person.
PUBLISHED_IN = re.compile(
    r"\b(?:publi[ée]e?|paru)\s+(?:dans|sur)\s+(?P<outlet>.+?)"
    r"(?:\s+(?:le|du|en)\s+\d.*|\s+[-–—]\s+.*|\s*[|,(].*|\s*$)"
    r"|\bpublished\s+in\s+(?P<outlet_en>.+?)"
    r"(?:\s+on\s+.*|\s+\d.*|\s+[-–—]\s+.*|\s*[|,(].*|\s*$)",
    re.IGNORECASE,
)

# "Source : MAP", "Source: Le Matin", "Sources : AFP" (a value up to a separator).
SOURCE_LINE = re.compile(r"^\s*sources?\s*:\s*(?P<outlet>[^|,;()]+?)\s*(?:[|,;(].*)?$", re.I)

# "Rédaction de lanouvelletribune", "La rédaction de Hespress", "Rédaction Le360".
NEWSROOM = re.compile(
    r"^\s*(?:la\s+)?r[ée]daction\s+(?:de\s+|d['’]\s*)?(?P<outlet>\S.*?)\s*$", re.I
)

# "© 2025 Hespress. Tous droits réservés", "Copyright © 2024-2025 Morocco World News".
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?[-–:,]?\s*"
    r"(?P<outlet>.+?)\s*$",
    re.I,
)

# What trails an outlet name in a copyright line: rights notices, years, a full stop.
COPYRIGHT_TAIL = re.compile(
    r"(?:[.,|–-]\s*|\s+)(?:tous\s+droits|all\s+rights|droits\s+r[ée]serv|\d{4}\b).*$"
    r"|\.\s.*$|\.$",
    re.I,
)

# A rights notice where a copyright line's name would be: "© Tous droits réservés".
RIGHTS_NOTICE = re.compile(r"\s*(?:tous\s+droits|all\s+rights|droits\s+r[ée]serv)", re.I)

# A source credit: an outlet's name and its city in brackets, "LeBrief (Casablanca)".
SOURCE_CREDIT = re.compile(r"^\s*(?P<outlet>[^()]{2,40}?)\s*\([^\W\d_][^()]{1,30}\)\s*$")

# A news agency's credit in a dateline: "Rabat, 2 juillet (MAP) -", "(AFP)".
AGENCY_DATELINE = re.compile(r"\((?P<outlet>MAP|AFP|Reuters|AP|EFE|APS|Xinhua|Anadolu|dpa)\)")

# Leading words that make a name a person byline or a generic credit, not an outlet.
NOT_AN_OUTLET = re.compile(
    r"^(?:par|by|de|with|avec|la\s+r[ée]daction|r[ée]daction|agences?|notre|nos|"
    r"[ée]quipe|staff|auteurs?|author|journaliste|correspondant|reporter|"
    r"(?:la\s+)?rubrique|(?:la\s+)?cat[ée]gorie|section)\b",
    re.I,
)

# A name with at least one letter (any script).
HAS_LETTER = re.compile(r"[^\W\d_]")

# /2025/07/01/ in a path: year, month, day between slashes.
PATH_YMD = re.compile(r"(?<!\d)/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=/|$|\D)")

# 2025-08-28, 2025_08_28 or 20250828 as a token of the path (not inside a longer number).
TOKEN_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[-_]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)"
)

# A path segment of digits that opens with a yyyymmdd glued to an id: /stories/202311150318.html.
GLUED_YMD = re.compile(
    r"/(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})\d{2,8}(?=\.[a-z]+(?:$|[?#])|/|$|[?#])"
)

# /2025/07/ in a path: year and month only (not the start of an invalid /2025/02/30/).
PATH_YM = re.compile(r"(?<!\d)/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})(?=/(?!\d{1,2}(?:/|$))|$)")

MAX_OUTLET_WORDS = 6
MAX_OUTLET_CHARS = 60

# Anything but a letter or a digit: dropped from the keys names are compared on.
NOT_ALNUM = re.compile(r"[\W_]+")

# Separators between a byline's parts: "Par Nadia Salah – Le Matin", "Par LeSiteinfo avec MAP".
BYLINE_PARTS = re.compile(r"\s+(?:[-–—|/,]|avec|with|et|and)\s+|\s*[|/,]\s*", re.I)
# The cue that opens a byline.
BYLINE_START = re.compile(r"^\W*(?:par|by|r[ée]dig[ée]e?\s+par|[ée]crit\s+par)\s+", re.I)
# A site-name line is at most this many words, looked for in this many lines at each end.
SITE_NAME_MAX_WORDS = 5
SITE_NAME_LINES = 6

# Words a domain name is cut into to be read ("examplenews" -> "Example News"): the common
# words of outlet names, French and English.
DOMAIN_WORDS = frozenset(
    [
        "actu",
        "actus",
        "actualite",
        "actualites",
        "afrique",
        "africa",
        "african",
        "africain",
        "arab",
        "arabe",
        "atlas",
        "avenir",
        "bourse",
        "business",
        "buzz",
        "capital",
        "city",
        "courrier",
        "daily",
        "digital",
        "direct",
        "eco",
        "economie",
        "economique",
        "economiste",
        "echo",
        "echos",
        "entreprise",
        "entreprises",
        "example",
        "express",
        "finance",
        "finances",
        "flash",
        "focus",
        "forum",
        "france",
        "gazette",
        "green",
        "hebdo",
        "info",
        "infos",
        "inside",
        "invest",
        "journal",
        "jour",
        "la",
        "le",
        "les",
        "de",
        "des",
        "du",
        "et",
        "leaders",
        "libre",
        "live",
        "mag",
        "magazine",
        "maghreb",
        "marche",
        "maroc",
        "media",
        "medias",
        "mena",
        "monde",
        "morocco",
        "nation",
        "national",
        "net",
        "new",
        "news",
        "nord",
        "north",
        "nouvelle",
        "nouvelles",
        "observateur",
        "ocean",
        "oceans",
        "online",
        "opinion",
        "panorama",
        "plus",
        "post",
        "presse",
        "press",
        "quotidien",
        "radio",
        "reporter",
        "revue",
        "sahara",
        "site",
        "soir",
        "soleil",
        "south",
        "sud",
        "star",
        "sun",
        "tech",
        "tele",
        "times",
        "today",
        "tribune",
        "tv",
        "une",
        "web",
        "week",
        "world",
        "zone",
    ]
)
# What one word costs when a domain label is cut into words (a letter outside known words
# costs one): a known word is carved out of a longer unknown run only when it is long enough.
WORD_COST = 4
# A vowel: a domain word without one is an acronym ("mcg24" -> "MCG24").
VOWEL = re.compile(r"[aeiouy]")
# Words written in capitals in a readable domain name.
DOMAIN_ACRONYMS = frozenset({"tv", "fm", "ia", "ai"})


@dataclass(frozen=True)
class Outlet:
    """One row of the registry: how readers name the outlet, its domains and its country."""

    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class Registry:
    """The outlets by domain, by name key (name and aliases) and by slug."""

    by_domain: dict[str, Outlet]
    by_key: dict[str, Outlet]  # names and aliases, as a text writes them
    by_slug: dict[str, Outlet]  # also domains and their first label, as a URL path writes them


def find_outlet(meta_lines: Sequence[str]) -> str | None:
    """Return the outlet named in byline, dateline or footer lines, or None (as written there,
    or under its registry name when the registry knows it)."""
    lines = [_clean_line(line) for line in meta_lines if line and line.strip()]
    # An explicit "published in" names the original outlet; a copyright names the host site.
    extractors = (
        _from_published_in,
        _from_source,
        _from_newsroom,
        _from_byline,
        _from_source_credit,
        _from_copyright,
        _from_agency,
    )
    for extract in extractors:
        for line in lines:
            name = extract(line)
            if name is not None:
                return display_name(name)
    return None


def find_site_name(lines: Sequence[str]) -> str | None:
    """The registry name of an outlet whose name stands alone on a line at the top or the
    bottom of the page (a site-name or logo line), or None."""
    short = [line for line in lines if line.strip()]
    ends = short[:SITE_NAME_LINES] + short[-SITE_NAME_LINES:]
    for line in ends:
        if len(line.split()) <= SITE_NAME_MAX_WORDS:
            outlet = registry_outlet(line)
            if outlet is not None:
                return outlet.name
    return None


def outlet_from_url(url: str) -> str | None:
    """The outlet's name read from a URL: the registry's name, or a readable form of the domain
    (or of the original outlet's slug, for an aggregator link); None when the URL names none."""
    known = outlet_of_url(url)
    if known is not None:
        return known.name
    site = _site_of_url(url)
    return readable_name(site) if site else None


def outlet_of_url(url: str) -> Outlet | None:
    """The registry's outlet behind a URL (the original outlet for an aggregator link)."""
    site = _site_of_url(url)
    if site is None:
        return None
    if "." in site:
        return registry_outlet_by_host(site)
    return load_registry().by_slug.get(name_key(site))


def _site_of_url(url: str) -> str | None:
    """The host of a URL, or the original outlet's host or slug for an aggregator link."""
    parts = _split_url(url)
    if parts is None:
        return None
    host, path, query = parts
    aggregator = _aggregator_of(host)
    if aggregator is None:
        return host
    for key in REDIRECT_PARAMS:
        for value in parse_qs(query).get(key, []):
            if value.startswith(("http://", "https://")):
                return _site_of_url(value)
    pattern = AGGREGATORS[aggregator]
    match = pattern.match(path.lower()) if pattern is not None else None
    return match.group("outlet") if match else None


def registry_outlet_by_host(host: str) -> Outlet | None:
    """The registry's outlet of a host or of its closest parent domain (fr.le360.ma)."""
    labels = host.lower().removeprefix("www.").split(".")
    by_domain = load_registry().by_domain
    for i in range(len(labels) - 1):
        outlet = by_domain.get(".".join(labels[i:]))
        if outlet is not None:
            return outlet
    return None


def registry_outlet(name: str) -> Outlet | None:
    """The registry's outlet a name, an alias or a slug stands for, or None."""
    return load_registry().by_key.get(name_key(name))


def display_name(name: str) -> str:
    """How readers name an outlet: the registry's name for a known name, alias, slug or
    domain; a readable form of an unknown domain; otherwise the name as written."""
    outlet = registry_outlet(name)
    if outlet is None and "." in name and " " not in name.strip():
        outlet = registry_outlet_by_host(name.strip())
        if outlet is None:
            return readable_name(name.strip())
    return outlet.name if outlet is not None else name


def readable_name(site: str) -> str:
    """A readable name for an unknown site: "examplenews.ma" -> "Example News",
    "le-matin" -> "Le Matin"; the registered domain's first label, cut into known words."""
    host = site.lower().removeprefix("www.")
    label = _registered_domain(host).split(".")[0] if "." in host else host
    words = [w for part in re.split(r"[-_]+", label) for w in _segment(part) if w]
    return " ".join(_capitalised(word) for word in words) or site


def outlet_country(name: str | None) -> str | None:
    """The country (ISO code) of an outlet known to the registry, or None."""
    outlet = registry_outlet(name) if name else None
    return outlet.country if outlet is not None else None


def name_key(name: str) -> str:
    """The key names are compared on: accents, case, spaces and punctuation dropped."""
    return NOT_ALNUM.sub("", fold(unicodedata.normalize("NFC", name)))


@cache
def load_registry() -> Registry:
    """The packaged outlet registry, indexed by domain and by name key."""
    text = resources.files("helpers").joinpath(REGISTRY_FILE).read_text(encoding="utf-8")
    by_domain: dict[str, Outlet] = {}
    by_key: dict[str, Outlet] = {}
    by_slug: dict[str, Outlet] = {}
    for row in csv.DictReader(text.splitlines()):
        outlet = Outlet(
            name=row["name"].strip(),
            domains=tuple(row["domains"].split()),
            aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
            country=row["country"].strip() or None,
        )
        for domain in outlet.domains:
            by_domain.setdefault(domain.lower(), outlet)
        stems = [domain.split(".")[0] for domain in outlet.domains if domain.count(".") == 1]
        for key in map(name_key, (outlet.name, *outlet.aliases)):
            if key:
                by_key.setdefault(key, outlet)
                by_slug.setdefault(key, outlet)
        for key in map(name_key, (*outlet.domains, *stems)):
            if key:
                by_slug.setdefault(key, outlet)
    return Registry(by_domain, by_key, by_slug)


def _segment(label: str) -> list[str]:
    """Cut a domain label into known words where it can ("lanouvelletribune" -> ["la",
    "nouvelle", "tribune"]): each word costs WORD_COST, each letter outside known words one."""
    n = len(label)
    # best[i][u]: (cost, words) of label[:i], u = whether its last word is an unknown run.
    best: list[list[tuple[int, list[str]] | None]] = [[None, None] for _ in range(n + 1)]
    best[0][0] = (0, [])
    for start in range(n):
        for unknown_before in (0, 1):
            prev = best[start][unknown_before]
            if prev is None:
                continue
            for end in range(start + 1, n + 1):
                piece = label[start:end]
                known = piece in DOMAIN_WORDS or piece.isdigit()
                if not known and unknown_before:
                    continue  # two unknown runs in a row are one run
                cost = prev[0] + WORD_COST + (0 if known else len(piece))
                slot = best[end][0 if known else 1]
                if slot is None or cost < slot[0]:
                    best[end][0 if known else 1] = (cost, [*prev[1], piece])
    found = [c for c in best[n] if c is not None]
    return min(found, key=lambda c: c[0])[1] if found else [label]


def _capitalised(word: str) -> str:
    """A word of a readable domain name: acronyms (and vowel-less runs, "mcg24") in capitals,
    other words with a capital."""
    if word in DOMAIN_ACRONYMS or not VOWEL.search(word):
        return word.upper()
    return word[:1].upper() + word[1:]


def date_from_url(url: str) -> str | None:
    """Return the ISO date (or year-month) written in a URL's path, validated, or None."""
    parts = _split_url(url)
    where = f"{parts[1]}?{parts[2]}" if parts is not None else url
    for pattern in (PATH_YMD, TOKEN_YMD, GLUED_YMD):
        for match in pattern.finditer(where):
            iso = _iso_date(int(match["y"]), int(match["m"]), int(match["d"]))
            if iso is not None:
                return iso
    for match in PATH_YM.finditer(where):
        if 1 <= int(match["m"]) <= 12:
            return f"{match['y']}-{int(match['m']):02d}"
    return None


def is_aggregator(url: str) -> bool:
    """Return True when the URL belongs to a known aggregator or republisher."""
    parts = _split_url(url)
    return parts is not None and _aggregator_of(parts[0]) is not None


def _clean_line(line: str) -> str:
    """Normalise Unicode and whitespace in one meta line."""
    return " ".join(unicodedata.normalize("NFC", line).split())


def _from_published_in(line: str) -> str | None:
    """Outlet from a "Publié dans X le ..." / "Published in X on ..." line."""
    match = PUBLISHED_IN.search(line)
    if match is None:
        return None
    return _valid_outlet(match["outlet"] or match["outlet_en"])


def _from_source(line: str) -> str | None:
    """Outlet from a "Source : X" line."""
    match = SOURCE_LINE.match(line)
    if match is None:
        return None
    value = match["outlet"]
    if "." in value and " " not in value:
        return outlet_from_url(value) or _valid_outlet(value)
    return _valid_outlet(value)


def _from_newsroom(line: str) -> str | None:
    """Outlet from a "Rédaction de X" line."""
    match = NEWSROOM.match(line)
    return _valid_outlet(match["outlet"]) if match else None


def _from_byline(line: str) -> str | None:
    """Outlet named in a byline ("Par Nadia Salah – Le Matin", "Par LeSiteinfo avec MAP"),
    when the registry knows it (a person's name is never taken for an outlet)."""
    match = BYLINE_START.match(line)
    if match is None:
        return None
    for part in BYLINE_PARTS.split(line[match.end() :]):
        outlet = registry_outlet(part.strip(" .:;"))
        if outlet is not None:
            return outlet.name
    return None


def _from_copyright(line: str) -> str | None:
    """Outlet from a "© 2025 X. Tous droits réservés" line, unless X is an aggregator."""
    match = COPYRIGHT.search(line)
    if match is None:
        return None
    if RIGHTS_NOTICE.match(match["outlet"]):
        # "Al Bayane © Tous droits réservés": the name stands before the sign.
        name = _valid_outlet(line[: match.start()])
    else:
        name = _valid_outlet(COPYRIGHT_TAIL.sub("", match["outlet"]))
    if name is None or _is_aggregator_name(name):
        return None
    return name


def _from_source_credit(line: str) -> str | None:
    """Outlet credited with its city, "Infomédiaire (Casablanca)", when the registry knows it."""
    match = SOURCE_CREDIT.match(line)
    outlet = registry_outlet(match["outlet"]) if match else None
    return outlet.name if outlet is not None else None


def _from_agency(line: str) -> str | None:
    """Agency credited in a dateline such as "Rabat, 2 juillet (MAP) -"."""
    match = AGENCY_DATELINE.search(line)
    return match["outlet"] if match else None


def _valid_outlet(raw: str | None) -> str | None:
    """Trim a candidate name; None when it is a person byline, generic or implausible."""
    if raw is None:
        return None
    name = raw.strip(" \t-–—:;,.\"'«»“”")
    if not name or not HAS_LETTER.search(name) or NOT_AN_OUTLET.match(name):
        return None
    if len(name) > MAX_OUTLET_CHARS or len(name.split()) > MAX_OUTLET_WORDS:
        return None
    return name


def _is_aggregator_name(name: str) -> bool:
    """True when a display name is the brand of a known aggregator (Maghress, MSN...)."""
    key = re.sub(r"\W", "", name.lower())
    brands = {domain.split(".")[-2] for domain in AGGREGATORS}
    return any(key.startswith(brand) for brand in brands)


def _split_url(url: str) -> tuple[str, str, str] | None:
    """Return (host, path, query) of a URL with or without scheme, or None if invalid."""
    text = url.strip()
    if not text or any(ch.isspace() for ch in text):
        return None
    if "//" not in text:
        text = "//" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    labels = host.split(".")
    if len(labels) < 2 or not all(HOST_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():
        return None
    return host, parts.path, parts.query


def _aggregator_of(host: str) -> str | None:
    """The AGGREGATORS key that a host belongs to, if any."""
    for domain in sorted(AGGREGATORS, key=len, reverse=True):
        if host == domain or host.endswith("." + domain):
            return domain
    return None


def _registered_domain(host: str) -> str:
    """The registered domain of a host: fr.le360.ma -> le360.ma, www.bbc.co.uk -> bbc.co.uk."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in GENERIC_SLDS else 2
    return ".".join(labels[-keep:])


def _iso_date(year: int, month: int, day: int) -> str | None:
    """ISO string of a real calendar date, or None."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
