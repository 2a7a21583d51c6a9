"""Run every benchmark section (or those named on the command line) and print their figures."""

from __future__ import annotations

import importlib
import sys
import time

# Each section is a module in this package with run() -> list[str] of printed lines.
SECTIONS = ["extraction", "nlp", "crawl", "facts", "dashboard", "distributed"]


def main(argv: list[str]) -> int:
    """Run the chosen sections in order; a failing section is reported and the rest still run."""
    chosen = argv or SECTIONS
    failed = 0
    for name in chosen:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"bench.{name}":
                print(f"== {name}: no benchmark yet")
                continue
            raise
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            for line in module.run():
                print(f"   {line}", flush=True)
        except Exception as exc:  # one section's failure must not hide the others' figures
            failed += 1
            print(f"   FAILED: {type(exc).__name__}: {exc}", flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
