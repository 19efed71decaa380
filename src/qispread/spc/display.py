"""How a qic() or ptd() result shows itself in a notebook: its chart, with the result's one-line
headline as the plain-text form (and, where the chart has room, as its subtitle)."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go


def mimebundle(figure: go.Figure, headline: str, as_subtitle: bool, include: Any = None,
               exclude: Any = None) -> dict[str, Any]:
    if as_subtitle:
        figure.update_layout(title_subtitle_text=headline, margin_t=95)
    bundle = dict(figure._repr_mimebundle_(include=include, exclude=exclude))
    bundle["text/plain"] = headline
    return bundle
