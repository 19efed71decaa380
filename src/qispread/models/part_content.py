"""Does a saved project part hold anything the learner made?

Every tool saves its file as soon as it opens (so graded code never meets a missing file), which
means a file can exist while holding nothing: an aim of no words, a diagram without drivers. A part
is empty when its file is missing or holds only what the tool writes before anyone types. A file
that cannot be read is not empty: something is there, and the part's check says what is wrong.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from qispread.errors import QispreadError


def _aim(path: Path) -> bool:
    from qispread.models.aim import load_aim

    return not load_aim(path).text.strip()


def _process_map(path: Path) -> bool:
    from qispread.models.process_map import load_process_map

    saved = load_process_map(path)
    return not saved.title.strip() and not saved.steps


def _fishbone(path: Path) -> bool:
    from qispread.models.fishbone import load_fishbone

    saved = load_fishbone(path)
    return not saved.effect.strip() and not any(saved.categories.values())


def _diagram(path: Path) -> bool:
    # the diagram's aim is copied in from the aim part, so it is not work of its own
    from qispread.models.driver_diagram import load_diagram

    return not load_diagram(path).all_items()


def _measures(path: Path) -> bool:
    from qispread.models.measures import load_measures

    return not load_measures(path).measures


def _chart(path: Path) -> bool:
    from qispread.models.chart_spec import load_chart_spec

    spec = load_chart_spec(path)
    return spec.source is None and spec.own_data_csv is None and not spec.interpretation.strip()


def _pdsa(path: Path) -> bool:
    from qispread.models.pdsa import load_pdsa_log

    log = load_pdsa_log(path)
    return not log.cycles and not any(str(text).strip() for text in log.draft.values())


def _readiness(path: Path) -> bool:
    # the tool starts one assessment labelled with the month; a second one is the learner's
    from qispread.models.readiness import load_readiness

    assessments = load_readiness(path).assessments
    return len(assessments) <= 1 and not any(
        rating.score is not None or rating.notes.strip()
        for assessment in assessments for rating in assessment.ratings.values())


def _coaching(path: Path) -> bool:
    from qispread.models.coaching import load_coaching_plan

    plan = load_coaching_plan(path)
    return not plan.title.strip() and not any(
        text.strip() for stages in plan.notes.values() for text in stages.values())


def _sustainability(path: Path) -> bool:
    from qispread.models.sustainability import load_sustainability

    rating = load_sustainability(path)
    return not rating.project.strip() and not any(
        r.score is not None or r.notes.strip() for r in rating.ratings.values())


def _team(path: Path) -> bool:
    from qispread.models.team import load_team

    return load_team(path).is_empty()


def _stakeholders(path: Path) -> bool:
    from qispread.models.stakeholders import load_stakeholder_map

    return not load_stakeholder_map(path).stakeholders


def _involvement(path: Path) -> bool:
    from qispread.models.involvement import load_involvement_plan

    return load_involvement_plan(path).is_empty()


def _spread_measures(path: Path) -> bool:
    from qispread.models.spread_measures import load_spread_measures

    saved = load_spread_measures(path)
    return not saved.innovation.strip() and not saved.sites and not saved.components \
        and not saved.reach


EMPTY_WHEN: dict[str, Callable[[Path], bool]] = {
    "aim": _aim,
    "team": _team,
    "process_map": _process_map,
    "fishbone": _fishbone,
    "diagram": _diagram,
    "measures": _measures,
    "chart": _chart,
    "pdsa": _pdsa,
    "readiness": _readiness,
    "coaching": _coaching,
    "stakeholders": _stakeholders,
    "involvement": _involvement,
    "sustainability": _sustainability,
    "spread_measures": _spread_measures,
}


def holds_nothing(key: str, path: str | os.PathLike) -> bool:
    """True when the part's file is missing or holds only what its tool saves on opening."""
    path = Path(path)
    if not path.is_file():
        return True
    try:
        return EMPTY_WHEN[key](path)
    except (QispreadError, ValueError):  # damaged: kept, and its check names the problem
        return False
