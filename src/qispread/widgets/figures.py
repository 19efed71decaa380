"""A plotly FigureWidget without plotly's toolbar, which otherwise sits over the chart's title."""

import plotly.graph_objects as go

NO_TOOLBAR = {"displayModeBar": False, "displaylogo": False}


def figure_widget(fig: go.Figure | dict | None = None) -> go.FigureWidget:
    widget = go.FigureWidget(fig)
    widget._config = NO_TOOLBAR  # the front end's plotly config (FigureWidget has no public one)
    return widget
