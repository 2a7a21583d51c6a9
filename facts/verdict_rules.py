"""The verdict rules: compare one claim with one fact and give a label and a plain-English rationale."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from facts import conditions as cond
from facts import cues
from facts.claim_reading import ClaimReading
from nlp.lexicon import lineage, load_substances

APPROVALS = ("approval", "extension")
ANY_DISEASE = "any disease"
NEGATIVE_FINDINGS = ("not_approved", "not_shown_effective", "unsafe", "not_recommended")
ROMAN_ORDER = ("I", "II", "III", "IV", "V")


@dataclass
class Context:
    """What the checker knows across facts for one claim (e.g. whether any approval matches its condition)."""

    approved_same_substance: set[str] = field(default_factory=set)  # substances with an approval for the claim's condition
    year_matched_products: set[tuple] = field(default_factory=set)  # products with an approval in a year the claim names
    approved_products: set[tuple] = field(default_factory=set)  # products with an approval for the claim's condition
    named_brands: dict[str, set[str]] = field(default_factory=dict)  # substance -> brands the claim names (lower case)
    named_brand_fits: set[str] = field(default_factory=set)  # substances whose named brand's approval fits the claim


def other_brand(reading_ctx: Context, fact: dict) -> bool:
    """Whether the claim names a brand of this substance and this fact is about another brand."""
    named = reading_ctx.named_brands.get(fact.get("substance"), set())
    return bool(named) and bool(fact.get("brand")) and fact["brand"].lower() not in named


def product_key(fact: dict) -> tuple:
    """What identifies one product across its approval and extensions: substance and brand."""
    return fact.get("substance"), (fact.get("brand") or "").lower()


@dataclass
class Outcome:
    """One verdict before it is written: label, what matches, what differs, and the fact's own statement."""

    label: str
    lead: str
    matches: list[str] = field(default_factory=list)
    differs: list[str] = field(default_factory=list)
    other_use: bool = False  # the fact is an approval for some other use (every product would say the same)


@cache
def substance_names(substance: str) -> list[str]:
    """Names a claim may use for a substance: its id and synonyms, minus those naming an ancestor."""
    entry = load_substances().get(substance) or {}
    ancestors = [a for a in lineage(substance)[1:]]
    names = [substance] + list(entry.get("synonyms") or [])
    return [n for n in names if len(n) > 2 and not any(a in n.lower() for a in ancestors)]


@cache
def brands(substance: str) -> list[str]:
    """Brand names among a substance's synonyms (capitalised single words such as Ozempic)."""
    entry = load_substances().get(substance) or {}
    return [s for s in entry.get("synonyms") or [] if re.fullmatch(r"[A-Z][a-z]+", s)]


def fact_year(fact: dict) -> set[int]:
    """The years a fact's dates name (its date, and when it took effect)."""
    out = set()
    for key in ("date", "date_effective"):
        value = fact.get(key)
        if value:
            out.add(int(str(value)[:4]))
    return out


def fact_indications(fact: dict) -> list[str]:
    """The canonical condition ids a fact is about."""
    return [cond.canonical(i) for i in fact.get("indications") or []]


def best_relation(reading: ClaimReading, fact: dict) -> tuple[str | None, str | None]:
    """The closest way the claim's conditions meet the fact's indications: (relation, claimed condition)."""
    rank = {"same": 0, "narrower": 1, "broader": 2}
    best: tuple[str | None, str | None] = (None, None)
    if ANY_DISEASE in fact_indications(fact):
        diseases = [c for c in reading.conditions if cond.is_disease(c)]
        # e.g. the rule that supplements may not claim to treat a disease ("more energy" is not one)
        return ("narrower", diseases[0]) if diseases else (None, None)
    for claimed in reading.conditions:
        for indication in fact_indications(fact):
            rel = cond.relation(claimed, indication)
            if rel and (best[0] is None or rank[rel] < rank[best[0]]):
                best = (rel, claimed)
    return best


def product_differences(reading: ClaimReading, substance: str, fact: dict) -> tuple[list[str], list[str]]:
    """(matches, differences) on product, brand, route, population and conditions of use."""
    matches, differs = [], []
    text = reading.text
    fact_sub = fact.get("substance")
    if fact_sub != substance and not cues.has(text, substance_names(fact_sub)):
        differs.append(f"the claim speaks of {substance}, but the product in the record is {fact_sub}"
                       f"{' (' + fact['brand'] + ')' if fact.get('brand') else ''}, a related but distinct drug")
    elif fact_sub == substance or cues.has(text, substance_names(fact_sub)):
        matches.append(f"the substance ({fact_sub})")
    brand = fact.get("brand")
    named = [b for b in brands(fact_sub) if cues.has(text, [b])]
    if brand and named:
        if brand.lower() in (b.lower() for b in named):
            matches.append(f"the product ({brand})")
        else:
            differs.append(f"the claim names {', '.join(named)}, but this record is for {brand}")
    fact_routes = {r.lower() for r in fact.get("routes") or _as_list(fact.get("route"))}
    if reading.routes and fact_routes:
        equivalents = cues.rules()["route_equivalents"]
        ok = any(fr in equivalents.get(r, [r]) or fr == r for r in reading.routes for fr in fact_routes)
        if ok:
            matches.append(f"the route ({', '.join(sorted(fact_routes))})")
        else:
            differs.append(f"the claim suggests {', '.join(sorted(reading.routes))} use, but the product is "
                           f"{fact.get('form') or ''} given by the {', '.join(sorted(fact_routes))} route".replace("  ", " "))
    population = (fact.get("population") or "").lower()
    if reading.children and population.startswith("adult"):
        differs.append(f"the claim concerns children or teenagers, but the record covers {population}")
    conditions_of_use = (fact.get("conditions_of_use") or "").lower()
    if reading.home_use and any(w in conditions_of_use for w in ("certified", "supervis", "observation")):
        differs.append("the claim suggests use at home, but it may only be used under supervision in a certified setting")
    return matches, differs


def year_check(reading: ClaimReading, fact: dict) -> tuple[list[str], list[str]]:
    """(matches, differences) between the years a claim names and the fact's date."""
    if not reading.years or not fact.get("date"):
        return [], []
    years = fact_year(fact)
    if any(y in years for y in reading.years):
        return [f"the year ({'/'.join(str(y) for y in sorted(years))})"], []
    return [], [f"the claim gives {', '.join(str(y) for y in reading.years)}, but the record's date is {fact['date']}"]


def _as_list(value) -> list[str]:


    """A route or list field as a list of strings."""
    if not value:
        return []
    return [v.strip() for v in str(value).split(",")] if isinstance(value, str) else list(value)


def _condition_phrase(reading: ClaimReading, claimed: str | None = None) -> str:


    """The claimed condition(s) as a rationale writes them."""
    if claimed:
        return cond.display(claimed)
    return ", ".join(cond.display(c) for c in reading.conditions) if reading.conditions else "the claimed use"


# -- approvals ------------------------------------------------------------------------------

def judge_approval(reading: ClaimReading, substance: str, fact: dict, ctx: Context) -> Outcome | None:
    """An approval or extension: is there an approval for the claimed use, product, year and population?"""
    product = fact.get("product") or fact.get("brand") or fact.get("substance")
    indication = fact.get("indication") or ", ".join(fact.get("indications") or [])
    rel, claimed = best_relation(reading, fact)
    regulatory = "regulatory" in reading.aspects
    if reading.conditions and not fact.get("indications"):
        return None  # an imported approval without its indication cannot speak to a claimed use
    if not reading.conditions and fact["kind"] == "extension":
        return None  # "X was approved" is about the first approval, not each later extension
    if regulatory and reading.years and product_key(fact) in ctx.year_matched_products \
            and not fact_year(fact) & set(reading.years) and rel in ("same", "narrower"):
        return None  # the claim dates one approval of this product for this use; the others are not it
    if fact.get("substance") in ctx.named_brand_fits and other_brand(ctx, fact):
        return None  # the claim names a product whose approval fits it; other brands are not what it is about
    if reading.denies and other_brand(ctx, fact):
        return None  # "Ozempic for weight loss is off label" is not contradicted by Wegovy's approval
    if cues.has(reading.text, cues.rules()["unapproved_versions"]):
        if reading.denies or not reading.asserts_approval:
            return None  # compounded or counterfeit copies are not the approved product
        return Outcome("inconsistent", f"The approval is for {product}, not for compounded or copied versions.", [],
                       ["compounded or copied versions of an approved drug are not FDA-approved"])
    if not reading.conditions:
        if not regulatory:
            return None
        if fact.get("substance") != substance and not cues.has(reading.text, substance_names(fact["substance"])):
            return None  # "ketamine may be prescribed off label" says nothing about the esketamine approval
        if not (reading.years or reading.routes or reading.children or reading.home_use
                or cues.has(reading.text, brands(fact["substance"]))):
            return None  # a claim naming no use, year, product or route gives the approval nothing to check
        matches, differs = product_differences(reading, substance, fact)
        ym, yd = year_check(reading, fact)
        matches, differs = matches + ym, differs + yd
        if reading.denies:
            return Outcome("inconsistent", f"The record shows an approval: {product} for {indication} ({fact['date']}).",
                           matches, differs)
        return Outcome("partly_consistent" if differs else "consistent",
                       (f"{product} was approved for {indication} on {fact['date']}." if fact["kind"] == "extension"
                        else f"{product} was first approved on {fact['date']}; its label covers {indication}."), matches, differs)
    if rel is None:
        same_sub = fact.get("substance") == substance
        named_brand = fact.get("brand") and cues.has(reading.text, [fact["brand"]])
        if substance in ctx.approved_same_substance and not named_brand:
            return None  # another approval of this substance covers the use; this one does not bear on it
        if product_key(fact) in ctx.approved_products:
            return None  # another approval of this very product (an extension) covers the use
        if not same_sub and not named_brand:
            return None  # a related product approved for something else says nothing of this claim
        use = _condition_phrase(reading)
        if reading.denies:
            return Outcome("consistent", f"No approval for {use} is in the record: {product} is approved only for "
                           f"{indication}.", [f"no approval for {use}"], other_use=True)
        if regulatory and reading.asserts_approval:
            return Outcome("inconsistent", f"{product} is approved for {indication} ({fact['date']}), not for {use}.",
                           [], [f"the approved use is {indication}, not {use}"], other_use=True)
        return Outcome("unapproved_use", f"{use[:1].upper() + use[1:]} is not an approved use: {product} is approved for "
                       f"{indication} ({fact['date']}).", [], [f"the approved use is {indication}, not {use}"],
                       other_use=True)
    matches, differs = product_differences(reading, substance, fact)
    claimed = cond.display(claimed)
    if rel == "broader" and cues.has(reading.text, cues.rules()["narrowing"]):
        matches.append(f"the use (a form of {claimed}: {indication})")
    elif rel == "broader":
        differs.append(f"the approval covers only {indication}, not {claimed} in general")
    else:
        matches.append(f"the use ({claimed})")
    if regulatory:
        ym, yd = year_check(reading, fact)
        matches, differs = matches + ym, differs + yd
    if reading.denies:
        if fact.get("substance") != substance and not cues.has(reading.text, substance_names(fact["substance"])):
            # "ketamine is not approved for depression" is true of ketamine; the related product is context.
            return Outcome("consistent", f"{substance.capitalize()} itself has no such approval in the record; a related "
                           f"drug, {product}, is approved for {indication} ({_when(fact)}).",
                           [f"{substance} is not approved for {claimed}"], [])
        return Outcome("inconsistent", f"{product} is approved for {indication} ({_when(fact)}).", matches, differs)
    label = "partly_consistent" if differs else "consistent"
    return Outcome(label, f"{product} is approved for {indication} ({_when(fact)}).", matches, differs)


# -- rejections, guidance, revocations, designations, warnings ------------------------------

def judge_finding(reading: ClaimReading, substance: str, fact: dict, ctx: Context) -> Outcome | None:
    """A rejection, guidance or revocation: what a regulator said against (or for) a use."""
    if fact.get("dose"):
        return judge_dose(reading, substance, fact, ctx) if "dose" in reading.aspects else None
    finding = fact.get("finding") or ("not_approved" if fact["kind"] in ("rejection", "revocation") else None)
    if other_brand(ctx, fact):
        return None  # the claim is about another brand of the substance
    if finding in ("not_recommended", "recommended") and not cues.has(reading.text, cues.rules()["recommendation"]) \
            and (reading.asserts_approval or "efficacy" not in reading.aspects):
        return None  # an appraisal of NHS use says nothing of whether a medicine is licensed
    rel, claimed = best_relation(reading, fact)
    if fact.get("indications") and rel is None:
        return None
    if not fact.get("indications") and "regulatory" not in reading.aspects:
        return None
    lead = _first_sentence(fact.get("summary")) or f"{fact['authority']}: {finding} ({fact['date']})."
    use = _condition_phrase(reading, claimed)
    ym, yd = year_check(reading, fact) if "regulatory" in reading.aspects else ([], [])
    if finding == "recommended":
        if reading.denies:
            return Outcome("inconsistent", lead, ym, yd)
        return Outcome("partly_consistent" if yd else "consistent", lead, [f"the use ({use})"] + ym, yd)
    if reading.denies:
        return Outcome("partly_consistent" if yd else "consistent", lead, [f"no approval or support for {use}"] + ym, yd)
    if reading.asserts_approval:
        return Outcome("inconsistent", lead, ym, [f"the claim says it is approved or endorsed for {use}"] + yd)
    if finding == "not_recommended":
        return Outcome("partly_consistent", lead, ym, [f"{fact['authority']} did not recommend it for {use}"] + yd)
    if "efficacy" in reading.aspects:
        return Outcome("unapproved_use", lead, ym, [f"the claim promotes its use for {use}, which the record does not support"] + yd)
    return None


def judge_designation(reading: ClaimReading, substance: str, fact: dict, ctx: Context) -> Outcome | None:
    """A breakthrough or similar designation: a step in development, not an approval."""
    rel, claimed = best_relation(reading, fact)
    if fact.get("indications") and reading.conditions and rel is None:
        return None
    if not reading.conditions and "regulatory" not in reading.aspects:
        return None
    lead = _first_sentence(fact.get("summary"))
    use = _condition_phrase(reading, claimed)
    ym, yd = year_check(reading, fact)
    if reading.mentions_designation:
        return Outcome("partly_consistent" if yd else "consistent", lead, ["the designation"] + ym, yd)
    if reading.asserts_approval and not reading.denies:
        return Outcome("inconsistent", lead, [], ["a designation is not an approval; no approval is in the record"])
    if reading.denies:
        return Outcome("consistent", lead, [f"not approved for {use}"], [])
    if "efficacy" in reading.aspects:
        return Outcome("unapproved_use", lead, [], [f"{use} is under study, not approved"])
    return None


def judge_warning(reading: ClaimReading, substance: str, fact: dict, ctx: Context) -> Outcome | None:
    """A safety warning: does the claim play down a risk the regulator warned of?"""
    rel, claimed = best_relation(reading, fact)
    claimed = cond.display(claimed) if claimed else claimed
    lead = _first_sentence(fact.get("summary"))
    if reading.reassures_safety:
        if reading.negated and not reading.reassurance_negates_itself:
            return Outcome("consistent", lead, ["the claim does not call it safe"], [])
        return Outcome("inconsistent", lead, [], ["the claim calls it safe, but the regulator warned of risks"])
    if "safety" in reading.aspects and reading.alarms_safety:
        return Outcome("consistent", lead, ["the risk the regulator warned of"], [])
    if rel is not None and reading.asserts_approval and not reading.denies and fact.get("finding") in NEGATIVE_FINDINGS:
        return Outcome("inconsistent", lead, [], [f"the claim says it is approved for {claimed}; the regulator says it is not"])
    if rel is not None and "efficacy" in reading.aspects and not reading.denies:
        return Outcome("unapproved_use", lead, [], [f"the regulator warned against use for {claimed}"])
    if rel is not None and reading.denies:
        return Outcome("consistent", lead, [f"no approval for {claimed}"], [])
    return None


# -- legal status ---------------------------------------------------------------------------

def judge_legal(reading: ClaimReading, substance: str, fact: dict, ctx: Context) -> Outcome | None:
    """A schedule or class: compare what the claim says of legality with the law."""
    status = fact.get("legal_status") or {}
    schedule, uk_class = status.get("schedule"), status.get("class")
    schedule = str(schedule).upper() if schedule not in (None, "") else None
    uk_class = str(uk_class).upper() if uk_class not in (None, "") else None
    lead = _first_sentence(fact.get("summary"))
    prohibited = schedule == "I" or str(status.get("mdr_schedule", "")) == "1"
    if "legal" not in reading.aspects:
        promotes = "efficacy" in reading.aspects and "regulatory" not in reading.aspects
        if prohibited and promotes and reading.conditions and not reading.denies:
            use = _condition_phrase(reading)
            where = "Schedule I" if schedule == "I" else "Schedule 1 of the Misuse of Drugs Regulations 2001"
            return Outcome("unapproved_use", lead, [],
                           [f"the claim promotes it for {use}, but it is in {where}: no recognised medical use, "
                            "so no approved use exists"])
        return None
    if reading.schedule and schedule:
        if reading.schedule == schedule:
            return Outcome("consistent", lead, [f"Schedule {schedule}"] + year_check(reading, fact)[0],
                           year_check(reading, fact)[1])
        return Outcome("inconsistent", lead, [], [f"the claim says Schedule {reading.schedule}, the law says Schedule {schedule}"])
    if reading.uk_class and uk_class:
        ym, yd = year_check(reading, fact)
        if reading.uk_class == uk_class:
            return Outcome("partly_consistent" if yd else "consistent", lead, [f"Class {uk_class}"] + ym, yd)
        return Outcome("inconsistent", lead, [], [f"the claim says Class {reading.uk_class}, the law says Class {uk_class}"])
    if reading.schedule or reading.uk_class:
        return None  # the claim names another country's scheme
    if not reading.legal:
        return None
    controlled = bool(schedule or uk_class or status.get("mdr_schedule")) and status.get("schedule") != "none"
    said = _said_status(reading)
    scheme = f"Schedule {schedule}" if schedule else (f"Class {uk_class}" if uk_class else "not controlled")
    if not schedule and not uk_class and status.get("mdr_schedule"):
        scheme = f"Schedule {status['mdr_schedule']} of the Misuse of Drugs Regulations 2001"
    elif uk_class and status.get("mdr_schedule"):
        scheme += f" (Schedule {status['mdr_schedule']} of the Misuse of Drugs Regulations 2001)"
    if said == "illegal":
        if prohibited:
            return Outcome("consistent", lead, [f"illegal outside approved research ({scheme})"], [])
        if controlled:
            return Outcome("partly_consistent", lead, [f"a controlled drug ({scheme})"],
                           ["it is lawful on prescription or in licensed medical use, illegal otherwise"])
        return Outcome("inconsistent", lead, [], ["it is not a controlled drug"])
    if said == "legal":
        if prohibited:
            return Outcome("inconsistent", lead, [], [f"it is controlled as {scheme}: no accepted medical use, illegal outside research"])
        if controlled and reading.recreational:
            return Outcome("inconsistent", lead, [],
                           [f"it is a controlled drug ({scheme}): use outside a prescription or licence is illegal"])
        if controlled:
            return Outcome("partly_consistent", lead, ["lawful in medical use"],
                           [f"it is a controlled drug ({scheme}): legal only on prescription or licence"])
        return Outcome("consistent", lead, ["not controlled"], [])
    if said in ("controlled", "prescription"):
        if controlled:
            return Outcome("consistent", lead, [f"a controlled drug ({scheme})"], [])
        return Outcome("inconsistent", lead, [], ["it is not a controlled drug"])
    return None


def _said_status(reading: ClaimReading) -> str | None:
    """The one legal status the claim asserts, with negation applied ('not illegal' -> legal)."""
    words = reading.legal
    if "illegal" in words:
        said = "illegal"
    elif "legal" in words:
        said = "legal"
    elif "prescription" in words:
        said = "prescription"
    elif "controlled" in words:
        said = "controlled"
    else:
        return None
    if reading.negated:
        said = {"illegal": "legal", "legal": "illegal"}.get(said, said)
    return said


# -- doses ----------------------------------------------------------------------------------

UNIT_ALIASES = {"mcg": "µg", "ug": "µg", "μg": "µg", "milligram": "mg", "milligrams": "mg", "mg/kg": "mg/kg"}


def judge_dose(reading: ClaimReading, substance: str, fact: dict, ctx: Context) -> Outcome | None:
    """A labelled or studied dose: is the claimed dose inside the range?"""
    dose = fact.get("dose") or {}
    unit = UNIT_ALIASES.get(str(dose.get("unit")).lower(), str(dose.get("unit")).lower())
    low = float(dose["low"])
    high = float(dose.get("high", low))
    upper = float(dose["upper_limit"]) if dose.get("upper_limit") is not None else None
    purpose = dose.get("purpose") or fact.get("indication") or "the labelled use"
    fact_route = (dose.get("route") or "").lower()
    if fact["kind"] == "studied_dose" and reading.conditions and fact.get("indications") \
            and best_relation(reading, fact)[0] is None:
        return None  # a dose studied for depression says nothing of a dose given for anaesthesia
    for claimed in reading.doses:
        cunit = str(claimed.get("unit") or "").lower()
        if claimed.get("per_kg") and not cunit.endswith("/kg"):
            cunit += "/kg"
        cunit = UNIT_ALIASES.get(cunit, cunit)
        scale = 1.0
        if cunit == "iu" and dose.get("iu_per_unit"):
            cunit, scale = unit, 1.0 / float(dose["iu_per_unit"])  # vitamin D: 40 IU = 1 µg
        if cunit != unit:
            continue
        croute = (claimed.get("route") or "").lower()
        if dose.get("route_required") and fact_route not in ({croute} | reading.routes):
            continue  # a second route's range (intramuscular) is compared only when the claim names that route
        if croute and fact_route and croute != fact_route and croute not in cues.rules()["routes"].get(fact_route, []):
            continue
        values = [v for v in (claimed.get("low"), claimed.get("high"), claimed.get("value")) if v is not None]
        if not values:
            continue
        lo, hi = min(float(v) for v in values) * scale, max(float(v) for v in values) * scale
        shown = claimed.get("text") or f"{claimed.get('value')} {claimed.get('unit')}"
        span = f"{_num(low)}–{_num(high)} {unit}" if high != low else f"{_num(low)} {unit}"
        kind_word = {"labelled_dose": "Labelled", "studied_dose": "Studied"}.get(fact["kind"], "Advised")
        lead = f"{kind_word} dose for {purpose}: {span}" + (f" (upper limit {_num(upper)} {unit})." if upper else ".")
        inside = lo >= low - 1e-9 and hi <= high + 1e-9
        where = "below" if hi < low else ("above" if lo > high else "outside")
        if fact["kind"] == "labelled_dose":
            if inside:
                return Outcome("consistent", lead, [f"the dose ({shown}) is within the labelled range"], [])
            return Outcome("unapproved_use", lead, [],
                           [f"the claimed dose ({shown}) is {where} the labelled range of {span} for {purpose}"])
        if fact["kind"] == "guidance":
            if inside:
                return Outcome("consistent", lead, [f"the dose ({shown}) is the advised dose"], [])
            if upper is not None and hi > upper:
                return Outcome("unapproved_use", lead, [],
                               [f"the claimed dose ({shown}) is above the advised upper limit of {_num(upper)} {unit}"])
            return Outcome("partly_consistent", lead, [], [f"the claimed dose ({shown}) differs from the advised {span}"])
        if inside:
            return Outcome("consistent", lead, [f"the dose ({shown}) is the dose used in research"], [])
        return Outcome("partly_consistent", lead, [],
                       [f"the claimed dose ({shown}) is {where} the studied dose of {span}"])
    return None


def _when(fact: dict) -> str:
    """When an approval happened, worded so a later-added indication is not dated to the first approval."""
    return f"since {fact['date']}" if fact["kind"] == "extension" else f"first approved {fact['date']}"


def _num(x: float) -> str:


    """A number without a needless '.0'."""
    return f"{x:g}"


def _first_sentence(text: str | None) -> str:


    """The first sentence of a fact's summary, which leads its rationale."""
    if not text:
        return ""
    text = " ".join(str(text).split())
    m = re.match(r"(.+?[a-z0-9)][.])(\s+[A-Z]|$)", text)
    return m.group(1) if m else text


JUDGES = {
    "approval": judge_approval,
    "extension": judge_approval,
    "rejection": judge_finding,
    "guidance": judge_finding,
    "revocation": judge_finding,
    "designation": judge_designation,
    "safety_warning": judge_warning,
    "legal_class": judge_legal,
    "labelled_dose": judge_dose,
    "studied_dose": judge_dose,
}

# Which kinds of fact can bear on which aspect of a claim.
KINDS_FOR_ASPECT = {
    "legal": ("legal_class",),
    "regulatory": ("approval", "extension", "rejection", "guidance", "revocation", "designation"),
    "efficacy": ("approval", "extension", "rejection", "guidance", "revocation", "designation", "safety_warning",
                 "legal_class"),
    "dose": ("labelled_dose", "studied_dose", "guidance"),
    "safety": ("safety_warning",),
}
