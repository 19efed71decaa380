"""The course's twelve modules: what each teaches, where to find it and how long it takes.

A module's time is what a first reading can meet: its core text at 150 to 200 words a minute,
plus the time its tools take (using each interactive tool, reading each chart, the quiz and the
project step). Sections whose heading starts with "Going further:" are optional; their time is
stated separately. tests/test_lesson_length.py counts the words and holds the lessons to it.
"""

from dataclasses import dataclass

from qispread.errors import DataProblem


@dataclass(frozen=True)
class Module:
    number: int
    slug: str
    title: str
    outcomes: tuple[str, ...]
    widget: str
    minutes: int
    """A first reading, tools included; the lesson's introduction states it (time_text)."""
    tool_minutes: int
    """The part of `minutes` spent using the tools, reading the charts and doing the quiz."""
    further_minutes: int = 0
    """The optional "Going further:" sections, read on top of `minutes`."""

    @property
    def folder(self) -> str:
        return f"{self.number:02d}_{self.slug}"

    @property
    def time_text(self) -> str:
        """"about 50 minutes", "about an hour": as the lesson's introduction says it."""
        return "about an hour" if self.minutes == 60 else f"about {self.minutes} minutes"

    @property
    def further_text(self) -> str:
        """The optional sections' time, or "" when the lesson has none."""
        if not self.further_minutes:
            return ""
        return (f"about {self.further_minutes} minutes more for the optional sections headed "
                "\u201cGoing further\u201d")

    @property
    def duration(self) -> str:
        """Both times in one phrase, for the course map and the website."""
        return f"{self.time_text}, and {self.further_text}" if self.further_minutes else \
            self.time_text


# tool_minutes, judged per lesson: 8 to 10 for each interactive tool used in earnest (30 for the
# spread plan), 1 for each chart or table to read, 2 to 3 for the quiz, 3 to 5 for the project step.
MODULES: tuple[Module, ...] = (
    Module(0, "start_here", "Start here",
           ("run a cell and use a widget", "find help when you are stuck",
            "say why spreading improvements matters"), "course map",
           minutes=20, tool_minutes=8),
    Module(1, "model_for_improvement", "The Model for Improvement and aims",
           ("state the Model for Improvement's three questions",
            "write an aim that says how much, by when, for whom and where",
            "name the roles of an improvement team"), "aim checker and team form",
           minutes=50, tool_minutes=24),
    Module(2, "understanding_the_system", "Understanding the system",
           ("map a process and find where the lead time goes",
            "find causes with a fishbone and five whys, and choose which to test",
            "pick the vital few with a Pareto chart, weighted by harm",
            "explain why a queue grows when capacity equals demand"),
           "process map, fishbone, Pareto chart and waiting-list model",
           minutes=45, tool_minutes=30),
    Module(3, "driver_diagrams", "Driver diagrams",
           ("build a diagram from aim to primary drivers, secondary drivers and change ideas",
            "link drivers and change ideas, and give each driver a measure"),
           "driver diagram builder",
           minutes=45, tool_minutes=22),
    Module(4, "measurement", "Measurement for improvement",
           ("tell outcome, process and balancing measures apart",
            "write an operational definition"), "measure sorter",
           minutes=50, tool_minutes=22),
    Module(5, "run_charts", "Run charts",
           ("draw a run chart", "apply the Anhøj and the IHI (Perla) rules",
            "freeze a baseline"), "run chart explorer",
           minutes=50, tool_minutes=24),
    Module(6, "spc", "SPC and Making Data Count",
           ("tell common cause from special cause variation", "choose the right chart",
            "read control limits, variation icons and assurance icons"),
           "SPC explorer and chart chooser",
           minutes=60, tool_minutes=39, further_minutes=5),
    Module(7, "pdsa", "Testing changes with PDSA",
           ("plan a test with a prediction", "link cycles to a chart",
            "decide to adopt, adapt or abandon"), "PDSA log on a run chart",
           minutes=50, tool_minutes=23),
    Module(8, "spread_principles", "Why spread is hard: the seven principles",
           ("explain the 'one third' estimate",
            "use the seven principles and Rogers' attributes of an innovation"),
           "spread-readiness self-assessment",
           minutes=50, tool_minutes=28, further_minutes=12),
    Module(9, "leading_spread", "Leading spread: systems convening, networks, coaching",
           ("choose programme management or systems convening by complexity",
            "plan a coaching conversation",
            "map stakeholders and plan how patients and the public take part"),
           "coaching conversation planner, stakeholder map and involvement plan",
           minutes=60, tool_minutes=34, further_minutes=15),
    Module(10, "sustaining_change", "Sustaining change",
           ("rate the ten sustainability factors", "map the five challenges of spread"),
           "sustainability self-rating",
           minutes=45, tool_minutes=20, further_minutes=2),
    Module(11, "spread_plan", "Your spread plan",
           ("carry your own project from aim to spread plan",
            "write a spread plan a sponsor can read: aim, theory, measures, evidence, learning, "
            "readiness, leadership and sustainability"),
           "spread plan builder, with every tool on your own project",
           minutes=60, tool_minutes=40),
)


def module(number: int) -> Module:
    """The module with this number (0 to 11)."""
    for candidate in MODULES:
        if candidate.number == number:
            return candidate
    raise DataProblem(
        f"There is no module {number}: the modules are numbered 0 to {len(MODULES) - 1}.")
