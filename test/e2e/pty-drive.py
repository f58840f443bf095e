#!/usr/bin/env python3
"""Drive `migrate-hapikey --interactive` through a pseudo-terminal (e2e tests).

usage: pty-drive.py '<json config>'
config: {"cmd": [...argv], "cwd": "...", "answers": ["y\\r", ...], "timeout": 60}

Each answer is typed when a new change header "[k/N]" has been printed *and* the prompt
"Apply this change?" follows it. Prints one JSON object on stdout:
{"code": exit code, "prompts": [k, ...] (the changes asked about), "leftover": answers not used,
 "timedOut": bool, "out": everything the program printed on the terminal}
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

cfg = json.loads(sys.argv[1])
answers = list(cfg.get('answers', []))
deadline = time.time() + float(cfg.get('timeout', 60))
MARK = b'Apply this change?'
HEADER = re.compile(rb'\[(\d+)/(\d+)\]')

pid, fd = pty.fork()
if pid == 0:
    os.chdir(cfg['cwd'])
    os.execvp(cfg['cmd'][0], cfg['cmd'])

# a real window size, so prompts do not wrap at column 0
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))

out = b''
asked = []
timed_out = False
while True:
    if time.time() > deadline:
        timed_out = True
        os.kill(pid, signal.SIGKILL)
        break
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break  # EIO: the child closed the terminal
        if not data:
            break
        out += data
    headers = list(HEADER.finditer(out))
    if headers:
        last = headers[-1]
        k = int(last.group(1))
        if (not asked or k > asked[-1]) and out.find(MARK, last.end()) != -1:
            asked.append(k)
            if answers:
                time.sleep(0.05)
                os.write(fd, answers.pop(0).encode())

_, status = os.waitpid(pid, 0)
print(json.dumps({
    'code': os.waitstatus_to_exitcode(status),
    'prompts': asked,
    'leftover': answers,
    'timedOut': timed_out,
    'out': out.decode('utf8', 'replace'),
}))
