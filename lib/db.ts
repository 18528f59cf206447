import mongoose from 'mongoose';
import * as models from './models';

/** Connects mongoose to `uri` and builds every model's indexes, so unique keys hold from the first write. */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  mongoose.set('strictQuery', true);
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000 });
  await Promise.all(Object.values(models).map((m) => (m as mongoose.Model<unknown>).init()));
  return mongoose;
}

/** Closes the mongoose connection. */
export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
