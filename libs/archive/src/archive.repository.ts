import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ParsedReplyLetter } from './domain/reply-letter-parser';
import type { ArchivedLetter, ArchivedLetterSummary, ArchiveFileResult, ArchiveImport } from './archive.types';
import type { ListArchivedLettersQuery } from './dto/archive.dto';

export interface NewArchivedLetter {
  importId: string;
  fileName: string;
  textSha256: string;
  text: string;
  parsed: ParsedReplyLetter;
  sections: { heading: string; paragraphs: string[] }[];
}

const SUMMARY_COLUMNS = `id, import_id, file_name, document_number, signatory, grade, issuer, kind, session_label,
  session_body, session_term, session_sitting, proposal_number, proposal_title,
  to_char(letter_date, 'YYYY-MM-DD') AS letter_date, created_at`;

/** The archive's tables, as reviewed SQL; rows come back as plain records. */
@Injectable()
export class ArchiveRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertImport(manager: EntityManager, importedBy: string, organisationId: string): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO archive_imports (imported_by, organisation_id, file_count, imported_count, failed_count)
       VALUES ($1, $2, 0, 0, 0) RETURNING id`,
      [importedBy, organisationId],
    );
    return row.id;
  }

  async finishImport(manager: EntityManager, id: string, results: ArchiveFileResult[]): Promise<void> {
    await manager.query(
      `UPDATE archive_imports SET file_count = $2, imported_count = $3, failed_count = $4, results = $5::jsonb
        WHERE id = $1`,
      [
        id,
        results.length,
        results.filter((r) => r.status === 'imported').length,
        results.filter((r) => r.status === 'failed').length,
        JSON.stringify(results),
      ],
    );
  }

  /** The new letter's id, or null when a letter with the same text is already archived. */
  async insertLetter(manager: EntityManager, letter: NewArchivedLetter): Promise<string | null> {
    const p = letter.parsed;
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO archived_letters (import_id, file_name, text_sha256, text, document_number, signatory, grade,
              issuer, kind, session_label, session_body, session_term, session_sitting, proposal_number,
              addressees, proposal_title, section_headings, sections, letter_date, contact, cc, problems)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17::jsonb, $18::jsonb,
               $19, $20::jsonb, $21::jsonb, $22::jsonb)
       ON CONFLICT (text_sha256) DO NOTHING
       RETURNING id`,
      [
        letter.importId,
        letter.fileName,
        letter.textSha256,
        letter.text,
        p.documentNumber,
        p.signatory,
        p.grade,
        p.issuer,
        p.kind,
        p.session?.label ?? null,
        p.session?.body ?? null,
        p.session?.term ?? null,
        p.session?.sitting ?? null,
        p.proposalNumber,
        p.addressees === null ? null : JSON.stringify(p.addressees),
        p.proposalTitle,
        p.sectionHeadings === null ? null : JSON.stringify(p.sectionHeadings),
        JSON.stringify(letter.sections),
        p.date,
        p.contact === null ? null : JSON.stringify(p.contact),
        p.cc === null ? null : JSON.stringify(p.cc),
        JSON.stringify(p.problems),
      ],
    );
    return rows.length > 0 ? rows[0].id : null;
  }

  async letterIdOfText(manager: EntityManager, textSha256: string): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM archived_letters WHERE text_sha256 = $1`, [
      textSha256,
    ]);
    return rows.length > 0 ? rows[0].id : null;
  }

  async findImport(id: string): Promise<ArchiveImport | null> {
    const rows = await this.dataSource.query<ImportRow[]>(`SELECT * FROM archive_imports WHERE id = $1`, [id]);
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      id: r.id,
      importedBy: r.imported_by,
      organisationId: r.organisation_id,
      fileCount: r.file_count,
      importedCount: r.imported_count,
      failedCount: r.failed_count,
      results: r.results,
      createdAt: r.created_at,
    };
  }

  async listLetters(
    filter: ListArchivedLettersQuery,
    page: number,
    pageSize: number,
  ): Promise<{ items: ArchivedLetterSummary[]; total: number }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const eq = (column: string, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    eq('session_body', filter.sessionBody);
    eq('session_term', filter.term);
    eq('session_sitting', filter.sitting);
    eq('kind', filter.kind);
    eq('proposal_number', filter.proposalNumber);
    eq('grade', filter.grade);
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const like = `$${params.length}`;
      where.push(
        `(proposal_title ILIKE ${like} OR document_number ILIKE ${like} OR signatory ILIKE ${like}
          OR addressees::text ILIKE ${like} OR file_name ILIKE ${like})`,
      );
    }
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [{ count }] = await this.dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM archived_letters ${condition}`,
      params,
    );
    const rows = await this.dataSource.query<LetterRow[]>(
      `SELECT ${SUMMARY_COLUMNS} FROM archived_letters ${condition}
        ORDER BY letter_date DESC NULLS LAST, created_at DESC, id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toSummary), total: Number(count) };
  }

  async findLetter(id: string): Promise<ArchivedLetter | null> {
    const rows = await this.dataSource.query<(LetterRow & LetterDetailRow)[]>(
      `SELECT ${SUMMARY_COLUMNS}, text, addressees, section_headings, sections, contact, cc, problems
         FROM archived_letters WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      ...toSummary(r),
      text: r.text,
      addressees: r.addressees,
      sectionHeadings: r.section_headings,
      sections: r.sections,
      contact: r.contact,
      cc: r.cc,
      problems: r.problems,
    };
  }
}

interface ImportRow {
  id: string;
  imported_by: string;
  organisation_id: string;
  file_count: number;
  imported_count: number;
  failed_count: number;
  results: ArchiveFileResult[];
  created_at: Date;
}

interface LetterRow {
  id: string;
  import_id: string;
  file_name: string;
  document_number: string | null;
  signatory: string | null;
  grade: string | null;
  issuer: string | null;
  kind: 'proposal' | 'suggestion' | null;
  session_label: string | null;
  session_body: 'cppcc' | 'npc' | null;
  session_term: number | null;
  session_sitting: number | null;
  proposal_number: number | null;
  proposal_title: string | null;
  letter_date: string | null;
  created_at: Date;
}

interface LetterDetailRow {
  text: string;
  addressees: unknown;
  section_headings: string[] | null;
  sections: { heading: string; paragraphs: string[] }[];
  contact: unknown;
  cc: unknown;
  problems: unknown;
}

function toSummary(r: LetterRow): ArchivedLetterSummary {
  return {
    id: r.id,
    importId: r.import_id,
    fileName: r.file_name,
    documentNumber: r.document_number,
    signatory: r.signatory,
    grade: r.grade,
    issuer: r.issuer,
    kind: r.kind,
    sessionLabel: r.session_label,
    sessionBody: r.session_body,
    sessionTerm: r.session_term,
    sessionSitting: r.session_sitting,
    proposalNumber: r.proposal_number,
    proposalTitle: r.proposal_title,
    date: r.letter_date,
    createdAt: r.created_at,
  };
}
