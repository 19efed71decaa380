"""The understanding-the-system tools driven as a learner would: typing, clicking, and what is
saved and shown."""

import sys
from pathlib import Path

import pandas as pd

from qispread.models.demand_capacity import QueueSettings
from qispread.models.fishbone import load_fishbone
from qispread.models.process_map import load_process_map
from qispread.widgets import FishboneBuilder, ParetoExplorer, ProcessMapper, WaitingListModel

sys.path.insert(0, str(Path(__file__).parents[1] / "models"))
from test_process_map import arrival_to_ward  # noqa: E402


def test_process_mapper_saves_each_step_typed_and_shows_the_reading(tmp_path):
    path = tmp_path / "process_map.json"
    tool = ProcessMapper(path)
    assert load_process_map(path).steps == []
    tool.title.value = "Referral to first appointment"
    tool.add_button.click()
    row = tool.step_rows[0]
    row.name.value = "Referral triaged"
    assert "does not say who" in tool.messages.value  # unfinished: said, and still saved
    assert load_process_map(path).steps[0].name == "Referral triaged"
    row.lane.value = "Consultant"
    row.minutes.value = 10
    tool.add_button.click()
    second = tool.step_rows[1]
    assert second.lane.value == "Consultant"  # a new step starts in the last step's lane
    second.name.value = "Wait for a clinic slot"
    second.kind.value = "wait"
    second.minutes.value = 30_000
    saved = load_process_map(path)
    assert [s.kind for s in saved.steps] == ["value", "wait"]
    assert tool.messages.value == ""
    assert "The longest wait is 'Wait for a clinic slot'" in tool.reading.value
    assert "less than 1% of it adds value" in tool.reading.value
    assert "2. Wait for a clinic slot (Consultant; waiting; 20 days 20 hours)" in tool.text.value


def test_process_mapper_moves_and_removes_steps(tmp_path):
    path = tmp_path / "map.json"
    arrival_to_ward().save(path)
    tool = ProcessMapper(path)
    tool.step_rows[1].up.click()
    assert load_process_map(path).steps[0].name == "Wait to be assessed"
    tool.step_rows[0].remove.click()
    assert len(load_process_map(path).steps) == 9
    assert len(tool.figure.shown.data) > 1


def test_fishbone_builder_renames_adds_marks_likely_and_offers_drivers(tmp_path):
    path = tmp_path / "fishbone.json"
    tool = FishboneBuilder(path)
    tool.effect.value = "Falls at night on ward 7"
    tool.category.value = "Materials"
    tool.new_name.value = "Medicines"
    tool.rename_button.click()
    assert "Medicines" in tool.category.options and "Materials" not in tool.category.options
    tool.category.value = "Medicines"
    tool.new_cause.value = "Night sedation"
    tool.add_button.click()
    assert tool.new_cause.value == ""
    row = tool.cause_rows[0]
    row.whys.value = "Patients ask for help sleeping\nNo other options offered"
    row.likely.value = True
    saved = load_fishbone(path)
    assert saved.categories["Medicines"][0].likely
    assert "No other options offered" in tool.drivers.value
    tool.new_cause.value = "   "
    tool.add_button.click()
    assert "Write the cause" in tool.messages.value


def test_fishbone_builder_refuses_a_clashing_rename_in_words(tmp_path):
    tool = FishboneBuilder(tmp_path / "f.json")
    tool.category.value = "People"
    tool.new_name.value = "Methods"
    tool.rename_button.click()
    assert "already a category called 'Methods'" in tool.messages.value


def test_pareto_explorer_reorders_when_weighted():
    data = pd.DataFrame({"cause": ["slip", "bed exit"], "falls": [50, 6], "harm": [1, 10]})
    tool = ParetoExplorer(data, category="cause", count="falls", weight="harm")
    assert tool.figure.shown.data[0].x[0] == "slip"
    tool.order_by.value = "weight"
    assert tool.figure.shown.data[0].x[0] == "bed exit"
    assert "weighted total" in tool.reading.value


def test_waiting_list_model_runs_and_explains_bad_settings():
    tool = WaitingListModel(QueueSettings(runs=50))
    assert "averaged over 50 runs" in tool.reading.value
    tool.weeks.value = 10
    tool.run_button.click()
    assert len(tool.figure.shown.data[-1].y) == 10
    tool.capacity_sd.value = float("nan")
    tool.run_button.click()
    assert "variation in capacity" in tool.messages.value


def test_driver_diagram_builder_offers_the_fishbones_likely_causes(tmp_path):
    from qispread.models.driver_diagram import load_diagram
    from qispread.widgets import DriverDiagramBuilder

    builder = DriverDiagramBuilder(tmp_path / "diagram.json",
                                   candidates=["No other options offered at night"])
    builder.add_form.text.value = "Patients at risk identified early"
    builder.add_form.button.click()  # a primary driver to link to
    builder.candidates.value = "No other options offered at night"
    builder.use_candidate.click()
    assert builder.level.value == "secondary"
    assert builder.add_form.text.value == "No other options offered at night"
    builder.add_form.parents.value = ("P1",)
    builder.add_form.button.click()
    saved = load_diagram(tmp_path / "diagram.json")
    assert [i.text for i in saved.items("secondary")] == ["No other options offered at night"]


def test_driver_diagram_builder_without_candidates_offers_nothing(tmp_path):
    from qispread.widgets import DriverDiagramBuilder

    builder = DriverDiagramBuilder(tmp_path / "diagram.json")
    assert builder.candidates.options == ()
    builder.use_candidate.click()
    assert "Choose a likely cause" in builder.messages.value


def test_pareto_explorer_opens_on_the_course_incidents_without_a_table():
    tool = ParetoExplorer()
    assert tool.figure.shown.data[0].x[0] == "Falls"
    assert [label for label, _ in tool.order_by.options] == ["How often",
                                                             "Weighted by harm_weight"]
