"""Maintainers' tools run by make (benchmarks, test servers, pacing check, sources report, instructor edition); no lesson imports them."""
