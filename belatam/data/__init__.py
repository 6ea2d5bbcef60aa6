"""The packaged data: one JSON file per record type, read by `belatam.loader`."""
