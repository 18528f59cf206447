import mongoose from 'mongoose';
import * as models from './models';

/** Connects mongoose to `uri` and builds every model's indexes, so unique keys hold from the first write. */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  const exported: unknown[] = Object.values(models);
  const registered = exported.filter((value): value is mongoose.Model<unknown> => typeof value === 'function' && 'init' in value);
  await Promise.all(registered.map((model) => model.init()));
  return mongoose;
}

/** Closes the mongoose connection. */
export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
