// Node.js echo peer for bench/net: `node echo.js PORT`.
// Writes back every chunk it reads, on 127.0.0.1:PORT, with TCP_NODELAY set
// like the other servers. The idiomatic Node program: `socket.pipe(socket)`
// would add stream machinery, so the 'data' handler writes directly, and
// pauses reading while a write is buffered (backpressure), as mio-echo does.
'use strict';
const net = require('net');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: node echo.js PORT');
  process.exit(2);
}

const server = net.createServer({ noDelay: true }, (socket) => {
  socket.on('data', (chunk) => {
    if (!socket.write(chunk)) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  // A client that closes with a request in flight resets the connection;
  // that is normal for a load generator and must not kill the server.
  socket.on('error', () => socket.destroy());
});
server.on('error', (e) => {
  console.error(`echo.js: ${e.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.error(`echo.js: listening on 127.0.0.1:${server.address().port}`);
});
