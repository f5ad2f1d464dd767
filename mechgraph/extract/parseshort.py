"""The short forms a parsed sentence defines ("long form (SHORT)", "a Janus kinase (JAK)
inhibitor"): SHORT names the long form's node from here on (Schwartz & Hearst's test, as
scispaCy's abbreviation detector does). A part of the parser-based reader (:mod:`.parsed`).
"""

from __future__ import annotations

from .parsebase import _ParseBase
from .tokens import abbreviation_fits

__all__: list[str] = []


class _ParseShortForms(_ParseBase):
    """Short forms defined in a parsed sentence."""

    def abbreviations(self) -> None:
        """Register "long form (SHORT)": SHORT names the long form's node from here on."""
        toks = self.sdoc
        for tok in toks:
            close = next((k for k in range(tok.i + 2, min(tok.i + 6, len(toks))) if toks[k].text == ")"), None) if tok.text == "(" else None
            if close is None or any(toks[k].whitespace_ for k in range(tok.i + 1, close - 1)):
                continue  # a short form is one word: "(FKBP-12)", "(P-gp)"
            short = toks[tok.i + 1 : close].text
            if not (1 < len(short) <= 10 and any(ch.isupper() for ch in short) and short[0].isalnum()):
                continue
            head = toks[tok.i - 1] if tok.i > 0 else None
            if head is None:
                continue
            words = [t for t in toks[max(0, tok.i - min(len(short) + 5, 2 * len(short))) : tok.i] if not t.is_punct or t.text in "-/"]
            letters = [ch.lower() for ch in short if ch.isalnum()]
            alpha = [k for k, w in enumerate(words) if w.text[:1].isalnum()]
            initials = alpha[-len(letters) :] if len(alpha) >= len(letters) else []
            acronym = bool(initials) and [words[k].text[0].lower() for k in initials] == letters and initials[0] == alpha[-len(letters)]
            order = [initials[0]] if acronym else []  # "experimental autoimmune encephalomyelitis (EAE)": one word a letter, first
            for first in order + [k for k in reversed(range(len(words))) if k not in order]:  # else the shortest long form that fits (Schwartz & Hearst)
                if first > 0 and words[first - 1].text.isupper() and short.upper().startswith(words[first - 1].text) and words[first - 1].text != short:
                    continue  # but "CC chemokine receptor 4 (CCR4)": the capitals the short form starts with are the name's
                long_text = self.sdoc[words[first].i : tok.i].text
                if not long_text[:1].isalnum() or long_text[:1].lower() != letters[0]:
                    continue
                if abbreviation_fits(letters, long_text.lower()):
                    known = self.doc.lexicon.known_short_form(short, long_text)
                    entry = known or self.lookup_phrase(long_text, head_word=head)
                    coordinated = (
                        (entry is None or known is not None)
                        and " and " in long_text
                        and "(" not in long_text
                        and not long_text.lower().startswith(("and ", "the "))
                    )
                    if coordinated:  # "signal transducers and activators of transcription (STATs)": one name
                        entry = self.doc.lexicon.lookup(short) or self.doc.lexicon.lookup(long_text) or self.doc.candidate(long_text)
                        if entry is not None:
                            self.long_forms.append((words[first].i, tok.i, entry))
                    if entry is not None:
                        self.doc.lexicon.name_short_form(short, entry, long_text)
                    if entry is not None and any(w.lower_ in ("with", "of", "in") for w in words[first:]):
                        # "eosinophilic granulomatosis with polyangiitis (EGPA)": one name, where a parse would cut at "with"
                        for k in range(words[first].i, tok.i):
                            self.cache.setdefault(k, entry)
                    break

    def inner_short_forms(self) -> None:
        """Register the short forms the parser did not see ("a Janus kinase (JAK) inhibitor" is
        parsed without its bracket): the long form is the shortest run of words before the
        bracket that fits the short form (Schwartz & Hearst)."""
        from .parsetext import INNER_SHORT_FORM

        text = self.sentence.text
        for match in INNER_SHORT_FORM.finditer(text):
            short = match.group(1)
            if not any(ch.isupper() for ch in short):
                continue
            letters = [ch.lower() for ch in short if ch.isalnum()]
            words = text[: match.start()].split()[-min(len(short) + 5, 2 * len(short)) :]
            for first in reversed(range(len(words))):
                long_text = " ".join(words[first:]).strip(",;:(")
                if long_text[:1].lower() == letters[0] and abbreviation_fits(letters, long_text.lower()):
                    entry = self.doc.lexicon.known_short_form(short, long_text) or self.lookup_phrase(long_text)
                    if entry is not None:
                        self.doc.lexicon.name_short_form(short, entry, long_text)
                    break
