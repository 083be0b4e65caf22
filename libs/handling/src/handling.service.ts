import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvents } from '@dafu/platform/audit/audit';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { OrganisationKind } from '@dafu/platform/vocabulary';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { ProposalEvent } from '@dafu/proposals/domain/proposal-lifecycle';
import { ProposalNotFoundError } from '@dafu/proposals/errors';
import { ProposalsRepository } from '@dafu/proposals/proposals.repository';
import { ProposalsService } from '@dafu/proposals/proposals.service';
import type { Proposal } from '@dafu/proposals/proposals.types';
import { checkAssignmentPlan, PlannedAssignment } from './domain/assignment-plan';
import { localDateOf } from '@dafu/deadlines/domain/local-date';
import { assignmentDueOn } from './domain/due-date';
import {
  AssignmentNotFoundError,
  BureauRepeatedError,
  LeadExistsError,
  LeadRequiredError,
  NotABureauError,
} from './errors';
import { AssignmentFilter, HandlingRepository } from './handling.repository';
import type { Assignment, AssignmentView } from './handling.types';

@Injectable()
export class HandlingService {
  constructor(
    private readonly repository: HandlingRepository,
    private readonly proposalsRepository: ProposalsRepository,
    private readonly proposals: ProposalsService,
    private readonly identity: IdentityRepository,
    private readonly config: DafuConfig,
  ) {}

  today(): string {
    return localDateOf(new Date(), this.config.timezone);
  }

  listAssignments(actor: Actor, filter: AssignmentFilter): Promise<AssignmentView[]> {
    return this.repository.listAssignments(filter, readScopeOf(actor));
  }

  async listAssignmentsOfProposal(actor: Actor, proposalId: string): Promise<AssignmentView[]> {
    await this.proposals.getProposal(actor, proposalId);
    return this.repository.listAssignments({ proposalId }, readScopeOf(actor));
  }

  /** Another bureau's assignment reads as "not found": its existence is not disclosed. */
  async getAssignment(actor: Actor, id: string): Promise<AssignmentView> {
    const assignment = await this.repository.findAssignment(id, readScopeOf(actor));
    if (!assignment) throw new AssignmentNotFoundError(id);
    return assignment;
  }

  async assign(
    actor: Actor,
    proposalId: string,
    planned: PlannedAssignment[],
    assignedOn?: string,
  ): Promise<Assignment[]> {
    await this.assertAllBureaus(planned.map((p) => p.bureauId));
    return this.repository.transaction(async (manager) => {
      const proposal = await this.proposalsRepository.lockProposal(manager, proposalId, readScopeOf(actor));
      if (!proposal) throw new ProposalNotFoundError(proposalId);
      const session = await this.proposalsRepository.findSession(proposal.sessionId, manager);
      if (!session) throw new ProposalNotFoundError(proposalId);
      return this.assignWithin(manager, actor, proposal, planned, assignedOn ?? this.today());
    });
  }

  /** 交办 inside the caller's transaction: the assignments, the proposal's move to `assigned`, and their audit events. */
  async assignWithin(
    manager: EntityManager,
    actor: Actor,
    proposal: Proposal,
    planned: PlannedAssignment[],
    assignedOn: string,
  ): Promise<Assignment[]> {
    const live = await this.repository.liveAssignmentsOf(manager, proposal.id);
    const problem = checkAssignmentPlan(planned, live);
    if (problem) {
      switch (problem.kind) {
        case 'bureau_repeated':
          throw new BureauRepeatedError(problem.bureauIds);
        case 'lead_exists':
          throw new LeadExistsError(proposal.id);
        case 'lead_required':
          throw new LeadRequiredError(proposal.id);
        default:
          return assertUnreachable(problem);
      }
    }
    await this.proposals.applyEventWithin(manager, actor, proposal, ProposalEvent.Assign);
    try {
      const assignments = await this.repository.insertAssignments(
        manager,
        planned.map((p) => ({
          proposalId: proposal.id,
          bureauId: p.bureauId,
          role: p.role,
          assignedOn,
          dueOn: assignmentDueOn(p.role, assignedOn),
          assignedBy: actor.userId,
        })),
      );
      await recordAuditEvents(
        manager,
        assignments.map((a) => ({
          actor,
          entityType: 'assignment' as const,
          entityId: a.id,
          action: 'assignment.created',
          toState: a.status,
          data: { proposalId: proposal.id, bureauId: a.bureauId, role: a.role, assignedOn, dueOn: a.dueOn },
        })),
      );
      return assignments;
    } catch (error) {
      // A concurrent 交办 of the same proposal got there first.
      if (isUniqueViolation(error, 'assignments_one_lead_per_proposal')) throw new LeadExistsError(proposal.id);
      if (isUniqueViolation(error, 'assignments_bureau_once_per_proposal')) {
        throw new BureauRepeatedError(planned.map((p) => p.bureauId));
      }
      throw error;
    }
  }

  async assertAllBureaus(organisationIds: readonly string[]): Promise<void> {
    const unique = [...new Set(organisationIds)];
    const found = await Promise.all(unique.map((id) => this.identity.findOrganisation(id)));
    const notBureaus = unique.filter((id, i) => found[i]?.kind !== OrganisationKind.Bureau);
    if (notBureaus.length > 0) throw new NotABureauError(notBureaus);
  }
}
