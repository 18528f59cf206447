import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email the test SMTP server accepted: the envelope, the headers and the decoded body. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  headers: Record<string, string>;
  body: string;
}

/** An SMTP server on 127.0.0.1 that keeps every message it accepts. */
export interface TestSmtpServer {
  port: number;
  received: ReceivedEmail[];
  /** Makes the next RCPT TO fail with this SMTP reply code, such as 451 (try later) or 550 (refused). */
  failNextRecipient(responseCode: number): void;
  /**
   * Keeps the next message without ever replying to its data: the message counts as received
   * while its sender waits for the reply. Resolves with the message once it has arrived.
   */
  holdNextMessage(): Promise<ReceivedEmail>;
  /** Message-IDs of the accepted messages, for a transport lookup in tests. */
  messageIds(): string[];
  stop(): Promise<void>;
}

/** Decodes a quoted-printable body: soft line breaks joined, =XX escapes turned back into UTF-8 bytes. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  return { headers, body: headers['content-transfer-encoding'] === 'quoted-printable' ? decodeQuotedPrintable(body) : body };
}

/** Starts an SMTP server without TLS or authentication on a free port of 127.0.0.1. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const failures: number[] = [];
  let hold: ((email: ReceivedEmail) => void) | null = null;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onRcptTo(_address, _session, callback) {
      const code = failures.shift();
      callback(code === undefined ? null : Object.assign(new Error(`Test server refuses the recipient with ${code}`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const email = { from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), ...parseMessage(Buffer.concat(chunks).toString('utf8')) };
        received.push(email);
        if (hold) {
          const reportHeld = hold;
          hold = null;
          reportHeld(email);
          return;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    failNextRecipient: (code) => { failures.push(code); },
    holdNextMessage: () => new Promise<ReceivedEmail>((resolve) => { hold = resolve; }),
    messageIds: () => received.map((email) => email.headers['message-id']),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One request the test SMS endpoint received. */
export interface SmsRequest {
  idempotencyKey: string | undefined;
  body: { to?: string; text?: string };
}

/** An HTTP server on 127.0.0.1 that plays the SMS endpoint, dropping a repeated Idempotency-Key as the endpoint must. */
export interface TestSmsEndpoint {
  url: string;
  requests: SmsRequest[];
  /** Messages delivered: one per distinct Idempotency-Key. */
  delivered: SmsRequest[];
  /** Makes the next request fail with this HTTP status. */
  failNext(status: number): void;
  stop(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<SmsRequest['body']> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as SmsRequest['body'];
}

/** Starts the SMS endpoint on a free port of 127.0.0.1. */
export async function startSmsEndpoint(): Promise<TestSmsEndpoint> {
  const requests: SmsRequest[] = [];
  const delivered: SmsRequest[] = [];
  const failures: number[] = [];
  const server: Server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const request = { idempotencyKey: req.headers['idempotency-key'] as string | undefined, body };
      requests.push(request);
      const failure = failures.shift();
      if (failure !== undefined) {
        res.writeHead(failure).end();
        return;
      }
      if (!delivered.some((earlier) => earlier.idempotencyKey === request.idempotencyKey)) {
        delivered.push(request);
      }
      res.writeHead(202, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `sms-${request.idempotencyKey?.slice(0, 12)}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/messages`,
    requests,
    delivered,
    failNext: (status) => { failures.push(status); },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
