import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { parseLetterSections } from '@dafu/replies/domain/letter-text-parser';
import { SearchIndexer } from '@dafu/search/search-indexer.service';
import { candidatesOf, type Candidate, type UploadedLetterFile } from './archive-files';
import { ArchiveRepository } from './archive.repository';
import type { ArchivedLetter, ArchivedLetterSummary, ArchiveFileResult, ArchiveImport } from './archive.types';
import { ArchiveFileFailure, looksLikeReplyLetter, recoveryReport } from './domain/archive-import';
import { cleanLetterText, parseReplyLetter } from './domain/reply-letter-parser';
import type { ListArchivedLettersQuery } from './dto/archive.dto';

interface ParsedCandidate {
  name: string;
  encoding: string;
  text: string;
  sha256: string;
  parsed: ReturnType<typeof parseReplyLetter>;
  sections: { heading: string; paragraphs: string[] }[];
}

/**
 * Imports historical reply letters: every file gets its own result (imported, duplicate, or
 * failed with a reason code), never a 500 for one bad file. The letters, their search documents,
 * the report and the audit event are written in one transaction.
 */
@Injectable()
export class ArchiveService {
  constructor(
    private readonly repository: ArchiveRepository,
    private readonly indexer: SearchIndexer,
  ) {}

  async import(actor: Actor, files: UploadedLetterFile[], skipped = 0): Promise<ArchiveImport> {
    const candidates: Candidate[] = [];
    for (const file of files) candidates.push(...(await candidatesOf(file)));
    const results: (ArchiveFileResult | ParsedCandidate)[] = candidates.map((candidate) => readCandidate(candidate));
    for (let i = 0; i < skipped; i++)
      results.push(failed(`(#${files.length + i + 1})`, ArchiveFileFailure.TooManyFiles));

    const id = await this.repository.transaction(async (manager) => {
      const importId = await this.repository.insertImport(manager, actor.userId, actor.organisationId);
      const written: ArchiveFileResult[] = [];
      const newLetters: string[] = [];
      for (const result of results) {
        if (!('sha256' in result)) {
          written.push(result);
          continue;
        }
        const letterId = await this.repository.insertLetter(manager, {
          importId,
          fileName: result.name,
          textSha256: result.sha256,
          text: result.text,
          parsed: result.parsed,
          sections: result.sections,
        });
        const report = recoveryReport(result.parsed);
        if (letterId) newLetters.push(letterId);
        written.push({
          file: result.name,
          status: letterId ? 'imported' : 'duplicate',
          failure: null,
          detail: null,
          letterId: letterId ?? (await this.repository.letterIdOfText(manager, result.sha256)),
          encoding: result.encoding,
          recovered: report.recovered,
          notRecovered: report.notRecovered,
        });
      }
      await this.indexer.indexArchivedLetters(newLetters, manager);
      await this.repository.finishImport(manager, importId, written);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'archive_import',
        entityId: importId,
        action: 'archive.imported',
        data: {
          files: written.length,
          imported: written.filter((r) => r.status === 'imported').length,
          duplicates: written.filter((r) => r.status === 'duplicate').length,
          failed: written.filter((r) => r.status === 'failed').length,
        },
      });
      return importId;
    });
    return this.getImport(id);
  }

  async getImport(id: string): Promise<ArchiveImport> {
    const found = await this.repository.findImport(id);
    if (!found) throw new DafuError(ErrorCode.ArchiveImportNotFound, { id });
    return found;
  }

  async listLetters(
    query: ListArchivedLettersQuery,
  ): Promise<{ items: ArchivedLetterSummary[]; total: number; page: number; pageSize: number }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    return { ...(await this.repository.listLetters(query, page, pageSize)), page, pageSize };
  }

  async getLetter(id: string): Promise<ArchivedLetter> {
    const found = await this.repository.findLetter(id);
    if (!found) throw new DafuError(ErrorCode.ArchivedLetterNotFound, { id });
    return found;
  }
}

function failed(file: string, failure: ArchiveFileFailure, detail?: Record<string, unknown>): ArchiveFileResult {
  return {
    file,
    status: 'failed',
    failure,
    detail: detail ?? null,
    letterId: null,
    encoding: null,
    recovered: null,
    notRecovered: [],
  };
}

/** Parses one file's text; a text that is no reply letter fails with what little was found. */
function readCandidate(candidate: Candidate): ArchiveFileResult | ParsedCandidate {
  if (!candidate.ok) return failed(candidate.name, candidate.failure, candidate.detail);
  const parsed = parseReplyLetter(candidate.text);
  if (!looksLikeReplyLetter(parsed)) {
    return { ...failed(candidate.name, ArchiveFileFailure.NotAReplyLetter), ...recoveryReport(parsed) };
  }
  const text = cleanLetterText(candidate.text);
  const sections = parseLetterSections(candidate.text).sections.map((s) => ({
    heading: s.heading,
    paragraphs: s.paragraphs,
  }));
  return {
    name: candidate.name,
    encoding: candidate.encoding,
    text,
    sha256: createHash('sha256').update(text).digest('hex'),
    parsed,
    sections,
  };
}
