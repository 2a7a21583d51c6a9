"""Finds who makes each claim (speech verbs, 'according to', quotes, pronouns) and their role."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp import extensions  # noqa: F401  (registers the Doc/Span attributes)
from nlp.wordlists import load

PREPOSITIONS = {"on", "to", "at", "in", "with", "from", "for", "during", "via", "by", "of", "about"}
OPEN_QUOTES = {'"', "“", "‘", "'"}
CLOSE_QUOTES = {'"', "”", "’", "'"}


@dataclass
class Candidate:
    """Someone who may have made a claim: a person, an organisation, a generic source or a pronoun."""

    kind: str  # person | organisation | generic | pronoun
    start: int
    end: int
    name: str | None
    role: str


@Language.factory("claimant_finder", default_config={"window_before": 15, "window_after": 4, "role_window": 10})
def make_claimant_finder(nlp: Language, name: str, window_before: int, window_after: int,
                         role_window: int) -> ClaimantFinder:
    """Build the finder; the windows are how far (in tokens) a speaker may sit from its speech verb."""
    return ClaimantFinder(window_before, window_after, role_window)


class ClaimantFinder:
    """Sets span._.claimant on each claim and doc._.people (every person named, with a role)."""

    def __init__(self, window_before: int, window_after: int, role_window: int):
        """Load the public figures, pronouns, titles and speech-verb lists."""
        self.before = window_before
        self.after = window_after
        self.role_window = role_window
        people = load("people")["people"]
        self.celebrities = {p["name"].lower() for p in people}
        self.expert_titles = set(load("roles")["expert_titles"])
        attribution = load("attribution")
        self.pronouns = set(attribution["pronouns"])
        self.first_person = set(attribution["first_person"])
        self.unnamed_verbs = set(attribution["unnamed_speaker_verbs"])
        self.gender_words = {w: g for g, words in attribution["gender_cues"].items() for w in words}
        self.possessives = set(attribution["possessives"])

    def __call__(self, doc: Doc) -> Doc:
        """Resolve claimants within this doc; pronouns with no antecedent here are left pending."""
        known_roles: dict[str, str] = {}
        people = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            role = self.role_of(ent)
            if role != "unknown":
                known_roles.setdefault(ent.text.lower(), role)
                known_roles.setdefault(ent[-1].lower_, role)
            people.append({"name": ent.text, "role": role, "start_char": ent.start_char, "end_char": ent.end_char,
                           "gender": self.gender_of(ent), "sent_start": ent.sent.start_char})
        for person in people:
            if person["role"] == "unknown":
                person["role"] = role_by_name(known_roles, person["name"])
        doc._.people = people
        quoted = quoted_tokens(doc)
        for sent in doc._.claims or []:
            sent._.claimant = self.claimant(sent, quoted, people)
        return doc

    def gender_of(self, person: Span) -> str | None:
        """'m' or 'f' from a title or kin word just before the name, or the first pronoun after it in its
        sentence ("Jay Colton said ... helped him"); None when nothing says."""
        doc = person.doc
        if person.start > 0 and doc[person.start - 1].lower_ in self.gender_words:
            return self.gender_words[doc[person.start - 1].lower_]
        for token in doc[person.end:person.sent.end]:
            if token.ent_type_ == "PERSON":
                break
            if token.lower_ in self.pronouns or token.lower_ in {"himself", "herself", "hers"}:
                return self.gender_words.get(token.lower_)
        return None

    def role_of(self, person: Span) -> str:
        """Expert by title or nearby cue, celebrity by known name or occupation cue, else unknown."""
        doc = person.doc
        if person.start > 0 and doc[person.start - 1].lower_ in self.expert_titles:
            return "expert"
        sent = person.sent
        lo = max(sent.start, person.start - 6)
        hi = min(sent.end, person.end + self.role_window)
        others = [e for e in doc.ents if e.label_ == "PERSON" and e != person and sent.start <= e.start < sent.end]
        for other in others:
            if other.start >= person.end:
                hi = min(hi, other.start)
            elif other.end <= person.start:
                lo = max(lo, other.end)
        hi = self.own_clause_end(person, hi)
        # A title or occupation just before another name is that person's ("told Dr Ann Lee").
        starts = {o.start for o in others}
        cues = [c for c in doc.spans.get("role_cues", []) if lo <= c.start < hi and c.end not in starts
                and c.label_ in ("expert", "celebrity", "expert_title")]
        # An appositive right after the name ("Jane Roe, a neuroscientist") says most.
        nearest = sorted(cues, key=lambda c: (c.start - person.end if c.start >= person.end else person.start - c.end + 1))
        if person.text.lower() in self.celebrities:
            if nearest and nearest[0].label_ == "expert" and nearest[0].start >= person.end:
                return "expert"
            return "celebrity"
        if nearest:
            return "expert" if nearest[0].label_ in ("expert", "expert_title") else "celebrity"
        return "unknown"

    def own_clause_end(self, person: Span, hi: int) -> int:
        """Where words after a name stop describing that person: at a speech verb ("has said that her doctor
        ..."), or at a possessive that is not an appositive's ("Jane Roe, his psychiatrist" is hers)."""
        doc = person.doc
        verbs = {c.start for c in doc.spans.get("attribution", []) if c.label_ in ("speech", "source")}
        for token in doc[person.end:hi]:
            appositive = token.i == person.end + 1 and doc[person.end].text == ","
            if token.i in verbs or (token.lower_ in self.possessives and not appositive):
                return token.i
        return hi

    def candidates(self, sent: Span, quoted: set[int]) -> list[Candidate]:
        """Possible speakers in a sentence, outside quotation marks."""
        doc = sent.doc
        found = []
        for ent in doc.ents:
            if sent.start <= ent.start < sent.end and ent.start not in quoted:
                if ent.label_ == "PERSON":
                    found.append(Candidate("person", ent.start, ent.end, ent.text, "unknown"))
                elif ent.label_ == "ORG":
                    found.append(Candidate("organisation", ent.start, ent.end, ent.text, "organisation"))
        sources = [s for s in doc.spans.get("sources", []) if sent.start <= s.start < sent.end]
        # "the TikToker said": an unnamed source, even when the model tags "TikToker" as an organisation.
        found = [c for c in found if c.kind == "person" or not any(s.start <= c.start < s.end for s in sources)]
        taken = {i for c in found for i in range(c.start, c.end)}
        for org in doc.spans.get("organisations", []):
            if sent.start <= org.start < sent.end and org.start not in quoted:
                name = None if org.label_ == "generic" else org.label_
                found = [c for c in found if not (c.start < org.end and org.start < c.end)]
                found.append(Candidate("organisation", org.start, org.end, name, "organisation"))
                taken.update(range(org.start, org.end))
        for cue in doc.spans.get("sources", []):
            if sent.start <= cue.start < sent.end and cue.start not in quoted and cue.start not in taken:
                found.append(Candidate("generic", cue.start, cue.end, None, cue.label_))
        for token in sent:
            if token.lower_ in self.pronouns and token.i not in quoted and token.lower_ not in {"him", "her", "his"}:
                found.append(Candidate("pronoun", token.i, token.i + 1, None, "unknown"))
        return sorted(found, key=lambda c: c.start)

    def claimant(self, sent: Span, quoted: set[int], people: list[dict]) -> dict:
        """Who makes the claim in this sentence: {name, role, start_char, end_char, pending, via}."""
        doc = sent.doc
        speaker = self.attributed(sent, quoted)
        via = "attribution"
        if speaker is None and all(t.i in quoted or t.is_punct or t.is_space for t in sent[:3]):
            # A quotation whose speaker is named after it closes ('"... . ...," she said.'), up to three
            # sentences on, as long as the quotation runs on.
            nxt = doc[sent.end].sent if sent.end < len(doc) else None
            for _ in range(3):
                if nxt is None:
                    break
                speaker = self.attributed(nxt, quoted)
                if speaker is not None or not any(t.i in quoted for t in nxt[:3]):
                    break
                nxt = doc[nxt.end].sent if nxt.end < len(doc) else None
            via = "quote"
        opens_quote = sent[0].text in OPEN_QUOTES and sent.start + 1 in quoted
        if speaker is None and sent.start > 0 and opens_quote:
            # A quotation carried on from the sentence before ('... ," said Dr Okafor. "At high levels ...').
            prev = doc[sent.start - 1].sent
            if any(t.i in quoted for t in prev):
                speaker = self.attributed(prev, quoted)
                via = "quote"
        if speaker is None and any(c.text.lower() in self.unnamed_verbs for c in self.speech_cues(sent, quoted)):
            # Someone is reported ("my cousin ... says"), but not anyone the article names.
            return {"name": None, "role": "unknown", "start_char": None, "end_char": None,
                    "pending": False, "via": "attribution"}
        if speaker is None:
            first_person = any(t.lower_ in self.first_person and t.i not in quoted for t in sent)
            return {"name": None, "role": "author", "start_char": None, "end_char": None,
                    "pending": False, "via": "first_person" if first_person else "voice"}
        result = {"name": speaker.name, "role": speaker.role, "pending": False, "via": via,
                  "start_char": doc[speaker.start].idx, "end_char": doc[speaker.end - 1].idx + len(doc[speaker.end - 1])}
        if speaker.kind == "person":
            match = next((p for p in people if p["start_char"] == result["start_char"]), None)
            result["role"] = match["role"] if match else "unknown"
        elif speaker.kind == "pronoun":
            gender = self.gender_words.get(doc[speaker.start].lower_)
            result["gender"] = gender
            antecedent = [p for p in people if p["end_char"] <= result["start_char"]
                          and (gender is None or p.get("gender") in (None, gender))]
            named_sents = {doc.char_span(p["start_char"], p["end_char"], alignment_mode="expand").sent.start
                           for p in people if p["end_char"] <= result["start_char"]}
            unnamed = [s for s in doc.spans.get("sources", []) if s.end_char <= result["start_char"]
                       and s.label_ != "unknown" and s.sent.start not in named_sents
                       and (not antecedent or s.start_char > antecedent[-1]["end_char"])]
            if unnamed:
                # "The rapper spoke candidly ... He admitted": an unnamed person with a known role.
                result.update(name=None, role=unnamed[-1].label_, via="pronoun")
            elif antecedent:
                # The subject of the sentence that last named someone fitting, not whoever came last in it:
                # "Elon Musk said in an interview with Don Lemon ... He said" is Musk.
                last_sent = antecedent[-1]["sent_start"]
                chosen = next(p for p in antecedent if p["sent_start"] == last_sent)
                result.update(name=chosen["name"], role=chosen["role"], via="pronoun")
            else:
                result.update(pending=True, via="pronoun")
        return result

    @staticmethod
    def speech_cues(sent: Span, quoted: set[int]) -> list[Span]:
        """Speech verbs and 'according to' markers outside quotes that really attribute something."""
        doc = sent.doc
        # "hasn't admitted", "is said to": a speech verb inside a hedge or negation cue attributes nothing.
        softened = {i for c in doc.spans.get("context_cues", []) if sent.start <= c.start < sent.end
                    and c.label_.split(":")[0] in ("hedge", "negation") for i in range(c.start, c.end)}
        return [c for c in doc.spans.get("attribution", []) if sent.start <= c.start < sent.end
                and c.start not in quoted and c.label_ in ("speech", "source") and c.start not in softened]

    def attributed(self, sent: Span, quoted: set[int]) -> Candidate | None:
        """The speaker a speech verb or 'according to' marker in this sentence points at."""
        doc = sent.doc
        cues = self.speech_cues(sent, quoted)
        if not cues:
            return None
        people = self.candidates(sent, quoted)
        for cue in cues:
            if cue.label_ == "source":
                after = [c for c in people if cue.end <= c.start <= cue.end + 4]
                if after:
                    return after[0]
                continue
            # Inverted attribution ("said Dr Smith", "explains Ines Moreno-Vidal"), but not "said he uses" (a
            # pronoun starts the reported clause), "told Reuters" (the listener) or "posted on Instagram".
            listener = cue.text.lower() in {"told", "tells", "tell"}
            # Nor "said that the actor died": after "that" comes the reported clause's own subject.
            after = [c for c in people if cue.end <= c.start <= cue.end + self.after - 1 and c.kind != "pronoun"
                     and not listener and not any(t.lower_ in PREPOSITIONS or t.lower_ == "that"
                                                  for t in doc[cue.end:c.start])]
            before = [c for c in people if c.end <= cue.start and cue.start - c.end <= self.before]
            named_after = [c for c in after if c.kind == "person"]
            if after and after[0].kind == "generic" and named_after:
                after = named_after  # "says the singer Mara Vance"
            adjacent_subject = before and cue.start - before[-1].end == 0
            if after and not adjacent_subject and (not before or after[0].start - cue.end < 2):
                return after[0]
            if before:
                # The subject is the first candidate of the clause that ends at the verb.
                chosen = before[-1]
                named = [c for c in before if c.kind == "person"]
                if chosen.kind in ("organisation", "generic") and named:
                    # "Dr Ann Smith, a psychiatrist at King's College, said": the person speaks, not the college.
                    chosen = named[-1]
                if chosen.kind == "generic" and len(before) > 1 and before[-2].kind in ("person", "organisation") \
                        and chosen.start - before[-2].end <= 6:
                    chosen = before[-2]
                return chosen
        return None


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens inside quotation marks (the quoted words, not the marks)."""
    inside = set()
    open_at = None
    for token in doc:
        text = token.text
        if open_at is None and text in OPEN_QUOTES and text != "’":
            # An apostrophe inside a word is not a quotation mark.
            if text == "'" and token.i > 0 and not doc[token.i - 1].whitespace_ and doc[token.i - 1].is_alpha:
                continue
            open_at = token.i
        elif open_at is not None and text in CLOSE_QUOTES and text != "‘":
            if text in ("'", "’") and token.i + 1 < len(doc) and doc[token.i + 1].is_alpha and not token.whitespace_:
                continue
            inside.update(range(open_at + 1, token.i))
            open_at = None
        elif open_at is not None and token.is_space and "\n" in token.text:
            # Unclosed quotes end at the paragraph, as in print.
            inside.update(range(open_at + 1, token.i))
            open_at = None
    if open_at is not None:
        inside.update(range(open_at + 1, len(doc)))
    return inside


def role_by_name(known: dict[str, str], name: str) -> str:
    """A role given earlier to the same full name, or to the surname when only a surname is used now
    ("Colton said" after "the rapper Jay Colton"; but "Ana Colton" is not Jay Colton)."""
    key = name.lower()
    if key in known:
        return known[key]
    return known.get(key, "unknown") if " " in key else known.get(key.split()[-1], "unknown")
