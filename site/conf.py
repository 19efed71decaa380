"""Sphinx configuration for the course website (built by `make site`, see docs/site.md).

The pages arrive already executed and prepared by sitebuild: Sphinx never runs a notebook.
Nothing on a page may come from another host, so: no MathJax from a CDN, no widget manager from
a CDN, plotly.js from the site's own _static folder on the pages that draw a chart.
"""

project = "qispread"
author = "the qispread contributors"
# "en", not "en_GB": Sphinx 9's en_GB catalogue lacks the plural search-summary message, so the
# search page threw "Cannot read properties of undefined (reading 'replace')".
language = "en"
extensions = ["myst_nb"]
nb_execution_mode = "off"
myst_enable_extensions = []
html_theme = "sphinx_book_theme"
html_title = "Quality improvement and spread"
html_theme_options = {
    "home_page_in_toc": True,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "show_toc_level": 2,
}
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"  # else browsers ask for /favicon.ico and log a 404
html_context = {"default_mode": "light"}
html_css_files = ["qispread-site.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
templates_path = ["_templates"]


def _plotly_where_needed(app, pagename, templatename, context, doctree):
    if "Plotly.newPlot" in context.get("body", ""):
        app.add_js_file("plotly.min.js", defer="defer")  # the text first (sitebuild/charts.py)


def setup(app):
    app.connect("html-page-context", _plotly_where_needed)
