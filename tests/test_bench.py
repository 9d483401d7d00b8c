"""The benchmark's measuring and reporting parts (the full benchmark is `make bench`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import bench  # tools/bench.py
from helpers.config import RAW_DIR as SEEDS


def _script(tmp_path: Path, code: str) -> list[str]:
    """The command that runs a small Python script written for the test."""
    script = tmp_path / "child.py"
    script.write_text(code, encoding="utf-8")
    return [sys.executable, str(script)]


def test_measure_command_reports_time_cpu_memory_and_figures(tmp_path: Path) -> None:
    code = (
        "import time\n"
        "block = bytearray(120 * 2**20)\n"
        "for i in range(0, len(block), 4096): block[i] = 1\n"
        "end = time.process_time() + 0.3\n"
        "while time.process_time() < end: pass\n"
        "time.sleep(0.2)\n"
        "print('noise')\n"
        "print('BENCH {\"n\": 3}')\n"
    )
    m = bench.measure_command(_script(tmp_path, code))
    assert m.wall_s >= 0.5
    assert 0.3 <= m.cpu_s < m.wall_s + 1
    assert 120 <= m.peak_rss_mb < 1000
    assert m.result == {"n": 3}


def test_measure_command_counts_a_waited_child_once(tmp_path: Path) -> None:
    busy = "import time\nend = time.process_time() + 0.5\nwhile time.process_time() < end: pass\n"
    code = f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {busy!r}], check=True)\n"
    m = bench.measure_command(_script(tmp_path, code))
    assert 0.5 <= m.cpu_s < 0.95  # the child's 0.5 s of CPU, and two interpreters' start


def test_measure_command_names_a_failing_job(tmp_path: Path) -> None:
    command = _script(tmp_path, "raise SystemExit('boom')")
    with pytest.raises(bench.BenchError) as info:
        bench.measure_command(command, name="gen_10/ingest")
    assert info.value.name == "gen_10/ingest" and info.value.returncode == 1
    assert "boom" in info.value.stderr


def test_measure_command_kills_a_hung_child_and_its_workers(tmp_path: Path) -> None:
    code = (
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "time.sleep(60)\n"
    )
    with pytest.raises(bench.BenchError, match="timed out after 1s"):
        bench.measure_command(_script(tmp_path, code), timeout_s=1.0)


def test_a_job_runs_in_a_child_and_reports_its_figures(tmp_path: Path) -> None:
    m = bench.measure_job("floor", "ingest", SEEDS, tmp_path)
    assert set(m.result) == {"call_s"} and 0 <= m.result["call_s"] < m.wall_s


def test_every_job_is_a_function_of_this_module() -> None:
    for table in bench.JOBS.values():
        for name, job in table.items():
            assert callable(job) and job.__module__ == "bench", name
    assert set(bench.FLOORS) < set(bench.STAGES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("seeds,100,1000", ["seeds", 100, 1000]), (" 10 , seeds ", [10, "seeds"])],
    ids=["default_like", "spaces"],
)
def test_parse_sizes(text: str, expected: list) -> None:
    assert bench.parse_sizes(text) == expected


@pytest.mark.parametrize("text", ["0", "big", "seeds,-5"], ids=["zero", "word", "negative"])
def test_parse_sizes_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="--sizes"):
        bench.parse_sizes(text)


FAKE_ROWS = [
    bench.Row("gen_1000", 1000, "ingest", 40.0, 300.0, 8.0, cpu_s=70.0),
    bench.Row("gen_1000", 1000, "briefing", 9.5, 200.0, None),
    bench.Row("gen_10000", 10000, "ingest", 420.0, 900.0, 80.0, cpu_s=800.0),
]


def test_markdown_table_has_the_columns_and_ratios() -> None:
    lines = bench.markdown_table(FAKE_ROWS).splitlines()
    assert (
        lines[0]
        == "| corpus | n_articles | stage | wall_s | cpu_s | peak_rss_mb | floor_s | ratio |"
    )
    assert lines[2] == "| gen_1000 | 1000 | ingest | 40.00 | 70.00 | 300 | 8.00 | 5.00 |"
    assert lines[3] == "| gen_1000 | 1000 | briefing | 9.50 | 0.00 | 200 |  |  |"
    assert len(lines) == 2 + len(FAKE_ROWS)


def test_growth_compares_1k_and_10k() -> None:
    assert bench.growth(FAKE_ROWS) == {"ingest": 10.5}


def test_write_report_writes_markdown_and_json(tmp_path: Path) -> None:
    fixed = [{"cost": "interpreter start", "wall_s": 0.05, "peak_rss_mb": 9.0}]
    corpora = {"gen_1000": {"timeline_words_per_s": 5000}}
    report = bench.build_report(FAKE_ROWS, fixed, corpora)
    md_path, json_path = bench.write_report(report, tmp_path / "bench")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["columns"] == list(bench.COLUMNS)
    assert [r["stage"] for r in data["rows"]] == ["ingest", "briefing", "ingest"]
    assert data["machine"]["cpu_count"] >= 1 and data["machine"]["python"].startswith("3.")
    assert data["growth_1k_to_10k"] == {"ingest": 10.5}
    markdown = md_path.read_text(encoding="utf-8")
    assert "| gen_10000 | 10000 | ingest | 420 | 800 | 900 | 80.00 | 5.25 |" in markdown
    assert "| interpreter start | 0.05 |  | 9.00 |" in markdown
    assert "- ingest: x10.5" in markdown


def test_added_articles_are_new_and_about_ai(tmp_path: Path) -> None:
    from helpers.ingest import relevance

    first, second = bench.add_article(tmp_path, 1), bench.add_article(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new_001.txt", "new_002.txt"]
    texts = [p.read_text(encoding="utf-8") for p in (first, second)]
    assert texts[0] != texts[1]
    assert all(relevance.relevance_score(text, None, "fr") >= 0.5 for text in texts)


@pytest.mark.parametrize(
    ("full_s", "pipe_s", "expected"),
    [
        (
            {"seeds": 10.0, "gen_1000": 109.5},
            100.0,
            {
                "gen_1000": {
                    "marginal_s_per_article": 0.1,
                    "ner_floor_s_per_article": 0.1,
                    "ratio": 1.0,
                }
            },
        ),
        (
            {"seeds": 10.0, "gen_1000": 59.75},
            100.0,
            {
                "gen_1000": {
                    "marginal_s_per_article": 0.05,
                    "ner_floor_s_per_article": 0.1,
                    "ratio": 0.5,
                }
            },
        ),
        ({"gen_1000": 59.75}, 100.0, {}),
        ({"seeds": 10.0, "gen_1000": 59.75}, None, {}),
    ],
    ids=["at_the_floor", "half_the_floor", "no_seeds_run", "no_ner_floor"],
)
def test_marginal_cost_per_article_against_the_ner_floor(full_s, pipe_s, expected) -> None:
    sizes = {"seeds": 5, "gen_1000": 1000}
    rows = [bench.Row(c, sizes[c], bench.FULL, wall, 1.0) for c, wall in full_s.items()]
    if pipe_s is not None:
        rows.append(
            bench.Row("gen_1000", 1000, "floor: timeline", 1.0, 1.0, result={"pipe_s": pipe_s})
        )
    assert bench.marginal_cost(rows) == expected
