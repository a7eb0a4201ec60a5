// Node.js HTTP peer for bench/net: `node http.js PORT`.
// Serves the same small fixed page for every request, with keep-alive (the
// Node default), on 127.0.0.1:PORT. Compared with Kea's
// examples/http-server.pasm using wrk.
'use strict';
const http = require('http');

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('usage: node http.js PORT');
  process.exit(2);
}

const body = Buffer.from('<!doctype html>\n<title>kea</title>\n<p>Hello from the bench/net peer.</p>\n');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.on('clientError', (e, socket) => socket.destroy());
server.on('error', (e) => {
  console.error(`http.js: ${e.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.error(`http.js: listening on 127.0.0.1:${server.address().port}`);
});
