"""Reading: JSON data files into checked records.

`codec` decodes a file's records by their schema, `loader` reads a folder
(or the packaged files) safely, `integrity` and `timeline` check a data set
whole, and `releases` compares it with the fingerprints of earlier releases.
Nothing here knows of queries: the data set (`belatam.query`) is built on
what this layer returns.
"""
