"""Make the ready example project in source_data/example_project/ (synthetic, for teaching).

A learner without data of their own starts from this project: an emergency department team
improving sepsis screening within one hour of arrival. Every word and rating here is invented for
teaching; the chart uses the synthetic data set sepsis_screening.csv (made by make_synthetic.py,
seed 19), whose PDSA ramp starts in week 18 (31 July 2023). Nothing here is random, so every run
writes the same files (the "seed" is the fixed text below).

Usage: python source_data/make_example_project.py [OUTPUT_FOLDER]   (default: example_project/)
"""

import sys
from datetime import date
from pathlib import Path

from qispread.models.aim import Aim
from qispread.models.chart_spec import ChartSpec
from qispread.models.coaching import CoachingPlan
from qispread.models.driver_diagram import DriverDiagram
from qispread.models.fishbone import Fishbone
from qispread.models.involvement import InvolvementPlan, StageInvolvement
from qispread.models.measures import MeasureFamily
from qispread.models.pdsa import CycleLog, PDSACycle
from qispread.models.process_map import ProcessMap, Step
from qispread.models.project import PARTS, Project
from qispread.models.readiness import DIMENSIONS, ReadinessRecord
from qispread.models.spread_measures import Component, ReachGroup, Site, SpreadMeasures
from qispread.models.stakeholders import Stakeholder, StakeholderMap
from qispread.models.sustainability import FACTORS, SustainabilityRating
from qispread.models.team import ProjectTeam

HERE = Path(__file__).resolve().parent

AIM = ("Increase the percentage of eligible adults screened for sepsis within one hour of arrival "
       "in the emergency department at Riverside Hospital from 60% to 85% by 31 March 2024.")

MEASURES = {
    "Percentage of eligible patients screened within one hour": ("outcome", dict(
        what_is_counted="Adults (16 and over) arriving in the emergency department who meet the "
                        "sepsis screening criteria, and whether screening was completed in time.",
        numerator="Eligible patients with a completed sepsis screen timed within 60 minutes of "
                  "arrival.",
        denominator="All eligible patients arriving in the week (Monday to Sunday).",
        inclusions_exclusions="Included: adults meeting the triage criteria. Excluded: patients "
                              "transferred in already screened, and those who leave before triage.",
        data_source="Electronic patient record, screening form time stamps.",
        frequency="Weekly, every Monday for the week before.")),
    "Percentage of triage forms with the screening prompt completed": ("process", dict(
        what_is_counted="Triage forms for eligible adults on which the screening prompt was "
                        "answered.",
        numerator="Triage forms with the prompt answered (yes or no).",
        denominator="Triage forms for eligible adults in the week.",
        inclusions_exclusions="Included: all triage forms for adults. Excluded: paediatric forms.",
        data_source="Electronic patient record, triage form audit report.",
        frequency="Weekly.")),
    "Percentage of sepsis bundles started within one hour of a positive screen": ("process", dict(
        what_is_counted="Patients with a positive screen and the time the sepsis bundle started.",
        numerator="Patients whose bundle started within 60 minutes of a positive screen.",
        denominator="Patients with a positive screen in the week.",
        inclusions_exclusions="Included: positive screens in the department. Excluded: patients "
                              "with a treatment escalation plan that rules the bundle out.",
        data_source="Electronic patient record, sepsis bundle form.",
        frequency="Weekly.")),
    "Median time from arrival to triage (minutes)": ("balancing", dict(
        what_is_counted="Minutes from arrival to the start of triage for every adult attendance.",
        numerator="Median of the minutes from arrival to triage.",
        denominator="none",
        inclusions_exclusions="Included: all adult attendances. Excluded: none.",
        data_source="Emergency department information system.",
        frequency="Weekly.")),
}

DRIVERS = [
    ("Staff recognise sepsis risk at triage",
     "Percentage of triage forms with the screening prompt completed",
     [("Screening prompt built into the triage form", ["Add a mandatory prompt to the form"]),
      ("Staff know the screening criteria", ["Ten-minute huddle teaching each shift"])]),
    ("Screening happens early in the patient's journey",
     "Percentage of eligible patients screened within one hour",
     [("A named nurse owns screening each shift", ["Sepsis nurse role on the rota"])]),
    ("Positive screens lead straight to treatment",
     "Percentage of sepsis bundles started within one hour of a positive screen",
     [("Bundle equipment ready at the bedside", ["Sepsis grab bags in every resus bay"])]),
]

CYCLES = [
    PDSACycle(
        "C1", "Screening prompt on the triage form, one nurse, one shift",
        objective="Find out whether a prompt on the triage form reminds the triage nurse to "
                  "screen.",
        prediction="At least 8 of 10 eligible patients on the shift will be screened within the "
                   "hour.",
        plan_who="Triage nurse Sam and the shift coordinator", plan_what="Paper prompt clipped "
        "to the triage form", plan_when="One day shift", plan_where="Majors triage",
        do="Ran as planned; the prompt fell off two forms.",
        study="7 of 10 screened in time, close to the prediction; the two missed had no prompt.",
        act="adapt", start=date(2023, 7, 31), end=date(2023, 7, 31)),
    PDSACycle(
        "C2", "Prompt printed on the form, all triage nurses for a week",
        objective="See whether a printed prompt works for every nurse and every shift.",
        prediction="Over 75% of eligible patients screened within one hour this week.",
        plan_who="All triage nurses", plan_what="Prompt printed on the form",
        plan_when="One week", plan_where="Majors and minors triage",
        do="Ran for the week; night shift used old forms for two nights.",
        study="74% screened in time, just under the prediction; nights were lower.",
        act="adapt", start=date(2023, 8, 14), end=date(2023, 8, 20), builds_on="C1",
        partner="Our patient partner asked what patients in the waiting room were told; the "
                "prompt gained a line to tell them why they were being checked."),
    PDSACycle(
        "C3", "Prompt made mandatory in the electronic triage form",
        objective="Make the prompt part of the electronic form so it cannot be skipped.",
        prediction="85% or more screened within one hour from the second week.",
        plan_who="Digital team and triage nurses", plan_what="Mandatory field in the electronic "
        "form", plan_when="From 4 September 2023", plan_where="Whole department",
        do="Went live on 4 September; one day of teething problems.",
        study="Percentage rose steadily and reached about 86% by late November, as predicted.",
        act="adopt", start=date(2023, 9, 4), end=date(2023, 10, 1), builds_on="C2"),
]

INTERPRETATION = (
    "Before our first test in week 18 the percentage screened within one hour stayed around 60%. "
    "After the prompt went onto the form the points rose week by week and from September almost "
    "every week sits above the old centre line, a shift that shows real improvement rather than "
    "chance. The single very low week in late January was the IT outage when the electronic prompt "
    "was down, a special cause we can explain, not a failure of the change."
)

READINESS = {"complexity": 3, "leadership": 4, "individual": 4, "benefit": 5, "networks": 2,
             "learning": 3, "seventh": 3, "systems_convening": 2}
READINESS_NOTES = {
    "networks": "Only our own department so far; the regional sepsis network is the obvious route.",
    "systems_convening": "No one yet brings the three emergency departments together.",
    "benefit": "Clear story: patients with sepsis get antibiotics sooner.",
}

SUSTAINABILITY = {"benefits_beyond_helping_patients": 4, "credibility_of_benefits": 4,
                  "adaptability": 3, "monitoring_system": 4, "staff_involvement_and_training": 3,
                  "staff_behaviours": 3, "senior_leadership": 4, "clinical_leadership": 4,
                  "fit_with_aims_and_culture": 4, "infrastructure": 2}

COACHING = {
    "Goal": "Convene the three emergency department leads and the regional sepsis network lead to "
            "agree how each site will test the screening prompt by June.",
    "Reality": "One site has adopted the prompt; the other two have different triage forms and "
               "no sepsis nurse role.",
    "Options": "Share our run chart and PDSA ramp at the network meeting; offer a buddy nurse to "
               "each site for their first cycle; let each site adapt the prompt to its own form.",
    "Will": "I will ask the network lead to host a one-hour call in April and send our spread "
            "plan a week before.",
}


def _diagram() -> DriverDiagram:
    diagram = DriverDiagram(aim=AIM, partner="Our patient partner moved 'Screening happens early in "
                            "the patient's journey' from a secondary to a primary driver: "
                            "patients see the wait, not the form.")
    for primary_text, measure, secondaries in DRIVERS:
        primary = diagram.add("primary", primary_text, measure=measure)
        for secondary_text, changes in secondaries:
            secondary = diagram.add("secondary", secondary_text, [primary.id], measure=measure)
            for change in changes:
                diagram.add("change", change, [secondary.id])
    return diagram


def _measures() -> MeasureFamily:
    family = MeasureFamily()
    for name, (kind, definition) in MEASURES.items():
        family.add(name, kind)
        family.set_definition(name, **definition)
    return family


def _chart() -> ChartSpec:
    return ChartSpec(
        source="sepsis_screening", x="week_starting", y="screened_within_1h", n="eligible",
        chart="p", multiply=100, freeze=17,
        title="Eligible patients screened for sepsis within one hour",
        ylab="Screened within one hour (%)", interpretation=INTERPRETATION)


def _readiness() -> ReadinessRecord:
    record = ReadinessRecord()
    assessment = record.add("Riverside emergency department, March 2024")
    for key in (d.key for d in DIMENSIONS):
        assessment.set_score(key, READINESS[key])
        assessment.set_notes(key, READINESS_NOTES.get(key, ""))
    return record


def _sustainability() -> SustainabilityRating:
    rating = SustainabilityRating(project="Sepsis screening within one hour")
    for key in (d.key for d in FACTORS):
        rating.set_score(key, SUSTAINABILITY[key])
    rating.set_notes("infrastructure", "The prompt depends on the electronic form: an outage stops"
                                       " it, so we need a paper back-up.")
    return rating


def _coaching() -> CoachingPlan:
    plan = CoachingPlan(model="GROW", title="Convening the three emergency departments")
    for stage, text in COACHING.items():
        plan.set_note(stage, text)
    return plan


def _process_map() -> ProcessMap:
    return ProcessMap("Arrival to the first sepsis screen, emergency department (as mapped by the "
                      "team)", [
        Step("Booked in at reception", "Reception", "value", 5),
        Step("Waits to be triaged", "Reception", "wait", 25),
        Step("Triage, observations taken", "Triage nurse", "value", 10),
        Step("Screening form fetched from the desk", "Triage nurse", "handoff", 5),
        Step("Waits for the nurse's observation round", "Cubicle nurse", "wait", 40),
        Step("Sepsis screen completed", "Cubicle nurse", "value", 10),
        Step("Screen checked by the nurse in charge", "Nurse in charge", "check", 5),
    ])


def _fishbone() -> Fishbone:
    diagram = Fishbone("Eligible adults are not screened for sepsis within one hour of arrival")
    for category, text, whys, likely in [
        ("People", "Agency staff unsure of the screening criteria", [], False),
        ("Methods", "Screening waits for the observation round",
         ["Observations are done in rounds, not on arrival",
          "The screen is not part of triage"], True),
        ("Equipment", "The electronic prompt is down in IT outages", [], False),
        ("Materials", "The paper form is kept at the desk, not in the cubicles",
         ["Forms were moved after a cupboard was removed"], True),
        ("Measurement", "Screening times are not fed back to staff", [], False),
    ]:
        cause = diagram.add_cause(category, text)
        cause.whys, cause.likely = whys, likely
    return diagram


TEAM = ProjectTeam(
    sponsor="Director of nursing, urgent care", clinical_lead="Consultant in emergency medicine",
    day_to_day_lead="Senior sister, emergency department",
    members=["Two triage nurses", "Nurse in charge (rotating)", "Digital team analyst"],
    patient_partner="A former patient treated for sepsis, recruited through the hospital's "
                    "patient partner scheme")

STAKEHOLDERS = StakeholderMap([
    Stakeholder("Director of nursing", "staff", 4, 3, "Evidence the project is safe and worth "
                "the nurses' time", "Monthly update at the urgent care board; asked to clear "
                "the electronic form change"),
    Stakeholder("Triage nurses", "staff", 3, 4, "A screen that fits triage and does not add "
                "minutes", "Test each change with them; their comments shape the next cycle"),
    Stakeholder("Patients arriving with possible sepsis", "public", 1, 4, "Quick recognition, "
                "and to know why they are being checked", "Ask what matters to them in the "
                "waiting room; feedback cards for a week in each cycle"),
    Stakeholder("Sepsis survivors' group", "public", 2, 4, "Their experience to count in the "
                "design", "Co-design event for the aim and the process map"),
    Stakeholder("Digital team", "staff", 3, 2, "A clear request and time to build it",
                "Keep satisfied: agree the change request early, share the results"),
    Stakeholder("Ambulance service", "organisation", 2, 2, "To know if handover changes",
                "Monitor; tell them when the screen moves to triage"),
])

INVOLVEMENT = InvolvementPlan({
    "aim": StageInvolvement("Patient partner and the sepsis survivors' group", "collaborating",
                            "The aim was drafted with them at a co-design event before it went "
                            "to the board", "They asked that screening should not be sped up "
                            "by rushing triage; the team added time to triage as a balancing "
                            "measure."),
    "system": StageInvolvement("Patient partner; patients in the waiting room", "involving",
                               "The patient partner walked the journey with the team; ten "
                               "patients asked 'What matters to you?' while waiting",
                               "The process map gained the wait nobody on the staff side had "
                               "noticed: before the form is fetched."),
    "testing": StageInvolvement("Patient partner", "involving",
                                "Reviews each cycle's study with the team before the act "
                                "decision", "Cycle C2's prompt tells patients why they are "
                                "checked."),
    "spreading": StageInvolvement("Patient partner and the survivors' group", "collaborating",
                                  "Co-present the change to the next two departments; the "
                                  "group chooses which patient story goes with it", ""),
})
SPREAD_MONTHS = ("Apr 2024", "May 2024", "Jun 2024", "Jul 2024", "Aug 2024", "Sep 2024",
                 "Oct 2024", "Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025")
SPREAD_SITES = (  # name, month signed up (index), monthly uptake (%); invented for teaching
    ("Riverside", 0, (62, 70, 78, 82, 85, 86, 88, 87, 89, 90, 88, 91)),
    ("Northgate", 1, (None, 20, 45, 58, 66, 72, 75, 78, 80, 81, 83, 84)),
    ("Eastfield", 2, (None, None, 10, 25, 40, 55, 61, 64, 70, 72, 71, 75)),
    ("Hillcrest", 2, (None, None, 15, 18, 22, 20, 25, 24, 28, 26, 27, 30)),
    ("Westbrook", 4, (None, None, None, None, 12, 30, 52, 48, 55, 60, 63, 65)),
    ("Lakeside", 6, (None, None, None, None, None, None, 5, 8, 6, 10, 12, 9)),
    ("Meadowvale", 9, (None, None, None, None, None, None, None, None, None, 35, 52, 58)),
    ("Southmoor", None, ()),
)
SPREAD_COMPONENTS = (
    ("Screening prompt at triage", True),
    ("Escalation to the nurse in charge within 15 minutes", True),
    ("Bundle started within one hour of a positive screen", True),
    ("Who completes the screen", False),
    ("Paper or electronic form", False),
    ("How results are fed back to staff", False),
)
SPREAD_FIDELITY = {  # site: ratings in SPREAD_COMPONENTS order ("" = not known)
    "Riverside": ("as designed",) * 6,
    "Northgate": ("as designed", "as designed", "as designed", "adapted", "adapted",
                  "as designed"),
    "Eastfield": ("as designed", "adapted", "as designed", "as designed", "adapted", "adapted"),
    "Hillcrest": ("not delivered", "as designed", "adapted", "adapted", "as designed",
                  "not delivered"),
    "Westbrook": ("as designed", "as designed", "as designed", "adapted", "as designed",
                  "adapted"),
    "Lakeside": ("adapted", "", "", "adapted", "", ""),
    "Meadowvale": ("as designed", "as designed", "as designed", "as designed", "adapted", ""),
}
SPREAD_REACH = (  # deprivation fifth (IMD 2019 quintile), eligible adults, screened in time
    ("1 most deprived", 1240, 682), ("2", 1105, 707), ("3", 980, 676), ("4", 860, 610),
    ("5 least deprived", 790, 577),
)


def _spread_measures() -> SpreadMeasures:
    names = [name for name, _ in SPREAD_COMPONENTS]
    return SpreadMeasures(
        innovation="One-hour sepsis screening in emergency departments",
        months=SPREAD_MONTHS,
        sites=tuple(Site(name, signed, uptake) for name, signed, uptake in SPREAD_SITES),
        components=tuple(Component(name, core) for name, core in SPREAD_COMPONENTS),
        fidelity={site: {c: r for c, r in zip(names, ratings, strict=True) if r}
                  for site, ratings in SPREAD_FIDELITY.items()},
        reach=tuple(ReachGroup(*row) for row in SPREAD_REACH))


def make(folder: Path) -> Project:
    project = Project(folder)
    folder.mkdir(parents=True, exist_ok=True)
    writers = {
        "aim": Aim(AIM), "process_map": _process_map(), "fishbone": _fishbone(),
        "diagram": _diagram(), "measures": _measures(), "chart": _chart(),
        "pdsa": CycleLog(CYCLES), "readiness": _readiness(), "coaching": _coaching(),
        "sustainability": _sustainability(), "team": TEAM, "stakeholders": STAKEHOLDERS,
        "involvement": INVOLVEMENT, "spread_measures": _spread_measures(),
    }
    for item in PARTS:
        writers[item.key].save(project.path(item.key))
    return project


if __name__ == "__main__":
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "example_project")
