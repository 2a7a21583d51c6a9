"""`healthclaims facts list|show|validate|import`: the fact base from the command line."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from facts.curated import load_curated
from facts.loader import FactFileError
from facts.validate import validate_files
from store import Store

SHOW_ORDER = (
    "fact_id", "substance", "jurisdiction", "authority", "kind", "product", "brand", "form", "route",
    "indication", "indications", "population", "conditions_of_use", "legal_status", "dose", "finding", "date",
    "date_effective", "reference", "summary", "notes", "source_title", "source_url", "verified", "provenance",
)


def all_facts(db_path) -> list[dict]:
    """The curated facts plus whatever the store holds (imported facts), curated first on equal ids."""
    facts = {f["fact_id"]: f for f in load_curated()}
    if not db_path or not Path(db_path).exists():
        return _sorted(facts.values())
    try:
        with Store(db_path, read_only=True) as store:
            for fact in store.load_facts():
                facts.setdefault(fact["fact_id"], fact)
    except Exception as exc:  # a missing or locked database still lets the curated base be listed
        print(f"note: store not read ({str(exc).splitlines()[0]})", file=sys.stderr)
    return _sorted(facts.values())


def _sorted(facts) -> list[dict]:


    """Facts in the order `facts list` prints them: substance, jurisdiction, date."""
    return sorted(facts, key=lambda f: (f["substance"], f["jurisdiction"], str(f.get("date") or ""), f["fact_id"]))


def format_row(fact: dict) -> str:
    """One fact as one line: id, jurisdiction, authority, kind, date and a short description."""
    what = fact.get("product") or _legal_text(fact) or fact.get("summary") or ""
    what = " ".join(str(what).split())
    if len(what) > 60:
        what = what[:57] + "..."
    return (f"{fact['fact_id']:<46} {fact['jurisdiction']:<3} {fact['authority']:<13} {fact['kind']:<15} "
            f"{str(fact.get('date') or ''):<10}  {what}")


def _legal_text(fact: dict) -> str:


    """A schedule or class in a few words, for `facts list`."""
    status = fact.get("legal_status") or {}
    if not isinstance(status, dict):
        return ""
    if status.get("schedule"):
        return f"Schedule {status['schedule']}" + (f" (DEA code {status['code']})" if status.get("code") else "")
    if status.get("class"):
        return f"Class {status['class']} ({status.get('regime', '')})"
    return ""


def format_fact(fact: dict) -> str:
    """One fact in full, one field a line, long text wrapped."""
    lines = []
    keys = [k for k in SHOW_ORDER if fact.get(k) not in (None, "", [], {})]
    keys += [k for k in fact if k not in SHOW_ORDER and k not in ("routes", "origin") and fact.get(k) not in (None, "", [])]
    for key in keys:
        value = fact[key]
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        text = " ".join(str(value).split())
        wrapped = textwrap.wrap(text, width=88, subsequent_indent=" " * 20) or [""]
        lines.append(f"{key + ':':<20}" + "\n".join(wrapped))
    return "\n".join(lines)


def cmd_list(args) -> int:
    """Print the facts, one a line, optionally filtered."""
    facts = all_facts(args.db)
    if args.substance:
        facts = [f for f in facts if f["substance"] == args.substance.lower()]
    if args.jurisdiction:
        facts = [f for f in facts if f["jurisdiction"] == args.jurisdiction.upper()]
    for fact in facts:
        print(format_row(fact))
    print(f"{len(facts)} facts", file=sys.stderr)
    return 0


def cmd_show(args) -> int:
    """Print one fact in full."""
    for fact in all_facts(args.db):
        if fact["fact_id"] == args.fact_id:
            print(format_fact(fact))
            return 0
    raise ValueError(f"no fact with id '{args.fact_id}' (see `healthclaims facts list`)")


def cmd_validate(args) -> int:
    """Check fact files; print each problem as file:line: message; exit 2 when any is found."""
    facts, problems = validate_files(args.paths or None)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 2
    print(f"ok: {len(facts)} facts valid")
    return 0


def cmd_import(args) -> int:
    """Import one official bulk file into the store."""
    from facts.importers import import_file

    with Store(args.db) as store:
        summary = import_file(store, args.source, args.path)
    print(" ".join(f"{k}={v}" for k, v in summary.items()))
    return 0


ACTIONS = {"list": cmd_list, "show": cmd_show, "validate": cmd_validate, "import": cmd_import}


def facts_command(args) -> int:
    """Dispatch `healthclaims facts ACTION`; bad fact files become one-line ValueErrors (exit 2)."""
    try:
        return ACTIONS[args.facts_command](args)
    except FactFileError as exc:
        raise ValueError(str(exc)) from None
