"""The claim checker: sets each claim beside the facts that bear on it and writes one verdict per claim and fact."""

from __future__ import annotations

from collections import Counter

from facts import verdict_rules as vr
from facts.claim_reading import ClaimReading, known_substance, read_claim
from facts.curated import load_curated
from nlp.lexicon import family, lineage

LABELS = ("consistent", "partly_consistent", "inconsistent", "unapproved_use", "not_covered")

# Kinds whose facts about a narrower product (esketamine) bear on a claim about the broader substance
# (ketamine): "ketamine was approved for depression" must meet the Spravato approval.
REACH_DOWN = ("approval", "extension", "designation")


class FactIndex:
    """Facts grouped by substance, for finding those that may bear on a claim."""

    def __init__(self, facts: list[dict]):

        """Index the facts by their substance and the substances they cover."""
        self.facts = sorted(facts, key=lambda f: f["fact_id"])
        self._candidates: dict[str, list[dict]] = {}
        self.by_substance: dict[str, list[dict]] = {}
        for fact in self.facts:
            self.by_substance.setdefault(fact["substance"], []).append(fact)
            for other in fact.get("covers") or []:
                self.by_substance.setdefault(other, []).append(fact)

    def candidates(self, substance: str) -> list[dict]:
        """Facts about the substance itself, facts that name it in `covers`, and facts about its descendants
        (only for kinds in REACH_DOWN); de-duplicated, in id order."""
        if substance not in self._candidates:
            self._candidates[substance] = self._find(substance)
        return self._candidates[substance]

    def _find(self, substance: str) -> list[dict]:

        """The candidate facts of one substance, computed once (see candidates)."""
        out: dict[str, dict] = {f["fact_id"]: f for f in self.by_substance.get(substance, [])}
        for other in family(substance) - {substance}:
            if substance in lineage(other):  # other is a descendant of the substance
                for fact in self.by_substance.get(other, []):
                    if fact["kind"] in REACH_DOWN and fact["substance"] == other:
                        out.setdefault(fact["fact_id"], fact)
        return [out[k] for k in sorted(out)]


def relevant_kinds(reading: ClaimReading) -> set[str]:
    """The kinds of fact that can bear on this claim, given what it talks about."""
    kinds: set[str] = set()
    for aspect in reading.aspects:
        kinds.update(vr.KINDS_FOR_ASPECT.get(aspect, ()))
    return kinds


def not_covered(substance: str | None, jurisdiction: str | None, why: str) -> dict:
    """The single verdict of a claim no fact bears on."""
    return {"fact_id": "", "substance": substance, "jurisdiction": jurisdiction, "verdict": "not_covered",
            "rationale": why, "source_url": None}


def check_claim(claim: dict, index: FactIndex) -> list[dict]:
    """Every verdict for one claim: one per fact that bears on it, or a single not_covered."""
    reading = read_claim(claim)
    kinds = relevant_kinds(reading)
    where = sorted(reading.jurisdictions) if reading.jurisdictions else None
    jurisdiction_label = ", ".join(where) if where else None
    if not reading.substances:
        return [not_covered(None, jurisdiction_label, "The claim names no substance or treatment the fact base knows.")]
    if reading.elsewhere and not reading.jurisdictions:
        return [not_covered(reading.substances[0], None,
                            f"The claim is about {', '.join(reading.elsewhere)}; the fact base covers the US, UK and EU only.")]
    ctx = vr.Context()
    candidates: dict[str, list[dict]] = {}
    for substance in reading.substances:
        facts = [f for f in index.candidates(substance)
                 if f["kind"] in kinds and (where is None or f["jurisdiction"] in where)]
        if any(other != substance and substance in lineage(other) for other in reading.substances):
            # "the ketamine-based medicine Spravato (esketamine)": its approvals are judged for esketamine;
            # ketamine keeps only its legal status.
            facts = [f for f in facts if f["kind"] == "legal_class"]
        candidates[substance] = facts
        named = {b.lower() for b in vr.brands(substance) if vr.cues.has(reading.text, [b])}
        if named:
            ctx.named_brands[substance] = named
        for fact in facts:
            if fact["kind"] in vr.APPROVALS and fact["substance"] == substance:
                rel, _ = vr.best_relation(reading, fact)
                if rel in ("same", "narrower"):
                    ctx.approved_same_substance.add(substance)
                    ctx.approved_products.add(vr.product_key(fact))
                fits = rel in ("same", "narrower") or (not reading.conditions and
                                                       (not reading.years or vr.fact_year(fact) & set(reading.years)))
                if fits and (fact.get("brand") or "").lower() in ctx.named_brands.get(substance, set()):
                    ctx.named_brand_fits.add(substance)
            if fact["kind"] in vr.APPROVALS and reading.years and vr.fact_year(fact) & set(reading.years):
                ctx.year_matched_products.add(vr.product_key(fact))
    verdicts: list[dict] = []
    seen: set[str] = set()
    for substance in reading.substances:
        for fact in candidates[substance]:
            if fact["fact_id"] in seen:
                continue
            outcome = vr.JUDGES[fact["kind"]](reading, substance, fact, ctx)
            if outcome is None:
                continue
            seen.add(fact["fact_id"])
            verdicts.append({
                "fact_id": fact["fact_id"], "substance": fact["substance"], "jurisdiction": fact["jurisdiction"],
                "verdict": outcome.label, "rationale": rationale(reading, fact, outcome),
                "source_url": fact.get("source_url"), "_other_use": outcome.other_use,
            })
    if verdicts:
        return collapse_repeats(verdicts, {f["fact_id"]: f for fs in candidates.values() for f in fs}, reading)
    first = reading.substances[0]
    if not any(known_substance(s) for s in reading.substances):
        why = f"'{first}' is not in the substance lexicon, so no regulatory fact is known about it."
    elif not any(index.candidates(s) for s in reading.substances):
        why = (f"The fact base holds no regulatory record for {', '.join(reading.substances)}"
               " (no approval, schedule or warning is on file).")
    else:
        scope = f" in {jurisdiction_label}" if jurisdiction_label else ""
        why = (f"No fact{scope} bears on what this claim says about {', '.join(reading.substances)}"
               " (the record holds no approval, legal status, dose or warning that speaks to it).")
    return [not_covered(first, jurisdiction_label, why)]


def collapse_repeats(verdicts: list[dict], facts: dict[str, dict], reading: ClaimReading) -> list[dict]:
    """Keep one verdict per product and label among approvals (an extension repeats its product's first
    approval), and one per substance for "not approved for this use", which every product of the substance
    would otherwise repeat. The earliest approval speaks for the group."""
    keep, seen = [], set()
    ordered = sorted(verdicts, key=lambda v: str(facts[v["fact_id"]].get("date") or ""))
    for verdict in ordered:
        fact = facts[verdict["fact_id"]]
        if fact["kind"] not in vr.APPROVALS:
            keep.append(verdict)
            continue
        named = bool(fact.get("brand")) and vr.cues.has(reading.text, [fact["brand"]])
        groups = [("product", vr.product_key(fact), verdict["verdict"])]
        if verdict.get("_other_use") and not named:
            groups.append(("substance", fact["substance"], verdict["verdict"]))
        if any(g in seen for g in groups):
            continue
        seen.update(groups)
        keep.append(verdict)
    order = {v["fact_id"]: i for i, v in enumerate(verdicts)}
    return [{k: v for k, v in verdict.items() if not k.startswith("_")}
            for verdict in sorted(keep, key=lambda v: order[v["fact_id"]])]


def rationale(reading: ClaimReading, fact: dict, outcome: vr.Outcome) -> str:
    """The plain-English explanation: the record, what matches, what differs, and how the claim was read."""
    parts = [outcome.lead.strip()]
    if outcome.matches:
        parts.append("Matches: " + "; ".join(dict.fromkeys(outcome.matches)) + ".")
    if outcome.differs:
        parts.append("Differs: " + "; ".join(dict.fromkeys(outcome.differs)) + ".")
    notes = []
    if reading.negated or reading.claim.get("stance") == "disputes":
        notes.append("the claim is negative or disputes the point")
    if reading.hedged:
        notes.append("the claim is hedged")
    if notes:
        parts.append("Note: " + " and ".join(notes) + ".")
    parts.append(f"Source: {fact.get('authority')}, {fact.get('source_title') or fact.get('source_url')}.")
    return " ".join(p for p in parts if p)


def check_claims(claims: list[dict], facts: list[dict]) -> dict[str, list[dict]]:
    """Verdicts for many claims against one set of facts, keyed by claim_id."""
    index = FactIndex(facts)
    return {c["claim_id"]: check_claim(c, index) for c in claims}


def reference_key(fact: dict) -> tuple[str, str, str] | None:
    """What identifies the record a fact describes: (substance, kind, application number such as 'NDA 211243')."""
    ref = fact.get("reference")
    if not ref:
        return None
    return fact["substance"], fact["kind"], " ".join(str(ref).upper().split())


def merge_facts(curated: list[dict], stored: list[dict]) -> list[dict]:
    """Curated facts plus imported ones already in the store; a curated fact wins over an import of the same record."""
    curated_ids = {f["fact_id"] for f in curated}
    curated_refs = {reference_key(f) for f in curated} - {None}
    curated_legal = {(f["substance"], f["jurisdiction"]) for f in curated if f["kind"] == "legal_class"}
    merged = {f["fact_id"]: f for f in curated}
    for fact in stored:
        if fact["fact_id"] in curated_ids or fact.get("origin") == "curated":
            continue
        if reference_key(fact) in curated_refs or fact.get("linked_to") in curated_ids:
            continue  # the curated fact describing the same approval wins; the import stays stored, linked
        if fact["kind"] == "legal_class" and (fact["substance"], fact["jurisdiction"]) in curated_legal:
            continue  # the law as curated wins over a labeler's NDC listing
        merged[fact["fact_id"]] = fact
    return [merged[k] for k in sorted(merged)]


def check_store(store) -> dict:
    """Load the curated facts (keeping imported ones), check every claim, write verdicts; returns a summary."""
    curated = load_curated()
    store.save_facts(curated)
    stored = store.load_facts()
    # A curated fact removed or renamed in the fact files must not linger in the store (or its exports).
    current = {f["fact_id"] for f in curated}
    withdrawn = [f["fact_id"] for f in stored if f.get("origin") == "curated" and f["fact_id"] not in current]
    if withdrawn:
        store.remove_facts(withdrawn)
        stored = [f for f in stored if f["fact_id"] not in set(withdrawn)]
    facts = merge_facts(curated, stored)
    claims = store.claims_for_checking()
    verdicts = check_claims(claims, facts)
    store.save_verdicts(verdicts)
    counts = Counter(v["verdict"] for vs in verdicts.values() for v in vs)
    summary = {"facts": len(facts), "claims": len(claims), "verdicts": sum(counts.values())}
    summary.update({label: counts.get(label, 0) for label in LABELS})
    return summary
