// Guichet's web server (`npm run start`): Next's own request handler behind a plain Node server that
// tells the app which address is on the other end of the socket.
//
// Next only fills X-Forwarded-For when a request comes without one (`??=` in its base server), so a
// client's forged value reaches the app as is and the app cannot learn the peer from it. Here the peer
// header is set on every request, replacing whatever a client sent under that name; lib/auth/client-ip.ts
// reads it, and believes X-Forwarded-For only when that peer is a proxy listed in TRUSTED_PROXIES.
import { createServer } from "node:http";

// As `next start` does: a production server unless told otherwise.
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const PEER_ADDRESS_HEADER = "x-guichet-peer";
const port = Number(process.env.PORT ?? 3000);

// Tells the app it runs behind this server (lib/check-env-at-start.ts refuses production otherwise).
process.env.GUICHET_SERVER = "server.mjs";

const app = next({ dev: false, port });
await app.prepare();
const handle = app.getRequestHandler();

/** Whether Next can decode the path: it answers a malformed percent-encoding with a bare English "Internal Server Error". */
function decodablePath(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

createServer((request, response) => {
  // A path that decodes to nothing names no page: the app's own French "page not found" says so.
  if (!decodablePath(request.url)) request.url = "/adresse-invalide";
  const peer = request.socket.remoteAddress;
  if (peer) request.headers[PEER_ADDRESS_HEADER] = peer;
  else delete request.headers[PEER_ADDRESS_HEADER];
  void handle(request, response);
}).listen(port, () => console.log(`Guichet écoute sur le port ${port}`));
