"""Where the demo council's data files live (doorstep_cli/demo/): apart from
seed.py, which imports the modules that read them, so that none imports it back."""
from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent / "demo"
