"""Checks fact files against the schema; every problem names its file and line."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from facts import schema
from facts.loader import FactFileError, LoadedFact, fact_files, read_fact_file
from nlp.lexicon import load_substances

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.+-]*$")
URL_PATTERN = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")


def parse_date(value) -> date | None:
    """A strict YYYY-MM-DD date, or None when the value is not one."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def check_fact(fact: LoadedFact) -> list[FactFileError]:
    """Every problem with one fact (missing field, bad value, bad date, no source)."""
    data, problems = fact.data, []

    def bad(key: str, message: str) -> None:

        """Record one problem at the line of the field it concerns."""
        problems.append(FactFileError(fact.path, fact.line_of(key), f"fact {data.get('id', '?')!s}: {message}"))

    for key in schema.REQUIRED:
        if data.get(key) in (None, "", []):
            bad(key, f"missing field '{key}'" + (" (every fact needs a primary source)" if key.startswith("source") else ""))
    for key in data:
        if key not in schema.REQUIRED and key not in schema.OPTIONAL:
            bad(key, f"unknown field '{key}'")
    fid = data.get("id")
    if fid and not ID_PATTERN.match(str(fid)):
        bad("id", f"id '{fid}' must be lower case letters, digits, '.', '+' and '-'")
    substance = data.get("substance")
    if substance and substance not in load_substances():
        bad("substance", f"unknown substance '{substance}' (not in nlp/resources/substances.json)")
    for key in ("covers", "related"):
        for other in data.get(key) or []:
            if key == "covers" and other not in load_substances():
                bad(key, f"unknown substance '{other}' in '{key}'")
    if data.get("jurisdiction") and data["jurisdiction"] not in schema.JURISDICTIONS:
        bad("jurisdiction", f"jurisdiction must be one of {', '.join(schema.JURISDICTIONS)}")
    if data.get("authority") and data["authority"] not in schema.AUTHORITIES:
        bad("authority", f"authority '{data['authority']}' is not one of {', '.join(schema.AUTHORITIES)}")
    kind = data.get("kind")
    if kind and kind not in schema.KINDS:
        bad("kind", f"kind '{kind}' is not one of {', '.join(schema.KINDS)}")
    for key in schema.KIND_REQUIRES.get(kind, ()):
        if data.get(key) in (None, "", []):
            bad("kind", f"a {kind} fact needs '{key}'")
    for key in schema.DATE_FIELDS:
        if data.get(key) not in (None, "") and parse_date(data[key]) is None:
            bad(key, f"bad date {data[key]!r} in '{key}' (use YYYY-MM-DD)")
    if data.get("verified") and parse_date(data["verified"]) and parse_date(data["verified"]) > date.today():
        bad("verified", "'verified' is in the future")
    url = data.get("source_url")
    if url and not URL_PATTERN.match(str(url)):
        bad("source_url", f"source_url {url!r} is not an https URL")
    if data.get("date_precision") and data["date_precision"] not in schema.DATE_PRECISIONS:
        bad("date_precision", f"date_precision must be one of {', '.join(schema.DATE_PRECISIONS)}")
    if data.get("finding") and data["finding"] not in schema.FINDINGS:
        bad("finding", f"finding must be one of {', '.join(schema.FINDINGS)}")
    if "indications" in data and not isinstance(data["indications"], list):
        bad("indications", "'indications' must be a list of condition ids")
    if "route" in data and not isinstance(data["route"], (str, list)):
        bad("route", "'route' must be text or a list")
    problems += _check_mapping(fact, "legal_status", schema.LEGAL_STATUS_KEYS, ("regime",))
    problems += _check_mapping(fact, "dose", schema.DOSE_KEYS, ("low", "unit"))
    dose = data.get("dose")
    if isinstance(dose, dict):
        for key in ("low", "high"):
            if key in dose and not isinstance(dose[key], (int, float)):
                bad("dose", f"dose '{key}' must be a number")
    return problems


def _check_mapping(fact: LoadedFact, key: str, allowed: tuple, required: tuple) -> list[FactFileError]:


    """Problems with a nested mapping field (legal_status, dose): type, unknown and missing keys."""
    value = fact.data.get(key)
    if value is None:
        return []
    where = fact.line_of(key)
    label = f"fact {fact.data.get('id', '?')}"
    if not isinstance(value, dict):
        return [FactFileError(fact.path, where, f"{label}: '{key}' must be a mapping")]
    out = [FactFileError(fact.path, where, f"{label}: unknown key '{k}' in '{key}'") for k in value if k not in allowed]
    out += [FactFileError(fact.path, where, f"{label}: '{key}' needs '{k}'") for k in required if k not in value]
    return out


def validate_files(paths: list[str | Path] | None = None) -> tuple[list[LoadedFact], list[FactFileError]]:
    """Read and check fact files; returns the facts read and every problem found (empty when valid)."""
    facts: list[LoadedFact] = []
    problems: list[FactFileError] = []
    seen: dict[str, LoadedFact] = {}
    try:
        files = fact_files(paths)
    except FactFileError as exc:
        return [], [exc]
    for path in files:
        try:
            header, loaded = read_fact_file(path)
        except FactFileError as exc:
            problems.append(exc)
            continue
        version = header.get("schema_version")
        if version != schema.SCHEMA_VERSION:
            line = header.get("_lines", {}).get("schema_version", 1)
            problems.append(FactFileError(path, line, f"schema_version must be {schema.SCHEMA_VERSION}, found {version!r}"))
        for fact in loaded:
            found = check_fact(fact)
            problems += found
            fid = fact.data.get("id")
            if fid in seen:
                first = seen[fid]
                problems.append(FactFileError(fact.path, fact.line,
                                              f"duplicate fact id '{fid}' (first at {first.path}:{first.line})"))
            elif fid:
                seen[fid] = fact
            if not found:
                facts.append(fact)
    return facts, problems
