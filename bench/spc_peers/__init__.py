"""Helpers for bench/bench_spc.py and bench/spc_peer_differences.py: the peers' venv and runners."""
