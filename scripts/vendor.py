"""Copy the pinned front-end files from node_modules into static/vendor, licences included.

Run after `npm ci --ignore-scripts`; `make` does both. No CDN: the app works offline.
devDependencies (axe-core) are for the tests only and are never copied.
"""

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules"
TARGET = ROOT / "static" / "vendor"

FILES = {
    "bootstrap": [
        "dist/css/bootstrap.min.css",
        "dist/css/bootstrap.rtl.min.css",
        "dist/js/bootstrap.bundle.min.js",
        "LICENSE",
    ],
    "bootstrap-icons": [
        "font/bootstrap-icons.min.css",
        "font/fonts/bootstrap-icons.woff",
        "font/fonts/bootstrap-icons.woff2",
        "LICENSE",
    ],
    "htmx.org": ["dist/htmx.min.js", "LICENSE"],
    "chart.js": ["dist/chart.umd.min.js", "LICENSE.md"],
    "vazirmatn": [
        "Vazirmatn-Variable-font-face.css",
        "fonts/webfonts/Vazirmatn[wght].woff2",
        "OFL.txt",
    ],
}


def main() -> int:
    missing = []
    for package, files in FILES.items():
        for name in files:
            source = SOURCE / package / name
            if not source.exists():
                missing.append(str(source))
                continue
            target = TARGET / package / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    if missing:
        print("missing front-end files (run `npm ci --ignore-scripts`):", *missing, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
