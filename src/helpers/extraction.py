"""Stage 3: events of every readable article, actors of the core ones, the timeline."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import actors, config, events, gazetteer, nlp, schemas, storage, timeline
from helpers.briefing import core_articles, outlet_names
from helpers.cache import JsonCache, code_version, key_of, resources_digest
from helpers.ner import Entity
from helpers.params import TimelineParams
from helpers.progress import progress

EVENT_COLUMNS = [f.name for f in fields(events.Event)]
# One article as stage 3 reads it: file, text, published, outlet, and whether the NER model
# reads it (core articles only).
ArticleRecord = tuple[str, str, str | None, str | None, bool]
# What the extraction of some articles gives: event rows and actor-mention rows.
PartEvents = tuple[list[dict], list[dict]]
# Articles in chunks, and the worker's future for each chunk (None: compute it here).
Submitted = tuple[list[list[ArticleRecord]], list[Future[PartEvents] | None]]
# The modules an article's events and actor mentions depend on: a change to any of them
# invalidates the per-article cache.
EXTRACT_MODULES = (
    "cache",
    "extraction",
    "events",
    "dates",
    "actors",
    "actor_spans",
    "gazetteer",
    "ner",
    "text_spans",
    "textnorm",
)


@dataclass
class TimelineTables:
    """What stage 3 writes."""

    events: pd.DataFrame
    actors: pd.DataFrame
    timeline: pd.DataFrame


def build_timeline_tables(
    articles: pd.DataFrame,
    date_from: str | None = None,
    date_to: str | None = None,
    cache_dir: Path | None = None,
) -> TimelineTables:
    """Events of every readable article (so date extraction can be checked on any text);
    actors, and the actors of events, only for the core articles (relevant, readable, not
    duplicates), the only ones the NER model reads; the timeline from the core articles.
    NER and extraction run in the model's worker processes, chunk by chunk."""
    records = article_records(articles)
    chunks, futures = _submit(records, cache_dir)
    parts = [
        nlp.chunk_result(future, extract_records, chunk, cache_dir)
        for future, chunk in progress(
            zip(futures, chunks, strict=True), "timeline: chunks of articles", len(chunks)
        )
    ]
    return timeline_from_parts(articles, parts, date_from, date_to)


def article_records(articles: pd.DataFrame) -> list[ArticleRecord]:
    """The readable articles as the extraction receives them: (file, text, published, outlet,
    read by the model) tuples."""
    readable = articles[articles["readable"] & (articles["n_words"] > 0)]
    core = set(extraction_targets(articles)["file"])
    columns = ("file", "text", "published", "outlet")
    rows = zip(*(readable[c].tolist() for c in columns), strict=True)
    return [(file, text, published, outlet, file in core) for file, text, published, outlet in rows]


def extract_records(records: Sequence[ArticleRecord], cache_dir: Path | None) -> PartEvents:
    """NER over the texts of the records marked for it, in this process (model loaded once per
    process), then every record's event rows and actor-mention rows; what a worker or a Dask
    partition runs. Records not read by the model get no entities."""
    records = list(records)
    to_read = [r[1] for r in records if r[4]]
    found = nlp.cached_entities(to_read, cache_dir, in_process=True) if to_read else iter(())
    with_entities = (
        (file, text, published, outlet, next(found) if read else [])
        for file, text, published, outlet, read in records
    )
    return extract_articles(with_entities, extract_cache(cache_dir))


def timeline_from_parts(
    articles: pd.DataFrame,
    parts: Sequence[PartEvents],
    date_from: str | None,
    date_to: str | None,
) -> TimelineTables:
    """The corpus step: event and actor tables from the parts, core events merged."""
    event_table = pd.DataFrame([row for rows, _ in parts for row in rows], columns=EVENT_COLUMNS)
    mentions = pd.DataFrame(
        [row for _, rows in parts for row in rows], columns=actors.MENTION_COLUMNS
    )
    core_files = set(core_articles(articles)["file"])
    merged = timeline.merge_events(
        event_table[event_table["file"].isin(core_files)], outlet_names(articles)
    )
    return TimelineTables(
        events=event_table,
        actors=actors.summarise_actors(mentions),
        timeline=timeline.within_window(merged, date_from, date_to),
    )


def _submit(records: Sequence[ArticleRecord], cache_dir: Path | None) -> Submitted:
    """The records in chunks, and the extraction of each chunk with a text the model has not
    read before submitted to the workers (as many as the new texts call for); a chunk read
    entirely from the cache gets None and is computed by whoever takes it, no model needed."""
    cache = nlp.entity_cache(cache_dir)
    new = [record[4] and not nlp.has_entities(record[1], cache) for record in records]
    workers = nlp.n_processes(sum(new))
    chunks = nlp.chunked(records, workers)
    to_model = [any(flags) for flags in nlp.chunked(new, workers)]
    submitted = iter(
        nlp.submit_chunks(
            extract_records,
            [chunk for chunk, needed in zip(chunks, to_model, strict=True) if needed],
            cache_dir,
            model=config.SPACY_MODEL,
            workers=workers,
        )
    )
    return chunks, [next(submitted) if needed else None for needed in to_model]


def extraction_targets(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles the NER model reads (for actors): the core ones with some text."""
    core = core_articles(articles)
    return core[core["n_words"] > 0]


def extract_cache(cache_dir: Path | None) -> JsonCache | None:
    """The per-article cache of events and actor mentions (None: no cache)."""
    version = code_version(EXTRACT_MODULES, resources_digest((gazetteer.GAZETTEER_FILE,)))
    return JsonCache(cache_dir, "extract", version) if cache_dir else None


def extract_articles(
    articles: Iterable[tuple[str, str, str | None, str | None, Sequence[Entity]]],
    cache: JsonCache | None = None,
) -> tuple[list[dict], list[dict]]:
    """Event rows and actor-mention rows of (file, text, published, outlet, entities) records."""
    event_rows: list[dict] = []
    mention_rows: list[dict] = []
    for file, text, published, outlet, entities in articles:
        found = article_extraction(file, text, published, outlet, entities, cache)
        event_rows.extend(found["events"])
        mention_rows.extend(found["mentions"])
    return event_rows, mention_rows


def article_extraction(
    file: str,
    text: str,
    published: str | None,
    outlet: str | None,
    entities: Sequence[Entity],
    cache: JsonCache | None = None,
) -> dict[str, list[dict]]:
    """{"events": rows, "mentions": rows} of one article, from the cache when this article
    (same file, text, date, outlet and entities) was seen by the same code before."""
    key = None
    if cache is not None:
        found_entities = json.dumps([e.as_tuple() for e in entities])
        key = key_of(file, text, _text_or_empty(published), _text_or_empty(outlet), found_entities)
        stored = cache.get(key, ("events", "mentions"))
        if stored is not None:
            return stored
    # Actors only for the articles the model read (those with entities): the core ones.
    named = actors.article_actors(text, entities, exclude=[outlet]) if entities else []
    resolved = actors.as_entities(entities, named)
    found = {
        "events": [ev.to_row() for ev in events.extract_events(file, text, published, resolved)],
        "mentions": actors.actor_rows(file, text, named),
    }
    if cache is not None and key is not None:
        cache.put(key, found)
    return found


def _text_or_empty(value: object) -> str:
    """A text cell as it enters a cache key: missing values (None, NaN) as ""."""
    return value if isinstance(value, str) else ""


def write_outputs(tables: TimelineTables, processed_dir: Path) -> pd.DataFrame:
    """Validate and write events.parquet, actors.parquet and timeline.parquet; a row that fails
    its schema is set aside, written to problems_timeline.parquet and returned (file, stage,
    reason)."""
    set_aside = []
    for name, file_column in (
        ("events", "file"),
        ("actors", "file"),
        ("timeline", "evidence_file"),
    ):
        frame, aside = schemas.validate_rows(name, getattr(tables, name), file_column)
        storage.write_parquet(Path(processed_dir) / f"{name}.parquet", frame)
        set_aside.append(aside.assign(stage="timeline")[["file", "stage", "reason"]])
    problems = pd.concat(set_aside, ignore_index=True)
    storage.write_parquet(Path(processed_dir) / "problems_timeline.parquet", problems)
    return problems


def run_stage(articles: pd.DataFrame, p: TimelineParams) -> TimelineTables:
    """Stage 3 on the engine the parameters ask for (local loop or Dask cluster)."""
    options: dict[str, Any] = {
        "date_from": p.date_from,
        "date_to": p.date_to,
        "cache_dir": p.interim_dir,
    }
    if p.engine == "dask":
        from helpers.engine_dask import dask_client, timeline_tables_dask

        with dask_client(p.scheduler) as client:
            return timeline_tables_dask(articles, client=client, **options)
    return build_timeline_tables(articles, **options)
