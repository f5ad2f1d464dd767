"""Reading and writing the exchange formats of the field, through one registry.

Each format is registered here once, by name and file extension, with a reader
``read(source, *, name=None) -> ImportResult`` and/or a writer
``write(graph, path, *, force=False) -> WriteResult``. The CLI (``mechgraph convert``), the
CLI's graph loader and the dashboard's upload all go through :func:`read` and :func:`write`.
``docs/formats.md`` says what each format keeps and how its relations map to mechgraph's signs.

>>> [f.name for f in formats()]
['native', 'nodelink', 'cyjs', 'graphml', 'gexf', 'sif', 'csv', 'tsv', 'cx2', 'cx', 'sbgn']
>>> [f.name for f in formats() if f.writer is None]
['cx2', 'cx', 'sbgn']
"""

from __future__ import annotations

from . import cx2, cyjs, gexf, graphml, native, nodelink, sbgn, sif, tables
from ._check import check_graph
from .registry import (
    Format,
    ImportResult,
    Reader,
    Writer,
    WriteResult,
    format_for_path,
    formats,
    get_format,
    read,
    register,
    unregister,
    write,
)

__all__ = [
    "Format",
    "ImportResult",
    "Reader",
    "WriteResult",
    "Writer",
    "check_graph",
    "format_for_path",
    "formats",
    "get_format",
    "read",
    "register",
    "unregister",
    "write",
]

# The one registry, in the order `mechgraph formats` lists it. Formats that share the extension
# .json (or .xml) are told apart by their `sniff` of the file's first bytes.
register(
    Format(
        "native",
        "mechgraph YAML",
        (".yaml", ".yml"),
        native.read,
        native.write,
        cannot_carry="positions and graph attributes of imported graphs (extra maps of nodes and relations are kept)",
    )
)
register(
    Format(
        "nodelink",
        "node-link JSON (networkx, d3)",
        (".json",),
        nodelink.read,
        nodelink.write,
        nodelink.sniff,
        cannot_carry="nothing: every attribute is kept as JSON",
    )
)
register(
    Format(
        "cyjs",
        "Cytoscape.js JSON (Cytoscape desktop)",
        (".cyjs",),
        cyjs.read,
        cyjs.write,
        cyjs.sniff,
        cannot_carry="nothing: lists are kept as lists of strings, evidence as parallel lists",
    )
)
register(
    Format(
        "graphml",
        "GraphML",
        (".graphml",),
        graphml.read,
        graphml.write,
        graphml.sniff,
        cannot_carry="nothing: lists, context and evidence are kept as JSON text",
    )
)
register(
    Format(
        "gexf",
        "GEXF (Gephi)",
        (".gexf",),
        gexf.read,
        gexf.write,
        gexf.sniff,
        cannot_carry="sources that no evidence cites (GEXF has no graph attributes); Gephi may merge parallel edges",
    )
)
register(
    Format(
        "sif",
        "SIF (simple interaction format)",
        (".sif",),
        sif.read,
        sif.write,
        sif.sniff,
        cannot_carry="node kinds, labels and evidence (ids and relation names only)",
    )
)
register(
    Format(
        "csv",
        "CSV node and edge tables",
        (".csv",),
        tables.read_csv,
        tables.write_csv,
        cannot_carry="the graph's title and description (lists are joined with '; ', evidence is in numbered columns)",
    )
)
register(
    Format(
        "tsv",
        "TSV node and edge tables",
        (".tsv", ".tab"),
        tables.read_tsv,
        tables.write_tsv,
        cannot_carry="the graph's title and description (lists are joined with '; ', evidence is in numbered columns)",
    )
)
register(Format("cx2", "NDEx CX2", (".cx2",), cx2.read, None, cx2.sniff))
register(Format("cx", "NDEx CX (version 1)", (".cx",), cx2.read, None))
register(Format("sbgn", "SBGN-ML", (".sbgn", ".sbgnml"), sbgn.read, None, sbgn.sniff))
