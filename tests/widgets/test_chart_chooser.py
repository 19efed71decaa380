"""The chooser widget, driven headless as a learner would: answer questions, read the advice."""

from qispread.widgets.chart_chooser import ChartChooser


def test_answers_change_the_advice_and_the_chosen_chart_is_handed_on():
    chosen = []
    chooser = ChartChooser(on_choose=chosen.append)
    assert "I chart" in chooser.advice_text.value
    chooser.kind.value = "proportion"
    chooser.large_denominators.value = True
    assert "P′ chart" in chooser.advice_text.value and "Laney" in chooser.advice_text.value
    chooser.use_button.click()
    assert chosen == ["pp"]


def test_only_the_questions_that_matter_are_shown():
    chooser = ChartChooser()
    assert chooser.subgroup_size.layout.display is None
    assert chooser.equal_opportunity.layout.display == "none"
    chooser.kind.value = "count"
    assert chooser.subgroup_size.layout.display == "none"
    assert chooser.equal_opportunity.layout.display is None
    assert chooser.large_denominators.layout.display == "none"  # same opportunity: a C chart
    chooser.equal_opportunity.value = False
    assert chooser.large_denominators.layout.display is None
    assert "U chart" in chooser.advice_text.value


def test_every_control_has_a_label():
    chooser = ChartChooser()
    for control in (
        chooser.kind,
        chooser.subgroup_size,
        chooser.equal_opportunity,
        chooser.large_denominators,
    ):
        assert control.description.strip()
