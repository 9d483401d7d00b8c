"""A long pattern compiled from its stored program behaves as re.compile's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import regexcache

PATTERNS = [
    ("(?:^ab[a-zé]+$)|(?P<year>\\d{4})-(?P<month>\\d{2})", 0),
    ("(?iu)" + "|".join(f"(?:^mot{i}[{chr(0x41)}-{chr(0x24F)}]+$)" for i in range(400)), 0),
    ("^(\\w+)\\s+(?=\\d)", re.MULTILINE),
]
SAMPLES = ["abé", "ABÉ", "2025-07", "mot17Ünë", "MOT399a", "mot400a", "Rabat 2025", "x\nmots 1"]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_stored_program_gives_the_same_pattern(tmp_path: Path, pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    for _ in range(2):  # computed and stored, then read back
        compiled = regexcache.compile_with_cache(pattern, flags, tmp_path)
        assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
            expected.pattern,
            expected.flags,
            expected.groups,
            expected.groupindex,
        )
        for text in SAMPLES:
            found = compiled.search(text)
            wanted = expected.search(text)
            assert (found and (found.span(), found.groups())) == (
                wanted and (wanted.span(), wanted.groups())
            )
    assert len(list(tmp_path.glob("*.pickle"))) == 1


def test_unreadable_store_is_compiled_again_and_unwritable_is_no_error(tmp_path: Path) -> None:
    pattern, flags = PATTERNS[1]
    regexcache.compile_with_cache(pattern, flags, tmp_path)
    (stored,) = tmp_path.glob("*.pickle")
    stored.write_bytes(b"not a pickle")
    assert regexcache.compile_with_cache(pattern, flags, tmp_path).match("mot3a")
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert regexcache.compile_with_cache(pattern, flags, blocked / "sub").match("mot3a")


def test_only_long_patterns_go_through_the_store_and_only_inside_the_block(
    tmp_path: Path,
) -> None:
    long_pattern = PATTERNS[1][0] + "|(?:unique-to-this-test)"
    original = re._compiler.compile  # type: ignore[attr-defined]
    with regexcache.long_patterns_cached(tmp_path, min_length=1000):
        assert re.compile(long_pattern).match("unique-to-this-test")
        assert re.compile("short-pattern-of-this-test").match("short-pattern-of-this-test")
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    assert re._compiler.compile is original  # type: ignore[attr-defined]
    re.compile(long_pattern + "|(?:after-the-block)")
    assert len(list(tmp_path.glob("*.pickle"))) == 1


def test_another_cache_home_shares_the_compiled_programs(tmp_path, monkeypatch) -> None:
    mine = tmp_path / "mine"
    monkeypatch.setenv("XDG_CACHE_HOME", str(mine))
    regexcache.share_into(tmp_path / "other")  # nothing compiled yet: nothing to share
    assert not (tmp_path / "other").exists()
    regexcache.cache_folder().mkdir(parents=True)
    (regexcache.cache_folder() / "program").write_bytes(b"compiled")
    regexcache.share_into(tmp_path / "other")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other"))
    assert (regexcache.cache_folder() / "program").read_bytes() == b"compiled"
    regexcache.share_into(tmp_path / "other")  # already there: left as it is
