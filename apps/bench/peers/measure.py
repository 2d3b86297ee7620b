"""Runs a command and prints its peak resident memory as JSON on stdout's last line.

Usage: python3 measure.py COMMAND [ARG ...]. The command's own output goes to stderr, so the
bench can read progress from it; the exit status is the command's.
"""
import json
import resource
import subprocess
import sys

completed = subprocess.run(sys.argv[1:], stdout=sys.stderr, stderr=sys.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"peak_rss_mb": usage.ru_maxrss / 1024, "status": completed.returncode}))
sys.exit(completed.returncode)
