#!/usr/bin/env python3
"""Drive a known load against a llama-server and count it on the client side.

Usage: python3 llama_load.py URL OUT.json [--clients 6] [--duration 20] [--seed 1]
                             [--n-predict 48-160] [--words 8-60]

Each client thread posts streaming `/completion` requests back to back until the duration has passed (a request
that started keeps going to its end). For every request it records, in wall-clock seconds since the epoch: when
it was sent, when each streamed piece arrived (with the count of tokens generated so far), and the final answer's
`tokens_predicted`, `tokens_evaluated` and `timings`. OUT.json gets {"requests": [...]} when all are done, so a
test can hold what a server reports against what the clients saw, over any window it likes.

Prompts and lengths come from a seeded generator, so a run is repeatable in what it asks (not in timing).
"""
import argparse
import http.client
import json
import random
import signal
import threading
import time
import urllib.parse

WORDS = ("the cluster queue batch cache prompt latency request slot decode model token server metric gpu "
         "memory time first state ready load each").split()


def span(text):
    low, _, high = text.partition("-")
    return int(low), int(high or low)


def one_request(host, port, path, prompt, n_predict):
    """One streaming completion; returns what the client saw of it."""
    record = {"sent": time.time(), "pieces": [], "n_predict": n_predict}
    connection = http.client.HTTPConnection(host, port, timeout=120)
    body = json.dumps({"prompt": prompt, "n_predict": n_predict, "stream": True, "cache_prompt": False,
                       "ignore_eos": True, "seed": 1})
    connection.request("POST", path, body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    record["status"] = response.status
    final = None
    for raw in response:
        line = raw.decode("utf-8", "replace").strip()
        if not line.startswith("data: "):
            continue
        chunk = json.loads(line[6:])
        now = time.time()
        if chunk.get("stop"):
            final = chunk
            record["pieces"].append([now, chunk.get("tokens_predicted")])
            break
        # The running count, not the chunk's `tokens`: a chunk can hold back a token that ends inside a UTF-8
        # character and send it with the next one (about one token in ten with a tiny model's byte pieces).
        record["pieces"].append([now, chunk.get("tokens_predicted")])
    record["done"] = time.time()
    connection.close()
    if final is not None:
        record["tokens_predicted"] = final.get("tokens_predicted")
        record["tokens_evaluated"] = final.get("tokens_evaluated")
        record["timings"] = final.get("timings")
    return record


def main():
    signal.pthread_sigmask(signal.SIG_SETMASK, [])  # a test process may spawn children with signals blocked
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("out")
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n-predict", default="48-160")
    parser.add_argument("--words", default="8-60")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    predict, words = span(args.n_predict), span(args.words)
    deadline = time.time() + args.duration
    records, errors, lock = [], [], threading.Lock()

    def client(number):
        rng = random.Random(args.seed * 1000 + number)
        while time.time() < deadline:
            prompt = " ".join(rng.choice(WORDS) for _ in range(rng.randint(*words)))
            try:
                record = one_request(url.hostname, url.port, "/completion", prompt, rng.randint(*predict))
            except Exception as error:  # a failed request is reported, not hidden
                with lock:
                    errors.append(repr(error))
                return
            record["client"] = number
            with lock:
                records.append(record)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with open(args.out, "w") as out:
        json.dump({"requests": records, "errors": errors}, out)


if __name__ == "__main__":
    main()
