"""Stage 3: events and actors of every readable article, merged into the timeline."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, astuple, dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import actors, events, nlp, schemas, storage, timeline
from helpers.briefing import core_articles, outlet_names
from helpers.cache import JsonCache, code_version, key_of
from helpers.params import TimelineParams
from helpers.progress import progress

EVENT_COLUMNS = [f.name for f in fields(events.Event)]
# The modules an article's events and actor mentions depend on: a change to any of them
# invalidates the per-article cache.
EXTRACT_MODULES = ("cache", "extraction", "events", "dates", "actors", "text_spans", "textnorm")


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
    """Events and actors for every readable article; the timeline from the core articles only."""
    readable = articles[articles["readable"] & (articles["n_words"] > 0)]
    # NER runs to the end before any event is extracted: an error below then cannot leave
    # spaCy's worker processes blocked on a half-read pipe.
    stream = nlp.cached_entities(list(readable["text"]), cache_dir)
    entities = list(progress(stream, "timeline: entities", total=len(readable)))
    rows = zip(
        readable["file"],
        readable["text"],
        readable["published"],
        readable["outlet"],
        entities,
        strict=True,
    )
    event_rows, mention_rows = extract_articles(
        progress(rows, "timeline: events", total=len(readable)), extract_cache(cache_dir)
    )
    event_table = pd.DataFrame(event_rows, columns=EVENT_COLUMNS)
    mentions = pd.DataFrame(mention_rows, columns=actors.MENTION_COLUMNS)
    actor_table = actors.summarise_actors(mentions)
    core_files = set(core_articles(articles)["file"])
    merged = timeline.merge_events(
        event_table[event_table["file"].isin(core_files)], outlet_names(articles)
    )
    return TimelineTables(
        events=event_table,
        actors=actor_table,
        timeline=timeline.within_window(merged, date_from, date_to),
    )


def extract_cache(cache_dir: Path | None) -> JsonCache | None:
    """The per-article cache of events and actor mentions (None: no cache)."""
    return JsonCache(cache_dir, "extract", code_version(EXTRACT_MODULES)) if cache_dir else None


def extract_articles(
    articles: Iterable[tuple[str, str, str | None, str | None, Sequence[nlp.Entity]]],
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
    entities: Sequence[nlp.Entity],
    cache: JsonCache | None = None,
) -> dict[str, list[dict]]:
    """{"events": rows, "mentions": rows} of one article, from the cache when this article
    (same file, text, date, outlet and entities) was seen by the same code before."""
    key = None
    if cache is not None:
        found_entities = json.dumps([astuple(e) for e in entities])
        key = key_of(file, text, _text_or_empty(published), _text_or_empty(outlet), found_entities)
        stored = cache.get(key)
        if stored is not None:
            return stored
    found = {
        "events": [asdict(ev) for ev in events.extract_events(file, text, published, entities)],
        "mentions": actors.mention_rows(file, text, entities, exclude=[outlet]),
    }
    if cache is not None and key is not None:
        cache.put(key, found)
    return found


def _text_or_empty(value: object) -> str:
    """A text cell as it enters a cache key: missing values (None, NaN) as ""."""
    return value if isinstance(value, str) else ""


def write_outputs(tables: TimelineTables, processed_dir: Path) -> None:
    """Validate and write events.parquet, actors.parquet and timeline.parquet."""
    for name in ("events", "actors", "timeline"):
        frame = schemas.validate(name, getattr(tables, name))
        storage.write_parquet(Path(processed_dir) / f"{name}.parquet", frame)


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
