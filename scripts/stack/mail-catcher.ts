import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { RunningServer } from './processes';

/** Returns a header of a raw message, unfolded, or an empty string when the message has none. */
function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/**
 * Starts an SMTP server on 127.0.0.1 that keeps every message the worker sends: each is written
 * to `folder` as an .eml file, which any mail program opens, and announced on the console. It
 * takes no TLS or authentication and delivers nothing onward, so the demo never emails anyone.
 */
export async function startMailCatcher(options: { port: number; folder: string }): Promise<RunningServer> {
  mkdirSync(options.folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        count += 1;
        const file = path.join(options.folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${count}.eml`);
        writeFileSync(file, raw);
        const to = session.envelope.rcptTo.map((recipient) => recipient.address).join(', ');
        console.log(`demo mail: to ${to}: "${headerOf(raw, 'subject')}" (${file})`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${options.port}`,
    port: options.port,
    owned: true,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
