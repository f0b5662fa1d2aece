"""Benchmarks: `make bench` runs every `bench_*.py` here and prints one table. Speed targets
live here, never in the test suite, and every figure is a ratio measured in the same run.

A benchmark module defines `run() -> list[Row]`; `benchmarks.run` gives it a freshly migrated
database of its own first."""

from dataclasses import dataclass


@dataclass
class Row:
    """One line of the table: what was measured, the figure, and whether its target holds
    (None when it is a figure without a target of its own)."""

    benchmark: str
    measure: str
    value: str
    target: str = ""
    holds: bool | None = None
