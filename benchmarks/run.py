"""Run every benchmark in this folder against a fresh database of its own and print one table.

python -m benchmarks.run            # all of them
python -m benchmarks.run reminder   # those whose module name contains "reminder"
"""

import importlib
import os
import pkgutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Row:
    """One line of the table: what was measured, the figure, and whether its target holds
    (None when it has no target of its own)."""

    benchmark: str
    measure: str
    value: str
    target: str = ""
    holds: bool | None = None


def fresh_database():
    """Migrate an empty database: the SQLite file is deleted first, a PostgreSQL database
    named in BENCH_DATABASE_URL is dropped and made again."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database['NAME']}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        name = database["NAME"]
        admin = psycopg.connect(
            host=database["HOST"] or "localhost",
            port=database["PORT"] or 5432,
            user=database["USER"],
            password=database["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        )
        with admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        connection.close()
    call_command("migrate", verbosity=0, interactive=False)


def print_table(rows: list[Row]) -> None:
    headings = ("benchmark", "measure", "value", "target", "holds")
    cells = [
        (
            row.benchmark,
            row.measure,
            row.value,
            row.target,
            "" if row.holds is None else ("yes" if row.holds else "NO"),
        )
        for row in rows
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(headings, *cells, strict=True)]
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    print(line.format(*headings))
    print(line.format(*("-" * width for width in widths)))
    for row in cells:
        print(line.format(*row))


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.bench")
    import django

    django.setup()
    from django.conf import settings

    wanted = argv[0] if argv else ""
    names = [
        module.name
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if module.name.startswith("bench_") and wanted in module.name
    ]
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    print(f"Benchmarks on {engine}, {os.cpu_count()} cores: {', '.join(names) or 'none'}\n")
    rows: list[Row] = []
    started = time.perf_counter()
    for name in names:
        fresh_database()
        module = importlib.import_module(f"benchmarks.{name}")
        rows += module.run()
    print_table(rows)
    print(f"\nTook {time.perf_counter() - started:.0f} s.")
    return 0 if all(row.holds is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
