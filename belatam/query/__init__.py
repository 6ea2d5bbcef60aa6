"""Querying: the `Dataset` of checked records, its indexes, and the helpers on the packaged data.

`dataset` holds the data set and its query methods, `arguments` checks what
a query is given, `matching` ranks text, `results` is the tuple a query
answers with, `citation` formats citations, and `packaged` makes the module
helpers (``belatam.events``) on the data shipped in the wheel.
"""
