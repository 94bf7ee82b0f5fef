// The Insights stage: see docs/INSIGHTS.md.
