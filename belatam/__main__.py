"""``python -m belatam``: see `belatam.cli`."""

import sys

from belatam.cli import main

sys.exit(main())
