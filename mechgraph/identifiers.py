"""Identifiers as CURIEs, checked and resolved with bioregistry (no hand-written prefix table).

>>> check_curie("CHEBI:4031") is None
True
>>> check_curie("CHEBI:abc")
"local identifier 'abc' does not match the pattern of prefix 'chebi' (^\\\\d+$)"
>>> resolve_url("GO:0010467")
'http://purl.obolibrary.org/obo/GO_0010467'
>>> resolve_url("hgnc.symbol:IL2")
'https://www.genenames.org/data/gene-symbol-report/#!/symbol/IL2'
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["check_curie", "resolve_url", "source_identifier"]

_CURIE_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*:\S+$")


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    # bioregistry loads its bundled registry on import (~1 s); only pay when an identifier is checked.
    import bioregistry

    return bioregistry


@lru_cache(maxsize=4096)
def check_curie(curie: str) -> str | None:
    """Return None if ``curie`` is a well-formed CURIE with a known prefix, else what is wrong."""
    if not isinstance(curie, str) or not _CURIE_SHAPE.match(curie):
        return f"{curie!r} is not a CURIE: expected PREFIX:IDENTIFIER, e.g. CHEBI:4031 or GO:0010467"
    registry = _registry()
    prefix, _, local = curie.partition(":")
    parsed = registry.parse_curie(curie)
    if parsed is None or parsed[0] is None:
        return f"unknown identifier prefix {prefix!r}: expected a prefix known to bioregistry, e.g. CHEBI, GO, CL, DRUGBANK, hgnc.symbol, pubmed"
    pattern = registry.get_pattern(parsed[0])
    if pattern and not re.fullmatch(pattern.strip("^$"), parsed[1]):
        return f"local identifier {local!r} does not match the pattern of prefix {parsed[0]!r} ({pattern})"
    return None


@lru_cache(maxsize=4096)
def resolve_url(curie: str) -> str | None:
    """The resolver URL of a CURIE, or None when bioregistry knows none (only http(s) URLs)."""
    if check_curie(curie) is not None:
        return None
    url = _registry().get_iri(curie)
    if url and url.startswith(("http://", "https://")):
        return str(url)
    return None


_PUBMED_URL = re.compile(r"^https?://(?:www\.)?(?:ncbi\.nlm\.nih\.gov/pubmed|pubmed\.ncbi\.nlm\.nih\.gov|identifiers\.org/pubmed)/(\d{1,9})/?$")
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(10\.\d{4,9}/\S+)$")


def source_identifier(url: object) -> tuple[str, str] | None:
    """The PubMed id or DOI a source's URL gives, as (``"PMID"`` or ``"DOI"``, the identifier).

    Only resolver links count (PubMed, identifiers.org/pubmed, doi.org): an identifier is read
    from the URL the source gives, never guessed from a publisher's page.

    >>> source_identifier("http://www.ncbi.nlm.nih.gov/pubmed/8591053")
    ('PMID', '8591053')
    >>> source_identifier("http://doi.org/10.2165/00063030-199809060-00005")
    ('DOI', '10.2165/00063030-199809060-00005')
    >>> source_identifier("https://pmc.ncbi.nlm.nih.gov/articles/PMC2193542") is None
    True
    """
    if not isinstance(url, str):
        return None
    if match := _PUBMED_URL.match(url):
        return "PMID", match.group(1)
    if match := _DOI_URL.match(url):
        return "DOI", match.group(1)
    return None
