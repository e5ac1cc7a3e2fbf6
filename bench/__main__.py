"""`python -m bench [name ...]`: run every benchmark in bench/ (or the named ones), one by one.

Each runs as its own process (`python -m bench.<name>`), so each sets Django up for its own
database; their output goes straight to this terminal. The exit status is 1 if any failed.
"""

import pkgutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmarks() -> list[str]:
    return sorted(
        module.name for module in pkgutil.iter_modules([str(HERE)]) if module.name[0] != "_"
    )


def main(argv: list[str]) -> int:
    names = argv or benchmarks()
    unknown = sorted(set(names) - set(benchmarks()))
    if unknown:
        print(f"No such benchmark: {', '.join(unknown)} (there are: {', '.join(benchmarks())})")
        return 2
    failed = []
    for name in names:
        print(f"== bench.{name}", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=HERE.parent)
        status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
        print(f"== bench.{name}: {status} in {time.monotonic() - started:.0f} s\n", flush=True)
        if result.returncode:
            failed.append(name)
    if failed:
        print(f"Failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
