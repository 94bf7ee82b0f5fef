#!/usr/bin/env python3
"""Imports a simulator run (`infertop sim --out DIR/`) into VictoriaMetrics as if the server had scraped it.

usage: prom-import.py prepare RUN_DIR SD_FILE OUT_DIR
       prom-import.py send OUT_DIR URL [--step-seconds S]

RUN_DIR holds one folder per scrape (virtual milliseconds), each with <node>_<target>.prom pages; SD_FILE is the
file_sd listing `sim --serve --sd-file` wrote for the same cluster, which gives every target its labels. Each
sample is written as VictoriaMetrics would have stored it from a scrape with the listing and the relabelling
scripts/prom-scale.sh uses: target labels added (`instance` from `sim_target`, `job="sim"`), a page label that
clashes with a target label renamed `exported_<name>`, and an `up` sample per target and scrape. `prepare` does
the slow rewriting once, leaving the timestamps open; `send` posts the first scrape an hour in the past (creating the
series), then one scrape every --step-seconds, each target's samples i/n of a step later than the first's (a server
spreads its scrapes over the interval), so the server goes on "scraping" while it answers queries.
"""
import json
import os
import re
import sys
import time
import urllib.request

LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def target_labels(sd_file):
    """`node-00_vllm-0.prom` → the target labels VictoriaMetrics would attach to that page's samples."""
    by_file = {}
    for group in json.load(open(sd_file)):
        labels = group["labels"]
        path = labels["__metrics_path__"].strip("/").split("/")
        name = f"{path[0]}_{path[1]}.prom"
        kept = {k: v for k, v in labels.items() if not k.startswith("__") and k != "sim_target"}
        kept["instance"] = labels["sim_target"]
        kept["job"] = "sim"
        by_file[name] = kept
    return by_file


def quote(value):
    return '"' + value + '"'  # values come from the pages and the listing already escaped


def convert(page, target, stamp):
    """The page's samples with the target's labels and the timestamp, one line each."""
    out = []
    target_body = ",".join(f"{k}={quote(v)}" for k, v in target.items())
    clashes = [f'{key}="' for key in target]
    suffix = f" {stamp}"
    for line in page.splitlines():
        if not line or line[0] == "#":
            continue
        brace = line.find("{")
        if brace == -1:
            name, value = line.split()[:2]
            out.append(f"{name}{{{target_body}}} {value}{suffix}")
            continue
        close = line.rfind("}")
        inner = line[brace + 1:close]
        if any(clash in inner for clash in clashes):
            labels = dict(LABEL.findall(inner))
            for key in target:
                if key in labels:
                    labels["exported_" + key] = labels.pop(key)
            labels.update(target)
            joined = ",".join(f"{k}={quote(v)}" for k, v in labels.items())
            out.append(f"{line[:brace]}{{{joined}}}{line[close + 1:]}{suffix}")
        else:
            out.append(f"{line[:brace]}{{{target_body},{inner}}}{line[close + 1:]}{suffix}" if inner
                       else f"{line[:brace]}{{{target_body}}}{line[close + 1:]}{suffix}")
    out.append(f"up{{{target_body}}} 1{suffix}")
    return out


STAMP = "@STAMP@"


def prepare(run_dir, sd_file, out_dir):
    """Pass 1 (slow): every scrape's pages as import lines in OUT_DIR/<index>.txt, the timestamp left open."""
    labels = target_labels(sd_file)
    scrapes = sorted(os.listdir(run_dir), key=int)
    os.makedirs(out_dir, exist_ok=True)
    began = time.time()
    for index, scrape in enumerate(scrapes):
        folder = os.path.join(run_dir, scrape)
        with open(os.path.join(out_dir, f"{index:05d}.txt"), "w") as out:
            for name in sorted(os.listdir(folder)):
                target = labels.get(name)
                if target is None:
                    sys.exit(f"prom-import.py: {folder}/{name} has no target in {sd_file}: "
                             "was the listing written for this cluster?")
                with open(os.path.join(folder, name)) as page:
                    out.write("\n".join(convert(page.read(), target, STAMP)) + "\n")
        print(f"prom-import.py: prepared scrape {index + 1}/{len(scrapes)}, {time.time() - began:.0f} s", flush=True)


def send(out_dir, url, step):
    """Pass 2: the first prepared scrape an hour in the past (it creates the series, which takes the server far
    longer than a scrape), then the others exactly --step-seconds apart from when that is done, each sent at its
    time (at once when the server fell behind: its samples are then late, their spacing still exact)."""
    files = sorted(os.listdir(out_dir))
    began = time.time()
    sent = 0
    for index, name in enumerate(files):
        if index == 0:
            stamp = began - 3600
        else:
            if index == 1:
                first = time.time()
            stamp = first + (index - 1) * step
            time.sleep(max(0.0, stamp - time.time()))
        with open(os.path.join(out_dir, name), "rb") as text:
            lines = text.readlines()
        # A server spreads its targets' scrapes over the interval: target i of n is scraped i/n of a step later.
        targets = max(1, sum(1 for line in lines if line.startswith(b"up{")))
        target = 0
        stamp_bytes = str(int(stamp * 1000)).encode()
        chunk = []
        size = 0
        for line in lines:
            chunk.append(line.replace(STAMP.encode(), stamp_bytes))
            size += len(line)
            if line.startswith(b"up{"):
                target += 1
                stamp_bytes = str(int((stamp + step * target / targets) * 1000)).encode()
            if size > 64 << 20:
                sent += post(url, b"".join(chunk))
                chunk, size = [], 0
        if chunk:
            sent += post(url, b"".join(chunk))
        print(f"prom-import.py: sent scrape {index + 1}/{len(files)} ({sent / 1e6:.0f} MB), "
              f"{time.time() - began:.1f} s", flush=True)


def post(url, data):
    request = urllib.request.Request(url + "/api/v1/import/prometheus", data=data, method="POST")
    with urllib.request.urlopen(request, timeout=600) as response:
        if response.status // 100 != 2:
            sys.exit(f"prom-import.py: the import answered HTTP {response.status}")
    return len(data)


def main():
    args = sys.argv[1:]
    options = dict(zip(args[3::2], args[4::2]))
    if len(args) >= 4 and args[0] == "prepare":
        prepare(args[1], args[2], args[3])
    elif len(args) >= 3 and args[0] == "send":
        send(args[1], args[2], float(options.get("--step-seconds", 15)))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
