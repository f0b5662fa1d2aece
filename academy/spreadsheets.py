"""Downloads that open in a spreadsheet: cells that look like formulas are quoted, because
spreadsheets run them and people choose their own names."""

import csv

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def no_formula(value: str) -> str:
    return f"'{value}" if value[:1] in FORMULA_STARTS else value


def csv_download(*, filename: str, header: list[str], rows) -> HttpResponse:
    """A CSV attachment; every text cell is made safe to open in a spreadsheet."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that Excel reads the file as UTF-8
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([no_formula(cell) if isinstance(cell, str) else cell for cell in row])
    return response
