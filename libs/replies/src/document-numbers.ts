import type { EntityManager } from 'typeorm';
import { checkDocumentNumberSeries, formatDocumentNumber } from './domain/document-number';

export interface AllocatedDocumentNumber {
  prefix: string;
  year: number;
  sequence: number;
  /** e.g. 三民文〔2023〕21号 */
  text: string;
}

/**
 * Takes the next 文号 of a bureau prefix and year. Must run inside the sign-off transaction:
 * the upsert locks the counter row until commit, so concurrent sign-offs (on any number of API
 * instances) queue and each gets its own number; a rollback returns the number unused.
 * A read-then-write allocation gave 191 duplicates in 200 concurrent sign-offs (shared/stack.md).
 */
export async function allocateDocumentNumber(
  manager: EntityManager,
  prefix: string,
  year: number,
): Promise<AllocatedDocumentNumber> {
  const trimmed = checkDocumentNumberSeries(prefix, year);
  const rows = await manager.query<{ last_number: number }[]>(
    `INSERT INTO document_number_counters (prefix, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE
       SET last_number = document_number_counters.last_number + 1, updated_at = now()
     RETURNING last_number`,
    [trimmed, year],
  );
  const sequence = Number(rows[0].last_number);
  return { prefix: trimmed, year, sequence, text: formatDocumentNumber(trimmed, year, sequence) };
}
