#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A TCP proxy that misbehaves on purpose, for tests and benchmarks.

It forwards bytes between a client and a real server (TLS passes through
untouched) and, per option:
  --latency MS           delays every chunk by MS in each direction (order kept,
                         so pipelined traffic keeps flowing: a wire with latency)
  --drop-after BYTES     closes both sides once BYTES have gone server -> client
  --stall-after BYTES    stops forwarding server -> client after BYTES, keeps the
                         connection open (a server that hangs)

usage: faultproxy.py --listen-port-file F --target HOST:PORT [options]
Writes the port it listens on (127.0.0.1) into F once ready.
"""
import argparse
import asyncio
import os
import time


async def pump(reader, writer, delay, budget, on_exhausted):
    """Copies reader to writer, each chunk delivered `delay` seconds after it arrived."""
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, chunk = await queue.get()
            if chunk is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(chunk)
            await writer.drain()
        writer.close()

    sender = asyncio.ensure_future(deliver())
    sent = 0
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break
            if budget is not None and sent + len(chunk) >= budget:
                queue.put_nowait((time.monotonic() + delay, chunk[:budget - sent]))
                sent = budget
                await on_exhausted()
                return
            sent += len(chunk)
            queue.put_nowait((time.monotonic() + delay, chunk))
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        queue.put_nowait((0, None))
        try:
            await sender
        except ConnectionError:
            pass


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen-port-file", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--latency", type=float, default=0.0, help="milliseconds each way")
    parser.add_argument("--drop-after", type=int)
    parser.add_argument("--stall-after", type=int)
    args = parser.parse_args()
    host, port = args.target.rsplit(":", 1)
    delay = args.latency / 1000.0

    async def handle(client_reader, client_writer):
        server_reader, server_writer = await asyncio.open_connection(host, int(port))
        budget = args.drop_after if args.drop_after is not None else args.stall_after

        async def exhausted():
            if args.drop_after is not None:
                await asyncio.sleep(delay + 0.05)  # let what was allowed through arrive first
                client_writer.transport.abort()
                server_writer.transport.abort()
            else:
                await asyncio.sleep(3600)  # stalled: nothing more, connection left open

        await asyncio.gather(
            pump(client_reader, server_writer, delay, None, None),
            pump(server_reader, client_writer, delay, budget, exhausted),
            return_exceptions=True)

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
