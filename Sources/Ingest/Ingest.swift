// The Ingest stage: see docs/ARCHITECTURE.md.
