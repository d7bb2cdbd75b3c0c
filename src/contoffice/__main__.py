"""`python -m contoffice`."""

import sys

from contoffice.cli import main

sys.exit(main())
