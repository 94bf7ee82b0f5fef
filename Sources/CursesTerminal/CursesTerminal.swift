// The CursesTerminal stage: see docs/ARCHITECTURE.md.
