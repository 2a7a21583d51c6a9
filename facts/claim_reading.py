"""What the checker needs to know of one claim: its substances, conditions, jurisdictions and assertions."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from facts import conditions as cond
from facts import cues
from nlp.lexicon import load_substances

JURISDICTION_ALIASES = {
    "US": "US", "USA": "US", "UNITED STATES": "US", "AMERICA": "US",
    "UK": "UK", "GB": "UK", "ENGLAND": "UK", "SCOTLAND": "UK", "WALES": "UK", "BRITAIN": "UK",
    "EU": "EU", "EUROPE": "EU", "EUROPEAN UNION": "EU",
}


@dataclass
class ClaimReading:
    """A claim reduced to the features the verdict rules compare with facts."""

    claim: dict
    text: str
    substances: list[str]
    conditions: list[str]
    jurisdictions: set[str] | None          # None: unknown, so every jurisdiction is checked
    aspects: set[str]                        # legal, regulatory, efficacy, dose, safety
    negated: bool
    hedged: bool
    asserts_approval: bool
    denies_approval: bool
    mentions_designation: bool
    legal: list[str]
    schedule: str | None
    uk_class: str | None
    routes: set[str]
    years: list[int]
    children: bool
    home_use: bool
    reassures_safety: bool
    alarms_safety: bool
    reassurance_negates_itself: bool     # "no side effects": the negation is part of the reassurance
    recreational: bool                   # "try it on a wellness break": use outside medicine
    doses: list[dict] = field(default_factory=list)
    elsewhere: list[str] = field(default_factory=list)  # countries outside the fact base that the claim names

    @property
    def denies(self) -> bool:
        """The claim says a use is NOT approved / does not work (negated, disputing, or rejection words)."""
        return self.negated or self.denies_approval or self.claim.get("stance") == "disputes"


def claim_jurisdictions(claim: dict, text: str) -> set[str] | None:
    """Jurisdictions the claim is about: its own cues, else its text, else its publisher's country."""
    named = {JURISDICTION_ALIASES.get(str(j).upper()) for j in claim.get("jurisdictions") or []}
    named.discard(None)
    if named:
        return named
    named = cues.jurisdictions_named(text)
    if named:
        return named
    host = urlparse(claim.get("article_url") or "").hostname or ""
    for suffix, where in cues.rules()["tld_jurisdictions"].items():
        if host.endswith(suffix):
            return {where}
    return None


def read_claim(claim: dict) -> ClaimReading:
    """Read one claim row (as `Store.claims_for_checking` returns it) into a ClaimReading."""
    text = claim.get("text") or ""
    rules = cues.rules()
    claim_type = (claim.get("claim_type") or "other").lower()
    conditions = [cond.canonical(c) for c in claim.get("conditions") or [] if c and isinstance(c, str)]
    if not conditions and claim_type in ("efficacy", "dosage", "regulatory"):
        # The tagger found no condition; read the checker's own condition names in the text.
        conditions = cond.named_in(text)
    doses = [d for d in claim.get("doses") or [] if isinstance(d, dict)]
    legal = cues.legal_words(text)
    schedule, uk_class = cues.schedule_named(text), cues.uk_class_named(text)
    denies = cues.has(text, rules["approval_denied"])
    asserts = cues.has(text, rules["approval_asserted"]) and not denies
    aspects = set()
    # "prescribed" alone makes a usage report no legal claim; in a legal or regulatory claim it does.
    legal_cue = [w for w in legal if w != "prescription"] or (legal and claim_type in ("legal", "regulatory"))
    if claim_type == "legal" or ((legal_cue or schedule or uk_class) and claim_type not in ("dosage",)):
        aspects.add("legal")
    if claim_type == "regulatory" or asserts or denies or cues.has(text, rules["designation"]):
        aspects.add("regulatory")
    if claim_type in ("efficacy", "usage", "mechanism", "other", "regulatory", "dosage") and conditions:
        aspects.add("efficacy")
    if doses or claim_type == "dosage":
        aspects.add("dose")
    reassures = cues.has(text, rules["safety_reassuring"])
    alarms = cues.has(text, rules["safety_alarming"])
    if claim_type == "safety" or reassures:
        aspects.add("safety")
    substances = [s for s in claim.get("substances") or [] if s and isinstance(s, str)]
    return ClaimReading(
        claim=claim, text=text, substances=substances, conditions=conditions,
        jurisdictions=claim_jurisdictions(claim, text), aspects=aspects,
        negated=bool(claim.get("negated")), hedged=bool(claim.get("hedged")),
        asserts_approval=asserts, denies_approval=denies,
        mentions_designation=cues.has(text, rules["designation"]),
        legal=legal, schedule=schedule, uk_class=uk_class,
        routes=cues.routes(text, claim.get("routes")), years=cues.years(text),
        children=cues.has(text, rules["population"]["children"]),
        home_use=cues.has(text, rules["setting"]["home"]),
        reassures_safety=reassures, alarms_safety=alarms, doses=doses,
        reassurance_negates_itself=cues.has(text, rules["safety_reassuring_negative"]),
        recreational=cues.has(text, rules["recreational"]),
        elsewhere=cues.find(text, rules["other_jurisdictions"]),
    )


def known_substance(substance: str) -> bool:
    """Whether the substance id is in the shared lexicon."""
    return substance in load_substances()
