#!/usr/bin/env bash
# Formats every Swift file with the toolchain's swift-format and the rules in .swift-format (four-space indents,
# 130 columns, existing line breaks kept), as `.ci/run` checks with `swift format lint --strict`.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format format --in-place --recursive --configuration .swift-format Sources Tests Fuzz Plugins Package.swift
