"""What every benchmark script shares: where the project is, and the binary to measure."""
import os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def release_binary(given):
    """`given` (from --bin), or the release binary, built first."""
    if given:
        return given
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "release", "clearance")
