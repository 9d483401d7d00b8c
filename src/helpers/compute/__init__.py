"""How per-article work is spread: one process pool for the local engine (parallel), a Dask
cluster for the opt-in one (dask_engine). Each stage's entry module picks the engine."""
