"""Finds doses (value, normalised unit, ranges, per-kilogram), routes and dosing frequency in text."""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.wordlists import load


def _alternation(words, flags: str = "i") -> str:
    """A regex alternation of the words, longest first, with inline flags."""
    ordered = sorted(set(words), key=len, reverse=True)
    return f"(?{flags}:" + "|".join(re.escape(w) for w in ordered) + ")" if flags else "(?:" + "|".join(
        re.escape(w) for w in ordered) + ")"


@cache
def patterns() -> dict[str, re.Pattern]:
    """Compiled dose, route and frequency patterns built from nlp/resources/doses.json."""
    data = load("doses")
    words = {w: v for w, v in data["numbers"].items() if v is not None}
    number = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|" + _alternation(words) + r")"
    units = [u for u in data["units"] if u != "g"]
    # A bare "g" is only a unit in lower case ("5 g", "2g"), never "5G" networks.
    unit = "(?:" + _alternation(units) + r"|g)(?![A-Za-zµμ])"
    per_kg = _alternation(data["per_kg"])
    joiner = r"\s*(?:-|–|—|to|or|and)\s*"
    dose = (
        rf"(?<![\w.])(?:(?i:between)\s+)?(?P<low>{number})(?:\s*(?P<unit1>{unit}))?"
        rf"(?:{joiner}(?P<high>{number}))?\s*(?P<unit>{unit})"
        rf"(?:(?:\s+(?i:of)\s+[\w-]+(?:\s+[\w-]+){{0,2}}?)?\s*(?P<perkg>{per_kg}))?"
    )
    routes = {name: _alternation([w for w in ws if w.lower() != "iv"]) for name, ws in data["routes"].items()}
    route = "|".join(f"(?P<{name}>\\b{alt}\\b)" for name, alt in routes.items())
    # "IV" only in capitals, and never as a roman numeral after Schedule/Class/Phase/Type.
    route = r"(?P<iv_caps>(?<!Schedule )(?<!Class )(?<!Phase )(?<!Type )(?<!Stage )\bIV\b)|" + route
    period = r"(?:days?|weeks?|months?|hours?|nights?|mornings?|evenings?|fortnight|years?)"
    multiplier = r"(?:once|twice|thrice|(?:two|three|four|five|\d+)\s+times)"
    frequency = (
        rf"(?i:\b{multiplier}\s+(?:a|per|each|every)\s+{period}\b"
        rf"|\bevery\s+(?:other\s+|single\s+)?(?:{number}(?:{joiner}{number})?\s+)?{period}\b"
        rf"|\b(?:daily|weekly|monthly|nightly|fortnightly|once-weekly|once-daily|twice-daily)\b"
        rf"|\b(?:a|per|each)\s+(?:day|week|month|night)\b)"
    )
    return {
        "dose": re.compile(dose),
        "route": re.compile(route, re.IGNORECASE),
        "frequency": re.compile(frequency),
        "units": data["units"],
        "numbers": words,
    }


def _number(text: str) -> float | None:
    """A number from digits or a number word ('five', 'a half'); None if unreadable."""
    words = patterns()["numbers"]
    key = text.strip().lower()
    if key in words:
        return float(words[key])
    try:
        return float(key.replace(",", ""))
    except ValueError:
        return None


def _unit(text: str) -> str:
    """The normalised unit for a unit as written ('milligrams' -> 'mg')."""
    units = patterns()["units"]
    return units.get(text) or units.get(text.lower()) or text.lower()


def find_doses(text: str) -> list[dict]:
    """Every dose in a text: {value, unit, text, low, high, per_kg, start_char, end_char}."""
    found = []
    for m in patterns()["dose"].finditer(text):
        low, high = _number(m.group("low")), _number(m.group("high")) if m.group("high") else None
        if low is None:
            continue
        unit = _unit(m.group("unit"))
        per_kg = bool(m.group("perkg")) or unit == "mg/kg"
        if per_kg and unit in ("mg", "µg", "g"):
            unit = unit + "/kg"
        found.append({
            "value": low if high is None else low,
            "unit": unit,
            "text": m.group(0).strip(),
            "low": low if high is not None else None,
            "high": high,
            "per_kg": per_kg,
            "start_char": m.start(),
            "end_char": m.end(),
        })
    return found


def find_routes(text: str) -> list[tuple[str, int, int]]:
    """Every route of administration named in a text: (route, start, end)."""
    out = []
    for m in patterns()["route"].finditer(text):
        name = m.lastgroup
        out.append(("iv" if name == "iv_caps" else name, m.start(), m.end()))
    return out


def find_frequencies(text: str) -> list[tuple[str, int, int]]:
    """Every dosing frequency in a text: (phrase as written, lower case; start; end)."""
    return [(m.group(0).lower(), m.start(), m.end()) for m in patterns()["frequency"].finditer(text)]


@Language.factory("dose_extractor", default_config={})
def make_dose_extractor(nlp: Language, name: str) -> DoseExtractor:
    """Build the dose extractor (patterns come from nlp/resources/doses.json)."""
    return DoseExtractor()


class DoseExtractor:
    """Sets doc._.doses, doc._.routes and doc._.frequencies; each dose takes the route and frequency
    named nearest to it in its sentence."""

    def __call__(self, doc: Doc) -> Doc:
        """Find doses, routes and frequencies, then link them within sentences."""
        text = doc.text
        doses, routes, freqs = find_doses(text), find_routes(text), find_frequencies(text)
        # "a day" and "per week" only count right after a dose ("10 mg a day").
        freqs = [f for f in freqs if not re.match(r"(?i)(a|per|each)\s", f[0])
                 or any(0 <= f[1] - d["end_char"] <= 2 for d in doses)]
        if doses and (routes or freqs):
            bounds = [(s.start_char, s.end_char) for s in doc.sents]
            for dose in doses:
                lo, hi = next(((a, b) for a, b in bounds if a <= dose["start_char"] < b), (0, len(text)))
                dose["route"] = _nearest(dose, [r for r in routes if lo <= r[1] < hi])
                dose["frequency"] = _nearest(dose, [f for f in freqs if lo <= f[1] < hi])
        for dose in doses:
            dose.setdefault("route", None)
            dose.setdefault("frequency", None)
        doc._.doses, doc._.routes, doc._.frequencies = doses, routes, freqs
        return doc


def _nearest(dose: dict, items: list[tuple[str, int, int]]) -> str | None:
    """The name of the item (route or frequency) closest to the dose, or None."""
    if not items:
        return None
    best = min(items, key=lambda r: min(abs(r[1] - dose["end_char"]), abs(dose["start_char"] - r[2])))
    return best[0]
