"""Near-duplicate articles: word 5-gram shingles, MinHash with LSH banding, exact confirmation.

Candidates come from MinHash signatures (128 hash functions, fixed seed) split into bands;
two texts sharing a band are compared exactly on their shingle sets. A pair is a duplicate
when its Jaccard similarity reaches the threshold, or when the texts have about the same
length and the shorter one's shingles are contained in the other at the threshold (a
republished dispatch with its own title and header, one sentence reworded).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np
import numpy.typing as npt

from helpers.errors import ParameterError
from helpers.text.normalize import fold

SHINGLE_WORDS = 5
NUM_PERMUTATIONS = 128
MINHASH_SEED = 20250701

# Containment counts only when the shorter text has at least this share of the longer one's
# shingles (same-length republications, not teasers).
MIN_SIZE_RATIO = 0.8

# Probability that a pair at the decisive similarity becomes an LSH candidate.
TARGET_RECALL = 0.99

# A candidate pair is checked exactly only if its signatures' agreement is at least the
# decisive Jaccard minus this margin (over 4 standard errors of the estimate).
ESTIMATE_MARGIN = 0.2
# Candidate pairs compared per numpy block.
PAIR_BLOCK = 65536

# Word hashes remembered per process (a corpus reuses most of its vocabulary), at most this many.
MAX_REMEMBERED_WORDS = 1_000_000
_WORD_HASHES: dict[str, int] = {}

# Shingles hashed per block when computing a signature (bounds memory on very long texts).
BLOCK = 4096

# A run of letters or digits (underscores are turned into spaces first).
WORD = re.compile(r"\w+")

UInt64Array = npt.NDArray[np.uint64]
# (first, second) row pairs of indices, first < second.
IndexPairs = npt.NDArray[np.int64]
# The signature of a text without shingles: no minimum was ever taken.
EMPTY = np.iinfo(np.uint64).max

_MASK64 = (1 << 64) - 1
# Odd multipliers of the polynomial that rolls word hashes into a 5-gram hash.
_ROLL = np.array(
    [pow(0x9E3779B97F4A7C15, i + 1, 1 << 64) | 1 for i in range(SHINGLE_WORDS)], dtype=np.uint64
)
# Odd multipliers that fold the rows of one band into a single key.
_BAND_MULTIPLIERS = np.array(
    [pow(0xD6E8FEB86659FD93, i + 1, 1 << 64) | 1 for i in range(16)], dtype=np.uint64
)


def find_duplicates(
    texts: Mapping[str, str],
    threshold: float = 0.8,
    order: Sequence[str] | None = None,
    signatures: Mapping[str, Sequence[int]] | None = None,
) -> dict[str, str | None]:
    """Map each key to the earliest (in `order`) text it near-duplicates, or None. Signatures
    computed earlier (text_signature, e.g. in the per-article pass) are used when given."""
    if not 0.0 < threshold <= 1.0:
        raise ParameterError("threshold", threshold, "a number in (0, 1]")
    keys = _ordered_keys(texts, order)
    result: dict[str, str | None] = dict.fromkeys(keys)
    if not keys:
        return result
    known = signatures or {}
    matrix = np.array(
        [known[key] if key in known else text_signature(texts[key]) for key in keys],
        dtype=np.uint64,
    )
    floor = _decisive_jaccard(threshold)
    pairs = _plausible(_candidate_pairs(matrix, _rows_per_band(floor)), matrix, floor)

    @cache
    def shingles(index: int) -> UInt64Array:
        return shingle_hashes(texts[keys[index]])

    earlier: dict[int, list[int]] = defaultdict(list)
    for first, second in pairs.tolist():
        if _is_duplicate(shingles(first), shingles(second), threshold):
            earlier[second].append(first)
    for index, key in enumerate(keys):
        if earlier[index]:
            target = keys[min(earlier[index])]
            result[key] = result[target] or target
    return result


def text_signature(text: str) -> list[int]:
    """MinHash signature of a text's shingles, as plain integers (JSON- and pickle-friendly);
    a text with no word gets the empty signature (every value at the maximum)."""
    return [int(v) for v in minhash_signature(shingle_hashes(text))]


def shingle_hashes(text: str) -> UInt64Array:
    """Sorted unique 64-bit hashes of the text's normalised word 5-grams."""
    words = normalise_words(text)
    if not words:
        return np.empty(0, dtype=np.uint64)
    if len(_WORD_HASHES) > MAX_REMEMBERED_WORDS:
        _WORD_HASHES.clear()
    for word in set(words).difference(_WORD_HASHES):
        _WORD_HASHES[word] = _word_hash(word)
    ids = np.fromiter(map(_WORD_HASHES.__getitem__, words), np.uint64, len(words))
    # A text shorter than a shingle is one shingle of all its words.
    span = min(SHINGLE_WORDS, len(ids))
    width = len(ids) - span + 1
    rolled = np.zeros(width, dtype=np.uint64)
    for offset in range(span):
        rolled += ids[offset : offset + width] * _ROLL[offset]
    return np.unique(_mix(rolled))


def normalise_words(text: str) -> list[str]:
    """Lower-cased words without accents or punctuation."""
    return WORD.findall(fold(text.replace("_", " ")))


def minhash_signature(shingles: UInt64Array) -> UInt64Array:
    """MinHash signature (NUM_PERMUTATIONS values) of a set of shingle hashes."""
    multipliers, increments = _permutations()
    signature = np.full(NUM_PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), BLOCK):
        block = shingles[start : start + BLOCK, None]
        # x -> a*x + b (mod 2**64) with odd a is a bijection: a random permutation family.
        hashed = block * multipliers
        hashed += increments
        np.minimum(signature, hashed.min(axis=0), out=signature)
    return signature


def jaccard(first: UInt64Array, second: UInt64Array) -> float:
    """Exact Jaccard similarity of two sorted unique shingle arrays."""
    if len(first) == 0 or len(second) == 0:
        return 0.0
    common = len(np.intersect1d(first, second, assume_unique=True))
    return common / (len(first) + len(second) - common)


def _is_duplicate(first: UInt64Array, second: UInt64Array, threshold: float) -> bool:
    """Jaccard at the threshold, or containment at the threshold for similar lengths."""
    small, large = sorted((len(first), len(second)))
    if small == 0:
        return False
    common = len(np.intersect1d(first, second, assume_unique=True))
    if common / (small + large - common) >= threshold:
        return True
    return small / large >= MIN_SIZE_RATIO and common / small >= threshold


def _plausible(pairs: IndexPairs, signatures: UInt64Array, floor: float) -> IndexPairs:
    """The candidate pairs whose signatures agree often enough for a Jaccard at the floor:
    the share of equal MinHash values estimates it (standard error <= 0.045 with 128), and a
    pair at the floor falls ESTIMATE_MARGIN below it with probability ~1e-5. Templated
    corpora make many candidates of low similarity; each exact check costs ~40 us."""
    keep = [
        chunk[(signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(axis=1)
              >= floor - ESTIMATE_MARGIN]
        for chunk in np.array_split(pairs, max(1, len(pairs) // PAIR_BLOCK))
    ]  # fmt: skip
    return np.concatenate(keep)


def _decisive_jaccard(threshold: float) -> float:
    """Lowest Jaccard a duplicate pair can have under the two rules (the LSH must find it)."""
    contained = threshold * MIN_SIZE_RATIO
    return min(threshold, contained / (1.0 + MIN_SIZE_RATIO - contained))


def _rows_per_band(jaccard_floor: float) -> int:
    """Most rows per band whose banding still finds a pair at the floor with TARGET_RECALL."""
    for rows in (16, 8, 6, 5, 4, 3, 2, 1):
        if expected_lsh_recall(jaccard_floor, rows) >= TARGET_RECALL:
            return rows
    return 1


def _candidate_pairs(signatures: UInt64Array, rows: int) -> IndexPairs:
    """Index pairs (i < j), sorted, of non-empty texts that share at least one LSH band."""
    n = len(signatures)
    usable = np.flatnonzero((signatures != EMPTY).any(axis=1))
    codes: list[npt.NDArray[np.int64]] = []
    for band in range(NUM_PERMUTATIONS // rows):
        columns = signatures[usable, band * rows : (band + 1) * rows]
        # One 64-bit key per text and band; equal bands give equal keys.
        keys = _mix((columns * _BAND_MULTIPLIERS[:rows]).sum(axis=1, dtype=np.uint64))
        by_key = np.argsort(keys, kind="stable")
        sorted_keys = keys[by_key]
        ends = np.r_[np.flatnonzero(sorted_keys[1:] != sorted_keys[:-1]) + 1, len(keys)]
        codes.append(_pairs_within_groups(usable[by_key].astype(np.int64), ends, n))
    unique = np.unique(np.concatenate(codes))
    return np.column_stack(np.divmod(unique, n))


def _pairs_within_groups(
    members: npt.NDArray[np.int64], ends: npt.NDArray[np.int64], n: int
) -> npt.NDArray[np.int64]:
    """Codes i * n + j (i < j) of every pair of members in the same group, where groups are
    consecutive runs of members ending at ends (one numpy pass, no loop over groups)."""
    positions = np.arange(len(members))
    later = np.repeat(ends, np.diff(np.r_[0, ends])) - positions - 1  # partners after each
    first = np.repeat(positions, later)
    offsets = np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later)
    a, b = members[first], members[first + 1 + offsets]
    return np.minimum(a, b) * n + np.maximum(a, b)


def _ordered_keys(texts: Mapping[str, str], order: Sequence[str] | None) -> list[str]:
    """Keys in priority order: `order` first, then the rest sorted by name."""
    if order is None:
        return sorted(texts)
    unknown = [key for key in order if key not in texts]
    if unknown:
        raise ParameterError("order", unknown[:3], "keys of `texts`")
    if len(set(order)) != len(order):
        raise ParameterError("order", "duplicated keys", "each key at most once")
    listed = set(order)
    return list(order) + sorted(key for key in texts if key not in listed)


def _word_hash(word: str) -> int:
    """Stable 64-bit hash of a word (blake2b), the same in every process."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _mix(values: UInt64Array) -> UInt64Array:
    """splitmix64 finaliser: spreads rolled hashes over all 64 bits."""
    mixed = values ^ (values >> np.uint64(30))
    mixed = mixed * np.uint64(0xBF58476D1CE4E5B9)
    mixed = mixed ^ (mixed >> np.uint64(27))
    mixed = mixed * np.uint64(0x94D049BB133111EB)
    return mixed ^ (mixed >> np.uint64(31))


@cache
def _permutations() -> tuple[UInt64Array, UInt64Array]:
    """The fixed (multiplier, increment) pairs of the MinHash permutations."""
    rng = np.random.default_rng(MINHASH_SEED)
    multipliers = rng.integers(0, _MASK64, NUM_PERMUTATIONS, dtype=np.uint64, endpoint=True)
    increments = rng.integers(0, _MASK64, NUM_PERMUTATIONS, dtype=np.uint64, endpoint=True)
    return multipliers | np.uint64(1), increments


def expected_lsh_recall(jaccard_value: float, rows: int) -> float:
    """Probability that a pair with this Jaccard shares a band (for the method notes)."""
    bands = NUM_PERMUTATIONS // rows
    return 1.0 - math.pow(1.0 - jaccard_value**rows, bands)
