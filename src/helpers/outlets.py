"""Which news outlet published an article, and when, from its meta lines and its URL."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date
from urllib.parse import parse_qs, urlsplit

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

# /2025/07/ in a path: year and month only (not the start of an invalid /2025/02/30/).
PATH_YM = re.compile(r"(?<!\d)/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})(?=/(?!\d{1,2}(?:/|$))|$)")

MAX_OUTLET_WORDS = 6
MAX_OUTLET_CHARS = 60


def find_outlet(meta_lines: Sequence[str]) -> str | None:
    """Return the outlet named in byline, dateline or footer lines, or None."""
    lines = [_clean_line(line) for line in meta_lines if line and line.strip()]
    # An explicit "published in" names the original outlet; a copyright names the host site.
    extractors = (_from_published_in, _from_source, _from_newsroom, _from_copyright, _from_agency)
    for extract in extractors:
        for line in lines:
            name = extract(line)
            if name is not None:
                return name
    return None


def outlet_from_url(url: str) -> str | None:
    """Return the outlet's registered domain, or the original outlet for an aggregator link."""
    parts = _split_url(url)
    if parts is None:
        return None
    host, path, query = parts
    aggregator = _aggregator_of(host)
    if aggregator is None:
        return _registered_domain(host)
    for key in REDIRECT_PARAMS:
        for value in parse_qs(query).get(key, []):
            if value.startswith(("http://", "https://")):
                return outlet_from_url(value)
    pattern = AGGREGATORS[aggregator]
    match = pattern.match(path.lower()) if pattern is not None else None
    return match.group("outlet") if match else None


def date_from_url(url: str) -> str | None:
    """Return the ISO date (or year-month) written in a URL's path, validated, or None."""
    parts = _split_url(url)
    where = f"{parts[1]}?{parts[2]}" if parts is not None else url
    for pattern in (PATH_YMD, TOKEN_YMD):
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


def _from_copyright(line: str) -> str | None:
    """Outlet from a "© 2025 X. Tous droits réservés" line, unless X is an aggregator."""
    match = COPYRIGHT.search(line)
    if match is None:
        return None
    name = _valid_outlet(COPYRIGHT_TAIL.sub("", match["outlet"]))
    if name is None or _is_aggregator_name(name):
        return None
    return name


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
