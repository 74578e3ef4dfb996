"""Doorstep benchmarks: `make bench` runs `python -m bench.run` and writes
docs/benchmarks.md. Everything runs in-process against moto's mock_aws."""
