"""Wall time, CPU time and peak memory of each pipeline stage, on the seeds and on generated
corpora.

`python tools/bench.py --out-dir reports/bench [--sizes seeds,100,1000,10000] [--quick]`

Every stage runs in a fresh Python process (this script, called back with --job), as a
notebook's kernel would; its peak memory is the largest resident size of that process tree
(sampled, and the child's own ru_maxrss), its CPU time the sum over the tree. Fixed costs
(interpreter, imports, spaCy model, Jupyter kernel) and floors (the one library call each stage
cannot avoid) are measured apart, so that what a stage adds can be read off. The full run is the
`briefing` command; on generated corpora one new article is then added and the briefing rebuilt.
"""

from __future__ import annotations

import argparse
import contextlib
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
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import psutil

from helpers import config
from helpers.progress import BATCH_ENV

# The child's last stdout line starting with this carries its own figures as JSON.
RESULT_PREFIX = "BENCH "
SEEDS = "seeds"
DEFAULT_SIZES = "seeds,100,1000,10000"
QUICK_SIZES = "seeds,100"
# A full run is skipped when the stages measured apart add up to more than this.
FULL_RUN_BUDGET_S = 600.0
# A child process still running after this long is killed (with its workers) and reported.
STAGE_TIMEOUT_S = 1800.0
POLL_S = 0.05
FULL = "full run (briefing)"
REBUILD = "rebuild +1 article"
COLUMNS = ("corpus", "n_articles", "stage", "wall_s", "cpu_s", "peak_rss_mb", "floor_s", "ratio")
BRIEFING = Path(sys.executable).with_name("briefing")
# A job reads the corpus folder and writes under the output folder; it returns its figures.
Job = Callable[[Path, Path], dict[str, Any]]


def _processed(out: Path) -> Path:
    return out / config.PROCESSED_SUBDIR


def stage_ingest(raw: Path, out: Path) -> dict[str, Any]:
    """Stage 1 as its notebook calls it."""
    from helpers.ingest import stage as ingest

    started = time.perf_counter()
    articles = ingest.write_outputs(ingest.ingest_corpus(raw), _processed(out))
    return {"call_s": time.perf_counter() - started, "n_articles": len(articles)}


def stage_themes(raw: Path, out: Path) -> dict[str, Any]:
    """Stage 2 as its notebook calls it."""
    from helpers.storage import read_parquet
    from helpers.themes import stage as theming

    started = time.perf_counter()
    tables = theming.build_theme_tables(read_parquet(_processed(out) / "articles.parquet"))
    theming.write_outputs(tables, _processed(out), out / config.REPORTS_SUBDIR / "figures")
    return {
        "call_s": time.perf_counter() - started,
        "n_docs": tables.n_docs,
        "n_themes": len(tables.themes),
    }


def stage_timeline(raw: Path, out: Path) -> dict[str, Any]:
    """Stage 3 as its notebook calls it."""
    from helpers.storage import read_parquet
    from helpers.timeline import stage as extraction

    started = time.perf_counter()
    articles = read_parquet(_processed(out) / "articles.parquet")
    tables = extraction.build_timeline_tables(articles)
    extraction.write_outputs(tables, _processed(out))
    return {
        "call_s": time.perf_counter() - started,
        "n_words": int(extraction.extraction_targets(articles)["n_words"].sum()),
        "n_events": len(tables.events),
    }


def stage_briefing(raw: Path, out: Path) -> dict[str, Any]:
    """Stage 4: its notebook through papermill, in a kernel of its own."""
    from helpers.run.pipeline import run_notebook

    started = time.perf_counter()
    notebook = "04_briefing.ipynb"
    run_notebook(notebook, {"out_dir": str(out)}, out, config.NOTEBOOKS_DIR, config.KERNEL_NAME)
    return {"call_s": time.perf_counter() - started}


def stage_export(raw: Path, out: Path) -> dict[str, Any]:
    """The export of the executed briefing notebook to HTML and PDF."""
    from helpers.report.render import export_briefing

    started = time.perf_counter()
    reports = out / config.REPORTS_SUBDIR
    export_briefing(reports / "notebooks" / "04_briefing.ipynb", reports)
    return {"call_s": time.perf_counter() - started}


def floor_ingest(raw: Path, out: Path) -> dict[str, Any]:
    """Reading every file and testing each line once: what any cleaner must do."""
    import re

    line_end = re.compile(r"[.!?…]\s*$")  # a line that ends a sentence
    started = time.perf_counter()
    for path in sorted(raw.glob("*.txt")):
        for line in path.read_bytes().decode("utf-8", errors="replace").splitlines():
            line_end.search(line)
    return {"call_s": time.perf_counter() - started}


def floor_themes(raw: Path, out: Path) -> dict[str, Any]:
    """TfidfVectorizer and NMF alone on the core articles."""
    import pandas as pd
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from helpers.themes.count import MAX_THEMES

    a = pd.read_parquet(_processed(out) / "articles.parquet")
    core = a[a["readable"] & a["relevant"] & a["duplicate_of"].isna() & (a["n_words"] > 0)]
    k = max(1, min(MAX_THEMES, len(core) // 2))
    started = time.perf_counter()
    x = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(core["text"])
    NMF(n_components=k, init="nndsvda", random_state=42).fit(x)
    return {"call_s": time.perf_counter() - started, "n_docs": len(core), "k": k}


def floor_timeline(raw: Path, out: Path) -> dict[str, Any]:
    """spaCy's NER alone (model load and nlp.pipe) over the whole bodies stage 3 reads."""
    import pandas as pd

    from helpers.timeline.ner import load_ner
    from helpers.timeline.stage import extraction_targets

    texts = list(extraction_targets(pd.read_parquet(_processed(out) / "articles.parquet"))["text"])
    started = time.perf_counter()
    nlp = load_ner()
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=2 if len(texts) >= 400 else 1):
        pass
    done = time.perf_counter()
    return {
        "call_s": done - started,
        "load_s": loaded - started,
        "pipe_s": done - loaded,
        "n_words": sum(len(text.split()) for text in texts),
        "n_texts": len(texts),
    }


def floor_export(raw: Path, out: Path) -> dict[str, Any]:
    """WeasyPrint alone on the briefing's HTML page."""
    import logging

    from weasyprint import HTML

    logging.getLogger("fontTools").setLevel(logging.WARNING)
    html = out / config.REPORTS_SUBDIR / "briefing.html"
    started = time.perf_counter()
    document = HTML(filename=str(html), base_url=str(html.parent)).render()
    rendered = time.perf_counter()
    document.write_pdf(out / "floor.pdf")
    done = time.perf_counter()
    return {
        "call_s": done - started,
        "render_s": rendered - started,
        "write_s": done - rendered,
        "pages": len(document.pages),
    }


def _importing(*modules: str) -> Job:
    """A job that imports modules (its cost is the process's wall time)."""

    def job(raw: Path, out: Path) -> dict[str, Any]:
        import importlib

        from helpers.fastimport import skip_slow_optional_imports

        skip_slow_optional_imports()  # as the pipeline does: without it, ~2 s more
        for module in modules:
            importlib.import_module(module)
        return {}

    return job


def fixed_model_load(raw: Path, out: Path) -> dict[str, Any]:
    """Loading the spaCy model as the NER workers do."""
    from helpers.timeline import ner

    started = time.perf_counter()
    ner.load_ner()
    return {"call_s": time.perf_counter() - started}


def fixed_kernel_start(raw: Path, out: Path) -> dict[str, Any]:
    """papermill on a one-cell notebook: a kernel's start, one request, its stop."""
    import nbformat
    import papermill

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    out.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, out / "trivial.ipynb")
    started = time.perf_counter()
    papermill.execute_notebook(
        str(out / "trivial.ipynb"),
        str(out / "trivial.out.ipynb"),
        kernel_name=config.KERNEL_NAME,
        progress_bar=False,
    )
    return {"call_s": time.perf_counter() - started}


# The stages as the notebooks call them, in order, each writing under the output folder.
STAGES: dict[str, Job] = {
    "ingest": stage_ingest,
    "themes": stage_themes,
    "timeline": stage_timeline,
    "briefing": stage_briefing,
    "export": stage_export,
}
# The one library call each stage cannot do without, on the same inputs.
FLOORS: dict[str, Job] = {
    "ingest": floor_ingest,
    "themes": floor_themes,
    "timeline": floor_timeline,
    "export": floor_export,
}
# Costs paid once per process or per run, whatever the corpus.
FIXED_COSTS: dict[str, Job] = {
    "interpreter start": _importing(),
    "import helpers.ingest.stage": _importing("helpers.ingest.stage"),
    "import helpers.themes.stage": _importing("helpers.themes.stage"),
    "import helpers.timeline.stage": _importing("helpers.timeline.stage"),
    "import helpers.report.render + weasyprint": _importing("helpers.report.render", "weasyprint"),
    "import papermill": _importing("papermill"),
    "spaCy model load": fixed_model_load,
    "papermill kernel start (1-cell notebook)": fixed_kernel_start,
}
JOBS: dict[str, dict[str, Job]] = {"stage": STAGES, "floor": FLOORS, "fixed": FIXED_COSTS}


@dataclass(frozen=True)
class Measurement:
    """Wall time, CPU time and peak resident memory of one child process tree, and the
    figures it reported."""

    wall_s: float
    peak_rss_mb: float
    result: dict[str, Any] = field(default_factory=dict)
    cpu_s: float = 0.0


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
    cpu_s: float = 0.0

    @property
    def ratio(self) -> float | None:
        """Stage wall time over floor wall time (both fresh processes)."""
        return self.wall_s / self.floor_s if self.floor_s else None


class BenchError(RuntimeError):
    """A measured child process failed; carries the job's name and the end of its stderr."""

    def __init__(self, name: str, returncode: int, stderr: str) -> None:
        super().__init__(f"{name}: exit code {returncode}: {stderr[-2000:]}")
        self.name = name
        self.returncode = returncode
        self.stderr = stderr


def _tree(process: psutil.Process) -> list[psutil.Process]:
    """A process and all its descendants (those still there)."""
    try:
        return [process, *process.children(recursive=True)]
    except psutil.Error:
        return []


def _kill_tree(process: psutil.Process) -> bool:
    """Kill a process and its descendants (a hung stage may leave worker processes behind)."""
    for proc in reversed(_tree(process)):
        try:
            proc.kill()
        except psutil.Error:
            continue
    return True


def measure_command(
    command: Sequence[str],
    name: str = "command",
    timeout_s: float | None = None,
    env: dict[str, str] | None = None,
) -> Measurement:
    """Run a command; its wall time, the CPU time and peak RSS of its process tree (sampled,
    plus the child's own figures at exit), and the BENCH figures it printed. The child's
    environment is this one's, with env on top."""
    env = {**os.environ, BATCH_ENV: "1", **(env or {})}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(command), stdout=out, stderr=err, env=env)
        watched = psutil.Process(proc.pid)
        peak, timed_out = 0, False
        while True:
            # wait4 reaps the child and gives its own peak RSS (kB on Linux) and CPU times.
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            rss = 0
            for member in _tree(watched):
                with contextlib.suppress(psutil.Error):
                    rss += member.memory_info().rss
            peak = max(peak, rss)
            if timeout_s is not None and time.perf_counter() - started > timeout_s:
                timed_out = _kill_tree(watched)
            time.sleep(POLL_S)
        wall = time.perf_counter() - started
        # The child's CPU time, with that of every descendant it waited for (kernels, workers).
        cpu_s = usage.ru_utime + usage.ru_stime
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if timed_out:
        raise BenchError(name, proc.returncode, f"{stderr}\ntimed out after {timeout_s:.0f}s")
    if proc.returncode != 0:
        raise BenchError(name, proc.returncode, stderr)
    peak = max(peak, usage.ru_maxrss * 1024)
    return Measurement(wall, peak / 2**20, _last_result(stdout), cpu_s)


def _last_result(stdout: str) -> dict[str, Any]:
    """The JSON of the last BENCH line of a child's output, or {}."""
    lines = [line for line in stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    return json.loads(lines[-1][len(RESULT_PREFIX) :]) if lines else {}


def measure_job(
    table: str, name: str, raw: Path, out: Path, timeout_s: float | None = None
) -> Measurement:
    """Measure one job of JOBS in a fresh process (this script, called back with --job)."""
    command = [sys.executable, __file__, "--job", table, name, str(raw), str(out)]
    return measure_command(command, f"{table}/{name}", timeout_s)


def full_run(raw: Path, out: Path, timeout_s: float | None = None) -> Measurement:
    """The `briefing` command on a corpus, as `make report` runs it; its stages' seconds
    (from the manifest) in the result."""
    command = [str(BRIEFING), "--raw-dir", str(raw), "--out-dir", str(out), "-q"]
    m = measure_command(command, "briefing", timeout_s)
    run = json.loads((out / config.REPORTS_SUBDIR / "manifest.json").read_text(encoding="utf-8"))
    stages = {stage["stage"]: stage["seconds"] for stage in run["stages"]}
    return Measurement(m.wall_s, m.peak_rss_mb, {"stages": stages}, m.cpu_s)


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
    table: str,
    label: str,
    raw: Path,
    out: Path,
    errors: dict[str, str],
    timeout_s: float | None = None,
) -> dict[str, Measurement]:
    """Measure each job of a table in turn; a failure is noted in errors and the rest go on."""
    measured = {}
    for name in JOBS[table]:
        print(f"bench: {label}: {name} ...", file=sys.stderr, flush=True)
        try:
            measured[name] = measure_job(table, name, raw, out, timeout_s)
        except BenchError as exc:
            errors[f"{label}/{name}"] = (exc.stderr.strip().splitlines() or ["?"])[-1]
            print(f"bench: failed: {label}/{name}: {errors[f'{label}/{name}']}", file=sys.stderr)
    return measured


def bench_corpus(
    corpus: str, raw: Path, work: Path, budget_s: float, timeout_s: float = STAGE_TIMEOUT_S
) -> dict[str, Any]:
    """Stages, floors and (if it fits the budget) a full run on one corpus."""
    n_articles = sum(1 for p in raw.iterdir() if p.suffix.lower() in config.TEXT_SUFFIXES)
    out = work / f"out_{corpus}"
    errors: dict[str, str] = {}
    stages = _measure_table("stage", corpus, raw, out, errors, timeout_s)
    floors = _measure_table("floor", f"{corpus} floor", raw, out, errors, timeout_s)
    rows = [
        Row(corpus, n_articles, stage, m.wall_s, m.peak_rss_mb,
            floors[stage].wall_s if stage in floors else None, m.result, m.cpu_s)
        for stage, m in stages.items()
    ]  # fmt: skip
    rows += [
        Row(corpus, n_articles, f"floor: {stage}", m.wall_s, m.peak_rss_mb, None, m.result, m.cpu_s)
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
        print(f"bench: {corpus}: full run (briefing) ...", file=sys.stderr, flush=True)
        try:
            m = full_run(raw, full_out, timeout_s)
        except BenchError as exc:
            errors[f"{corpus}/full"] = str(exc)
        else:
            rows.append(Row(corpus, n_articles, FULL, m.wall_s, m.peak_rss_mb, None, {}, m.cpu_s))
            full.update(
                wall_s=round(m.wall_s, 2), cpu_s=round(m.cpu_s, 1), stages=m.result["stages"]
            )
            if corpus != SEEDS:  # the seed folder is the user's data/raw: never written to
                rows += rebuilds(corpus, raw, full_out, errors, timeout_s)
    figures = _stage_figures(stages, floors)
    return {"rows": rows, "full_run": full, "stage_figures": figures, "errors": errors}


def add_article(raw: Path, number: int) -> Path:
    """Add one new generated article (relevant, not a duplicate) to a corpus folder."""
    from corpus_gen import generate_corpus

    with tempfile.TemporaryDirectory() as tmp:
        (made,) = generate_corpus(
            1, Path(tmp), seed=10_000 + number, duplicate_share=0, offtopic_share=0,
            english_share=0,
        )  # fmt: skip
        return Path(shutil.move(made, raw / f"new_{number:03d}.txt"))


def rebuilds(
    corpus: str, raw: Path, out: Path, errors: dict[str, str], timeout_s: float
) -> list[Row]:
    """The briefing rebuilt after one new article (the per-article cache serves the rest)."""
    add_article(raw, 1)
    n_articles = sum(1 for p in raw.iterdir() if p.suffix.lower() in config.TEXT_SUFFIXES)
    print(f"bench: {corpus}: {REBUILD} ...", file=sys.stderr, flush=True)
    try:
        m = full_run(raw, out, timeout_s)
    except BenchError as exc:
        errors[f"{corpus}/{REBUILD}"] = str(exc)
        return []
    return [Row(corpus, n_articles, REBUILD, m.wall_s, m.peak_rss_mb, None, m.result, m.cpu_s)]


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
    for name in FIXED_COSTS:
        print(f"bench: fixed cost: {name} ...", file=sys.stderr, flush=True)
        m = measure_job("fixed", name, work, work / "fixed")
        costs.append({"cost": name, "wall_s": m.wall_s, "peak_rss_mb": m.peak_rss_mb, **m.result})
    return costs


def marginal_cost(rows: Sequence[Row]) -> dict[str, Any]:
    """Per generated corpus: what one more article costs a full run (its wall time less the
    seeds' full run, per article beyond the seeds), against NER alone on the same texts (the
    timeline floor, model load left out, per article)."""
    full = {r.corpus: r for r in rows if r.stage == FULL}
    floors = {r.corpus: r.result for r in rows if r.stage == "floor: timeline"}
    if SEEDS not in full:
        return {}
    seeds = full[SEEDS]
    figures = {}
    for corpus, row in full.items():
        pipe_s = floors.get(corpus, {}).get("pipe_s")
        if corpus == SEEDS or not pipe_s or row.n_articles <= seeds.n_articles:
            continue
        per_article = (row.wall_s - seeds.wall_s) / (row.n_articles - seeds.n_articles)
        floor = pipe_s / row.n_articles
        figures[corpus] = {
            "marginal_s_per_article": round(per_article, 4),
            "ner_floor_s_per_article": round(floor, 4),
            "ratio": round(per_article / floor, 2),
        }
    return figures


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
        "wall_s, floor_s: fresh process, imports included; cpu_s: its process tree; "
        "ratio = wall_s / floor_s.",
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
    if report.get("marginal_cost"):
        parts += ["", "## Marginal cost per article (full runs) against NER alone", ""]
        parts += [f"- {corpus}: {json.dumps(m)}" for corpus, m in report["marginal_cost"].items()]
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
        "marginal_cost": marginal_cost(rows),
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
    from corpus_gen import generate_corpus

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


def run_job(table: str, name: str, raw: Path, out: Path) -> int:
    """Run one job of JOBS here and print its figures (what a measured child does)."""
    result = JOBS[table][name](raw, out)
    print(RESULT_PREFIX + json.dumps(result), flush=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python tools/bench.py`."""
    parser = argparse.ArgumentParser(
        prog="python tools/bench.py", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--job", nargs=4, metavar=("TABLE", "NAME", "RAW", "OUT"),
                        help="run one job here (what each measured child does)")  # fmt: skip
    parser.add_argument("--out-dir", type=Path, default=config.REPORTS_DIR / "bench")
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default {DEFAULT_SIZES!r}")
    parser.add_argument("--quick", action="store_true", help=f"same as --sizes {QUICK_SIZES}")
    parser.add_argument("--raw-dir", type=Path, default=config.RAW_DIR, help="the seed corpus")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpora")
    parser.add_argument("--budget-s", type=float, default=FULL_RUN_BUDGET_S,
                        help="skip a full run expected to take longer")  # fmt: skip
    parser.add_argument("--timeout-s", type=float, default=STAGE_TIMEOUT_S,
                        help="kill a stage still running after this long")  # fmt: skip
    args = parser.parse_args(argv)
    if args.job:
        table, name, raw, out = args.job
        return run_job(table, name, Path(raw), Path(out))
    try:
        sizes = parse_sizes(QUICK_SIZES if args.quick else args.sizes)
    except ValueError as exc:
        parser.error(str(exc))
    report = run(sizes, args.raw_dir, args.out_dir, args.seed, args.budget_s, args.timeout_s)
    print(markdown_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
