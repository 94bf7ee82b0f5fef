// The Dashboard stage: see docs/ARCHITECTURE.md.
