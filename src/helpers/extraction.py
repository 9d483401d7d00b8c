"""Stage 3: events and actors of every readable article, merged into the timeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import actors, events, nlp, schemas, storage, timeline
from helpers.briefing import core_articles, outlet_names
from helpers.params import TimelineParams
from helpers.progress import progress

EVENT_COLUMNS = [f.name for f in fields(events.Event)]


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
    event_rows: list[dict] = []
    mention_frames = []
    rows = zip(
        readable["file"],
        readable["text"],
        readable["published"],
        readable["outlet"],
        entities,
        strict=True,
    )
    for file, text, published, outlet, ents in progress(
        rows, "timeline: events", total=len(readable)
    ):
        event_rows.extend(asdict(ev) for ev in events.extract_events(file, text, published, ents))
        mention_frames.append(actors.actor_mentions(file, text, ents, exclude=[outlet]))
    event_table = pd.DataFrame(event_rows, columns=EVENT_COLUMNS)
    mentions = pd.concat(mention_frames, ignore_index=True) if mention_frames else pd.DataFrame()
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
