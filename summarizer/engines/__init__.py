"""Ways of running the pipeline other than the single process of ``summarizer run``.

* :mod:`summarizer.engines.ray_engine`: on a Ray cluster (or a local Ray instance) with Ray Data,
  one model-holding actor per worker. Needs the optional ``ray`` extra (Ray Data).

Importing this package never imports Ray; the functions below raise
:class:`~summarizer.errors.NotInstalledError` (with the install command) when Ray is missing.
"""

from __future__ import annotations

from .ray_engine import RayRun, SummarizeActor, record_schema, run_ray, summarize_dataset

__all__ = ["RayRun", "SummarizeActor", "record_schema", "run_ray", "summarize_dataset"]
