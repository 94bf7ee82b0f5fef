// The MetricStore stage: see docs/ARCHITECTURE.md.
