"""Runs a command and prints its peak resident memory and CPU time as JSON on stdout's last line.

Usage: python3 measure.py [--stdin FILE] [--stdout FILE] COMMAND [ARG ...]. The command reads
FILE (or nothing) on stdin; its own output goes to FILE or, by default, to stderr, so the bench can
read progress from it. The exit status is the command's.
"""
import json
import resource
import subprocess
import sys

args = sys.argv[1:]
redirect = {}
while args and args[0] in ("--stdin", "--stdout"):
    redirect[args[0]] = args[1]
    args = args[2:]

stdin = open(redirect["--stdin"], "rb") if "--stdin" in redirect else subprocess.DEVNULL
stdout = open(redirect["--stdout"], "wb") if "--stdout" in redirect else sys.stderr
completed = subprocess.run(args, stdin=stdin, stdout=stdout, stderr=sys.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(
    json.dumps(
        {
            "peak_rss_mb": usage.ru_maxrss / 1024,
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "status": completed.returncode,
        }
    )
)
sys.exit(completed.returncode)
