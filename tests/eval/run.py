"""`make eval`: run the real pipeline on the evaluation pages and score it with the shared scorers.

The pages in tests/eval/pages/ were written by us to imitate real Moroccan and African news page
dumps (never copied from them); their gold facts are in tests/eval/gold/*.jsonl (one object per
page, in ../shared/eval/GOLD_FORMAT.md), the line labels in gold/*.lines.jsonl and the analyst's
topic groups in gold/*.topics.json. The shards are joined into one gold folder, `sources.csv` is
made from the gold URLs, the `briefing` command runs into a temporary folder, then
../shared/eval/score.py and score_themes.py (the scorers behind the issues' figures) score it.

Usage: python tests/eval/run.py [--out reports/eval] [--scorers ../shared/eval] [--keep]
                               [--shards a b ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_SCORERS = ROOT.parent / "shared" / "eval"

# The issues' goals, to print beside the figures: (metric, goal, "min" or "max").
GOALS: tuple[tuple[str, float, str], ...] = (
    ("published_acc_known", 0.90, "min"),
    ("published_null_ok", 0.95, "min"),
    ("outlet_acc", 0.85, "min"),
    ("relevance_f1", 0.97, "min"),
    ("relevance_precision", 1.0, "min"),
    ("relevance_recall", 0.0, "min"),
    ("title_acc", 0.93, "min"),
    ("clean_body_recall", 0.98, "min"),
    ("clean_noise_leak", 0.08, "max"),
    ("clean_evidence_recall", 1.0, "min"),
    ("events_f1", 0.80, "min"),
    ("events_precision", 0.85, "min"),
    ("events_recall", 0.0, "min"),
    ("timeline_f1", 0.80, "min"),
    ("events_kind_acc", 0.85, "min"),
    ("events_place_acc", 0.92, "min"),
    ("events_label_f1", 0.60, "min"),
    ("events_evidence_valid", 1.0, "min"),
    ("actors_f1_lenient", 0.75, "min"),
    ("actors_precision_lenient", 0.75, "min"),
    ("actors_recall_lenient", 0.0, "min"),
    ("actors_f1", 0.0, "min"),
    ("themes_ari", 0.50, "min"),
    ("themes_nmi", 0.70, "min"),
    ("stopword_share_top_terms", 0.0, "max"),
    ("n_themes", 0.0, "min"),
)


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSON-lines file, with the file named in any parse error."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc})") from exc
    return rows


def assemble(eval_dir: Path, work: Path, shards: list[str]) -> tuple[Path, Path, Path]:
    """Join the gold shards (all when none is named) and copy their pages with a sources.csv;
    returns (corpus, gold, topics)."""
    corpus, gold_dir = work / "pages", work / "gold"
    corpus.mkdir(parents=True)
    gold_dir.mkdir()
    facts = sorted(
        p for p in (eval_dir / "gold").glob("*.jsonl") if not p.name.endswith(".lines.jsonl")
    )
    names = [p.stem for p in facts if not shards or p.stem in shards]
    if shards and sorted(names) != sorted(shards):
        raise SystemExit(f"no such shard: {sorted(set(shards) - set(names))}")
    gold = [row for name in names for row in read_jsonl(eval_dir / "gold" / f"{name}.jsonl")]
    lines = [row for name in names for row in read_jsonl(eval_dir / "gold" / f"{name}.lines.jsonl")]
    topics: dict[str, list[str]] = {}
    for name in names:
        path = eval_dir / "gold" / f"{name}.topics.json"
        for group, nums in json.loads(path.read_text(encoding="utf-8")).items():
            topics.setdefault(group, []).extend(nums)
    files = [g["file"] for g in gold]
    if len(set(files)) != len(files):
        raise SystemExit("gold: a page has two gold rows")
    for name in files:
        source = eval_dir / "pages" / name
        if not source.is_file():
            raise SystemExit(f"gold names {name}, which is not in {eval_dir / 'pages'}")
        shutil.copy2(source, corpus / name)
    with open(corpus / "sources.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "url"])
        writer.writerows([g["file"], g["url"]] for g in gold if g.get("url"))
    (gold_dir / "gold.jsonl").write_text(
        "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8"
    )
    (gold_dir / "lines_gold.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8"
    )
    (gold_dir / "topics.json").write_text(json.dumps(topics, ensure_ascii=False), encoding="utf-8")
    return corpus, gold_dir / "gold.jsonl", gold_dir / "topics.json"


def last_json(output: str) -> dict:
    """The scorers print one JSON object on their last line."""
    return json.loads(output.strip().splitlines()[-1])


def published_null_ok(gold_path: Path, out: Path) -> float | None:
    """Share of pages whose gold has no publication date and whose prediction is empty too."""
    import pandas as pd

    gold = {g["file"]: g for g in read_jsonl(gold_path)}
    nulls = [f for f, g in gold.items() if not g.get("published")]
    if not nulls:
        return None
    articles = pd.read_parquet(out / "data" / "processed" / "articles.parquet").set_index("file")
    ok = sum(f in articles.index and pd.isna(articles.at[f, "published"]) for f in nulls)
    return ok / len(nulls)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "eval")
    parser.add_argument(
        "--scorers", type=Path, default=Path(os.environ.get("EVAL_SCORERS", DEFAULT_SCORERS))
    )
    parser.add_argument("--keep", action="store_true", help="keep the run's tables in --out/run")
    parser.add_argument("--shards", nargs="*", default=[], help="score these shards only (a, b...)")
    args = parser.parse_args(argv)
    if not (args.scorers / "score.py").is_file():
        print(
            f"eval: the shared scorers are not in {args.scorers} (set EVAL_SCORERS)",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="eval-") as tmp:
        work = Path(tmp)
        corpus, gold, topics = assemble(HERE, work, args.shards)
        run_dir = args.out / "run" if args.keep else work / "run"
        if run_dir.exists():
            shutil.rmtree(run_dir)
        briefing = Path(sys.executable).parent / "briefing"
        subprocess.run(
            [
                str(briefing),
                "--raw-dir",
                str(corpus),
                "--out-dir",
                str(run_dir),
            ],
            check=True,
        )
        scored = subprocess.run(
            [
                sys.executable,
                str(args.scorers / "score.py"),
                str(run_dir),
                "--gold",
                str(gold),
                "--articles",
                str(corpus),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        themes = subprocess.run(
            [sys.executable, str(args.scorers / "score_themes.py"), str(run_dir), str(topics)],
            check=True,
            capture_output=True,
            text=True,
        )
        metrics = {**last_json(scored.stdout), **last_json(themes.stdout)}
        metrics["published_null_ok"] = published_null_ok(gold, run_dir)
        n_pages = len(read_jsonl(gold))
    (args.out / "score.md").write_text(scored.stdout + "\n" + themes.stdout, encoding="utf-8")
    (args.out / "eval.json").write_text(
        json.dumps(metrics, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    rows = ["| metric | value | goal |", "| --- | --- | --- |"]
    for name, goal, sense in GOALS:
        value = metrics.get(name)
        shown = (
            "null" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
        )
        target = (
            ""
            if goal == 0.0 and sense == "min"
            else (">= " if sense == "min" else "<= ") + f"{goal:g}"
        )
        rows.append(f"| {name} | {shown} | {target} |")
    table = "\n".join(rows)
    (args.out / "eval.md").write_text(
        f"# make eval: {n_pages} pages\n\n{table}\n", encoding="utf-8"
    )
    print(f"{n_pages} pages\n{table}\n(all metrics: {args.out / 'score.md'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
