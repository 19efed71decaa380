import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))  # the helper modules plot_fakes.py and plot_cases.py
