import { Schema, model } from 'mongoose';

/** A browser session; expiry is checked on read because the database may lack TTL indexes. */
const sessionSchema = new Schema({
  _id: { type: String, required: true },
  data: { type: String, required: true },
  expiresAt: { type: Date, required: true, index: true },
});

export const Session = model('Session', sessionSchema);
