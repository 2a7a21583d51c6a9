"""The one step that turns tagged Docs into claim and mention rows for the store (article-level linking too)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from nlp.claimants import role_by_name
from nlp.names import full_name, full_organisation_name
from store.ids import claim_id

ROLES = ("celebrity", "expert", "author", "organisation", "unknown")


class ArticleMemory:
    """What the article has said so far about people: the last one named, and each surname's role."""

    def __init__(self, heading_people: list[dict] | None = None, figures: list[str] | None = None):
        """Start with no people, the people named in the title and headings, and the known public
        figures the article names anywhere (nlp.names.figures_in)."""
        self.people: list[dict] = []
        self.organisations: list[str] = []
        self.roles: dict[str, str] = {}
        self.heading_people = heading_people or []
        self.figures = figures or []

    def learn(self, people: list[dict], offset: int) -> None:
        """Take in the people a doc names (in order) with their roles."""
        self.learn_roles(people)
        for person in people:
            self.people.append(dict(person, start_char=person["start_char"] + offset,
                                    sent_start=person.get("sent_start", person["start_char"]) + offset))

    def last(self, gender: str | None = None) -> dict | None:
        """The person named most recently whose gender (if known) fits the pronoun's."""
        fitting = [p for p in self.people if gender is None or p.get("gender") in (None, gender)]
        if not fitting:
            return None
        # The first fitting person of the sentence that last named one: usually its subject.
        return next(p for p in fitting if p["sent_start"] == fitting[-1]["sent_start"])

    def learn_roles(self, people: list[dict]) -> None:
        """Take in only the roles a doc gives people (before its claims are linked)."""
        for person in people:
            if person["role"] != "unknown":
                self.roles.setdefault(person["name"].lower(), person["role"])
                self.roles.setdefault(person["name"].split()[-1].lower(), person["role"])

    def learn_organisations(self, names: list[str]) -> None:
        """Take in organisation names as the article spells them out ("Allied Council on Drug Safety")."""
        self.organisations.extend(n for n in names if len(n.split()) > 1)

    def full_organisation(self, name: str) -> str:
        """The full name of an organisation the article later calls by one word ("the Council") or by
        its initials ("the NMA")."""
        acronym = full_organisation_name(name, self.organisations)
        if acronym != name:
            return acronym
        word = name.split()[-1].lower()
        if len(name.split()) > 2 or not word.isalpha():
            return name
        longer = [o for o in self.organisations if word in o.lower().split() and o != name]
        return longer[-1] if longer else name

    def full_name(self, name: str, at: int, here: list[dict]) -> str:
        """The full name of a person the article calls by a short name at absolute position `at`;
        `here` are the current doc's people (absolute offsets), of whom those named before count."""
        earlier = [p["name"] for p in self.heading_people if p["start_char"] < at]
        earlier += [p["name"] for p in self.people] + [p["name"] for p in here if p["start_char"] < at]
        return full_name(name, earlier, self.figures)

    def role(self, name: str | None) -> str:
        """The role the article gave this person anywhere so far, else unknown."""
        return role_by_name(self.roles, name) if name else "unknown"

    def heading_person(self, at: int) -> dict | None:
        """The person named in the nearest section heading before a position, if any."""
        before = [p for p in self.heading_people if p["start_char"] < at]
        return before[-1] if before else None


def doc_rows(doc: Doc, article_id: str, memory: ArticleMemory,
             sentence_index: dict[int, int]) -> tuple[list[dict], list[dict]]:
    """Claim rows and mention rows for one tagged Doc (offsets made absolute with doc._.offset)."""
    offset = doc._.offset or 0
    claims, mentions = [], []
    people = doc._.people or []
    memory.learn_roles(people)
    memory.learn_organisations([e.text for e in doc.ents if e.label_ == "ORG"])
    for sent in doc._.claims or []:
        start, end = _trimmed(sent)
        abs_start, abs_end = offset + start, offset + end
        cid = claim_id(article_id, abs_start, abs_end)
        before = [p for p in people if p["end_char"] <= start]
        claimant = dict(sent._.claimant or {"name": None, "role": "author", "pending": False, "via": "voice"})
        if claimant.get("pending"):
            # A pronoun whose person was named in an earlier passage of the article.
            earlier = memory.last(claimant.get("gender"))
            if earlier is not None and not before:
                claimant.update(name=earlier["name"], role=earlier["role"], pending=False)
            else:
                claimant.update(role="unknown")
        if claimant.get("via") == "first_person":
            heading = memory.heading_person(abs_start)
            if heading is not None:
                claimant.update(name=heading["name"], role=heading["role"], via="heading")
        if claimant.get("name"):
            # One person, one name across the article: "Rogan" after "Joe Rogan" is Joe Rogan, even where the
            # model took the lone surname for an organisation.
            at = offset + (claimant["start_char"] if claimant.get("start_char") is not None else start)
            here = [dict(p, start_char=p["start_char"] + offset) for p in people]
            person = memory.full_name(claimant["name"], at, here)
            if claimant.get("role") != "organisation":
                claimant["name"] = person
            elif person != claimant["name"] and " " not in claimant["name"]:
                claimant.update(name=person, role=memory.role(person))
            else:
                claimant["name"] = memory.full_organisation(claimant["name"])
            if claimant.get("role") == "unknown" and claimant["name"] in memory.figures:
                claimant["role"] = "celebrity"
        if claimant.get("role") == "unknown" and claimant.get("name"):
            claimant["role"] = memory.role(claimant["name"])
        stance = sent._.stance
        resolved_here = claimant.get("role") != (sent._.claimant or {}).get("role", "author")
        if resolved_here and stance == "endorses" and claimant.get("role") != "author" \
                and doc._.source_type != "commercial" and not (sent._.context_cues or {}).get("endorse"):
            # The claim turned out to be someone else's (a pronoun or heading resolved here): reported, not asserted.
            stance = "neutral"
        doses = [d for d in doc._.doses or [] if start <= d["start_char"] < end]
        routes = sorted({r[0] for r in doc._.routes or [] if start <= r[1] < end})
        freqs = [f for f in doc._.frequencies or [] if start <= f[1] < end]
        cues = dict(sent._.cues or {})
        if claimant.get("role") == "celebrity" and claimant.get("name"):
            cues.setdefault("celebrity_endorsement", [claimant["name"]])
        claims.append({
            "claim_id": cid,
            "text": doc.text[start:end],
            "span_start": abs_start,
            "span_end": abs_end,
            "sentence_index": sentence_index.get(abs_start),
            "claimant_name": claimant.get("name"),
            "claimant_role": claimant.get("role") if claimant.get("role") in ROLES else "unknown",
            "claim_type": sent._.claim_type,
            "substances": _unique(s.label_ for s in sent._.substances or []),
            "conditions": _unique(c.label_ for c in sent._.conditions or []),
            "doses": [_dose_row(d) for d in doses],
            "routes": routes,
            "frequency": freqs[0][0] if freqs else None,
            "hedged": bool(sent._.hedged),
            "negated": bool(sent._.negated),
            "stance": stance,
            "jurisdictions": list(sent._.jurisdictions or []),
            "cues": cues,
        })
        mentions += _mentions(sent, cid, offset, claimant, doses, doc)
    memory.learn(people, offset)
    return claims, mentions


def _trimmed(sent: Span) -> tuple[int, int]:
    """Character bounds of a sentence without leading or trailing white space."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    return start, sent.start_char + len(text.rstrip())


def _unique(values) -> list[str]:
    """The values in first-seen order without repeats."""
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def _dose_row(dose: dict) -> dict:
    """The dose as stored: value and unit always, the other fields when they say something."""
    row = {k: dose.get(k) for k in ("value", "unit", "text", "low", "high", "per_kg", "route", "frequency")}
    return {k: v for k, v in row.items() if v is not None and v is not False} | {"value": dose["value"],
                                                                                  "unit": dose["unit"]}


def _mentions(sent: Span, cid: str, offset: int, claimant: dict, doses: list[dict], doc: Doc) -> list[dict]:
    """Every mention inside a claim sentence, with absolute offsets."""
    out = []

    def add(kind: str, text: str, value, start: int, end: int) -> None:
        """Append one mention with offsets made absolute."""
        out.append({"claim_id": cid, "kind": kind, "text": text, "value": value,
                    "span_start": offset + start, "span_end": offset + end})

    if claimant.get("start_char") is not None and claimant.get("name"):
        add("person", doc.text[claimant["start_char"]:claimant["end_char"]], claimant["name"],
            claimant["start_char"], claimant["end_char"])
    for span in sent._.substances or []:
        add("substance", span.text, span.label_, span.start_char, span.end_char)
    for span in sent._.conditions or []:
        add("condition", span.text, span.label_, span.start_char, span.end_char)
    for dose in doses:
        add("dose", dose["text"], f"{dose['value']:g} {dose['unit']}", dose["start_char"],
            dose["start_char"] + len(dose["text"]))
    for route, start, end in doc._.routes or []:
        if sent.start_char <= start < sent.end_char:
            add("route", doc.text[start:end], route, start, end)
    for category, spans in (sent._.context_cues or {}).items():
        for span in spans:
            add("cue", span.text, category, span.start_char, span.end_char)
    for span in doc.spans.get("media_cues", []):
        if sent.start <= span.start < sent.end and span.label_ != "statistic_sources":
            add("cue", span.text, span.label_, span.start_char, span.end_char)
    return out
