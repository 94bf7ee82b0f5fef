#!/usr/bin/env bash
# Fails when a target imports a module it does not declare as a dependency in Package.swift. SwiftPM builds such a
# target as long as something else happens to build the module first (NIOCore arrives with AsyncHTTPClient), so the
# gap stays hidden until a dependency changes; the toolchain's own modules (Foundation, Glibc, …) need no declaration.
# Usage: scripts/check-imports.sh   (from anywhere; reads `swift package dump-package`)
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-package | python3 -c '
import json, pathlib, re, sys
toolchain = {"Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Musl", "Darwin", "Dispatch",
             "Synchronization", "Testing", "XCTest", "_Concurrency", "os"}
statement = re.compile(r"^\s*(?:@\w+\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+"
                       r"(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?(\w+)(?:\.\w+)*\s*(?://.*)?$")
package = json.load(sys.stdin)
failures = []
for target in package["targets"]:
    if target["type"] not in ("regular", "executable", "test"):
        continue
    folder = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + target["name"]
    declared = {target["name"].replace("-", "_")}
    for dependency in target["dependencies"]:
        kind, value = next(iter(dependency.items()))
        declared.add(value[0].replace("-", "_"))
    for source in sorted(pathlib.Path(folder).rglob("*.swift")):
        for number, line in enumerate(source.read_text().splitlines(), 1):
            match = statement.match(line)
            name = target["name"]
            if match and match.group(1) not in toolchain | declared:
                failures.append(f"{source}:{number}: {name} imports {match.group(1)}, "
                                f"which is not among its dependencies in Package.swift")
print("\n".join(failures) or "check-imports.sh: every import is a declared dependency", file=sys.stderr if failures else sys.stdout)
sys.exit(1 if failures else 0)
'
