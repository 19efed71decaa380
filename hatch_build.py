"""Build hook: the wheel carries a copy of the repository's source_data/ (the one source of the
data sets) and the data guide. An editable install gets none: it reads the repository's folder."""

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class DataSetsHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if version == "editable":
            return
        build_data["force_include"]["source_data"] = "qispread/source_data"
        build_data["force_include"]["docs/data.md"] = "qispread/source_data/README.md"
