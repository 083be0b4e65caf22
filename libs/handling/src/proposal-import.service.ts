import { Injectable } from '@nestjs/common';
import { canRegisterFor } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import type { UploadedFile } from '@dafu/platform/http/uploaded-file';
import { AssignmentRole, OrganisationKind } from '@dafu/platform/vocabulary';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { proposalKindOf } from '@dafu/proposals/domain/session-label';
import { ProposerKind } from '@dafu/proposals/entities/proposer.entity';
import { ProposalsRepository } from '@dafu/proposals/proposals.repository';
import { ProposalsService } from '@dafu/proposals/proposals.service';
import type { Session } from '@dafu/proposals/proposals.types';
import type { PlannedAssignment } from './domain/assignment-plan';
import {
  checkImportRows,
  type CheckedRow,
  type ImportCheck,
  importableRows,
  ImportProblemCode,
  importProblems,
  rowProblem,
  type RowProblem,
} from './domain/import-row';
import { ImportPreviewDto, type ImportPreviewRowDto } from './dto/import-preview.dto';
import { HandlingService } from './handling.service';
import { readSheet } from './import/read-sheet';

export interface ImportResult {
  imported: number;
  assignments: number;
  proposals: { id: string; number: number }[];
}

const BUREAU_FIELDS = [
  ['leadBureau', AssignmentRole.Lead, '主办单位'],
  ['coBureaus', AssignmentRole.Co, '会办单位'],
  ['separateBureaus', AssignmentRole.Separate, '分办单位'],
] as const;

function bureauNamesOf(
  row: Pick<CheckedRow, 'leadBureau' | 'coBureaus' | 'separateBureaus'>,
): { field: string; role: AssignmentRole; label: string; name: string }[] {
  return BUREAU_FIELDS.flatMap(([field, role, label]) => {
    const value = row[field];
    const names = value === null ? [] : Array.isArray(value) ? value : [value];
    return names.map((name) => ({ field, role, label, name }));
  });
}

/** A problem as the preview shows it: only the fields its DTO names. */
function problemView({ line, field, code, zh, en }: RowProblem) {
  return { line, field, code, zh, en };
}

function proposerKindOf(kind: 'person' | 'organisation'): ProposerKind {
  return kind === 'organisation' ? ProposerKind.Organisation : ProposerKind.Person;
}

/**
 * Imports a 提案委 list (CSV or XLSX) as registered proposals, with their 交办 where the list names
 * bureaus. All or nothing: every row is checked first and one bad row imports nothing. The preview
 * runs the same check and writes nothing.
 */
@Injectable()
export class ProposalImportService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly proposalsRepository: ProposalsRepository,
    private readonly handling: HandlingService,
    private readonly identity: IdentityRepository,
  ) {}

  async import(actor: Actor, sessionId: string, file: UploadedFile, assignedOn?: string): Promise<ImportResult> {
    const { session, check, bureauByName } = await this.check(actor, sessionId, file);
    const problems = importProblems(check);
    if (problems.length > 0) throw new DafuError(ErrorCode.ImportRowsInvalid, { problems });
    const rows = importableRows(check);

    const date = assignedOn ?? this.handling.today();
    return this.proposalsRepository.transaction(async (manager) => {
      const result: ImportResult = { imported: 0, assignments: 0, proposals: [] };
      for (const row of rows) {
        const proposal = await this.proposals.registerWithin(manager, actor, session, {
          sessionId: session.id,
          number: row.number,
          kind: proposalKindOf(session.body),
          title: row.title,
          body: row.body ?? '',
          category: row.category,
          receivedOn: row.receivedOn,
          proposers: row.proposers.map((p) => ({ name: p.name, kind: proposerKindOf(p.kind) })),
        });
        const planned: PlannedAssignment[] = bureauNamesOf(row).map((b) => ({
          bureauId: bureauByName.get(b.name) as string,
          role: b.role,
        }));
        if (planned.length > 0) {
          const made = await this.handling.assignWithin(manager, actor, proposal, planned, date);
          result.assignments += made.length;
        }
        result.imported += 1;
        result.proposals.push({ id: proposal.id, number: proposal.number });
      }
      return result;
    });
  }

  /** What import() would do with the file: every row as read, with its problems. Writes nothing. */
  async preview(actor: Actor, sessionId: string, file: UploadedFile): Promise<ImportPreviewDto> {
    const { session, check } = await this.check(actor, sessionId, file);
    const problems = importProblems(check);
    const kind = proposalKindOf(session.body);
    const rows = check.rows.map((row): ImportPreviewRowDto => ({
      line: row.line,
      number: row.number,
      title: row.title,
      kind,
      proposers: row.proposers.map((p) => ({ name: p.name, kind: proposerKindOf(p.kind) })),
      category: row.category,
      receivedOn: row.receivedOn,
      body: row.body,
      leadBureau: row.leadBureau,
      coBureaus: row.coBureaus,
      separateBureaus: row.separateBureaus,
      problems: row.problems.map(problemView),
    }));
    return {
      filename: file.filename,
      importable: problems.length === 0,
      counts: {
        rows: rows.length,
        valid: importableRows(check).length,
        withProblems: rows.filter((row) => row.problems.length > 0).length,
        alreadyRegistered: rows.filter((row) => row.problems.some((p) => p.code === ImportProblemCode.NumberTaken))
          .length,
        problems: problems.length,
      },
      fileProblems: check.headerProblems.map(problemView),
      rows,
    };
  }

  /**
   * The one check both import() and preview() run: the caller may register for the session, the
   * file reads as a list, and each row is valid, new to the session and names bureaus Dafu knows.
   */
  private async check(
    actor: Actor,
    sessionId: string,
    file: UploadedFile,
  ): Promise<{ session: Session; check: ImportCheck; bureauByName: Map<string, string> }> {
    const session = await this.proposals.getSession(sessionId);
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();
    const check = checkImportRows(await readSheet(file.content, file.filename));

    const names = [...new Set(check.rows.flatMap((row) => bureauNamesOf(row).map((b) => b.name)))];
    const bureauByName = new Map<string, string>();
    for (const organisation of await this.identity.findOrganisationsByName(names)) {
      if (organisation.kind !== OrganisationKind.Bureau) continue;
      bureauByName.set(organisation.name, organisation.id);
      if (organisation.shortName) bureauByName.set(organisation.shortName, organisation.id);
    }
    const numbers = check.rows.flatMap((row) => (row.number === null ? [] : [row.number]));
    const taken = new Set(await this.proposalsRepository.findNumbersTaken(session.id, numbers));

    for (const row of check.rows) {
      if (row.number !== null && taken.has(row.number)) {
        row.problems.push(
          rowProblem(
            row.line,
            'number',
            ImportProblemCode.NumberTaken,
            `编号${row.number}在${session.name}中已登记`,
            `number ${row.number} is already registered in this session`,
          ),
        );
      }
      for (const bureau of bureauNamesOf(row)) {
        if (bureauByName.has(bureau.name)) continue;
        row.problems.push(
          rowProblem(
            row.line,
            bureau.field,
            ImportProblemCode.BureauUnknown,
            `${bureau.label}“${bureau.name}”不是系统中的承办单位`,
            `"${bureau.name}" is not a bureau known to Dafu`,
          ),
        );
      }
    }
    return { session, check, bureauByName };
  }
}
