#!/usr/bin/env python3
"""Python asyncio echo peer for bench/net.

Usage: python3 echo_asyncio.py [streams|protocol] PORT

Writes back every chunk it reads, on 127.0.0.1:PORT (asyncio sets
TCP_NODELAY on its TCP sockets). Standard library only, default event loop.

- streams (default): one task per connection, `await reader.read()` then
  `writer.write()` + `await writer.drain()`. This is the shape of Kea's
  task-per-connection examples/echo-server.pasm.
- protocol: a `Protocol` whose `data_received` callback writes the data
  back, pausing reading while the transport's buffer is full. This is the
  shape of Kea's callback-style examples/echo-server-callbacks.pasm, and
  asyncio's fastest pure-Python form.
"""

import asyncio
import sys


async def handle(reader, writer):
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data)

    def pause_writing(self):
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()


async def main(port, style):
    if style == "streams":
        server = await asyncio.start_server(handle, "127.0.0.1", port)
    else:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(Echo, "127.0.0.1", port)
    addr = server.sockets[0].getsockname()
    print(f"echo_asyncio.py ({style}): listening on {addr[0]}:{addr[1]}", file=sys.stderr)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    # The port comes last, as for every bench/net server.
    style, port = (["streams"] + sys.argv[1:])[-2:] if len(sys.argv) in (2, 3) else (None, None)
    if style not in ("streams", "protocol") or port is None or not port.isdigit():
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    try:
        asyncio.run(main(int(port), style))
    except KeyboardInterrupt:
        pass
