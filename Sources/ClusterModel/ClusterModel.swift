// The ClusterModel stage: see docs/ARCHITECTURE.md.
