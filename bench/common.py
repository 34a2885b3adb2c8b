"""What every benchmark script shares: where the project is, and the binary to measure."""
import os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def release_binary(given):
    """`given` (from --bin), or the release binary, built first."""
    if given:
        return given
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "clearance")


def graph_repo(binary, tmp, fmt, graph_file):
    """A change repository in TMP/FMT whose graph in force is GRAPH_FILE (moved in), signed by
    a fresh admin. Returns (repo, graph path, graph size)."""
    import shutil
    repo = os.path.join(tmp, fmt)
    admin = repo + "-admin"
    run = lambda *argv, cwd=None: subprocess.run(argv, cwd=cwd, check=True, capture_output=True)
    run(binary, "key", "new", "admin", "--file", admin, "--force")
    run(binary, "init", repo, "--key-file", admin)
    path = os.path.join(repo, "graph", "services." + fmt)
    os.remove(os.path.join(repo, "graph", "services.yaml"))
    shutil.move(graph_file, path)
    # The graph is governed: the admin signs it into force.
    run(binary, "governance", "sign", "--yes", "-m", "bench graph", "--key-file", admin, cwd=repo)
    return repo, path, os.path.getsize(path)
