"""Small values shared by the importers: ids made from labels, signs, CURIEs and JSON-safe values."""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from ..identifiers import check_curie
from ..model import MAX_EXTRA_DEPTH
from ..vocabulary import Sign

__all__ = ["curie", "dumps_compact", "join_note", "json_safe", "xy_position", "shallow", "sign_of", "slug"]


def slug(text: str, fallback: str = "node") -> str:
    """A node id made from any text: lower-case ASCII letters, digits, '_', '-' and '.'.

    >>> slug("p-S166,S188-MDM2"), slug("Interleukin 2 (IL-2)"), slug("***")
    ('p-s166_s188-mdm2', 'interleukin_2_il-2', 'node')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9_.-]+", "_", ascii_text.lower()).strip("_.-")
    return cleaned[:80].rstrip("_.-") or fallback


def sign_of(value: Any) -> Sign | None:
    """A sign written in another format (+1/-1, '+'/'-', 'positive'/'negative', ...), else None.

    >>> sign_of("-1"), sign_of("positive"), sign_of(0), sign_of("weird")
    (<Sign.DECREASES: -1>, <Sign.INCREASES: 1>, None, None)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Sign.INCREASES if value > 0 else Sign.DECREASES if value < 0 else None
    words = {
        "+": Sign.INCREASES,
        "+1": Sign.INCREASES,
        "1": Sign.INCREASES,
        "positive": Sign.INCREASES,
        "increases": Sign.INCREASES,
        "activation": Sign.INCREASES,
        "up": Sign.INCREASES,
        "-": Sign.DECREASES,
        "-1": Sign.DECREASES,
        "negative": Sign.DECREASES,
        "decreases": Sign.DECREASES,
        "inhibition": Sign.DECREASES,
        "down": Sign.DECREASES,
    }
    return words.get(str(value).strip().lower())


def json_safe(value: Any, depth: int = 0) -> Any:
    """A value made of JSON types only (str, int, float, bool, None, list, dict), for ``extra``."""
    if depth > 20:
        return str(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(key): json_safe(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [json_safe(item, depth + 1) for item in value]
    return str(value)


def curie(prefix: str, local: str, *, context: Mapping[str, str] | None = None) -> str | None:
    """A checked CURIE from a prefix and local id as other formats write them, else None.

    ``context`` maps a file's own prefixes to identifiers.org URLs (as NDEx's ``@context`` does).

    >>> curie("Uniprot", "P21741"), curie("chebi", "CHEBI:15422"), curie("nonsense", "1")
    ('uniprot:P21741', 'CHEBI:15422', None)
    >>> curie("uniprot knowledgebase", "P21741", context={"uniprot knowledgebase": "http://identifiers.org/uniprot/"})
    'uniprot:P21741'
    """
    from ..identifiers import _registry

    registry = _registry()
    prefix, local = prefix.strip(), local.strip()
    known = {key.strip().lower(): value for key, value in (context or {}).items()}
    if prefix.lower() in known:  # identifiers.org URLs old (.../uniprot/) and new (.../uniprot:)
        match = re.match(r"^https?://(?:identifiers\.org|bioregistry\.io)/([^/:]+)[/:]", known[prefix.lower()])
        prefix = match.group(1) if match else prefix
    normalized = (
        registry.normalize_prefix(prefix)
        or registry.normalize_prefix(prefix.replace(" ", ""))
        or registry.normalize_prefix(_PREFIX_NAMES.get(prefix.lower(), ""))
    )
    if not normalized or not local:
        return None
    standard = registry.normalize_curie(f"{normalized}:{local}") or f"{normalized}:{local}"
    _, _, standard_local = standard.partition(":")
    preferred = registry.get_preferred_prefix(normalized) or normalized
    candidate = f"{preferred}:{standard_local}"
    return candidate if check_curie(candidate) is None else None


#: Database names that BioPAX files (Pathway Commons, NDEx networks made from them) write as
#: prefixes, and the prefix each stands for.
_PREFIX_NAMES = {
    "uniprot knowledgebase": "uniprot",
    "uniprotkb": "uniprot",
    "hgnc symbol": "hgnc.symbol",
    "ncbi gene": "ncbigene",
    "entrez gene": "ncbigene",
    "kegg compound": "kegg.compound",
    "pubchem-compound": "pubchem.compound",
    "pubchem-substance": "pubchem.substance",
    "gene ontology": "go",
    "reactome": "reactome",
}


def shallow(value: Any, depth: int) -> Any:
    """A value whose lists and maps nest at most as deep as an extra map may: deeper ones as JSON text."""
    if isinstance(value, dict | list) and depth >= MAX_EXTRA_DEPTH - 1:
        return dumps_compact(value)
    if isinstance(value, dict):
        return {key: shallow(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [shallow(item, depth + 1) for item in value]
    return value


def xy_position(value: Mapping[str, Any] | None) -> dict[str, float] | None:
    if not value:
        return None
    try:
        x, y = float(value["x"]), float(value["y"])
    except (KeyError, TypeError, ValueError):
        return None
    return {"x": x, "y": y} if math.isfinite(x) and math.isfinite(y) else None


def join_note(note: str | None, addition: str) -> str:
    return f"{note}; {addition}" if note else addition


def dumps_compact(value: Any) -> str:
    """JSON text without spaces after separators, for attributes of flat formats."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
