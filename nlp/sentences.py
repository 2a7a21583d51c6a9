"""A fast rule-based sentence splitter that also breaks at line ends (headings, list items, captions)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = {".", "!", "?", "…", "...", "!!", "?!", "!?", "??"}
CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}


@Language.factory("line_sentencizer", default_config={"max_tokens": 150})
def make_line_sentencizer(nlp: Language, name: str, max_tokens: int) -> LineSentencizer:
    """Build the splitter; max_tokens caps run-on 'sentences' (tables, lists without punctuation)."""
    return LineSentencizer(max_tokens)


class LineSentencizer:
    """Starts a sentence after terminal punctuation (and closing quotes) or after a line break."""

    def __init__(self, max_tokens: int):
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        """Set is_sent_start on every token."""
        if not len(doc):
            return doc
        since = 0
        after_terminal = False
        after_break = False
        for i, token in enumerate(doc):
            if i == 0:
                token.is_sent_start = True
                since = 0
            elif token.is_space:
                token.is_sent_start = False
            else:
                text = token.text
                start = after_break or (after_terminal and (text[0].isupper() or text[0].isdigit()
                                                            or text[0] in "\"“‘'([«"))
                start = start or since >= self.max_tokens
                token.is_sent_start = bool(start)
                if start:
                    since = 0
            since += 1
            text = token.text
            if token.is_space:
                after_break = after_break or "\n" in text
                continue
            if "\n" in token.whitespace_:
                after_break = True
                after_terminal = False
                continue
            after_break = False
            if text in TERMINALS or (text[-1] in ".!?" and len(text) > 1 and not token.is_alpha
                                     and not any(c.isalpha() for c in text)):
                after_terminal = True
            elif text in CLOSERS and after_terminal:
                after_terminal = True
            else:
                after_terminal = False
        return doc
