"""Demo content for every app: made-up regional news for `make demo`, an archive for benchmarks.

It sits above the domain apps and imports them; none of them imports it.
"""
