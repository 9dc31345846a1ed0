#!/usr/bin/env python3
"""make serve-load: 20 clients upload the sample departments to `budgeteval serve` at once, on loopback.

Starts the server on a free loopback port, has CLIENTS threads each upload both Samples departments as one job,
waits for every job, and checks each result against the command line: every department's findings equal
`check --json`'s and every 自评表.xlsx equals the bytes `batch` writes. Prints throughput and peak memory (the
server process alone, and the server with all its job processes, sampled every 50 ms). Only the stdlib; bounded
in time (--timeout) and in requests; every address it touches is 127.0.0.1.
"""
import argparse, json, os, shutil, signal, socket, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEPARTMENTS = ["益阳市资阳区商务局", "某县农业农村局"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def multipart(parts):
    boundary = "----load" + uuid.uuid4().hex
    body = bytearray()
    for name, data in parts:
        quoted = urllib.parse.quote(name)
        body += (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename*=UTF-8\'\'{quoted}\r\n'
                 'Content-Type: application/octet-stream\r\n\r\n').encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


def request(base, path, data=None, content_type=None, method=None):
    req = urllib.request.Request(base + path, data=data, method=method)
    if content_type:
        req.add_header("Content-Type", content_type)
    with urllib.request.urlopen(req, timeout=120) as response:
        return response.status, response.read()


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid):
    children = []
    try:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    except OSError:
        return children
    for token in out.split():
        child = int(token)
        children.append(child)
        children += descendants(child)
    return children


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/debug/budgeteval"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)

    samples = os.path.join(ROOT, "Samples")
    parts = []
    for department in DEPARTMENTS:
        for name in sorted(os.listdir(os.path.join(samples, department))):
            with open(os.path.join(samples, department, name), "rb") as f:
                parts.append((f"{department}/{name}", f.read()))
    body, content_type = multipart(parts)

    # What the command line gives for the same folders.
    scratch = tempfile.mkdtemp(prefix="budgeteval-serve-load-")
    try:
        inp = os.path.join(scratch, "in")
        for department in DEPARTMENTS:
            shutil.copytree(os.path.join(samples, department), os.path.join(inp, department))
        subprocess.run([args.bin, "batch", inp, "-o", os.path.join(scratch, "out"), "--jobs", "1", "--quiet"], capture_output=True)
        expected = {}
        for department in DEPARTMENTS:
            check = subprocess.run([args.bin, "check", department, "--json"], cwd=inp, capture_output=True)
            with open(os.path.join(scratch, "out", department, "自评表.xlsx"), "rb") as f:
                expected[department] = (json.loads(check.stdout)["findings"], f.read())

        port = free_port()
        server = subprocess.Popen([args.bin, "serve", "--host", "127.0.0.1", "--port", str(port), "--jobs", str(args.jobs)],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                request(base, "/")
                break
            except OSError:
                time.sleep(0.1)
        peak = {"server": 0, "total": 0}
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                server_kib = rss_kib(server.pid)
                total = server_kib + sum(rss_kib(p) for p in descendants(server.pid))
                peak["server"] = max(peak["server"], server_kib)
                peak["total"] = max(peak["total"], total)
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        results, errors = [None] * args.clients, []
        end_by = time.time() + args.timeout

        def client(index):
            try:
                status, text = request(base, "/api/jobs", body, content_type)
                assert status == 201, status
                job_id = json.loads(text)["id"]
                while time.time() < end_by:
                    _, text = request(base, f"/api/jobs/{job_id}")
                    job = json.loads(text)
                    if job["status"] in ("done", "failed"):
                        break
                    time.sleep(0.5)
                assert job["status"] == "done", job["status"]
                for department in job["departments"]:
                    findings, forms = expected[department["name"]]
                    assert department["findings"] == findings, f"findings of {department['name']}"
                    _, data = request(base, department["downloads"]["自评表.xlsx"])
                    assert data == forms, f"自评表.xlsx of {department['name']}"
                assert len(job["departments"]) == len(DEPARTMENTS)
                results[index] = True
                request(base, f"/api/jobs/{job_id}", method="DELETE")
            except Exception as error:  # noqa: BLE001 — reported below
                errors.append(f"client {index}: {error}")

        started = time.time()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=max(1, end_by - time.time()))
        elapsed = time.time() - started
        stop.set()
        sampler.join()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        ok = sum(1 for r in results if r)
        print(f"serve-load: {ok}/{args.clients} jobs correct ({len(DEPARTMENTS)} departments each, --jobs {args.jobs}) in {elapsed:.1f} s: "
              f"{ok / elapsed * 60:.1f} jobs/min, {ok * len(DEPARTMENTS) / elapsed:.2f} departments/s")
        print(f"serve-load: peak memory {peak['server'] / 1024:.0f} MiB server process, "
              f"{peak['total'] / 1024:.0f} MiB server with its job processes")
        for error in errors:
            print("serve-load:", error, file=sys.stderr)
        return 0 if ok == args.clients else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
