"""CSV cells a spreadsheet shows as text, never runs: every CSV export writes through ``InertWriter``."""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell):
    """OWASP's CSV-injection advice: a cell a spreadsheet would run as a formula (it starts with
    = + - @, a tab or a carriage return) gets a leading single quote, so it is shown as text.
    The rest of the cell is unchanged; strip one leading ' to get the value as written."""
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


class InertWriter:
    """csv.writer / DictWriter with every cell passed through inert()."""

    def __init__(self, writer):
        self._w = writer

    def writerow(self, row):
        if isinstance(row, dict):
            return self._w.writerow({k: inert(v) for k, v in row.items()})
        return self._w.writerow([inert(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def writeheader(self):
        return self._w.writeheader()
