"""Check the evaluation gold against its pages: every quoted evidence is in its page, every
non-empty line is labelled once, dates and kinds are of the gold format. Exit 1 on a problem.

Usage: .venv/bin/python tests/eval/check.py [SHARD ...]   (default: every shard in tests/eval/gold/)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from helpers.schemas import EVENT_KINDS

HERE = Path(__file__).resolve().parent
KINDS = set(EVENT_KINDS)
LABELS = {"body", "title", "meta", "noise", "mixed"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KEYS = {
    "file",
    "url",
    "outlet",
    "language",
    "relevant",
    "title",
    "published",
    "published_evidence",
    "events",
    "actors",
}


def spans(value: object) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)  # type: ignore[arg-type]


def check_page(g: dict, page: str) -> list[str]:
    """The problems of one gold row against its page's text."""
    out = []
    if set(g) - KEYS or KEYS - set(g):
        out.append(f"keys differ from the gold format: {sorted(set(g) ^ KEYS)}")
    if g["title"] is not None and g["title"] not in page:
        out.append("title not verbatim in the page")
    if g["published"] is not None:
        if not DATE.match(g["published"]) or len(g["published"]) < 7:
            out.append(f"published {g['published']!r} is not YYYY-MM or YYYY-MM-DD")
        ev = g["published_evidence"]
        if ev != "url" and (not ev or ev not in page):
            out.append(f"published_evidence not in the page: {ev!r}")
    if g["language"] not in {"fr", "en"}:
        out.append(f"language {g['language']!r}")
    if not g["outlet"] or ("." in g["outlet"].split()[-1] and " " not in g["outlet"]):
        out.append(f"outlet {g['outlet']!r} looks like a domain")
    for e in g["events"]:
        if not DATE.match(e["date"] or "") or (e["end"] and not DATE.match(e["end"])):
            out.append(f"event date {e['date']!r}..{e['end']!r}")
        if e["kind"] not in KINDS:
            out.append(f"event kind {e['kind']!r}")
        if e["evidence"].split(" [")[0] not in page:
            out.append(f"event evidence not in the page: {e['evidence']!r}")
        if e["place"] and e["place"] not in page:
            out.append(f"event place not in the page: {e['place']!r}")
    for a in g["actors"]:
        if a not in page:
            out.append(f"actor not spelled as in the page: {a!r}")
    if len(g["actors"]) > 15:
        out.append("more than 15 actors")
    return out


def check_lines(row: dict, page: str) -> list[str]:
    """Every non-empty line labelled once, spans of mixed lines inside their line."""
    lines = page.split("\n")
    seen: dict[int, dict] = {}
    out = []
    for item in row["lines"]:
        n = item["n"]
        if n in seen:
            out.append(f"line {n} labelled twice")
        seen[n] = item
        if item["label"] not in LABELS:
            out.append(f"line {n}: label {item['label']!r}")
        if not 1 <= n <= len(lines) or not lines[n - 1].strip():
            out.append(f"line {n} is empty or past the end")
            continue
        for span in spans(item.get("body_span")) + spans(item.get("noise_span")):
            if span not in lines[n - 1]:
                out.append(f"line {n}: span not in the line: {span!r}")
        if item["label"] == "mixed" and not item.get("body_span"):
            out.append(f"line {n}: mixed without body_span")
    missing = [i for i, line in enumerate(lines, 1) if line.strip() and i not in seen]
    if missing:
        out.append(f"non-empty lines without a label: {missing}")
    return out


def main(argv: list[str]) -> int:
    gold_dir = HERE / "gold"
    shards = [gold_dir / f"{s}.jsonl" for s in argv] or [
        p for p in sorted(gold_dir.glob("*.jsonl")) if not p.name.endswith(".lines.jsonl")
    ]
    problems = 0
    for shard in shards:
        rows = [json.loads(x) for x in shard.read_text(encoding="utf-8").splitlines() if x.strip()]
        lines_path = shard.with_name(shard.stem + ".lines.jsonl")
        lines = {
            r["file"]: r
            for r in (
                [
                    json.loads(x)
                    for x in lines_path.read_text(encoding="utf-8").splitlines()
                    if x.strip()
                ]
                if lines_path.exists()
                else []
            )
        }
        topics_path = shard.with_name(shard.stem + ".topics.json")
        grouped = {
            n
            for nums in (
                json.loads(topics_path.read_text(encoding="utf-8")).values()
                if topics_path.exists()
                else []
            )
            for n in nums
        }
        for g in rows:
            page_path = HERE / "pages" / g["file"]
            if not page_path.is_file():
                print(f"{shard.name}: {g['file']}: no such page")
                problems += 1
                continue
            page = page_path.read_text(encoding="utf-8")
            found = check_page(g, page)
            found += (
                check_lines(lines[g["file"]], page) if g["file"] in lines else ["no line labels"]
            )
            if g["relevant"] and g["file"][:3] not in grouped:
                found.append("relevant page in no topic group")
            for p in found:
                print(f"{shard.name}: {g['file']}: {p}")
            problems += len(found)
        print(f"{shard.name}: {len(rows)} pages, {problems} problem(s) so far")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
