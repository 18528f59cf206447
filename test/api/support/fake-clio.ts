import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Tokens the fake token endpoint issues; tests check that neither reaches a log line. */
export const ISSUED_ACCESS_TOKEN = 'fake-access-token-4f1c9a';
export const ISSUED_REFRESH_TOKEN = 'fake-refresh-token-8d2e7b';

/** The connected Clio user the fake who_am_i endpoint returns. */
export const CLIO_USER = { id: 4242, name: 'Pat Partner' };

/**
 * A minimal Clio on 127.0.0.1: a token endpoint that counts its requests and a who_am_i endpoint.
 * `failTokenRequests` makes the token endpoint return 400 invalid_grant.
 */
export interface FakeClio {
  baseUrl: string;
  tokenRequests: number;
  tokenRequestBodies: URLSearchParams[];
  failTokenRequests: boolean;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** Starts the fake Clio on a free port of 127.0.0.1. */
export async function startFakeClio(): Promise<FakeClio> {
  const fake: FakeClio = { baseUrl: '', tokenRequests: 0, tokenRequestBodies: [], failTokenRequests: false, stop: async () => undefined };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'POST' && url.pathname === '/oauth/token') {
        fake.tokenRequests += 1;
        fake.tokenRequestBodies.push(new URLSearchParams(await readBody(req)));
        res.setHeader('content-type', 'application/json');
        if (fake.failTokenRequests) {
          res.statusCode = 400;
          res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'The authorization code is invalid.' }));
          return;
        }
        res.end(JSON.stringify({ access_token: ISSUED_ACCESS_TOKEN, refresh_token: ISSUED_REFRESH_TOKEN, token_type: 'bearer', expires_in: 2592000 }));
        return;
      }
      if (req.method === 'GET' && url.pathname === '/api/v4/users/who_am_i.json') {
        res.setHeader('content-type', 'application/json');
        if (req.headers.authorization !== `Bearer ${ISSUED_ACCESS_TOKEN}`) {
          res.statusCode = 401;
          res.end(JSON.stringify({ error: { type: 'UnauthorizedError', message: 'Invalid token' } }));
          return;
        }
        res.end(JSON.stringify({ data: CLIO_USER }));
        return;
      }
      res.statusCode = 404;
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
