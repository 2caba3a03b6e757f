"""`python -m bouquet.bouquets.engine group IN.csv --text-column COL --out OUT.csv`."""

import sys

from bouquet.bouquets.engine.cli import main

sys.exit(main())
