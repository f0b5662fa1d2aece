"""Benchmarks: `make bench` runs every `bench_*.py` here and prints one table. Speed targets
live here, never in the test suite, and every figure is a ratio measured in the same run."""
