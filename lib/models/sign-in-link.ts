import { Schema, model } from 'mongoose';

/** A single-use link that opens a browser session for one user; only the hash is stored. */
const signInLinkSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    /** Checked on use, because the database may lack TTL indexes. */
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export const SignInLink = model('SignInLink', signInLinkSchema);
