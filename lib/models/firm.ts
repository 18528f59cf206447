import { Schema, model, type InferSchemaType } from 'mongoose';

const firmSchema = new Schema(
  {
    /** Stable public id, used in URLs and workflow ids: lowercase letters, digits and dashes. */
    _id: { type: String, required: true },
    name: { type: String, required: true },
    /** IANA time zone the nightly sync follows, set by the firm's admin. */
    timeZone: { type: String, required: true, default: 'America/New_York' },
  },
  { timestamps: true },
);

export type FirmDoc = InferSchemaType<typeof firmSchema>;
export const Firm = model('Firm', firmSchema);
