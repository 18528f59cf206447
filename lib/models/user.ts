import { Schema, model, type InferSchemaType } from 'mongoose';

export const USER_ROLES = ['firm_admin', 'staff'] as const;
export type UserRole = (typeof USER_ROLES)[number];

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    role: { type: String, enum: USER_ROLES, required: true },
    /** The one firm a firm admin manages; staff have none and see every firm. */
    firmId: { type: String, default: null },
    /** scrypt hash in the PHC string format (lib/auth/password-hash.ts); null for a user who signs in with links only. */
    passwordHash: { type: String, default: null },
    passwordChangedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export type UserDoc = InferSchemaType<typeof userSchema>;
export const User = model('User', userSchema);
