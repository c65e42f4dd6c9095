"""Refuses families' input that looks like it names a person or points at a case.

Input from families is written as the municipality summarises it, for citizens to read back:
never a name, a CPR number or a case reference. CPR-like numbers and control characters are
refused by `models.core.cpr` (every write function's `guards_texts`); this module adds what
the project had no guard for: names and case references.

What is refused (`personal_data_problem`):

- **A case reference**: any word that is the reference of a case in the restoration data
  (`restoration_case.reference`, looked up exactly, any case); a reference in the case
  systems' shape (1–3 letters, a hyphen, 3 or more digits: `S-0412`); "sag", "sagsnr.",
  "sagsnummer", "j.nr.", "journalnummer" followed by a number.
- **A name**: a common Danish first name (`FIRST_NAMES`, about 250) written with a capital;
  one that is also an ordinary Danish word (`Hans`, `Per`, `Liv`, `Mark` …) only where it is
  not the first word of a sentence; a common Danish surname (`SURNAMES`), or any capitalised
  word ending in "-sen", that is not the first word of a sentence; a capitalised word right
  after a word for a person's role or relation ("rådgiver Zeynep", "min søn Malte", "fru Holt").

Limits, on purpose: this is a net for slips, not a proof. A name that is on no list, is not
after a role word and does not end in "-sen" passes (most foreign names, rare Danish ones);
so does a name written in lower case, and a surname that starts a sentence. A word that
happens to be a listed name in another sense ("Kim" as a place) is refused and must be
rephrased. Addresses, phone numbers and e-mail addresses are not looked for. The page's help
text tells editors the rule; the guard backs them up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


def _listed(words: str) -> frozenset[str]:
    return frozenset(words.split())


FIRST_NAMES = _listed(
    """
    aage adam agnes ahmad ahmed aksel albert alberte alexander alfred ali alice allan alma
    amalie anders andreas anette anja ann anna anne annette anton arne asger astrid august
    benjamin bent bente benny birgit birgitte birthe bjarne bjørn britt brian camilla carina
    carl carsten caroline cecilie charlotte christian christina christine clara claus connie
    dagmar dan daniel david dennis ditte dorte dorthe ebbe edith eigil ejnar elias elin elisabeth
    ella ellen else emil emilie emma erik erling esben ester esther eva fatima filip finn
    flemming frank frederik freja frida gerda gitte grethe gunnar gustav hanna hanne hannah
    heidi helene helga helle henning henrik hugo ib ida inge inger ingrid isabella jacob jakob
    jan janne jannik jeanette jens jeppe jesper jette johan johanne johannes john jonas jonathan
    josefine julie julius jørgen jørn kamilla karen karin karina karl karla kasper katrine
    kenneth kirsten kristian kristina kristoffer knud kurt lars laura lea leif lene lina lis
    lisa lisbeth lise lone louise lucas lukas magnus maiken maja malene malte maria marianne
    marie martin mathias mathilde mette mia michael mikael mikkel mille mohamed mohammad mona
    morten nadia nanna natasja niels nikolaj nina noah noa oliver olivia ole omar oscar oskar
    otto palle pernille peter philip pia poul preben rasmus rené rikke ruth sanne sara sarah
    sebastian signe simon sofie sofia stefan steen stig stine susanne svend søren theodor
    thomas thor tina tobias tom tommy torben tove trine troels ulla ulrik valdemar vera
    vibeke victor viktor william yvonne zeynep
    bo hans kaj line liv lykke maj mark per rose sol sten storm vilde birk ask rune
    """
)
"""Common Danish first names (and a few common among Danes of other origins), lower case."""

ALSO_WORDS = _listed(
    "bo hans kaj line liv lykke maj mark per rose sol sten storm vilde birk ask rune tom august"
)
"""First names that are also ordinary Danish words: a name only where no sentence starts."""

SURNAMES = _listed(
    """
    nielsen jensen hansen pedersen andersen christensen larsen sørensen rasmussen jørgensen
    petersen madsen kristensen olsen thomsen christiansen poulsen johansen møller mortensen
    knudsen jakobsen jacobsen mikkelsen olesen frederiksen laursen henriksen lund schmidt
    eriksen holm kristiansen clausen simonsen svendsen andreasen iversen jeppesen mogensen
    jespersen nissen lauridsen frandsen østergaard jepsen kjær carlsen vestergaard jessen
    nørgaard dahl christoffersen skov søndergaard bertelsen bruun lassen bach gregersen friis
    johnsen steffensen kjeldsen bech krogh lauritsen danielsen mathiasen andresen brandt
    winther toft ravn mathiesen dam levy
    """
)
"""Common Danish surnames, lower case."""

ROLE_WORDS = _listed(
    """
    fru hr frk rådgiver rådgiveren rådgiveres socialrådgiver familierådgiver sagsbehandler
    sagsbehandleren leder lederen chef chefen mor moren mors far faren fars mormor farmor
    morfar farfar søn sønnen datter datteren barnet drengen pigen bror broren søster søsteren
    plejemor plejefar plejemoren plejefaren værge værgen kontaktperson kontaktpersonen
    """
)
"""Words for a person's role or relation; a capitalised word after one is read as a name."""

ABBREVIATIONS = _listed("hr fr frk dr fx bl.a ca jf nr pga mht evt")
"""Words written with a full stop that ends no sentence ("hr. Holt")."""

_WORD = re.compile(r"[^\W\d_][\w.'’-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;•\n\r\"«»“”(\[–—-]\s*$")
_REFERENCE_SHAPE = re.compile(r"(?<![\w.-])[A-Za-zÆØÅæøå]{1,3}-\d{3,}(?![\w-])")
_CASE_NUMBER = re.compile(
    r"\b(?:sag|sagen|sags-?nr|sagsnummer|sagsnummeret|j\.?\s?nr|journal-?nr|journalnummer)"
    r"\.?\s*(?:nr\.?\s*)?[:#]?\s*[A-Za-z]{0,3}[-/]?\d{2,}",
    re.IGNORECASE,
)
_CANDIDATE = re.compile(r"(?<![\w./-])[A-Za-z0-9][A-Za-z0-9._/-]*\d[A-Za-z0-9._/-]*")

NAME_MESSAGE = (
    "ligner et navn («{word}»). Input fra familier skrives, som kommunen opsummerer det: uden "
    "navne, CPR-numre og sagsreferencer. Omskriv teksten (fx «en forælder», «rådgiveren»)."
)
REFERENCE_MESSAGE = (
    "ligner en sagsreference («{word}»). Input fra familier må ikke pege på en sag: fjern "
    "referencen."
)


@dataclass(frozen=True)
class _Word:
    text: str
    sentence_start: bool


def _words(text: str) -> list[_Word]:
    found: list[_Word] = []
    for match in _WORD.finditer(text):
        word = match.group().rstrip(".'’-")
        before = text[: match.start()]
        start = not before.strip() or bool(_SENTENCE_END.search(before))
        if start and found and found[-1].text.casefold() in ABBREVIATIONS:
            start = not before.rstrip().endswith(".")  # "hr. Holt": no new sentence
        found.append(_Word(word, start))
    return found


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and not word.isupper()


def _first_name(word: _Word) -> bool:
    """A listed first name: capitalised (`Mette`), or in capitals (`METTE`, as on a slide;
    four letters or more, so acronyms such as EVA pass); a name that is also a word only
    capitalised and not at the start of a sentence."""
    folded = word.text.casefold()
    if folded not in FIRST_NAMES:
        return False
    if folded in ALSO_WORDS:
        return _capitalised(word.text) and not word.sentence_start
    return _capitalised(word.text) or (len(word.text) >= 4 and word.text.isupper())


def _surname(word: _Word) -> bool:
    """A listed or "-sen" surname, capitalised, not starting a sentence."""
    folded = word.text.casefold()
    shaped = len(folded) >= 5 and folded.endswith("sen")
    return _capitalised(word.text) and not word.sentence_start and (folded in SURNAMES or shaped)


def _after_role(words: list[_Word], index: int) -> bool:
    """A capitalised word after a role or relation word ("rådgiver Zeynep")."""
    word = words[index]
    if not index or not _capitalised(word.text) or word.sentence_start:
        return False
    return words[index - 1].text.casefold().rstrip(".") in ROLE_WORDS


def name_in(text: str) -> str | None:
    """The first word of `text` that reads as a person's name, else None."""
    words = _words(text)
    for index, word in enumerate(words):
        if _first_name(word) or _surname(word) or _after_role(words, index):
            return word.text
    return None


def reference_in(text: str, known_references: Iterable[str] = ()) -> str | None:
    """The first case reference in `text` (a stored one, or one in a reference's shape)."""
    known = {reference.casefold() for reference in known_references}
    for match in _CANDIDATE.finditer(text):
        if match.group().rstrip(".").casefold() in known:
            return match.group().rstrip(".")
    for pattern in (_REFERENCE_SHAPE, _CASE_NUMBER):
        found = pattern.search(text)
        if found:
            return found.group().strip()
    return None


def reference_candidates(text: str) -> set[str]:
    """The words of `text` that could be a stored case reference (they hold a digit)."""
    return {match.group().rstrip(".") for match in _CANDIDATE.finditer(text)}


def personal_data_problem(text: str, known_references: Iterable[str] = ()) -> str | None:
    """Why `text` may not be stored as family input (a name, a case reference), else None.
    The reason is a Danish phrase to follow a field's name ("Input ligner et navn …")."""
    if not text:
        return None
    reference = reference_in(text, known_references)
    if reference is not None:
        return REFERENCE_MESSAGE.format(word=reference)
    name = name_in(text)
    if name is not None:
        return NAME_MESSAGE.format(word=name)
    return None
