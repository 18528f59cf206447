import { Schema, model } from 'mongoose';

/** An API token for automation; only its SHA-256 hash is stored, the token is shown once. */
const apiTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    label: { type: String, default: '' },
    lastUsedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export const ApiToken = model('ApiToken', apiTokenSchema);
