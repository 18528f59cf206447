import { CLIENT_NOTES } from './custom-field-catalogue';
import { customFieldValueInstanceId, type CustomFieldParentType, type CustomFieldRecord } from './custom-field-records';
import { formatDate } from './format';
import { createRandom, mixSeed, pick, randomInt, type Random } from './random';

const DAY_MS = 86_400_000;

/** A record that carries custom field values: a matter or a contact. */
export interface ValueParent {
  /** Position of the record in its table or directory. */
  index: number;
  id: number;
  createdAt: number;
  /** Whether the record was generated with the account, so it gets generated values. */
  generated: boolean;
}

/** One entry of a record's `custom_field_values`. */
export interface CustomFieldValueRecord {
  /** Numeric part of the composite id, or null for a displayed field that has no value on the record. */
  instanceId: number | null;
  field: CustomFieldRecord;
  /** The value as Clio's schema types it: a string, with a picklist option's id for a picklist. */
  value: string | null;
  /** Unix milliseconds, NaN when the entry has no value. */
  createdAt: number;
  updatedAt: number;
}

interface StoredValue {
  value: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Account facts that generated values depend on: the contact id range and the generation time. */
export interface ValueContext {
  contactCount: number;
  firstContactId: number;
  /** Unix milliseconds of account generation. */
  generatedAt: number;
}

/**
 * The custom field values of every matter, or of every contact, of an account. Generated records
 * get values computed on demand from the account seed, the field and the record, so nothing is
 * stored for them. Values set through the admin API are kept and take precedence.
 */
export class CustomFieldValueStore {
  private readonly fields: readonly CustomFieldRecord[];
  private readonly changes = new Map<number, Map<number, StoredValue>>();

  constructor(
    private readonly seed: number,
    private readonly parentType: CustomFieldParentType,
    allFields: readonly CustomFieldRecord[],
    private readonly context: ValueContext,
  ) {
    this.fields = allFields.filter((field) => field.parentType === parentType);
  }

  /**
   * Lists the record's values in field order. A field without a value is left out, unless Clio
   * Manage displays it on every record: then it is listed with a null id and value.
   */
  valuesOf(parent: ValueParent): CustomFieldValueRecord[] {
    const values: CustomFieldValueRecord[] = [];
    for (const field of this.fields) {
      const stored = this.changes.get(parent.index)?.get(field.id) ?? (parent.generated ? this.generate(field, parent) : null);
      if (stored !== null && stored.value !== null) {
        values.push({ instanceId: customFieldValueInstanceId(parent.id, field), field, ...stored });
      } else if (field.displayed && !field.deleted) {
        values.push({ instanceId: null, field, value: null, createdAt: Number.NaN, updatedAt: Number.NaN });
      }
    }
    return values;
  }

  /** Sets or, with null, clears the value of `field` on the record. The caller checks the value against the field type first. */
  set(parent: ValueParent, field: CustomFieldRecord, value: string | null, nowMs: number): void {
    const current = this.changes.get(parent.index)?.get(field.id) ?? (parent.generated ? this.generate(field, parent) : null);
    const createdAt = current !== null && current.value !== null ? current.createdAt : nowMs;
    let forRecord = this.changes.get(parent.index);
    if (!forRecord) {
      forRecord = new Map();
      this.changes.set(parent.index, forRecord);
    }
    forRecord.set(field.id, { value, createdAt, updatedAt: nowMs });
  }

  private generate(field: CustomFieldRecord, parent: ValueParent): StoredValue | null {
    const random = createRandom(mixSeed(this.seed, 6, field.position, parent.index));
    if (random() >= field.fillRate) return null;
    const value = this.generateValue(field, parent, random);
    return value === null ? null : { value, createdAt: parent.createdAt, updatedAt: parent.createdAt };
  }

  private generateValue(field: CustomFieldRecord, parent: ValueParent, random: Random): string | null {
    switch (field.fieldType) {
      case 'picklist': {
        const offered = field.picklistOptions.filter((option) => Number.isNaN(option.deletedAt));
        return offered.length === 0 ? null : String(pick(random, offered).id);
      }
      case 'checkbox':
        return random() < 0.6 ? 'true' : 'false';
      case 'date': {
        // Matter dates such as a limitation date may lie up to a year ahead; contact dates lie in the past.
        const latest = this.parentType === 'Matter' ? this.context.generatedAt + 365 * DAY_MS : this.context.generatedAt;
        const span = latest - parent.createdAt;
        return formatDate(Math.floor((parent.createdAt + random() * span) / DAY_MS) * DAY_MS);
      }
      case 'currency':
        return (randomInt(random, 50_000, 25_000_000) / 100).toFixed(2);
      case 'numeric':
        return String(randomInt(random, 0, 6));
      case 'text_line':
        return `CV-${2020 + randomInt(random, 0, 6)}-${String(randomInt(random, 1, 99_999)).padStart(5, '0')}`;
      case 'text_area':
        return pick(random, CLIENT_NOTES);
      case 'email':
        return `portal.${parent.index + 1}@example.com`;
      case 'url':
        return `https://www.example.com/clients/${parent.index + 1}`;
      case 'contact':
        return String(this.context.firstContactId + randomInt(random, 0, this.context.contactCount - 1));
      default:
        // Matter and time fields are not in the generated catalogue; the admin API can still set them.
        return null;
    }
  }
}
