"""ProjectTeamForm: who holds each role the Model for Improvement asks for (module 01)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from qispread.models.team import ROLES, ProjectTeam, load_team
from qispread.widgets.common import MessageArea, guarded, on_any_change, open_tool
from qispread.widgets.part_form import TOOL_LAYOUT, show_to_do, text_box, tool_heading
from qispread.widgets.saving import save_on_creation


class ProjectTeamForm(w.VBox):
    """One box per role (team members one a line); saved to the file the notebook names at every
    change."""

    def __init__(self, path: str | Path = "my_team.json",
                 example: ProjectTeam | None = None) -> None:
        self.path, self.messages, saved = open_tool(path, load_team)
        self.to_do = MessageArea()
        self.model = saved or example or ProjectTeam()
        self.fields = {
            role.key: text_box("\n".join(self.model.members) if role.key == "members"
                               else getattr(self.model, role.key), role.name,
                               f"One a line: {role.does}" if role.key == "members"
                               else role.does[0].upper() + role.does[1:],
                               long=role.key == "members", width="54em")
            for role in ROLES}
        on_any_change(self.fields.values(), self._changed)
        super().__init__([
            tool_heading("Your project team",
                         "Name who holds each role. One person may hold two roles in a small "
                         "project, but a project with no sponsor or no patient partner is "
                         "missing something it will need."),
            *self.fields.values(), self.messages, self.to_do,
        ], layout=w.Layout(**TOOL_LAYOUT))
        self._show_to_do()
        save_on_creation(self.path, self.save, self.messages)

    def _changed(self) -> None:
        for key, field in self.fields.items():
            if key == "members":
                self.model.members = field.value.splitlines()
            else:
                setattr(self.model, key, field.value.strip())
        if guarded(self.messages, self.save):
            self._show_to_do()

    def _show_to_do(self) -> None:
        unfilled = [role.name.lower() for role in self.model.unfilled()]
        show_to_do(self.to_do, [f"Nobody yet as: {', '.join(unfilled)}."] if unfilled else [])

    def save(self) -> None:
        self.model.save(self.path)
