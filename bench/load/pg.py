"""Queries through `psql` (python3 alone, no driver to install)."""

import subprocess


def literal(text):
    """A SQL string literal (standard_conforming_strings is on in PostgreSQL 15)."""
    return "'" + str(text).replace("'", "''") + "'"


class Database:
    def __init__(self, name, host="127.0.0.1", port="5432", user="postgres"):
        self.args = ["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                     "-h", host, "-p", str(port), "-U", user, "-d", name]

    def rows(self, sql):
        """Every row of the last statement of `sql`, as lists of strings."""
        out = subprocess.run(self.args + ["-f", "-"], input=sql, capture_output=True,
                             text=True, check=False)
        if out.returncode != 0:
            raise RuntimeError(f"psql failed: {out.stderr.strip()}\n--- SQL ---\n{sql[:2000]}")
        return [line.split("\t") for line in out.stdout.splitlines() if line]

    def value(self, sql):
        rows = self.rows(sql)
        return rows[0][0] if rows else None
