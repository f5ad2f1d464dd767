"""Every component id of the dashboard, written once.

Layout and callbacks refer to these members, never to string literals, so a renamed component is
a change here and a typo is an AttributeError at import time.

>>> Ids.CANVAS == "canvas"
True
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Ids"]


class Ids(StrEnum):
    """Component ids (the values are the DOM ids, also used by the browser tests)."""

    # page-level plumbing
    ROOT = "app-root"
    URL = "url"
    STATE = "view-state"  # the ViewState as its canonical query string (mirrors the URL)
    VIEW_KEY = "view-key"  # the part of the state that decides which elements are drawn
    HIGHLIGHT = "highlight-store"  # ids of the elements of the chosen path
    OPEN_GROUPS = "open-groups"  # the overview's groups shown opened (["all"]: every node)
    SHOW_ALL = "show-all"  # the overview -> every node
    SHOW_OVERVIEW = "show-overview"  # every node -> the overview
    OVERVIEW_BAR = "overview-bar"  # how to read the overview, over the canvas
    OVERVIEW_TEXT = "overview-text"
    GRAPH = "graph-store"  # the user's uploaded graph (None: the bundled graph)
    POSITIONS = "positions-store"  # node positions collected in the browser for an export
    NOTICES = "notices"  # about the link
    VIEW_NOTICES = "view-notices"  # about the view (a focus not in the graph, nothing passes)
    TITLE = "graph-title"
    COUNTS = "graph-counts"
    THEME = "theme"
    SHARE = "share-link"
    # the explorer's controls
    FOCUS = "focus"
    DEPTH = "depth"
    DIRECTION = "direction"
    WHOLE_MAP = "whole-map"
    LAYOUT = "layout"
    FILTER_KIND = "filter-kind"
    FILTER_RELATION = "filter-relation"
    FILTER_SIGN = "filter-sign"
    FILTER_MECHANISM = "filter-mechanism"
    FILTER_MEASURABLE = "filter-measurable"
    FILTER_AGENT_CLASS = "filter-agent-class"
    FILTER_IMMUNE_STATE = "filter-immune-state"
    FILTER_ROUTE = "filter-route"
    FILTER_SOURCE = "filter-source"
    CLEAR_FILTERS = "clear-filters"
    PATH_FROM = "path-from"
    PATH_TO = "path-to"
    PATH_SWAP = "path-swap"
    PATH_CHOICE = "path-choice"
    PATH_MIXED = "path-mixed"  # allow paths that chain relations of conflicting contexts
    # the canvas and what sits on it
    CANVAS = "canvas"
    CANVAS_LOADING = "canvas-loading"
    CANVAS_STATUS = "canvas-status"
    CANVAS_SCALE = "canvas-scale"  # whether the view on the canvas is large (drawn more cheaply)  # an empty box over the canvas that holds the spinner
    WEBGL = "canvas-webgl"  # the WebGL canvas of large views (sigma.js), over dash-cytoscape's
    WEBGL_DATA = "webgl-data"  # what it draws (None: dash-cytoscape draws the view)
    WEBGL_TAP = "webgl-tap"  # the node clicked on it, {id, at}: untrusted, checked against the view
    WEBGL_PAINTED = "webgl-painted"  # written by the browser once it shows the Reason panel's answer
    LEGEND = "legend"
    FIT = "fit-view"
    # the side panels
    TABS = "panel-tabs"
    DETAILS = "details"
    DETAIL_FOCUS = "detail-focus"
    DETAIL_FROM = "detail-from"
    DETAIL_TO = "detail-to"
    SELECTED = "selected-node"
    PATHS = "paths"
    SANKEY = "sankey"
    CHART_SIGNS = "chart-signs"
    CHART_HUBS = "chart-hubs"
    # export and upload
    EXPORT_FORMAT = "export-format"
    EXPORT = "export"
    DOWNLOAD = "download"
    EXPORT_STATUS = "export-status"
    UPLOAD = "upload"
    UPLOAD_STATUS = "upload-status"
    UPLOAD_LIMIT = "upload-limit"  # the longest base64 upload the server takes
    UPLOAD_PAYLOAD = "upload-payload"  # an upload the browser found small enough to send
    RESET_GRAPH = "reset-graph"
    # reasoning (mechgraph.dashboard.reasoning): perturb, overlay data, compare
    REASON_GIVE = "reason-give"
    REASON_BLOCK = "reason-block"
    REASON_COMPARE_A = "reason-compare-a"
    REASON_COMPARE_B = "reason-compare-b"
    REASON_CLEAR = "reason-clear"
    REASON_OVERLAY_UPLOAD = "reason-overlay-upload"
    REASON_OVERLAY = "reason-overlay"  # the uploaded table's text and name, kept in the browser
    REASON_OVERLAY_STATUS = "reason-overlay-status"
    REASON_OVERLAY_CLEAR = "reason-overlay-clear"
    REASON_RESULT = "reason-result"
    REASON_PAINT = "reason-paint"  # node id -> cytoscape style of the result, for the canvas
    REASON_PAINTED = "reason-painted"  # written by the browser once the canvas shows the result
    REASON_STORY = "reason-story"  # the story of the answer (steps, captions, relation ids)
    REASON_STORY_STEP = "reason-story-step"  # the step on show (0: the title), kept in the link
    REASON_STORY_BOX = "reason-story-box"
    REASON_STORY_BACK = "reason-story-back"
    REASON_STORY_NEXT = "reason-story-next"
    REASON_STORY_CAPTION = "reason-story-caption"
    REASON_STORY_EXPORT = "reason-story-export"
    REASON_STORY_DOWNLOAD = "reason-story-download"
    # the text-to-draft review
    MAIN_TABS = "main-tabs"
    DRAFT_TEXT = "draft-text"
    DRAFT_UPLOAD = "draft-upload"
    DRAFT_RUN = "draft-run"
    DRAFT_STORE = "draft-store"
    DRAFT_DECISIONS = "draft-decisions"
    DRAFT_CANVAS = "draft-canvas"
    DRAFT_SOURCE = "draft-source"
    DRAFT_RELATIONS = "draft-relations"
    DRAFT_STATUS = "draft-status"
    DRAFT_ACCEPT = "draft-accept"
    DRAFT_REJECT = "draft-reject"
    DRAFT_DOWNLOAD_BUTTON = "draft-download-button"
    DRAFT_DOWNLOAD = "draft-download"
