"""The best-guess kind of a noun phrase that is not in the lexicon (a candidate node).

The guess looks at the head word (the last word) first, then at the other words:

=================  =========================================================================
process            the head names a process: expression, secretion, production, release,
                   proliferation, activation, apoptosis, signalling, ... (its ProcessKind too)
outcome            the head names a response or state: response, immunity, function, balance,
                   defence, tolerance, inflammation, regression, effect, ...
condition          a disease word (disease, infection, syndrome, cancer, ...) or a disease suffix
                   (-itis, -oma, -emia, -penia, -pathy, -osis)
therapy            therapy, treatment, transplantation, surgery, vaccination, ... or "-therapy"
immune_cell        the head is a cell word and a word names an immune cell (T, B, NK, killer,
                   lymphocyte, macrophage, dendritic, ...)
non_immune         any other cell (tumour cell, epithelial cell, fibroblast, ...)
agent              drug, agent, compound, inhibitor, antibody, vaccine, derivative, ... or a drug
                   name suffix (-mab, -cept, -nib, -limus, -stim, -leukin, -mide)
target             receptor, protein, gene, kinase, enzyme, cytokine, factor, ... or a word that
                   looks like a gene symbol (capitals and digits: TLR7, OGFr, IL-17)
outcome (default)  anything else
=================  =========================================================================

>>> guess_kind("IL-17 transcription")
(<NodeKind.PROCESS: 'process'>, <ProcessKind.GENE_EXPRESSION: 'gene_expression'>)
>>> guess_kind("opioid growth factor receptor")[0].value
'target'
>>> guess_kind("neutropenia")[0].value, guess_kind("Langerhans cells")[0].value
('condition', 'immune_cell')
"""

from __future__ import annotations

import re

from ..vocabulary import NodeKind, ProcessKind
from .tokens import key_of, normalize_word, tokenize

__all__ = ["PROCESS_HEADS", "guess_kind"]

P = ProcessKind


def _norms(words: str) -> frozenset[str]:
    return frozenset(normalize_word(word) for word in words.split())


#: Head words of process noun phrases and the ProcessKind they suggest.
PROCESS_HEADS: dict[str, ProcessKind] = {
    "expression": P.GENE_EXPRESSION,
    "transcription": P.GENE_EXPRESSION,
    "processing": P.MRNA_PROCESSING,
    "splicing": P.MRNA_PROCESSING,
    "stability": P.MRNA_STABILITY,
    "decay": P.MRNA_STABILITY,
    "transport": P.PROTEIN_TRANSPORT,
    "translocation": P.PROTEIN_TRANSPORT,
    "trafficking": P.PROTEIN_TRANSPORT,
    "synthesis": P.PROTEIN_SYNTHESIS,
    "translation": P.PROTEIN_SYNTHESIS,
    "secretion": P.SECRETION,
    "production": P.SECRETION,
    "release": P.SECRETION,
    "degradation": P.DEGRADATION,
    "ubiquitination": P.DEGRADATION,
    "autophagy": P.DEGRADATION,
    "signaling": P.SIGNALLING,
    "signal": P.SIGNALLING,
    "pathway": P.SIGNALLING,
    "phosphorylation": P.SIGNALLING,
    "dephosphorylation": P.SIGNALLING,
    "costimulation": P.SIGNALLING,
    "activation": P.ACTIVATION,
    "maturation": P.ACTIVATION,
    "proliferation": P.PROLIFERATION,
    "growth": P.PROLIFERATION,
    "expansion": P.PROLIFERATION,
    "differentiation": P.DIFFERENTIATION,
    "development": P.DIFFERENTIATION,
    "apoptosis": P.CELL_DEATH,
    "death": P.CELL_DEATH,
    "necrosis": P.CELL_DEATH,
    "presentation": P.ANTIGEN_PRESENTATION,
    "cytotoxicity": P.CYTOTOXICITY,
    "killing": P.CYTOTOXICITY,
    "phagocytosis": P.CYTOTOXICITY,
    "lysis": P.CYTOTOXICITY,
    "migration": P.MIGRATION,
    "recruitment": P.MIGRATION,
    "chemotaxis": P.MIGRATION,
    "infiltration": P.MIGRATION,
    "metabolism": P.METABOLISM,
    "biosynthesis": P.METABOLISM,
    "acidification": P.METABOLISM,
}
PROCESS_HEADS = {normalize_word(word): kind for word, kind in PROCESS_HEADS.items()}
_OUTCOME_HEADS = _norms(
    "response immunity function balance defense tolerance inflammation regression rejection survival "
    "remission effect defect protection clearance homeostasis immunosuppression immunodeficiency capacity "
    "activity"
)
_CONDITION_HEADS = _norms(
    "disease infection syndrome cancer tumor carcinoma lymphoma leukemia melanoma myeloma sarcoma "
    "neutropenia arthritis psoriasis deficiency disorder sclerosis lupus wart hepatitis sepsis allergy "
    "asthma keratosis rejection"
)
_CONDITION_SUFFIX = re.compile(r"(itis|oma|emia|penia|pathy|osis|plasia)$")
_THERAPY_HEADS = _norms(
    "therapy treatment transplantation transplant surgery radiotherapy chemotherapy immunotherapy vaccination immunization irradiation radiation"
)
_CELL_HEADS = _norms("cell lymphocyte leukocyte macrophage monocyte neutrophil phagocyte granulocyte basophil eosinophil platelet thymocyte")
_IMMUNE_WORDS = _norms(
    "t b nk killer lymphocyte leukocyte macrophage monocyte neutrophil dendritic mast basophil eosinophil "
    "plasma helper cytotoxic regulatory treg immune white lak lymphokine granulocyte phagocyte langerhans "
    "myeloid lymphoid th memory effector naive hematopoietic progenitor immunocompetent"
)
_AGENT_HEADS = _norms(
    "drug agent compound inhibitor antagonist agonist antibody vaccine adjuvant immunomodulator "
    "immunosuppressant immunostimulant modulator derivative analogue analog medication medicine sirna "
    "substance blocker glucocorticoid corticosteroid steroid antihistamine antibiotic antiviral antifungal biologic"
)
#: the endings of drug names (INN stems) and of the salts and esters drugs are named as
_AGENT_SUFFIX = re.compile(
    r"(mab|cept|nib|limus|stim|leukin|mide|vir|mycin|olone|prine|purine|trexate|statin|sartan|pril|quine|cillin|oxacin"
    r"|fenac|profen|platin|rubicin|taxel|dronate|lukast|fumarate|mofetil|mesylate|tartrate|succinate|propionate|valerate)$"
)
_TARGET_HEADS = _norms(
    "receptor protein gene kinase enzyme ligand factor cytokine chemokine interleukin interferon channel "
    "transporter complex antigen molecule hormone mediator phosphatase ligase lymphokine"
)
_SYMBOL = re.compile(r"^(?=.*[A-Z].*[A-Z0-9])[A-Za-z0-9-]{2,10}$")
#: a company's code for a drug in development: capitals and at least three digits (not a "CD" or "IL" symbol)
_DEVELOPMENT_CODE = re.compile(r"^(?!CD|IL|HLA)[A-Z]{2,5}[- ]?\d{3,7}$")


def guess_kind(phrase: str) -> tuple[NodeKind, ProcessKind | None]:
    """The kind (and process kind) a candidate node named ``phrase`` most probably has."""
    words = key_of(phrase)
    if not words:
        return NodeKind.OUTCOME, None
    head = words[-1]
    numbered = list(words)
    while len(numbered) > 1 and (numbered[-1].isdigit() or numbered[-1] in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")):
        numbered.pop()  # "protein kinase 2", "antigen 3", "factor VIII": the numbered noun is the head
        head = numbered[-1]
    # "X of Y": the head is the word before "of" ("production of leukocytes" is a process).
    if "of" in words[1:]:
        head = words[words.index("of") - 1] if words.index("of") > 0 else head
    if head in PROCESS_HEADS:
        return NodeKind.PROCESS, PROCESS_HEADS[head]
    if head in _THERAPY_HEADS or head.endswith("therapy"):
        return NodeKind.THERAPY, None
    if head in _CONDITION_HEADS or _CONDITION_SUFFIX.search(head):
        return NodeKind.CONDITION, None
    if head in _CELL_HEADS or head.endswith("cyte") or head.endswith("phage"):
        immune = any(word in _IMMUNE_WORDS for word in words) or head in _CELL_HEADS - _norms("cell platelet")  # (not keratinocytes)
        return (NodeKind.IMMUNE_CELL if immune else NodeKind.NON_IMMUNE), None
    if head in _AGENT_HEADS or (_AGENT_SUFFIX.search(head) and head not in _TARGET_HEADS and head.removeprefix("pro") not in _TARGET_HEADS):
        # (not "interleukin", nor its precursor "pro-interleukin-18")
        return NodeKind.AGENT, None
    if head in _TARGET_HEADS or head.endswith("ase"):
        return NodeKind.TARGET, None
    if head in _OUTCOME_HEADS:
        return NodeKind.OUTCOME, None
    if _DEVELOPMENT_CODE.match(phrase.strip()):  # "AMG 714", "ZED1227", "BMS-986165": a drug in development
        return NodeKind.AGENT, None
    originals = [token.text for token in tokenize(phrase) if token.is_word]
    if originals and _SYMBOL.match(phrase.replace(" ", "")) and (len(originals) <= 3 or " " not in phrase.strip()):  # "C5aR1": one word
        return NodeKind.TARGET, None
    return NodeKind.OUTCOME, None
