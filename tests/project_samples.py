"""A learner's own project, complete: the example project with an aim and a reading of the chart
written by the learner (the example's own aim and reading do not count as anyone's work)."""

from dataclasses import replace

from qispread.models.aim import Aim
from qispread.models.chart_spec import load_chart_spec
from qispread.models.project import Project, example_project

OWN_AIM = ("Increase the percentage of eligible adults screened for sepsis within one hour in the "
           "acute medical unit at Hilltop Hospital from 55% to 80% by 30 June 2026.")
OWN_READING = ("Our chart shows the percentage stayed near 60 before the first test, then rose "
               "week by week after the prompt: from September nearly every point is above the old "
               "centre line, a shift, so the change worked. One very low week in January was an "
               "IT outage, a special cause.")


def own_project(folder) -> Project:
    """The example project with the learner's own aim and reading of the chart."""
    project = example_project().copy_to(folder)
    Aim(OWN_AIM).save(project.path("aim"))
    spec = load_chart_spec(project.path("chart"))
    replace(spec, interpretation=OWN_READING).save(project.path("chart"))
    return project
