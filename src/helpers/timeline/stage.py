"""Stage 3: events of every readable article, actors of the core ones, the timeline."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from helpers import config, schemas, storage
from helpers.cache import JsonCache, code_version, key_of, resources_digest
from helpers.compute import parallel
from helpers.params import TimelineParams
from helpers.schemas import core_articles, outlet_names
from helpers.timeline import actors, events, gazetteer, ner
from helpers.timeline import merge as timeline

if TYPE_CHECKING:
    from distributed import Client

EVENT_COLUMNS = [f.name for f in fields(events.Event)]
# One article as stage 3 reads it: file, text, published, outlet, and whether the NER model
# reads it (core articles only).
ArticleRecord = tuple[str, str, str | None, str | None, bool]
# What the extraction of an article (or of some articles) gives: event rows and actor-mention
# rows.
PartEvents = tuple[list[dict], list[dict]]


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
    Articles with a text the model has not read yet go to worker processes that hold the
    model when there are enough of them (see helpers.compute.parallel); the others are done here."""
    records = article_records(articles)
    entities = ner.entity_cache(cache_dir)
    with parallel.Pool(ner.load_in_worker, (config.SPACY_MODEL,)) as workers:
        parts = parallel.map_uncached(
            partial(extract_records, cache_dir=cache_dir),
            records,
            lambda record: not record[4] or ner.has_entities(record[1], entities),
            "timeline: articles",
            workers,
        )
    return timeline_from_parts(articles, parts, date_from, date_to)


def article_records(articles: pd.DataFrame) -> list[ArticleRecord]:
    """The readable articles as the extraction receives them: (file, text, published, outlet,
    read by the model) tuples."""
    readable = articles[articles["readable"] & (articles["n_words"] > 0)]
    core = set(extraction_targets(articles)["file"])
    columns = ("file", "text", "published", "outlet")
    rows = zip(*(readable[c].tolist() for c in columns), strict=True)
    return [(file, text, published, outlet, file in core) for file, text, published, outlet in rows]


def extract_records(records: Sequence[ArticleRecord], cache_dir: Path | None) -> list[PartEvents]:
    """NER over the texts of the records marked for it, in this process (model loaded once per
    process), then each record's event rows and actor-mention rows; what a worker or a Dask
    partition runs. Records not read by the model get no entities."""
    records = list(records)
    to_read = [r[1] for r in records if r[4]]
    found = ner.cached_entities(to_read, cache_dir) if to_read else iter(())
    cache = extract_cache(cache_dir)
    parts: list[PartEvents] = []
    for file, text, published, outlet, read in records:
        extracted = article_extraction(
            file, text, published, outlet, next(found) if read else [], cache
        )
        parts.append((extracted["events"], extracted["mentions"]))
    return parts


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


def extraction_targets(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles the NER model reads (for actors): the core ones with some text."""
    core = core_articles(articles)
    return core[core["n_words"] > 0]


def extract_cache(cache_dir: Path | None) -> JsonCache | None:
    """The per-article cache of events and actor mentions (None: no cache)."""
    version = code_version(__name__, resources_digest((gazetteer.GAZETTEER_FILE,)))
    return JsonCache(cache_dir, "extract", version) if cache_dir else None


def article_extraction(
    file: str,
    text: str,
    published: str | None,
    outlet: str | None,
    entities: Sequence[ner.Entity],
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


# ---------------------------------------------------------------------------- the Dask engine
# Texts per Dask partition (NER runs inside the Dask worker, which may not start processes).
DASK_PARTITION = 100


def _events_partition(records: Iterable[ArticleRecord], cache_dir: Path | None) -> list[PartEvents]:
    """One bag partition of stage 3: NER (model cached per worker), events and actors."""
    return extract_records(list(records), cache_dir)


def timeline_tables_dask(
    articles: pd.DataFrame,
    date_from: str | None = None,
    date_to: str | None = None,
    cache_dir: Path | None = None,
    client: Client | None = None,
    partition_size: int = DASK_PARTITION,
) -> TimelineTables:
    """build_timeline_tables on a Dask cluster: NER, events and actor mentions per
    partition on the workers; merging into the timeline on the client."""
    import dask.bag as db  # the cluster engine's libraries: a local run does not load them

    from helpers.compute import dask_engine

    dask_engine.check_partition_size(partition_size)
    records = article_records(articles)
    parts: list[PartEvents] = []
    if records:
        with dask_engine.client_or_local(client, preload=(__name__,)) as active:
            scattered = dask_engine.scatter_partitions(active, records, partition_size)
            bag = db.from_delayed(scattered).map_partitions(_events_partition, cache_dir)
            parts = active.gather(active.compute(bag))
    return timeline_from_parts(articles, parts, date_from, date_to)


def run_stage(articles: pd.DataFrame, p: TimelineParams) -> TimelineTables:
    """Stage 3 on the engine the parameters ask for (local loop or Dask cluster)."""
    options: dict[str, Any] = {
        "date_from": p.date_from,
        "date_to": p.date_to,
        "cache_dir": p.interim_dir,
    }
    if p.engine == "dask":
        from helpers.compute.dask_engine import dask_client

        with dask_client(p.scheduler, preload=(__name__,)) as client:
            return timeline_tables_dask(articles, client=client, **options)
    return build_timeline_tables(articles, **options)
