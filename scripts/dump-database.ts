import { writeFileSync } from 'node:fs';
import mongoose from 'mongoose';

/**
 * Fields left out of the dump because every authenticated request rewrites them: an API token
 * records its last use, and mongoose's timestamps move `updatedAt` with it.
 */
const VOLATILE_FIELDS: Record<string, string[]> = { apitokens: ['lastUsedAt', 'updatedAt'] };

/**
 * Writes every document of every collection as one line of canonical Extended JSON,
 * `<collection> <document>`, sorted by collection and `_id`, so two dumps compare with diff.
 */
async function dumpDatabase(uri: string, outputFile: string): Promise<void> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  try {
    const db = connection.db;
    if (!db) {
      throw new Error(`No database in ${uri}`);
    }
    const lines: string[] = [];
    const collections = (await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name).sort();
    for (const name of collections) {
      const documents = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
      for (const document of documents) {
        for (const field of VOLATILE_FIELDS[name] ?? []) {
          delete document[field];
        }
        lines.push(`${name} ${mongoose.mongo.BSON.EJSON.stringify(document, { relaxed: false })}`);
      }
    }
    writeFileSync(outputFile, lines.length > 0 ? `${lines.join('\n')}\n` : '');
    process.stdout.write(`dump-database: ${lines.length} documents in ${collections.length} collections\n`);
  } finally {
    await connection.close();
  }
}

const [uri, outputFile] = process.argv.slice(2);
if (!uri || !outputFile) {
  process.stderr.write('Usage: npx tsx scripts/dump-database.ts <mongodb URI> <output file>\n');
  process.exit(2);
}
dumpDatabase(uri, outputFile).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`dump-database: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
