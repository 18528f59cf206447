import type { SessionData } from 'express-session';
import path from 'node:path';
import { MongooseSessionStore } from '../../api/session-store';
import { connectDatabase, disconnectDatabase } from '../../lib/db';
import { Session } from '../../lib/models';
import { startMongo } from '../../scripts/stack/mongo';
import { ROOT, freePort, type RunningServer } from '../../scripts/stack/processes';

let mongo: RunningServer;
let now = new Date('2030-01-01T00:00:00Z');
const store = new MongooseSessionStore(() => now);

beforeAll(async () => {
  mongo = await startMongo({ port: await freePort(), logFile: path.join(ROOT, '.stack', 'logs', 'test-api-session-store-mongo.log') });
  await connectDatabase(mongo.url);
});

afterAll(async () => {
  await disconnectDatabase();
  await mongo?.stop();
});

function sessionExpiringAt(expires: Date): SessionData {
  return { cookie: { expires, originalMaxAge: 60_000 }, userId: 'u1' } as unknown as SessionData;
}

const get = (sid: string) => new Promise<SessionData | null | undefined>((resolve, reject) => store.get(sid, (error, data) => (error ? reject(error) : resolve(data))));
const set = (sid: string, data: SessionData) => new Promise<void>((resolve, reject) => store.set(sid, data, (error) => (error ? reject(error) : resolve())));

test('a live session is read back', async () => {
  await set('live', sessionExpiringAt(new Date('2030-01-01T01:00:00Z')));

  const data = await get('live');

  expect(data?.userId).toBe('u1');
});

test('an expired session reads as none and is deleted', async () => {
  await set('expired', sessionExpiringAt(new Date('2030-01-01T00:30:00Z')));
  now = new Date('2030-01-01T00:31:00Z');

  const data = await get('expired');

  expect(data).toBeNull();
  expect(await Session.countDocuments({ _id: 'expired' })).toBe(0);
});

test('touch extends the expiry', async () => {
  now = new Date('2030-01-01T00:00:00Z');
  await set('touched', sessionExpiringAt(new Date('2030-01-01T00:10:00Z')));
  await new Promise<void>((resolve) => store.touch('touched', sessionExpiringAt(new Date('2030-01-01T02:00:00Z')), () => resolve()));
  now = new Date('2030-01-01T01:00:00Z');

  expect((await get('touched'))?.userId).toBe('u1');
});

test('deleteExpired removes only expired sessions', async () => {
  now = new Date('2030-01-01T00:00:00Z');
  await Session.deleteMany({});
  await set('old', sessionExpiringAt(new Date('2029-12-31T23:00:00Z')));
  await set('new', sessionExpiringAt(new Date('2030-01-01T05:00:00Z')));

  const deleted = await store.deleteExpired();

  expect(deleted).toBe(1);
  expect(await Session.countDocuments({ _id: 'new' })).toBe(1);
});
