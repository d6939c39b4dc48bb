#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
"""A TCP proxy that misbehaves on purpose, for tests and benchmarks.

It forwards bytes between a client and a real server (TLS passes through
untouched) and, per option:
  --latency MS           delays every chunk by MS in each direction (order kept,
                         so pipelined traffic keeps flowing: a wire with latency)
  --drop-after BYTES     closes both sides once BYTES have gone server -> client
  --stall-after BYTES    stops forwarding server -> client after BYTES, keeps the
                         connection open (a server that hangs)

SMTP-aware options (the target is an SMTP server: the submission port, which
starts in clear, or the SMTPS port):
  --drop-mid-data BYTES  closes both sides once BYTES of message data went to the
                         server after its 354 (or inside BDAT chunks)
  --stall-after-data     forwards the client's end of data ("\\r\\n.\\r\\n" or the
                         last BDAT chunk) but never the server's reply nor anything
                         after it; the connection stays open
  --refuse-starttls      removes STARTTLS from the EHLO reply and answers a
                         STARTTLS command itself with "454 4.7.0 TLS not
                         available" (the server never sees it)
  --keep-starttls-offer  with --refuse-starttls: STARTTLS stays in the EHLO reply,
                         only the command is refused (offered, then refused)
  --log FILE             appends every client command line seen in clear
                         ("N C: EHLO x"; AUTH arguments are masked), the server's
                         reply lines ("N S: 250 ..."), and events ("N -- tls")
  --tls-data-after BYTES once TLS is on (after a real STARTTLS, or from the first
                         byte on the SMTPS port) nothing can be parsed: the data
                         is taken to begin once the client has sent BYTES since
                         TLS began (default 16384; the handshake, EHLO, AUTH, MAIL,
                         RCPT and DATA of one message stay far below). Use a
                         message larger than BYTES plus the --drop-mid-data BYTES.

usage: faultproxy.py --listen-port-file F --target HOST:PORT [options]
Writes the port it listens on (127.0.0.1) into F once ready.
"""
import argparse
import asyncio
import collections
import itertools
import os
import time

GREETING = b"<greeting>"
END_OF_DATA = b"<end of data>"
LINE_LIMIT = 65536  # a "line" longer than this is not SMTP: pass it on as it is


class Wire:
    """One direction's output: chunks delivered `delay` seconds after they arrived, in order."""

    def __init__(self, writer, delay):
        self.writer = writer
        self.delay = delay
        self.queue = asyncio.Queue()
        self.task = asyncio.ensure_future(self._deliver())

    def send(self, chunk):
        if chunk:
            self.queue.put_nowait((time.monotonic() + self.delay, chunk))

    def finish(self):
        self.queue.put_nowait((0, None))

    async def _deliver(self):
        try:
            while True:
                due, chunk = await self.queue.get()
                if chunk is None:
                    break
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                self.writer.write(chunk)
                await self.writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self.writer.close()


class SmtpWatcher:
    """Follows an SMTP session in both directions and injects the SMTP faults.

    Commands and replies are paired through a FIFO (pipelining keeps their
    order). In clear it knows exactly where the message data is; under TLS it
    only counts the client's bytes (see --tls-data-after)."""

    def __init__(self, args, conn_id, to_server, to_client, abort, log):
        self.args = args
        self.id = conn_id
        self.to_server = to_server
        self.to_client = to_client
        self.abort = abort                       # coroutine function: close both sides
        self.log_file = log
        self.pending = collections.deque([GREETING])
        self.client_buf = b""
        self.server_buf = b""
        self.mode = "cmd"                        # cmd | data | bdat | await-tls | tls | dropped
        self.auth_continuation = False
        self.tail = b""
        self.data_bytes = 0                      # of the current message
        self.bdat_left = 0
        self.bdat_last = False
        self.tls = False
        self.tls_client_bytes = 0
        self.stalled = False                     # server -> client withheld for good
        self.ehlo_lines = []

    def log(self, text):
        if self.log_file:
            self.log_file.write(f"{self.id} {text}\n")
            self.log_file.flush()

    # ------------------------------------------------------------ client -> server

    def from_client(self, chunk):
        i = 0
        while i < len(chunk) and self.mode != "dropped":
            if self.mode == "await-tls":
                # The client only speaks after the STARTTLS reply went through us.
                self.mode = "tls" if self.tls else "cmd"
            if self.mode == "cmd" and not self.client_buf and chunk[i] == 0x16 and not self.tls:
                self.tls = True                  # a TLS ClientHello: the SMTPS port
                self.mode = "tls"
                self.pending.clear()
                self.log("-- tls from the first byte")
            if self.mode == "tls":
                self._tls_client(chunk[i:])
                return
            if self.mode == "data":
                i += self._data(chunk[i:])
                continue
            if self.mode == "bdat":
                i += self._bdat(chunk[i:])
                continue
            nl = chunk.find(b"\n", i)
            if nl < 0:
                self.client_buf += chunk[i:]
                if len(self.client_buf) > LINE_LIMIT:
                    self.to_server.send(self.client_buf)
                    self.client_buf = b""
                return
            line, self.client_buf = self.client_buf + chunk[i:nl + 1], b""
            i = nl + 1
            self._client_line(line)

    def _client_line(self, line):
        text = line.rstrip(b"\r\n")
        if self.auth_continuation:
            self.auth_continuation = False
            self.log("C: ***")
            self.to_server.send(line)
            return
        verb, _, rest = text.partition(b" ")
        verb = verb.upper()
        if verb == b"AUTH":
            mechanism, _, initial = rest.partition(b" ")
            self.log(f"C: AUTH {mechanism.decode(errors='replace')}" + (" ***" if initial else ""))
        else:
            self.log("C: " + text.decode(errors="replace"))
        if verb == b"STARTTLS" and self.args.refuse_starttls:
            self.pending.append(b"454 4.7.0 TLS not available\r\n")  # answered by us, in turn
            self._inject_due_replies()
            return
        self.to_server.send(line)
        if verb == b"STARTTLS":
            self.mode = "await-tls"
        elif verb == b"BDAT":
            parts = rest.split()
            try:
                self.bdat_left = int(parts[0])
            except (IndexError, ValueError):
                parts = []                       # the server will refuse it
            self.bdat_last = len(parts) > 1 and parts[1].upper() == b"LAST"
            self.mode = "bdat" if parts else "cmd"
            if self.bdat_last:
                verb = END_OF_DATA               # its reply is the message's verdict
        self.pending.append(verb)

    def _data(self, rest):
        """Data after the 354 up to and including CRLF.CRLF; returns how much of `rest` it took."""
        window = self.tail + rest
        found = window.find(b"\r\n.\r\n")
        end = found + 5 - len(self.tail) if found >= 0 else len(rest)
        piece = rest[:end]
        if self._forward_data(piece):
            return len(rest)
        self.tail = window[-4:] if found < 0 else b""
        if found >= 0:
            self._end_of_data()
        return end

    def _bdat(self, rest):
        piece = rest[:self.bdat_left]
        if self._forward_data(piece):
            return len(rest)
        self.bdat_left -= len(piece)
        if self.bdat_left == 0:
            self.mode = "cmd"
            if self.bdat_last:
                self._end_of_data(pending=False)
        return len(piece)

    def _forward_data(self, piece):
        """Sends message data on, or its first --drop-mid-data bytes and drops. True when dropped."""
        limit = self.args.drop_mid_data
        if limit is not None and self.data_bytes + len(piece) >= limit:
            self.to_server.send(piece[:limit - self.data_bytes])
            self.data_bytes = limit
            self._drop()
            return True
        self.to_server.send(piece)
        self.data_bytes += len(piece)
        return False

    def _end_of_data(self, pending=True):
        self.log(f"-- end of data after {self.data_bytes} bytes")
        self.data_bytes = 0
        self.mode = "cmd"
        if pending:
            self.pending.append(END_OF_DATA)

    def _tls_client(self, chunk):
        before = self.tls_client_bytes
        self.tls_client_bytes += len(chunk)
        start = self.args.tls_data_after
        if self.tls_client_bytes < start:
            self.to_server.send(chunk)
            return
        if before < start:
            self.log(f"-- data taken to begin ({start} bytes since TLS began)")
            if self.args.stall_after_data:
                self._stall()                    # the server only answers once the data is complete
        limit = self.args.drop_mid_data
        if limit is not None and self.tls_client_bytes - start >= limit:
            self.to_server.send(chunk[:start + limit - before])
            self._drop()
            return
        self.to_server.send(chunk)

    def _stall(self):
        if not self.stalled:
            self.stalled = True
            self.log("-- stalled: nothing more goes to the client")

    def _drop(self):
        self.mode = "dropped"
        self.log("-- dropping the connection")
        asyncio.ensure_future(self.abort())

    # ------------------------------------------------------------ server -> client

    def from_server(self, chunk):
        if self.stalled or self.mode == "dropped":
            return
        if self.tls:
            self.to_client.send(chunk)
            return
        self.server_buf += chunk
        while not self.tls:
            nl = self.server_buf.find(b"\n")
            if nl < 0:
                if len(self.server_buf) > LINE_LIMIT:
                    self.to_client.send(self.server_buf)
                    self.server_buf = b""
                return
            line, self.server_buf = self.server_buf[:nl + 1], self.server_buf[nl + 1:]
            self._server_line(line)
            if self.stalled:
                return
        # What follows the STARTTLS reply is TLS already.
        rest, self.server_buf = self.server_buf, b""
        self.to_client.send(rest)

    def _server_line(self, line):
        text = line.rstrip(b"\r\n")
        code = text[:3]
        final = text[3:4] != b"-"
        head = self.pending[0] if self.pending else None
        if head == END_OF_DATA and self.args.stall_after_data:
            self._stall()                        # the verdict on the message never arrives
            return
        self.log("S: " + text.decode(errors="replace"))
        if self.args.refuse_starttls and not self.args.keep_starttls_offer and head == b"EHLO":
            if text[4:].strip().upper() != b"STARTTLS":
                self.ehlo_lines.append(text)
            if final:
                lines, self.ehlo_lines = self.ehlo_lines, []
                for n, kept in enumerate(lines):
                    sep = b" " if n == len(lines) - 1 else b"-"
                    self.to_client.send(kept[:3] + sep + kept[4:] + b"\r\n")
        else:
            self.to_client.send(line)
        if not final:
            return
        if code == b"334":
            self.auth_continuation = True        # the client's next line answers the challenge
            return
        answered = self.pending.popleft() if self.pending else None
        if answered == b"DATA" and code == b"354":
            self.mode = "data"
            self.tail = b"\r\n"                  # the DATA line's CRLF: an empty message is just ".\r\n"
            self.data_bytes = 0
        elif answered == b"STARTTLS" and code.startswith(b"2"):
            self.tls = True
            self.log("-- tls after STARTTLS")
        self._inject_due_replies()

    def _inject_due_replies(self):
        """Our own replies (to a refused STARTTLS) go out when their turn in the FIFO comes."""
        while self.pending and self.pending[0].endswith(b"\r\n"):
            reply = self.pending.popleft()
            self.log("S: " + reply.rstrip(b"\r\n").decode() + " (from the proxy)")
            self.to_client.send(reply)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen-port-file", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--latency", type=float, default=0.0, help="milliseconds each way")
    parser.add_argument("--drop-after", type=int)
    parser.add_argument("--stall-after", type=int)
    parser.add_argument("--drop-mid-data", type=int)
    parser.add_argument("--stall-after-data", action="store_true")
    parser.add_argument("--refuse-starttls", action="store_true")
    parser.add_argument("--keep-starttls-offer", action="store_true")
    parser.add_argument("--log")
    parser.add_argument("--tls-data-after", type=int, default=16384)
    args = parser.parse_args()
    host, port = args.target.rsplit(":", 1)
    delay = args.latency / 1000.0
    smtp = (args.drop_mid_data is not None or args.stall_after_data or args.refuse_starttls
            or args.log is not None)
    log = open(args.log, "a", encoding="utf-8") if args.log else None
    ids = itertools.count(1)

    async def handle(client_reader, client_writer):
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.transport.abort()
            return
        to_server = Wire(server_writer, delay)
        to_client = Wire(client_writer, delay)

        async def abort():
            await asyncio.sleep(delay + 0.05)    # let what was allowed through arrive first
            client_writer.transport.abort()
            server_writer.transport.abort()

        watcher = SmtpWatcher(args, next(ids), to_server, to_client, abort, log) if smtp else None
        client_gone = asyncio.Event()
        budget = args.drop_after if args.drop_after is not None else args.stall_after

        async def client_to_server():
            try:
                while chunk := await client_reader.read(65536):
                    if watcher:
                        watcher.from_client(chunk)
                    else:
                        to_server.send(chunk)
            except ConnectionError:
                pass
            finally:
                client_gone.set()
                to_server.finish()
                await to_server.task

        async def server_to_client():
            sent = 0
            try:
                while chunk := await server_reader.read(65536):
                    if budget is not None and sent + len(chunk) >= budget:
                        chunk = chunk[:budget - sent]
                        sent = budget
                        if watcher:
                            watcher.from_server(chunk)
                        else:
                            to_client.send(chunk)
                        if args.drop_after is not None:
                            await abort()
                        else:
                            await client_gone.wait()  # stalled: nothing more, connection left open
                        return
                    sent += len(chunk)
                    if watcher:
                        watcher.from_server(chunk)
                    else:
                        to_client.send(chunk)
                if watcher and watcher.stalled:
                    await client_gone.wait()  # the server hung up; the client must not learn it
            except ConnectionError:
                pass
            finally:
                to_client.finish()
                await to_client.task

        await asyncio.gather(client_to_server(), server_to_client(), return_exceptions=True)

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    chosen = server.sockets[0].getsockname()[1]
    tmp = args.listen_port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(chosen))
    os.replace(tmp, args.listen_port_file)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
