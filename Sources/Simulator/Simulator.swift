// The Simulator stage: see docs/ARCHITECTURE.md.
