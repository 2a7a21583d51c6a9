"""A fast rule-based sentence splitter that also breaks at line ends (headings, list items, captions)."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = {".", "!", "?", "…", "...", "!!", "?!", "!?", "??"}
CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}
OPENERS = set('"“‘\'([«')


@Language.factory("line_sentencizer", default_config={"max_tokens": 150})
def make_line_sentencizer(nlp: Language, name: str, max_tokens: int) -> LineSentencizer:
    """Build the splitter; max_tokens caps run-on 'sentences' (tables, lists without punctuation)."""
    return LineSentencizer(max_tokens)


class LineSentencizer:
    """Starts a sentence after terminal punctuation (and closing quotes) or after a line break."""

    def __init__(self, max_tokens: int):
        """Keep the longest run of tokens allowed without a sentence break."""
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        """Set every token's sentence start in one array write (per-token setters are slow on long docs)."""
        if not len(doc):
            return doc
        starts = numpy.full(len(doc), -1, dtype="int64")
        since = 0
        after_terminal = False
        after_break = True
        for i, token in enumerate(doc):
            text = token.text
            if token.is_space:
                after_break = after_break or "\n" in text
                since += 1
                continue
            first = text[0]
            # A quotation mark right after the full stop closes the quote ('works."'); after a space it opens one.
            closing = text in CLOSERS and i > 0 and not doc[i - 1].whitespace_
            if after_break or since >= self.max_tokens or (
                    after_terminal and not closing and (first.isupper() or first.isdigit() or first in OPENERS)):
                starts[i] = 1
                since = 0
            since += 1
            after_break = False
            if text in TERMINALS or (text[-1] in ".!?" and not any(c.isalnum() for c in text)):
                after_terminal = True
            elif not (closing and after_terminal):
                after_terminal = False
        starts[0] = 1
        doc.from_array([SENT_START], starts.astype("uint64"))  # -1 ("not a start") wraps as spaCy expects
        return doc
