"""A throwaway multi-user JupyterHub on 127.0.0.1 for the hub test: real Unix accounts,
LocalProcessSpawner, configurable-http-proxy from npm, nbgrader's filesystem exchange."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import requests

PROJECT = Path(__file__).resolve().parents[2]
# the project venv's share/jupyter holds nbconvert's templates and nbgrader's extensions
PROJECT_SHARE = Path(sys.prefix) / "share" / "jupyter"
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
NODE_DIR = PROJECT / "test-artifacts" / "node"  # git-ignored


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*cmd, user: str | None = None, check=True, env: dict | None = None, cwd=None):
    prefix = [RUNUSER, "-u", user, "--"] if user else []
    full_env = None
    if env is not None:
        full_env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **env}
    return subprocess.run([*prefix, *map(str, cmd)], check=check, capture_output=True,
                          text=True, env=full_env, cwd=cwd)


def proxy_command() -> str:
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    local = NODE_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
    if not local.exists():
        NODE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(NODE_DIR), "--no-audit", "--no-fund",
                        "configurable-http-proxy"], check=True, capture_output=True)
    return str(local)


def link_or_copy(source: str, target: str) -> None:
    """A hard link (nothing writes into these files afterwards), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def shared_python(where: Path, probe_user: str) -> tuple[Path, dict, Path]:
    """A Python every test user can run, with this project's packages installed in `where`
    (readable by all), so nothing is read from the checkout: it may live where other users
    cannot read (a clone under /root, `mktemp -d`). Its base is this interpreter when other
    users can run it; otherwise (e.g. a pyenv build under /root) a copy of its standard library.
    Returns the venv's python, the environment variables it needs and its share/jupyter."""
    base_prefix = Path(sys.base_prefix)
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    base = base_prefix / "bin" / version
    env: dict = {}
    if run(base, "-c", "pass", user=probe_user, check=False).returncode != 0:
        copy = where / "python"
        skip = shutil.ignore_patterns("site-packages", "test", "__pycache__", "idlelib")
        shutil.copytree(base_prefix / "lib" / version, copy / "lib" / version, ignore=skip)
        (copy / "bin").mkdir()
        shutil.copy2(base, copy / "bin" / version)
        for lib in base_prefix.glob("lib/libpython*.so*"):
            shutil.copy2(lib, copy / "lib" / lib.name)
        base = copy / "bin" / version
        env["LD_LIBRARY_PATH"] = str(copy / "lib")
    venv = where / "venv"
    subprocess.run([str(base), "-m", "venv", "--without-pip", str(venv)], check=True,
                   capture_output=True, env={**os.environ, **env})
    site = Path(sysconfig.get_paths()["purelib"])
    target = next((venv / "lib").glob("python3*/site-packages"))
    # the project venv's packages, less its editable link back into the checkout (hard links
    # where the file system allows: 1.1 GB in 43,000 files took ~8 s to copy and ~7 s to delete)
    shutil.copytree(site, target, symlinks=True, dirs_exist_ok=True, copy_function=link_or_copy,
                    ignore=shutil.ignore_patterns("_editable_impl_*", "__editable__*"))
    shutil.copytree(PROJECT / "src" / "qispread", target / "qispread", dirs_exist_ok=True)
    shutil.copytree(PROJECT / "source_data", target / "source_data", dirs_exist_ok=True)
    share = venv / "share" / "jupyter"
    shutil.copytree(PROJECT_SHARE, share, symlinks=True, dirs_exist_ok=True)
    # which server extensions are on (nbgrader's assignment list among them)
    shutil.copytree(Path(sys.prefix) / "etc" / "jupyter", venv / "etc" / "jupyter",
                    symlinks=True, dirs_exist_ok=True)
    alembic = venv / "bin" / "alembic"  # nbgrader's gradebook runs `alembic` from PATH
    alembic.write_text(f"#!{venv / 'bin' / 'python'}\nfrom alembic.config import main\nmain()\n")
    alembic.chmod(0o755)
    subprocess.run(["chmod", "-R", "a+rX", str(where)], check=True)
    return venv / "bin" / "python", env, share


def create_user(name: str) -> None:
    run("useradd", "--create-home", "--shell", "/bin/bash", name)
    Path(f"/home/{name}").chmod(0o700)  # Debian's useradd leaves homes world-readable


def remove_user(name: str) -> None:
    run("pkill", "-KILL", "-u", name, check=False)
    time.sleep(0.2)
    run("userdel", "--remove", name, check=False)


class Hub:
    def __init__(self, workdir: Path, python: Path, users: list[str], config_dir: Path,
                 python_env: dict, share: Path):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(24)
        config = workdir / "jupyterhub_config.py"
        config.write_text(f"""
c = get_config()
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
c.JupyterHub.db_url = "sqlite:///{workdir}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{workdir}/cookie_secret"
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allowed_users = {set(users)!r}
c.JupyterHub.spawner_class = "localprocess"
# the users' servers die with the users' processes at the end (stopping each cleanly took ~15 s)
c.JupyterHub.cleanup_servers = False
c.Spawner.cmd = [{str(python)!r}, "-m", "jupyterhub.singleuser"]
c.Spawner.environment = {{
    "JUPYTER_CONFIG_DIR": {str(config_dir)!r},
    "JUPYTER_CONFIG_PATH": {str(python.parent.parent / "etc" / "jupyter")!r},
    "JUPYTER_PATH": {str(share)!r},
    **{python_env!r},
}}
c.Spawner.start_timeout = 90
c.Spawner.http_timeout = 90
c.JupyterHub.services = [{{"name": "cohort-test", "api_token": {self.token!r}}}]
c.JupyterHub.load_roles = [{{"name": "cohort-test", "services": ["cohort-test"],
    "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users"]}}]
""")
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
        self.log = open(workdir / "hub.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=workdir,
            stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self._wait(lambda: requests.get(f"{self.url}/hub/api/", timeout=2).ok, 60, "the hub")

    def _wait(self, ready, seconds: float, what: str):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited; see {self.workdir / 'hub.log'}")
            try:
                if ready():
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise TimeoutError(f"{what} was not ready within {seconds} s; see hub.log")

    def api(self, method: str, path: str, **kw):
        return requests.request(method, f"{self.url}/hub/api{path}", timeout=60,
                                headers={"Authorization": f"token {self.token}"}, **kw)

    def start_server(self, user: str) -> str:
        """Start the user's single-user server through the hub; returns a token for the user."""
        self.api("POST", "/users", json={"usernames": [user]})
        response = self.api("POST", f"/users/{user}/server")
        assert response.status_code in (201, 202), response.text

        def ready():
            servers = self.api("GET", f"/users/{user}").json().get("servers", {})
            return servers.get("", {}).get("ready")

        self._wait(ready, 90, f"{user}'s server")
        token = self.api("POST", f"/users/{user}/tokens", json={"note": "cohort test"})
        assert token.ok, token.text
        return token.json()["token"]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class UserServer:
    """One learner's or tutor's single-user server, reached through the hub's proxy."""

    def __init__(self, hub: Hub, user: str, token: str):
        self.base = f"{hub.url}/user/{user}"
        self.headers = {"Authorization": f"token {token}"}

    def get(self, path: str, **kw):
        return requests.get(f"{self.base}{path}", headers=self.headers, timeout=60,
                            allow_redirects=False, **kw)

    def post(self, path: str, **kw):
        return requests.post(f"{self.base}{path}", headers=self.headers, timeout=120,
                             allow_redirects=False, **kw)

    def put(self, path: str, **kw):
        return requests.put(f"{self.base}{path}", headers=self.headers, timeout=60,
                            allow_redirects=False, **kw)

    def assignment_action(self, action: str, course: str, assignment: str):
        """nbgrader's Assignments extension (fetch, submit, fetch_feedback) in this server."""
        response = self.post(f"/assignments/{action}",
                             data={"course_id": course, "assignment_id": assignment})
        assert response.ok, f"{action}: {response.status_code} {response.text[:500]}"
        return response.json()
