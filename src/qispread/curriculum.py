"""The course's twelve modules: what each teaches and where to find it."""

from dataclasses import dataclass

from qispread.errors import DataProblem


@dataclass(frozen=True)
class Module:
    number: int
    slug: str
    title: str
    outcomes: tuple[str, ...]
    widget: str

    @property
    def folder(self) -> str:
        return f"{self.number:02d}_{self.slug}"


MODULES: tuple[Module, ...] = (
    Module(0, "start_here", "Start here",
           ("run a cell and use a widget", "find help when you are stuck",
            "say why spreading improvements matters"), "course map"),
    Module(1, "model_for_improvement", "The Model for Improvement and aims",
           ("state the Model for Improvement's three questions",
            "write an aim that says how much, by when, for whom and where",
            "name the roles of an improvement team"), "aim checker and team form"),
    Module(2, "understanding_the_system", "Understanding the system",
           ("map a process and find where the lead time goes",
            "find causes with a fishbone and five whys, and choose which to test",
            "pick the vital few with a Pareto chart, weighted by harm",
            "explain why a queue grows when capacity equals demand"),
           "process map, fishbone, Pareto chart and waiting-list model"),
    Module(3, "driver_diagrams", "Driver diagrams",
           ("build a diagram from aim to primary drivers, secondary drivers and change ideas",
            "link drivers and change ideas, and give each driver a measure"),
           "driver diagram builder"),
    Module(4, "measurement", "Measurement for improvement",
           ("tell outcome, process and balancing measures apart",
            "write an operational definition"), "measure sorter"),
    Module(5, "run_charts", "Run charts",
           ("draw a run chart", "apply the Anhøj and the IHI (Perla) rules",
            "freeze a baseline"), "run chart explorer"),
    Module(6, "spc", "SPC and Making Data Count",
           ("tell common cause from special cause variation", "choose the right chart",
            "read control limits, variation icons and assurance icons"),
           "SPC explorer and chart chooser"),
    Module(7, "pdsa", "Testing changes with PDSA",
           ("plan a test with a prediction", "link cycles to a chart",
            "decide to adopt, adapt or abandon"), "PDSA log on a run chart"),
    Module(8, "spread_principles", "Why spread is hard: the seven principles",
           ("explain the 'one third' estimate",
            "use the seven principles and Rogers' attributes of an innovation"),
           "spread-readiness self-assessment"),
    Module(9, "leading_spread", "Leading spread: systems convening, networks, coaching",
           ("choose programme management or systems convening by complexity",
            "plan a coaching conversation",
            "map stakeholders and plan how patients and the public take part"),
           "coaching conversation planner, stakeholder map and involvement plan"),
    Module(10, "sustaining_change", "Sustaining change",
           ("rate the ten sustainability factors", "map the five challenges of spread"),
           "sustainability self-rating"),
    Module(11, "spread_plan", "Your spread plan",
           ("carry your own project from aim to spread plan",
            "write a spread plan a sponsor can read: aim, theory, measures, evidence, learning, "
            "readiness, leadership and sustainability"),
           "spread plan builder, with every tool on your own project"),
)


def module(number: int) -> Module:
    """The module with this number (0 to 11)."""
    for candidate in MODULES:
        if candidate.number == number:
            return candidate
    raise DataProblem(
        f"There is no module {number}: the modules are numbered 0 to {len(MODULES) - 1}.")
