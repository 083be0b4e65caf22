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
import type { PlannedAssignment } from './domain/assignment-plan';
import { ImportedRow, parseImportRows, RowProblem } from './domain/import-row';
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

function bureauNamesOf(row: ImportedRow): { field: string; role: AssignmentRole; label: string; name: string }[] {
  return BUREAU_FIELDS.flatMap(([field, role, label]) => {
    const value = row[field];
    const names = value === null ? [] : Array.isArray(value) ? value : [value];
    return names.map((name) => ({ field, role, label, name }));
  });
}

/**
 * Imports a 提案委 list (CSV or XLSX) as registered proposals, with their 交办 where the list names
 * bureaus. All or nothing: every row is checked first and one bad row imports nothing.
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
    const session = await this.proposals.getSession(sessionId);
    if (!canRegisterFor(actor, session.body)) throw new ForbiddenError();

    const parsed = parseImportRows(await readSheet(file.content, file.filename));
    const problems: RowProblem[] = [...parsed.problems];

    const names = [...new Set(parsed.rows.flatMap((row) => bureauNamesOf(row).map((b) => b.name)))];
    const organisations = await this.identity.findOrganisationsByName(names);
    const bureauByName = new Map<string, string>();
    for (const organisation of organisations) {
      if (organisation.kind !== OrganisationKind.Bureau) continue;
      bureauByName.set(organisation.name, organisation.id);
      if (organisation.shortName) bureauByName.set(organisation.shortName, organisation.id);
    }
    const taken = new Set(
      await this.proposalsRepository.findNumbersTaken(
        session.id,
        parsed.rows.map((r) => r.number),
      ),
    );

    for (const row of parsed.rows) {
      if (taken.has(row.number)) {
        problems.push({
          line: row.line,
          field: 'number',
          zh: `第${row.line}行：编号${row.number}在${session.name}中已登记`,
          en: `Line ${row.line}: number ${row.number} is already registered in this session`,
        });
      }
      for (const bureau of bureauNamesOf(row)) {
        if (!bureauByName.has(bureau.name)) {
          problems.push({
            line: row.line,
            field: bureau.field,
            zh: `第${row.line}行：${bureau.label}“${bureau.name}”不是系统中的承办单位`,
            en: `Line ${row.line}: "${bureau.name}" is not a bureau known to Dafu`,
          });
        }
      }
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      throw new DafuError(ErrorCode.ImportRowsInvalid, { problems });
    }

    const date = assignedOn ?? this.handling.today();
    return this.proposalsRepository.transaction(async (manager) => {
      const result: ImportResult = { imported: 0, assignments: 0, proposals: [] };
      for (const row of parsed.rows) {
        const proposal = await this.proposals.registerWithin(manager, actor, session, {
          sessionId: session.id,
          number: row.number,
          kind: proposalKindOf(session.body),
          title: row.title,
          body: row.body ?? '',
          category: row.category,
          receivedOn: row.receivedOn,
          proposers: row.proposers.map((p) => ({
            name: p.name,
            kind: p.kind === 'organisation' ? ProposerKind.Organisation : ProposerKind.Person,
          })),
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
}
