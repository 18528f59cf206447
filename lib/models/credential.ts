import { Schema, model } from 'mongoose';

const sealedSchema = new Schema(
  { keyId: { type: String, required: true }, iv: { type: String, required: true }, tag: { type: String, required: true }, ciphertext: { type: String, required: true } },
  { _id: false },
);

/**
 * OAuth tokens of one firm's connection, each sealed with AES-256-GCM. `version` grows on
 * every write, so a refresh can compare-and-swap instead of overwriting a newer token.
 */
const credentialSchema = new Schema(
  {
    firmId: { type: String, required: true },
    provider: { type: String, required: true, default: 'clio' },
    region: { type: String, required: true },
    accessToken: { type: sealedSchema, required: true },
    refreshToken: { type: sealedSchema, required: true },
    accessTokenExpiresAt: { type: Date, required: true },
    version: { type: Number, required: true, default: 1 },
  },
  { timestamps: true },
);
credentialSchema.index({ firmId: 1, provider: 1 }, { unique: true });

export const Credential = model('Credential', credentialSchema);
