#!/usr/bin/env python3
"""Creates target/bench-venv (once) with the pinned Python peers of the
benchmarks, installed from PyPI, and prints its interpreter's path.

    python3 bench/venv_setup.py
"""
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "target" / "bench-venv"
# pyarrow: pandas 3 then keeps strings as Arrow strings (faster); also the
# `engine="pyarrow"` reader.
PACKAGES = ["numpy==2.4.6", "scikit-learn==1.9.1", "pandas==3.1.1", "pyarrow==26.0.1"]
IMPORTS = "import numpy, sklearn, pandas, pyarrow"


def ensure_venv() -> Path:
    """The venv's python, with every package in PACKAGES importable."""
    python = VENV / "bin" / "python"
    if not python.exists():
        venv.create(VENV, with_pip=True)
    if subprocess.run([python, "-c", IMPORTS], capture_output=True).returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "--quiet", *PACKAGES], check=True)
    return python


if __name__ == "__main__":
    print(ensure_venv())
    sys.exit(0)
