"""Make ``docs/digest-seeds.png``: the html digest of the seeds as a headless Chromium shows it.

Usage::

    python scripts/screenshot_digest.py [INPUT ...] [--html /tmp/seeds.html] [--png docs/digest-seeds.png]
                                        [--width 1100] [--height 1400]

Runs ``summarizer digest INPUT... -o HTML`` (the seeds by default, with the real models), opens the
page in Chromium through ``tests/chromium.py`` (no network) and saves the top ``--height`` pixels
(0: the whole page) at ``--width`` CSS pixels. Prints what the browser saw: requests, errors, the
page's height. Needs Debian's ``chromium`` (or ``$SUMMARIZER_CHROMIUM``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import Chromium  # noqa: E402  (tests/chromium.py, found through the path above)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="*", default=["seeds/"],
                        help="what 'summarizer digest' reads (relative to the repository)")
    parser.add_argument("--html", type=Path, default=Path("/tmp/seeds.html"), help="where the digest page goes")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "digest-seeds.png", help="the screenshot")
    parser.add_argument("--width", type=int, default=1100, help="page width in CSS pixels")
    parser.add_argument("--height", type=int, default=1400, help="pixels from the top to keep (0: all)")
    parser.add_argument("--dark", action="store_true", help="as a reader who prefers a dark scheme sees it")
    args = parser.parse_args(argv)
    subprocess.run([sys.executable, "-m", "summarizer", "digest", *args.inputs, "-o", str(args.html), "-q"],
                   check=True, cwd=ROOT)
    with Chromium(width=args.width, height=args.height or 1400) as browser:
        if args.dark:
            browser.send("Emulation.setEmulatedMedia",
                         {"features": [{"name": "prefers-color-scheme", "value": "dark"}]}, session=True)
        seen = browser.load(args.html)
        width, height = browser.content_size()
        args.png.parent.mkdir(parents=True, exist_ok=True)
        browser.screenshot(args.png, args.height or None)
    print(f"page {width:.0f} x {height:.0f} CSS px; requests: {seen.requests}; failed: {seen.failed or 'none'}; "
          f"errors: {seen.errors or 'none'}")
    print(f"wrote {args.png} ({args.png.stat().st_size:,} bytes)")
    return 1 if seen.errors or seen.failed else 0


if __name__ == "__main__":
    sys.exit(main())
