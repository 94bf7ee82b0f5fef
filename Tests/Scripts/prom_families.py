#!/usr/bin/env python3
"""Print each metric family of an exposition file as prometheus_client parses it: name|type|samples.

The peer for infertop's parser tests. Text format 0.0.4 goes through
prometheus_client.parser; a page that ends in '# EOF' through the OpenMetrics parser.
"""
import sys

from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.openmetrics.parser import text_string_to_metric_families as om_families


def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    parse = om_families if text.rstrip().endswith("# EOF") else text_string_to_metric_families
    for family in parse(text):
        print(f"{family.name}|{family.type}|{len(family.samples)}")


if __name__ == "__main__":
    main(sys.argv[1])
