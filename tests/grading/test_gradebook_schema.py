"""The tests create gradebooks with nbgrader's schema version read in their own process
(tests/conftest.py) rather than by nbgrader starting the `alembic` command each time: the
gradebook must be the one nbgrader itself makes."""

import sqlite3
import subprocess
import sys

from nbgrader.api import Gradebook

STOCK = "import sys; from nbgrader.api import Gradebook; Gradebook(sys.argv[1]).close()"


def schema_version(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT version_num FROM alembic_version").fetchall()


def test_a_gradebook_made_in_the_tests_is_the_one_nbgrader_makes(tmp_path):
    stock, ours = tmp_path / "stock.db", tmp_path / "ours.db"
    subprocess.run([sys.executable, "-c", STOCK, f"sqlite:///{stock}"], check=True)
    Gradebook(f"sqlite:///{ours}").close()
    assert schema_version(ours) == schema_version(stock)
    assert len(schema_version(stock)) == 1
