"""How a qic(), ptd() or funnel() result shows in a notebook: its chart, with the result's
one-line headline as the plain-text form and, on a qic() chart, as the subtitle (a ptd() chart's
icons already give it)."""

from __future__ import annotations

from typing import Any

from qispread.plots.funnel_figure import funnel_figure
from qispread.plots.ptd_figure import ptd_figure
from qispread.plots.qic_figure import qic_figure
from qispread.spc.funnel.result import FunnelResult
from qispread.spc.ptd.result import PtdResult


def mimebundle(result: Any, include: Any = None, exclude: Any = None) -> dict[str, Any]:
    headline = result.headline()
    if isinstance(result, PtdResult):
        figure = ptd_figure(result)
    else:
        figure = funnel_figure(result) if isinstance(result, FunnelResult) else qic_figure(result)
        figure.update_layout(title_subtitle_text=headline, margin_t=95)
    bundle = dict(figure._repr_mimebundle_(include=include, exclude=exclude))
    bundle["text/plain"] = headline
    return bundle
