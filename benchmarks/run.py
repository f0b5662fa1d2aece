"""Run every benchmark in this folder against a fresh database of its own and print one table.

python -m benchmarks.run            # all of them
python -m benchmarks.run reminder   # those whose module name contains "reminder"

The database is var/bench.sqlite3, or the PostgreSQL database in BENCH_DATABASE_URL (see
academy/settings/bench.py); either is deleted and migrated again before each benchmark."""

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

from benchmarks import Row


def fresh_database() -> None:
    """Migrate an empty database: the SQLite file is deleted first, the PostgreSQL database
    dropped and made again. Only a database with "bench" in its name is ever dropped."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    database = settings.DATABASES["default"]
    name = str(database["NAME"])
    if "bench" not in Path(name).name:
        raise SystemExit(
            f"Refusing to empty the database {name!r}: a benchmark database needs 'bench' in "
            "its name, so that a mistyped BENCH_DATABASE_URL never drops real data."
        )
    connection.close()  # a previous benchmark's connection would keep the old database open
    if connection.vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{name}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg
        from psycopg import sql

        with psycopg.connect(
            host=database["HOST"] or "localhost",
            port=database["PORT"] or 5432,
            user=database["USER"],
            password=database["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
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
    widths = [max(len(cell) for cell in column) for column in zip(headings, *cells, strict=True)]
    line = "  ".join(f"{{:<{width}}}" for width in widths)
    print(line.format(*headings))
    print(line.format(*("-" * width for width in widths)))
    for row in cells:
        print(line.format(*row).rstrip())


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.bench")
    import django

    django.setup()
    from django.db import connection

    wanted = argv[0] if argv else ""
    names = [
        module.name
        for module in pkgutil.iter_modules([str(Path(__file__).parent)])
        if module.name.startswith("bench_") and wanted in module.name
    ]
    where = connection.settings_dict["NAME"]
    print(f"Benchmarks on {connection.vendor} ({where}), {os.cpu_count()} cores: ", end="")
    print(", ".join(names) or "none", end="\n\n", flush=True)
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
