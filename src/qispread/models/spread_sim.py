"""A teaching model of an innovation spreading through a network of teams and organisations.

This is a *teaching model*, not a forecast: its rules are simple on purpose, so that a learner can
see how the choices a spread lead makes (who starts, push or pull, adaptation, convening) change
what happens. The assumptions are listed in docs/spread-simulator.md and shown beside the tool.

The rules, in short. Teams belong to organisations; most of a team's trusted contacts are in its
own organisation, and a few boundary spanners have contacts in others. Each month:

* **Pull** (after Granovetter 1978's threshold model, with an absolute count of contacts as in
  Centola and Macy 2007's complex contagion): a team starts trying the change once enough of its
  trusted contacts have adopted it (its threshold), after a short hesitation. A team hears about it
  (becomes aware) when a contact is trying or using it.
* **Push** (a mandate): every team is told at once and must start trying within the first year,
  whatever its contacts do; contacts can still bring a team's start forward.
* A trial lasts a few months. It succeeds when the team's support (contacts that have adopted, plus
  help from a community of practice) covers the local adaptation the change needs there. A trial
  that does not fit is abandoned; the team comes back and adopts as soon as its support grows
  enough.
* **Convening** adds cross-boundary ties between organisations and/or a community of practice
  (members from every organisation, all in touch, helping each other adapt).

Every random draw is made once per team from the run's seed, before anything is chosen, so the same
seed gives the same run, and a run with more seed teams or with convening differs only by what was
added. The rules are monotone: a team that has adopted stays adopted, and more adopted contacts
never delay anyone. Hence more seed teams never slow adoption, and convening never reduces it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import scipy.sparse as sp

from qispread.errors import DataProblem

if TYPE_CHECKING:
    from qispread.models.spread_measures import SpreadMeasures

STATES = ("unaware", "aware", "trying", "adopted", "abandoned")
UNAWARE, AWARE, TRYING, ADOPTED, ABANDONED = range(len(STATES))

SEEDING = {
    "random": "teams chosen at random",
    "hubs": "the best-connected teams (hubs)",
    "brokers": "boundary spanners (teams with contacts in other organisations)",
    "enthusiasts": "the most enthusiastic early sites",
}
MODES = {"pull": "pull: teams try it when enough trusted contacts have",
         "push": "push: a mandate tells every team to try it"}
ADAPTATION = {"little": 0.0, "some": 1.5, "a lot": 4.0}
"""How much local adaptation the change needs: the most support (adopted contacts, help) a team
with the least-fitting context needs for its trial to succeed. Teams' needs are spread evenly
between 0 and this value."""

REACH = ("unit", "organisation", "beyond")
REACH_LABELS = {"unit": "never left the team where it began",
                "organisation": "spread within its own organisation only",
                "beyond": "spread to other organisations"}

ENTHUSIAST_SHARE = 0.25
"""Share of keen teams that try a change after one contact has; the same share of reluctant teams
need one contact more than most."""
CONTACTS_INSIDE = 3
"""Each new team links to this many teams in its organisation (a Holme-Kim network, which has hubs
and clusters)."""
CROSS_TIES_PER_ORGANISATION = 2
"""Contacts each organisation has with teams in other organisations, before any convening."""
CONVENING_TIES_PER_ORGANISATION = 3
COMMUNITY_MEMBERS_PER_ORGANISATION = 2
COMMUNITY_HELP = 2.0
"""Support a community of practice gives its members, counted like adopted contacts."""
MANDATE_MONTHS = 12


class SimulatorProblem(DataProblem):
    """Settings the simulator cannot run. The message names the setting and the fix."""


@dataclass(frozen=True)
class SpreadSettings:
    """Everything one run depends on. `seed` picks the network and every team's draws."""

    organisations: int = 8
    teams_per_organisation: int = 20
    seeding: str = "random"
    seed_teams: int = 1
    mode: str = "pull"
    contacts_needed: int = 2
    adaptation: str = "some"
    cross_boundary_ties: bool = False
    community_of_practice: bool = False
    months: int = 60
    seed: int = 1

    def __post_init__(self) -> None:
        _check_whole(self.organisations, "organisations", 2, 200)
        _check_whole(self.teams_per_organisation, "teams per organisation", 4, 200)
        _check_whole(self.seed_teams, "seed teams", 1, self.teams)
        _check_whole(self.contacts_needed, "contacts needed", 1, 5)
        _check_whole(self.months, "months", 1, 600)
        _check_whole(self.seed, "seed", 0, 2**32 - 1)
        for value, allowed, name in ((self.seeding, SEEDING, "who starts"),
                                     (self.mode, MODES, "push or pull"),
                                     (self.adaptation, ADAPTATION, "adaptation needed")):
            if value not in allowed:
                raise SimulatorProblem(f"'{value}' is not a choice for {name}. Choose one of: "
                                       f"{', '.join(allowed)}.")

    @property
    def teams(self) -> int:
        return self.organisations * self.teams_per_organisation

    def to_dict(self) -> dict:
        return asdict(self)


def _check_whole(value: object, name: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) \
            or not low <= value <= high:
        raise SimulatorProblem(f"The number of {name} must be a whole number from {low} to "
                               f"{high}; '{value}' is not.")


@dataclass(frozen=True)
class TeamDraws:
    """Each team's own random draws, made once per seed and independent of every setting."""

    enthusiasm: np.ndarray
    hesitation: np.ndarray
    trial_months: np.ndarray
    misfit: np.ndarray
    mandate_month: np.ndarray


@dataclass(frozen=True)
class SpreadNetwork:
    """Teams (nodes) with their organisation, trusted contacts (edges) and community membership."""

    edges: np.ndarray  # (ties, 2), each tie once, lower team number first
    organisation: np.ndarray
    base_degree: np.ndarray
    outside_contacts: np.ndarray
    community: np.ndarray

    @property
    def teams(self) -> int:
        return len(self.organisation)

    @cached_property
    def graph(self) -> nx.Graph:
        graph = nx.Graph()
        graph.add_nodes_from(range(self.teams))
        graph.add_edges_from(self.edges.tolist())
        return graph

    @cached_property
    def adjacency(self) -> sp.csr_matrix:
        return _adjacency(self.edges, self.teams)

    @cached_property
    def positions(self) -> np.ndarray:
        return _layout(self.organisation, self.base_degree)


def _streams(seed: int) -> list[np.random.Generator]:
    return [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(4)]


def _unique_ties(ties: np.ndarray) -> np.ndarray:
    ties = np.sort(ties.reshape(-1, 2), axis=1)
    ties = ties[ties[:, 0] != ties[:, 1]]
    return np.unique(ties, axis=0)


def _adjacency(edges: np.ndarray, teams: int) -> sp.csr_matrix:
    rows = np.r_[edges[:, 0], edges[:, 1]]
    cols = np.r_[edges[:, 1], edges[:, 0]]
    return sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(teams, teams))


def build_network(settings: SpreadSettings) -> SpreadNetwork:
    """Organisations of clustered teams with a few hubs, linked by a few boundary spanners."""
    base, organisation, base_degree, outside, extra, members = _structure(
        settings.seed, settings.organisations, settings.teams_per_organisation)
    community = np.zeros(settings.teams, dtype=bool)
    added = [base]
    if settings.cross_boundary_ties:
        added.append(extra)
    if settings.community_of_practice:
        community[members] = True
        a, b = np.triu_indices(len(members), 1)
        added.append(np.c_[members[a], members[b]])
    return SpreadNetwork(_unique_ties(np.vstack(added)), organisation, base_degree, outside,
                         community)


@lru_cache(maxsize=512)
def _structure(seed: int, orgs: int, size: int) -> tuple[np.ndarray, ...]:
    """The network before convening, and the ties and members convening would add. Cached: runs
    that differ only in other settings share it (arrays are read-only)."""
    structure, _, convening, _ = _streams(seed)
    ties = []
    for o in range(orgs):
        inside = nx.powerlaw_cluster_graph(size, CONTACTS_INSIDE, 0.4,
                                           seed=int(structure.integers(2**31)))
        ties.append(o * size + np.array(inside.edges, dtype=np.int64).reshape(-1, 2))
    ties += [_cross_tie(structure, o, orgs, size)
             for o in range(orgs) for _ in range(CROSS_TIES_PER_ORGANISATION)]
    base = _unique_ties(np.vstack(ties))
    organisation = np.repeat(np.arange(orgs), size)
    base_degree = np.bincount(base.ravel(), minlength=orgs * size)
    crossing = base[organisation[base[:, 0]] != organisation[base[:, 1]]]
    outside = np.bincount(crossing.ravel(), minlength=orgs * size)
    # Convening draws come from their own stream, after the base network, so turning convening on
    # adds ties and help without changing anything else.
    extra = np.vstack([_cross_tie(convening, o, orgs, size)
                       for o in range(orgs) for _ in range(CONVENING_TIES_PER_ORGANISATION)])
    members = np.concatenate([o * size + convening.choice(size, COMMUNITY_MEMBERS_PER_ORGANISATION,
                                                           replace=False) for o in range(orgs)])
    arrays = (base, organisation, base_degree, outside, extra, members)
    for array in arrays:
        array.flags.writeable = False
    return arrays


def _cross_tie(rng: np.random.Generator, org: int, orgs: int, size: int) -> np.ndarray:
    other = (org + 1 + rng.integers(orgs - 1)) % orgs
    return np.array([[org * size + rng.integers(size), other * size + rng.integers(size)]])


def draw_teams(settings: SpreadSettings) -> TeamDraws:
    _, draws, _, _ = _streams(settings.seed)
    n = settings.teams
    return TeamDraws(enthusiasm=draws.random(n), hesitation=draws.integers(0, 4, n),
                     trial_months=draws.integers(2, 6, n), misfit=draws.random(n),
                     mandate_month=draws.integers(0, MANDATE_MONTHS, n))


def choose_seed_teams(settings: SpreadSettings, network: SpreadNetwork,
                      draws: TeamDraws) -> np.ndarray:
    """The teams that start with the change. Ranked on the network before convening, so that
    the first k teams are always among the first k + 1."""
    *_, ranking = _streams(settings.seed)
    tiebreak = ranking.permutation(settings.teams)
    keys = {"random": (tiebreak,),
            "hubs": (tiebreak, -network.base_degree),
            "brokers": (tiebreak, -network.base_degree, -network.outside_contacts),
            "enthusiasts": (tiebreak, -draws.enthusiasm)}[settings.seeding]
    return np.lexsort(keys)[:settings.seed_teams]


def thresholds(settings: SpreadSettings, draws: TeamDraws) -> np.ndarray:
    """Adopted contacts each team waits for before trying (pull)."""
    need = np.full(settings.teams, settings.contacts_needed)
    need[draws.enthusiasm >= 1 - ENTHUSIAST_SHARE] = 1
    need[draws.enthusiasm < ENTHUSIAST_SHARE] = settings.contacts_needed + 1
    return need


@dataclass(frozen=True)
class SpreadRun:
    """One run: the state of every team at the start and after each month."""

    settings: SpreadSettings
    network: SpreadNetwork
    seed_teams: np.ndarray
    states: np.ndarray  # (months + 1, teams), values index STATES

    def counts(self) -> np.ndarray:
        """Teams in each state (columns in STATES order) at each month."""
        return np.stack([(self.states == s).sum(axis=1) for s in range(len(STATES))], axis=1)

    def adopted_share(self) -> np.ndarray:
        return (self.states == ADOPTED).mean(axis=1)

    def months_to(self, share: float = 0.5) -> int | None:
        """The first month at which at least `share` of teams have adopted, or None."""
        reached = np.flatnonzero(self.adopted_share() >= share)
        return int(reached[0]) if reached.size else None

    @property
    def final_adoption(self) -> float:
        return float(self.adopted_share()[-1])

    def reach(self) -> str:
        """How far the change got: 'unit' (only the seed teams use it), 'organisation' (other
        teams in the seed teams' organisations) or 'beyond' (teams in other organisations)."""
        adopted = self.states[-1] == ADOPTED
        adopted[self.seed_teams] = False
        home = np.isin(self.network.organisation, self.network.organisation[self.seed_teams])
        if (adopted & ~home).any():
            return "beyond"
        return "organisation" if adopted.any() else "unit"


    def spread_measures(self) -> SpreadMeasures:
        """The run as a spread programme's adoption measures, one site per organisation: it
        signs up when one of its teams first tries the change, and its uptake each month is the
        share of its teams that have adopted. The model has no components or patient groups, so
        fidelity and reach stay empty (every adopting team delivers the change as designed)."""
        from qispread.models.spread_measures import Site, SpreadMeasures

        sites = []
        for org in range(self.settings.organisations):
            states = self.states[:, self.network.organisation == org]
            started = np.flatnonzero(((states == TRYING) | (states == ADOPTED)).any(axis=1))
            uptake = tuple(float(v) for v in np.round((states == ADOPTED).mean(axis=1) * 100, 1))
            sites.append(Site(f"Organisation {org + 1}",
                              int(started[0]) if started.size else None, uptake))
        return SpreadMeasures(innovation="The simulated change",
                              months=tuple(f"month {m}" for m in range(len(self.states))),
                              sites=tuple(sites))


def simulate(settings: SpreadSettings | None = None, **changes) -> SpreadRun:
    """Run the model month by month; `changes` override fields of `settings`."""
    settings = replace(settings or SpreadSettings(), **changes)
    network = build_network(settings)
    draws = draw_teams(settings)
    seeds = choose_seed_teams(settings, network, draws)
    n, months = settings.teams, settings.months
    adjacency = network.adjacency
    threshold = thresholds(settings, draws)
    need = ADAPTATION[settings.adaptation] * draws.misfit
    help_ = np.where(network.community, COMMUNITY_HELP, 0.0)
    never = np.iinfo(np.int64).max // 4
    adopted_at = np.full(n, never)
    adopted_at[seeds] = 0
    aware_at = np.full(n, 0 if settings.mode == "push" else never)
    aware_at[seeds] = 0
    start = np.full(n, never)
    if settings.mode == "push":
        start = draws.mandate_month.astype(np.int64)
    start[seeds] = never
    states = np.empty((months + 1, n), dtype=np.int8)
    for month in range(months + 1):
        adopted = adopted_at <= month
        contacts = adjacency @ adopted
        start = np.minimum(start, np.where(contacts >= threshold, month + draws.hesitation, never))
        trial_over = start + draws.trial_months
        fits = (contacts + help_ >= need) & (month >= trial_over) & ~adopted
        trying = (start <= month) & ~adopted & ((month < trial_over) | fits)
        state = np.where(aware_at <= month, AWARE, UNAWARE)
        state[trying] = TRYING
        state[(month >= trial_over) & ~adopted & ~fits] = ABANDONED
        state[adopted] = ADOPTED
        states[month] = state
        adopted_at[fits] = month + 1
        heard = (adjacency @ (trying | adopted)) > 0
        aware_at = np.where(heard & (aware_at > month), month + 1, aware_at)
        pending = ((start > month) & (start < never)).any() or fits.any() or trying.any() \
            or (aware_at == month + 1).any()
        if not pending:  # nothing can change any more: every later month looks like this one
            states[month + 1:] = state
            break
    return SpreadRun(settings, network, seeds, states)


def reach_pattern(settings: SpreadSettings | None = None, runs: int = 100,
                  first_seed: int = 1, **changes) -> dict[str, int]:
    """How many of `runs` runs (seeds first_seed, first_seed + 1, …) ended at each reach.

    The seeds are fixed, so the answer depends only on the settings, never on earlier runs.
    """
    settings = replace(settings or SpreadSettings(), **changes)
    tally = dict.fromkeys(REACH, 0)
    for seed in range(first_seed, first_seed + runs):
        tally[simulate(settings, seed=seed).reach()] += 1
    return tally


def _layout(organisation: np.ndarray, degree: np.ndarray) -> np.ndarray:
    """Organisations round a circle; in each, teams spiral out from the best connected."""
    orgs = int(organisation.max()) + 1
    positions = np.zeros((len(organisation), 2))
    golden = np.pi * (3 - np.sqrt(5))
    for o in range(orgs):
        members = np.flatnonzero(organisation == o)
        members = members[np.argsort(-degree[members], kind="stable")]
        k = np.arange(len(members))
        radius = 0.9 * np.sqrt((k + 0.5) / len(members))
        angle = 2 * np.pi * o / orgs
        centre = 3.0 * np.array([np.cos(angle), np.sin(angle)]) if orgs > 1 else np.zeros(2)
        positions[members] = centre + np.c_[radius * np.cos(k * golden),
                                            radius * np.sin(k * golden)]
    return positions
