import ArgumentParser
import Simulator

/// A simulator scenario given by name (`--scenario failure`), in `infertop sim`, the dashboard and the benchmarks.
extension Scenario: ExpressibleByArgument {}
