#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/authd: tidings-authd (1 thread, N threads, the 3-instance cluster over
PostgreSQL behind HAProxy) and the Python baseline server, all driven in one
run by the same C++ load generator (tidings-authd-loadgen: many clients on one
event loop, SaltedPassword cached per salt and iteration count).

Per server: logins/s, server CPU per login (/proc/PID/stat over the logins; the
cluster sums its three instances), p50/p99 login latency (connect -> auth-ok),
the load generator's own CPU per login, and RSS with IDLE idle connections.

usage: bench_authd.py TIDINGS_AUTHD LOADGEN [SECONDS] [IDLE] [CONCURRENCY]
The last line, exactly:
authd bench: cpu_us_per_login=X logins_per_s=X py_logins_per_s=X p99_ms=X
             cluster_logins_per_s=X cluster_failed=X idle_rss_mb=X   (one line)
"""
import os
import pathlib
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

USER, PASSWORD = "bench", "bench password"
HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parent.parent
AUTHCLUSTER = REPO / "scripts" / "authcluster"
WARMUP_LOGINS = 300
IDLE_LOGINS = 100  # fresh logins timed while the idle connections are held
TICK = os.sysconf("SC_CLK_TCK")


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pids):
    """utime+stime of every thread of these processes (whole-process figures)."""
    total = 0
    for pid in pids:
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICK


def children_of(pid):
    """pid and its direct children (PostgreSQL's backends under the postmaster)."""
    out = [pid]
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def parse_loadgen(line):
    values = dict(part.split("=", 1) for part in line.split()[1:])
    for key in ("logins", "failed", "idle_held", "idle_failed", "idle_lost"):
        values[key] = int(values[key])
    for key in ("logins_per_s", "p50_ms", "p99_ms", "client_cpu_us_per_login", "seconds"):
        values[key] = float(values[key])
    return values


def loadgen_run(loadgen, port, args):
    """Runs the load generator to its end; returns its final line, parsed."""
    cmd = [loadgen, "--port", str(port), "--user", USER, "--password", PASSWORD, "--quiet"] + args
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    last = [l for l in result.stdout.splitlines() if l.startswith("loadgen: logins=")]
    if not last:
        raise RuntimeError(f"loadgen failed ({result.returncode}): {result.stderr.strip()[-500:]}")
    return parse_loadgen(last[-1])


def throughput(loadgen, port, pids, seconds, concurrency, helper_pids=lambda: []):
    loadgen_run(loadgen, port, ["--logins", str(WARMUP_LOGINS), "--concurrency", str(concurrency)])
    extra_pids = helper_pids()  # after the warm-up: the database backends exist by now
    cpu0, extra0 = cpu_seconds(pids), cpu_seconds(extra_pids)
    result = loadgen_run(loadgen, port, ["--seconds", str(seconds), "--concurrency", str(concurrency)])
    cpu, extra = cpu_seconds(pids) - cpu0, cpu_seconds(extra_pids) - extra0
    logins = result["logins"] or float("nan")  # no login: no cost per login to show
    result["server_cpu_us"] = cpu / logins * 1e6
    result["extra_cpu_us"] = extra / logins * 1e6
    return result


def idle(loadgen, port, pid, count):
    """RSS of the server while COUNT idle connections are held, and fresh logins meanwhile."""
    rss0 = rss_mb(pid)
    cmd = [loadgen, "--port", str(port), "--user", USER, "--password", PASSWORD, "--quiet",
           "--idle", str(count), "--logins", str(IDLE_LOGINS), "--concurrency", "1", "--hold", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            preexec_fn=raise_fd_limit)
    rss, final = float("nan"), None
    for line in proc.stdout:
        if line.startswith("loadgen: idle held="):
            time.sleep(0.5)  # the server has answered every hello; let it settle
            rss = rss_mb(pid)
        elif line.startswith("loadgen: logins="):
            final = parse_loadgen(line)
    proc.wait(timeout=120)
    if final is None:
        raise RuntimeError("loadgen gave no result for the idle run")
    return {"rss0": rss0, "rss": rss, "held": final["idle_held"] + final["idle_lost"],
            "lost": final["idle_lost"], "idle_p50": final["p50_ms"]}


def start_server(cmd, env=None):
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env, preexec_fn=raise_fd_limit)
    line = proc.stdout.readline()
    match = re.search(r"127\.0\.0\.1:(\d+)", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"{cmd[0]} did not start: {line!r}")
    return proc, int(match.group(1))


def serve_options(authd):
    return subprocess.run([authd, "serve", "--help"], capture_output=True, text=True).stdout


def single_machine(name, cmd, loadgen, seconds, idle_count, concurrency):
    proc, port = start_server(cmd)
    try:
        row = throughput(loadgen, port, [proc.pid], seconds, concurrency)
        row.update(idle(loadgen, port, proc.pid, idle_count))
        row["name"] = name
        return row
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def env_file(path):
    values = {}
    for line in open(path):
        if "=" in line and not line.startswith("#"):
            key, value = line.rstrip("\n").split("=", 1)
            values[key] = value.strip('"')
    return values


def read_pid(path):
    try:
        return int(open(path).read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cluster(authd, loadgen, seconds, concurrency, tmp):
    """The three instances behind HAProxy; None and a reason when it cannot run."""
    if not os.access(AUTHCLUSTER, os.X_OK):
        return None, "scripts/authcluster is not there yet"
    if "--database" not in serve_options(authd):
        return None, "this tidings-authd has no --database yet"
    directory = pathlib.Path(tmp) / "cluster"
    start = subprocess.run([str(AUTHCLUSTER), "start", str(directory), "--authd", authd],
                           capture_output=True, text=True, timeout=300)
    try:
        if start.returncode != 0:
            reasons = [l for l in start.stderr.splitlines() if l.strip() and "start failed" not in l]
            return None, "scripts/authcluster start failed: " + (reasons or ["?"])[-1]
        env = env_file(directory / "cluster.env")
        data = env["AUTHD_DATA"].split()[0]
        add_env = dict(os.environ, PGPASSFILE=env["PGPASSFILE"])
        added = subprocess.run([authd, "user", "add", USER, "--data", data, "--database", env["DATABASE_URL"]],
                               input=PASSWORD + "\n", text=True, capture_output=True, env=add_env)
        if added.returncode != 0:
            return None, "user add on the cluster's database failed: " + added.stderr.strip()
        pids = [read_pid(directory / f"authd-{n}.pid") for n in (1, 2, 3)]
        if None in pids:
            return None, "the cluster's authd pid files are missing"
        postmaster = read_pid(pathlib.Path(env["PG_DATA"]) / "postmaster.pid")
        haproxy = read_pid(directory / "haproxy.pid")
        def helpers():
            return (children_of(postmaster) if postmaster else []) + ([haproxy] if haproxy else [])
        row = throughput(loadgen, int(env["FRONT_PORT"]), pids, seconds, concurrency, helpers)
        row["name"] = "cluster: 3 x tidings-authd, HAProxy, PostgreSQL"
        return row, None
    finally:
        subprocess.run([str(AUTHCLUSTER), "stop", str(directory)], capture_output=True, timeout=120)


def fmt(value, digits=0):
    if value is None or value != value:  # None or NaN
        return "—"
    return f"{value:.{digits}f}"


def main():
    authd, loadgen = sys.argv[1], sys.argv[2]
    seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 5
    idle_count = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
    concurrency = int(sys.argv[5]) if len(sys.argv) > 5 else 16
    cores = os.cpu_count()
    raise_fd_limit()
    options = serve_options(authd)
    limits = ["--max-connections", str(idle_count + 1000), "--max-per-address", str(idle_count + 1000)]
    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="authdbench") as tmp:
        os.chmod(tmp, 0o711)  # PostgreSQL runs as its own user and must reach the cluster below
        data = tmp + "/data"
        subprocess.run([authd, "user", "add", USER, "--data", data], input=PASSWORD + "\n",
                       text=True, check=True, capture_output=True)
        serve = [authd, "serve", "--data", data, "--listen", "127.0.0.1:0"] + limits
        if "--threads" in options:
            rows.append(single_machine("tidings-authd, 1 thread, SQLite", serve + ["--threads", "1"],
                                       loadgen, seconds, idle_count, concurrency))
            rows.append(single_machine(f"tidings-authd, {cores} threads, SQLite",
                                       serve + ["--threads", str(cores)], loadgen, seconds, idle_count,
                                       concurrency))
        else:
            notes.append("this tidings-authd has no --threads yet: one row, its single event loop")
            rows.append(single_machine("tidings-authd, 1 thread, SQLite", serve, loadgen, seconds,
                                       idle_count, concurrency))
        cluster_row, why = cluster(authd, loadgen, seconds, concurrency, tmp)
        if cluster_row:
            rows.append(cluster_row)
            notes.append(f"cluster: PostgreSQL and HAProxy took another {fmt(cluster_row['extra_cpu_us'])} µs "
                         "of CPU per login (not in the server column)")
        else:
            notes.append(f"cluster row skipped: {why}")
        python = single_machine("Python baseline (thread per connection)",
                                ["/usr/bin/python3", str(HERE / "baseline_server.py"), USER, PASSWORD],
                                loadgen, seconds, idle_count, concurrency)
        rows.append(python)

    print(f"TAP/1 logins: tidings-authd-loadgen, {concurrency} concurrent clients for {seconds:g} s per row "
          f"(after {WARMUP_LOGINS} warm-up logins); {idle_count} idle connections; {cores} CPUs shared by "
          "the load generator and the server\n")
    print("| server | logins/s | failed | server CPU/login (µs) | p50 (ms) | p99 (ms) | loadgen CPU/login (µs) "
          "| RSS (MB) | idle held | RSS with idle (MB) | login p50 with idle (ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['name']} | {fmt(r['logins_per_s'])} | {r['failed']} | {fmt(r['server_cpu_us'])} "
              f"| {fmt(r['p50_ms'], 2)} | {fmt(r['p99_ms'], 2)} | {fmt(r['client_cpu_us_per_login'])} "
              f"| {fmt(r.get('rss0'), 1)} | {r.get('held', '—')} | {fmt(r.get('rss'), 1)} "
              f"| {fmt(r.get('idle_p50'), 2)} |")
        if r["failed"]:
            notes.append(f"{r['name']}: failed logins by code: {r['errors']}")
    print()
    for note in notes:
        print("- " + note)
    ours = [r for r in rows if r["name"].startswith("tidings-authd")]
    one = ours[0]
    best = max(r["logins_per_s"] for r in ours)
    idle_rss = max(r["rss"] for r in ours)
    print(f"- logins/s, best tidings-authd row : Python baseline = {best / max(python['logins_per_s'], 1e-9):.1f}x")
    cluster_rate = fmt(cluster_row["logins_per_s"]) if cluster_row else "skipped"
    cluster_failed = str(cluster_row["failed"]) if cluster_row else "skipped"
    print(f"authd bench: cpu_us_per_login={one['server_cpu_us']:.0f} logins_per_s={best:.0f} "
          f"py_logins_per_s={python['logins_per_s']:.0f} p99_ms={one['p99_ms']:.2f} "
          f"cluster_logins_per_s={cluster_rate} cluster_failed={cluster_failed} idle_rss_mb={idle_rss:.1f}")


if __name__ == "__main__":
    main()
