"""Wall time and peak memory of each pipeline stage, on the seeds and on generated corpora.

`python -m helpers.bench --out-dir reports/bench [--sizes seeds,100,1000,10000] [--quick]`

Every stage runs in a fresh Python process, as a notebook's kernel would; its peak memory is
the largest resident size of that process tree (sampled, and the child's own ru_maxrss).
Fixed costs (interpreter, imports, spaCy model, Jupyter kernel) and floors (the one library
call each stage cannot avoid) are measured apart, so that what a stage adds can be read off.
On generated corpora, after the full run, one new article is added and the briefing rebuilt:
with a new kernel, and on the kernel a previous run left on standby (helpers.standby).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

from helpers import config, regexcache, standby
from helpers.progress import BATCH_ENV

# The child's last stdout line starting with this carries its own figures as JSON.
RESULT_PREFIX = "BENCH "
SEEDS = "seeds"
DEFAULT_SIZES = "seeds,100,1000,10000"
QUICK_SIZES = "seeds,100"
# A full papermill run is skipped when the stages measured apart add up to more than this.
FULL_RUN_BUDGET_S = 600.0
# A child process still running after this long is killed (with its workers) and reported.
STAGE_TIMEOUT_S = 1800.0
POLL_S = 0.05
COLUMNS = ("corpus", "n_articles", "stage", "wall_s", "peak_rss_mb", "floor_s", "ratio")

# Every snippet starts with this: RAW and OUT come from the command line, BENCH() reports.
PRELUDE = f"""
import json, sys, time
from pathlib import Path
RAW, OUT = Path(sys.argv[1]), Path(sys.argv[2])
PROCESSED = OUT / "data" / "processed"
def BENCH(**values):
    print({RESULT_PREFIX!r} + json.dumps(values), flush=True)
"""

# The stages as the notebooks call them, in order, each writing under OUT.
STAGES: dict[str, str] = {
    "ingest": """
from helpers import ingest
t = time.perf_counter()
r = ingest.ingest_corpus(RAW)
a = ingest.write_outputs(r, PROCESSED)
BENCH(call_s=time.perf_counter() - t, n_articles=len(a))
""",
    "themes": """
from helpers import theming
from helpers.storage import read_parquet
t = time.perf_counter()
a = read_parquet(PROCESSED / "articles.parquet")
tables = theming.build_theme_tables(a)
theming.write_outputs(tables, PROCESSED, OUT / "reports" / "figures")
BENCH(call_s=time.perf_counter() - t, n_docs=tables.n_docs, n_themes=len(tables.themes))
""",
    "timeline": """
from helpers import extraction
from helpers.storage import read_parquet
t = time.perf_counter()
a = read_parquet(PROCESSED / "articles.parquet")
tables = extraction.build_timeline_tables(a)
extraction.write_outputs(tables, PROCESSED)
n_words = int(extraction.extraction_targets(a)["n_words"].sum())
BENCH(call_s=time.perf_counter() - t, n_words=n_words, n_events=len(tables.events))
""",
    "briefing": """
from helpers import config
from helpers.pipeline import run_notebook
t = time.perf_counter()
parameters = {"out_dir": str(OUT)}
run_notebook("04_briefing.ipynb", parameters, OUT, config.NOTEBOOKS_DIR, config.KERNEL_NAME)
BENCH(call_s=time.perf_counter() - t)
""",
    "export": """
from helpers.render import export_briefing
t = time.perf_counter()
export_briefing(OUT / "reports" / "notebooks" / "04_briefing.ipynb", OUT / "reports")
BENCH(call_s=time.perf_counter() - t)
""",
}

# The one library call each stage cannot do without, on the same inputs.
FLOORS: dict[str, str] = {
    "ingest": """
import re
line_end = re.compile(r"[.!?…]\\s*$")
t = time.perf_counter()
n = 0
for path in sorted(RAW.glob("*.txt")):
    for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
        n += line_end.search(line) is not None
BENCH(call_s=time.perf_counter() - t)
""",
    "themes": """
import pandas as pd
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer
from helpers.theme_count import MAX_THEMES
a = pd.read_parquet(PROCESSED / "articles.parquet")
core = a[a["readable"] & a["relevant"] & a["duplicate_of"].isna() & (a["n_words"] > 0)]
k = max(1, min(MAX_THEMES, len(core) // 2))
t = time.perf_counter()
x = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(core["text"])
NMF(n_components=k, init="nndsvda", random_state=42).fit(x)
BENCH(call_s=time.perf_counter() - t, n_docs=len(core), k=k)
""",
    "timeline": """
import pandas as pd
from helpers.extraction import extraction_targets
from helpers.ner import load_ner
a = pd.read_parquet(PROCESSED / "articles.parquet")
texts = list(extraction_targets(a)["text"])  # the whole bodies stage 3 reads
t = time.perf_counter()
nlp = load_ner()
loaded = time.perf_counter()
for _ in nlp.pipe(texts, n_process=2 if len(texts) >= 400 else 1):
    pass
pipe_s = time.perf_counter() - loaded
n_words = sum(len(text.split()) for text in texts)
BENCH(call_s=time.perf_counter() - t, load_s=loaded - t, pipe_s=pipe_s, n_words=n_words)
""",
    "export": """
import logging
from weasyprint import HTML
logging.getLogger("fontTools").setLevel(logging.WARNING)
html = OUT / "reports" / "briefing.html"
t = time.perf_counter()
document = HTML(filename=str(html), base_url=str(html.parent)).render()
rendered = time.perf_counter()
document.write_pdf(OUT / "floor.pdf")
done = time.perf_counter()
BENCH(call_s=done - t, render_s=rendered - t, write_s=done - rendered, pages=len(document.pages))
""",
}

# Costs paid once per process or per run, whatever the corpus.
FIXED_COSTS: dict[str, str] = {
    "interpreter start": "pass",
    "import helpers.ingest": "import helpers.ingest",
    "import helpers.theming": "import helpers.theming",
    "import helpers.extraction": "import helpers.extraction",
    "import helpers.render + weasyprint": "import helpers.render, weasyprint",
    # As the pipeline does (helpers.fastimport): without it, ~2 s more.
    "import papermill": (
        "from helpers.fastimport import skip_slow_optional_imports\n"
        "skip_slow_optional_imports()\nimport papermill"
    ),
    "spaCy model load": """
from helpers import ner
t = time.perf_counter()
ner.load_ner()
BENCH(call_s=time.perf_counter() - t)
""",
    "papermill kernel start (1-cell notebook)": """
import nbformat, papermill
from helpers import config
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
OUT.mkdir(parents=True, exist_ok=True)
nbformat.write(nb, OUT / "trivial.ipynb")
t = time.perf_counter()
papermill.execute_notebook(str(OUT / "trivial.ipynb"), str(OUT / "trivial.out.ipynb"),
    kernel_name=config.KERNEL_NAME, progress_bar=False)
BENCH(call_s=time.perf_counter() - t)
""",
}

# The whole pipeline through papermill, as `make report` runs it; prints per-stage seconds.
FULL_RUN = """
from helpers.pipeline import run_pipeline
run = run_pipeline(RAW, OUT, {})
BENCH(stages={s["stage"]: s["seconds"] for s in run["stages"]})
"""


@dataclass(frozen=True)
class Measurement:
    """Wall time and peak resident memory of one child process, and the figures it reported."""

    wall_s: float
    peak_rss_mb: float
    result: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Row:
    """One line of the report: a stage (or its floor) on one corpus."""

    corpus: str
    n_articles: int
    stage: str
    wall_s: float
    peak_rss_mb: float
    floor_s: float | None = None
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """Stage wall time over floor wall time (both fresh processes)."""
        return self.wall_s / self.floor_s if self.floor_s else None


class BenchError(RuntimeError):
    """A measured child process failed; carries the snippet's name and the end of its stderr."""

    def __init__(self, name: str, returncode: int, stderr: str) -> None:
        super().__init__(f"{name}: exit code {returncode}: {stderr[-2000:]}")
        self.name = name
        self.returncode = returncode
        self.stderr = stderr


def _tree_rss(process: psutil.Process) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    total = 0
    try:
        for proc in [process, *process.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
    except psutil.Error:
        return total
    return total


def _kill_tree(process: psutil.Process) -> bool:
    """Kill a process and its descendants (a hung stage may leave worker processes behind)."""
    for proc in [*process.children(recursive=True), process]:
        try:
            proc.kill()
        except psutil.Error:
            continue
    return True


def measure_subprocess(
    code: str,
    args: Sequence[str] = (),
    name: str = "snippet",
    timeout_s: float | None = None,
    env: dict[str, str] | None = None,
) -> Measurement:
    """Run `python -c code *args` in a fresh process; its wall time, peak RSS and BENCH figures.
    The child's environment is this one's, with env on top; its kernel stops with it unless
    env asks for standby."""
    env = {**os.environ, BATCH_ENV: "1", standby.IDLE_ENV: "0", **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=out, stderr=err, env=env
        )
        watched = psutil.Process(proc.pid)
        peak = 0
        timed_out = False
        while True:
            # wait4 reaps the child and gives its own peak RSS (kB on Linux) with the status.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(watched))
            if timeout_s is not None and time.perf_counter() - started > timeout_s:
                timed_out = _kill_tree(watched)
            time.sleep(POLL_S)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if timed_out:
        raise BenchError(name, proc.returncode, f"{stderr}\ntimed out after {timeout_s:.0f}s")
    if proc.returncode != 0:
        raise BenchError(name, proc.returncode, stderr)
    peak = max(peak, usage.ru_maxrss * 1024)
    return Measurement(wall, peak / 2**20, _last_result(stdout))


def _last_result(stdout: str) -> dict[str, Any]:
    """The JSON of the last BENCH line of a child's output, or {}."""
    lines = [line for line in stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    return json.loads(lines[-1][len(RESULT_PREFIX) :]) if lines else {}


def measure(
    name: str,
    snippet: str,
    raw: Path,
    out: Path,
    timeout_s: float | None = None,
    env: dict[str, str] | None = None,
) -> Measurement:
    """Measure one snippet of the tables above on a corpus folder and an output folder."""
    return measure_subprocess(PRELUDE + snippet, [str(raw), str(out)], name, timeout_s, env)


def parse_sizes(text: str) -> list[str | int]:
    """Parse "seeds,100,1000" into ["seeds", 100, 1000]; raise ValueError on anything else."""
    sizes: list[str | int] = []
    for item in (part.strip() for part in text.split(",") if part.strip()):
        if item == SEEDS:
            sizes.append(SEEDS)
        elif item.isdigit() and int(item) > 0:
            sizes.append(int(item))
        else:
            raise ValueError(f"--sizes: {item!r} is neither 'seeds' nor a positive integer")
    return sizes


def _measure_table(
    table: dict[str, str],
    label: str,
    raw: Path,
    out: Path,
    errors: dict[str, str],
    timeout_s: float | None = None,
) -> dict[str, Measurement]:
    """Measure each snippet of a table in turn; a failure is noted in errors and the rest go on."""
    measured = {}
    for name, snippet in table.items():
        print(f"bench: {label}: {name} ...", file=sys.stderr, flush=True)
        try:
            measured[name] = measure(f"{label}/{name}", snippet, raw, out, timeout_s)
        except BenchError as exc:
            errors[f"{label}/{name}"] = (exc.stderr.strip().splitlines() or ["?"])[-1]
            print(f"bench: failed: {label}/{name}: {errors[f'{label}/{name}']}", file=sys.stderr)
    return measured


def bench_corpus(
    corpus: str, raw: Path, work: Path, budget_s: float, timeout_s: float = STAGE_TIMEOUT_S
) -> dict[str, Any]:
    """Stages, floors and (if it fits the budget) a full papermill run on one corpus."""
    n_articles = sum(1 for p in raw.iterdir() if p.suffix.lower() in config.TEXT_SUFFIXES)
    out = work / f"out_{corpus}"
    errors: dict[str, str] = {}
    stages = _measure_table(STAGES, corpus, raw, out, errors, timeout_s)
    floors = _measure_table(FLOORS, f"{corpus} floor", raw, out, errors, timeout_s)
    rows = [
        Row(corpus, n_articles, stage, m.wall_s, m.peak_rss_mb,
            floors[stage].wall_s if stage in floors else None, m.result)
        for stage, m in stages.items()
    ]  # fmt: skip
    rows += [
        Row(corpus, n_articles, f"floor: {stage}", m.wall_s, m.peak_rss_mb, None, m.result)
        for stage, m in floors.items()
    ]
    estimate = sum(m.wall_s for m in stages.values())
    full: dict[str, Any] = {"estimate_s": round(estimate, 1)}
    if len(stages) < len(STAGES):
        full["skipped"] = "a stage failed (see errors)"
    elif estimate > budget_s:
        full["skipped"] = f"stages add up to {estimate:.0f}s > budget {budget_s:.0f}s"
    else:
        full_out = work / f"full_{corpus}"
        full_runs = _measure_table({"full": FULL_RUN}, corpus, raw, full_out, errors, timeout_s)
        if "full" in full_runs:
            m = full_runs["full"]
            rows.append(
                Row(corpus, n_articles, "full pipeline (papermill)", m.wall_s, m.peak_rss_mb)
            )
            full.update(wall_s=round(m.wall_s, 2), stages=m.result.get("stages", {}))
            if corpus != SEEDS:  # the seed folder is the user's data/raw: never written to
                rows += rebuilds(corpus, raw, full_out, work, errors, timeout_s)
    figures = _stage_figures(stages, floors)
    return {"rows": rows, "full_run": full, "stage_figures": figures, "errors": errors}


def add_article(raw: Path, number: int) -> Path:
    """Add one new generated article (relevant, not a duplicate) to a corpus folder."""
    from helpers.corpus_gen import generate_corpus

    with tempfile.TemporaryDirectory() as tmp:
        (made,) = generate_corpus(
            1, Path(tmp), seed=10_000 + number, duplicate_share=0, offtopic_share=0,
            english_share=0,
        )  # fmt: skip
        return Path(shutil.move(made, raw / f"new_{number:03d}.txt"))


def rebuilds(
    corpus: str, raw: Path, out: Path, work: Path, errors: dict[str, str], timeout_s: float
) -> list[Row]:
    """The briefing rebuilt after one new article: with a new kernel, then on the kernel the
    previous run left on standby (kernel records under work/, stopped after)."""
    cache = work / "user_cache"
    regexcache.share_into(cache)
    env = {"XDG_CACHE_HOME": str(cache), standby.IDLE_ENV: "600"}
    plan = (
        ("rebuild +1 article (new kernel)", {"XDG_CACHE_HOME": str(cache)}),
        ("rebuild +1 article (kernel left on standby)", env),
        ("rebuild +1 article (standby kernel)", env),
    )
    rows = []
    n_articles = sum(1 for p in raw.iterdir() if p.suffix.lower() in config.TEXT_SUFFIXES)
    try:
        for number, (stage, stage_env) in enumerate(plan, start=1):
            add_article(raw, number)
            n_articles += 1
            print(f"bench: {corpus}: {stage} ...", file=sys.stderr, flush=True)
            try:
                m = measure(stage, FULL_RUN, raw, out, timeout_s, stage_env)
            except BenchError as exc:
                errors[f"{corpus}/{stage}"] = str(exc)
                break
            rows.append(Row(corpus, n_articles, stage, m.wall_s, m.peak_rss_mb, None, m.result))
    finally:
        measure_subprocess(
            "from helpers import standby; standby.stop_all()", env=env, name="stop kernels"
        )
    return rows


def _stage_figures(
    stages: dict[str, Measurement], floors: dict[str, Measurement]
) -> dict[str, Any]:
    """Words per second of the timeline stage and PDF seconds per page."""
    figures: dict[str, Any] = {}
    timeline = stages.get("timeline", Measurement(0.0, 0.0))
    n_words = timeline.result.get("n_words", 0)
    if n_words:
        figures["timeline_words_per_s"] = round(n_words / timeline.wall_s)
    floor = floors.get("timeline", Measurement(0.0, 0.0))
    ner_words = floor.result.get("n_words", 0)
    if ner_words and floor.result.get("pipe_s"):
        figures["ner_floor_words_per_s"] = round(ner_words / floor.result["pipe_s"])
    export = floors.get("export", Measurement(0.0, 0.0))
    if export.result.get("pages"):
        figures["pdf_pages"] = export.result["pages"]
        figures["pdf_s_per_page"] = round(export.result["call_s"] / export.result["pages"], 3)
    return figures


def fixed_costs(work: Path) -> list[dict[str, Any]]:
    """Interpreter start, imports, spaCy load and kernel start, each in a fresh process."""
    costs = []
    for name, snippet in FIXED_COSTS.items():
        print(f"bench: fixed cost: {name} ...", file=sys.stderr, flush=True)
        m = measure(name, snippet, work, work / "fixed")
        costs.append({"cost": name, "wall_s": m.wall_s, "peak_rss_mb": m.peak_rss_mb, **m.result})
    return costs


def growth(rows: Sequence[Row], small: int = 1000, large: int = 10000) -> dict[str, float]:
    """Per stage, wall time on the large corpus over the small one (10 means linear)."""
    by_key = {(r.n_articles, r.stage): r.wall_s for r in rows if r.corpus != SEEDS}
    return {
        stage: round(by_key[(large, stage)] / by_key[(small, stage)], 2)
        for (n, stage) in by_key
        if n == small and (large, stage) in by_key and by_key[(small, stage)] > 0
    }


def _cell(value: object) -> str:
    """A table cell: numbers rounded, missing values blank."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if value < 100 else f"{value:.0f}"
    return str(value)


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table with the COLUMNS."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    for row in rows:
        values = {**asdict(row), "ratio": row.ratio}
        lines.append("| " + " | ".join(_cell(values[c]) for c in COLUMNS) + " |")
    return "\n".join(lines)


def markdown_report(report: dict[str, Any]) -> str:
    """The whole report: stage table, fixed costs, full runs, words/s and growth."""
    rows = [Row(**r) for r in report["rows"]]
    parts = [
        f"# Benchmark ({report['machine']['date']}, {report['machine']['cpu_count']} CPUs, "
        f"Python {report['machine']['python']})",
        "",
        "wall_s and floor_s: fresh process, imports included; ratio = wall_s / floor_s.",
        "",
        markdown_table(rows),
        "",
        "## Fixed costs (fresh process each)",
        "",
        "| cost | wall_s | in-process s | peak_rss_mb |",
        "|---|---|---|---|",
        *(
            f"| {c['cost']} | {_cell(c['wall_s'])} | {_cell(c.get('call_s'))} | "
            f"{_cell(c['peak_rss_mb'])} |"
            for c in report["fixed_costs"]
        ),
        "",
        "## Per corpus",
        "",
    ]
    for corpus, info in report["corpora"].items():
        parts.append(f"- {corpus}: {json.dumps(info, ensure_ascii=False)}")
    if report.get("growth_1k_to_10k"):
        parts += ["", "## Growth 1,000 -> 10,000 articles (10 = linear)", ""]
        parts += [f"- {stage}: x{ratio}" for stage, ratio in report["growth_1k_to_10k"].items()]
    return "\n".join(parts) + "\n"


def write_report(report: dict[str, Any], out_dir: Path) -> tuple[Path, Path]:
    """Write bench.md and bench.json into out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    md_path, json_path = out_dir / "bench.md", out_dir / "bench.json"
    md_path.write_text(markdown_report(report), encoding="utf-8")
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return md_path, json_path


def machine_info() -> dict[str, Any]:
    """CPU count, memory, Python version, platform and date of the run."""
    return {
        "cpu_count": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        # Other work on the machine slows the stages down: the load says how much there was.
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "date": dt.datetime.now().isoformat(timespec="seconds"),
    }


def build_report(
    rows: Sequence[Row], fixed: list[dict[str, Any]], corpora: dict[str, Any]
) -> dict[str, Any]:
    """Everything bench.json holds."""
    return {
        "machine": machine_info(),
        "columns": list(COLUMNS),
        "rows": [asdict(r) for r in rows],
        "fixed_costs": fixed,
        "corpora": corpora,
        "growth_1k_to_10k": growth(rows),
    }


def run(
    sizes: Sequence[str | int],
    raw_dir: Path,
    out_dir: Path,
    seed: int,
    budget_s: float,
    timeout_s: float = STAGE_TIMEOUT_S,
) -> dict[str, Any]:
    """Benchmark every corpus asked for, write the report, and return it."""
    from helpers.corpus_gen import generate_corpus

    rows: list[Row] = []
    corpora: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bench_") as tmp:
        work = Path(tmp)
        fixed = fixed_costs(work)
        for size in sizes:
            if size == SEEDS:
                corpus, raw = SEEDS, Path(raw_dir)
            else:
                corpus, raw = f"gen_{size}", work / f"raw_{size}"
                started = time.perf_counter()
                generate_corpus(int(size), raw, seed=seed)
                corpora.setdefault(corpus, {})["generate_s"] = round(
                    time.perf_counter() - started, 2
                )
            result = bench_corpus(corpus, raw, work, budget_s, timeout_s)
            rows += result["rows"]
            corpora.setdefault(corpus, {}).update(
                full_run=result["full_run"], **result["stage_figures"]
            )
            if result["errors"]:
                corpora[corpus]["errors"] = result["errors"]
            write_report(build_report(rows, fixed, corpora), out_dir)  # partial results survive
    report = build_report(rows, fixed, corpora)
    write_report(report, out_dir)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m helpers.bench`."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers.bench", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out-dir", type=Path, default=config.REPORTS_DIR / "bench")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default {DEFAULT_SIZES!r}")
    parser.add_argument("--quick", action="store_true", help=f"same as --sizes {QUICK_SIZES}")
    parser.add_argument("--raw-dir", type=Path, default=config.RAW_DIR, help="the seed corpus")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpora")
    parser.add_argument("--budget-s", type=float, default=FULL_RUN_BUDGET_S,
                        help="skip a full papermill run expected to take longer")  # fmt: skip
    parser.add_argument("--timeout-s", type=float, default=STAGE_TIMEOUT_S,
                        help="kill a stage still running after this long")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        sizes = parse_sizes(QUICK_SIZES if args.quick else args.sizes)
    except ValueError as exc:
        parser.error(str(exc))
    report = run(sizes, args.raw_dir, args.out_dir, args.seed, args.budget_s, args.timeout_s)
    print(markdown_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
