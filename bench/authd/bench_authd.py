#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/authd: tidings-authd against a plain Python baseline, same run.

(a) 10,000 concurrent idle connections: server RSS, and a fresh login's
    latency while they are held.
(b) logins per second from several client processes, and server CPU per login.

usage: bench_authd.py PATH_TO_tidings-authd [SECONDS] [IDLE] [PROCESSES]
"""
import multiprocessing
import os
import pathlib
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import tapclient  # noqa: E402

USER, PASSWORD = "bench", "bench password"
HERE = pathlib.Path(__file__).parent


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(cmd, env=None):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            preexec_fn=raise_fd_limit)
    line = proc.stdout.readline()
    port = int(re.search(r"127\.0\.0\.1:(\d+)", line).group(1))
    return proc, port


def login_latency_ms(port, samples=20):
    tapclient.login(port, USER, PASSWORD)  # warm the salted-password cache
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        tapclient.login(port, USER, PASSWORD)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def idle(port, pid, count):
    socks = []
    try:
        for _ in range(count):
            s = socket.create_connection(("127.0.0.1", port), timeout=30)
            socks.append(s)
        for s in socks:  # every one has been served its hello
            s.recv(4096)
        time.sleep(1)
        return rss_mb(pid), login_latency_ms(port), len(socks)
    except OSError as e:
        return rss_mb(pid), float("nan"), len(socks)
    finally:
        for s in socks:
            s.close()


def worker(port, seconds, queue):
    count = 0
    deadline = time.perf_counter() + seconds
    tapclient.login(port, USER, PASSWORD)
    while time.perf_counter() < deadline:
        tapclient.login(port, USER, PASSWORD)
        count += 1
    queue.put(count)


def throughput(port, pid, seconds, processes):
    queue = multiprocessing.Queue()
    cpu0 = cpu_seconds(pid)
    workers = [multiprocessing.Process(target=worker, args=(port, seconds, queue)) for _ in range(processes)]
    t0 = time.perf_counter()
    for w in workers:
        w.start()
    total = sum(queue.get() for _ in workers)
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - t0
    cpu = cpu_seconds(pid) - cpu0
    return total / elapsed, cpu / max(total, 1) * 1e6


def main():
    authd = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5
    idle_count = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    processes = int(sys.argv[4]) if len(sys.argv) > 4 else 4
    raise_fd_limit()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([authd, "user", "add", USER, "--data", tmp + "/data"], input=PASSWORD + "\n",
                       text=True, check=True, capture_output=True)
        servers = {
            "tidings-authd": start([authd, "serve", "--data", tmp + "/data", "--listen", "127.0.0.1:0",
                                    "--max-connections", str(idle_count + 100)]),
            "Python baseline": start(["/usr/bin/python3", str(HERE / "baseline_server.py"), USER, PASSWORD]),
        }
        for name, (proc, port) in servers.items():
            rss0 = rss_mb(proc.pid)
            rate, cpu_us = throughput(port, proc.pid, seconds, processes)
            rss, latency, held = idle(port, proc.pid, idle_count)
            rows[name] = (rss0, held, rss, latency, rate, cpu_us)
            proc.terminate()
            proc.wait(timeout=30)
    print(f"TAP/1 login benchmark: {processes} client processes for {seconds:g} s; "
          f"{idle_count} idle connections; {os.cpu_count()} CPUs shared by clients and server\n")
    print("| server          | RSS start (MB) | idle conns held | RSS with idle (MB) | fresh login with idle (ms) "
          "| logins/s | server CPU per login (µs) |")
    print("|-----------------|---------------:|----------------:|-------------------:|---------------------------:"
          "|---------:|--------------------------:|")
    for name, (rss0, held, rss, latency, rate, cpu_us) in rows.items():
        print(f"| {name:15} | {rss0:14.1f} | {held:15d} | {rss:18.1f} | {latency:26.2f} | {rate:8.0f} | {cpu_us:25.0f} |")
    ours, base = rows["tidings-authd"][4], rows["Python baseline"][4]
    print(f"\nlogins/s ratio tidings-authd : baseline = {ours / base:.1f}x")


if __name__ == "__main__":
    main()
