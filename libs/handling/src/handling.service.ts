import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readScopeOf } from '@dafu/platform/auth/access';
import type { Actor } from '@dafu/platform/auth/actor';
import {
  HANDLING_RULES_AUDIT_ID,
  listAuditEvents,
  recordAuditEvent,
  recordAuditEvents,
} from '@dafu/platform/audit/audit';
import { DomainEventName, recordDomainEvents } from '@dafu/platform/outbox/outbox';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { DafuError, ForbiddenError, StaleVersionError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole, OrganisationKind, SessionBody } from '@dafu/platform/vocabulary';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { daysBetween, type LocalDate } from '@dafu/deadlines/domain/local-date';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { ProposalEvent, ProposalStatus } from '@dafu/proposals/domain/proposal-lifecycle';
import { ProposalNotFoundError } from '@dafu/proposals/errors';
import { ProposalsRepository } from '@dafu/proposals/proposals.repository';
import { ProposalsService } from '@dafu/proposals/proposals.service';
import type { Proposal } from '@dafu/proposals/proposals.types';
import {
  AssignmentAction,
  AssignmentRefusal,
  isAcceptedByDefault,
  transitionAssignment,
} from './domain/assignment-lifecycle';
import { describeAssignmentEvent } from './domain/timeline';
import { allRepliesIn, checkAssignmentPlan, PlannedAssignment } from './domain/assignment-plan';
import { assignmentDueOn } from './domain/due-date';
import { checkExtension, ExtensionProblem, HandlingRules, recomputedDueOn } from './domain/handling-rules';
import { AssignmentStatus } from './domain/assignment-status';
import { RequestStatus } from './entities/handling-requests.entity';
import {
  AssignmentNotFoundError,
  BureauRepeatedError,
  LeadExistsError,
  LeadRequiredError,
  NotABureauError,
} from './errors';
import { AssignmentChanges, AssignmentFilter, HandlingRepository } from './handling.repository';
import type { Assignment, AssignmentRequests, AssignmentView, NamedAssignment, TimelineEntry } from './handling.types';

function refusalError(reason: AssignmentRefusal, from: string, action: AssignmentAction): DafuError {
  switch (reason) {
    case 'role_not_allowed':
    case 'other_bureau':
      return new ForbiddenError();
    case 'acknowledgement_window_passed':
      return new DafuError(ErrorCode.AssignmentAcknowledgementWindowPassed, { from, action });
    case 'not_from_this_state':
    case 'not_for_this_assignment_role':
      return new DafuError(ErrorCode.AssignmentTransitionRefused, { from, action, reason });
    default:
      return assertUnreachable(reason);
  }
}

function extensionError(problem: ExtensionProblem, latestAllowed: LocalDate): DafuError {
  switch (problem) {
    case 'not_later':
      return new DafuError(ErrorCode.ExtensionNotLater, { latestAllowed });
    case 'in_the_past':
      return new DafuError(ErrorCode.ExtensionInThePast, { latestAllowed });
    case 'past_cap':
      return new DafuError(ErrorCode.ExtensionPastCap, { latestAllowed });
    default:
      return assertUnreachable(problem);
  }
}

/** An assignment whose reply has gone out, whatever happened after. */
const ANSWERED: readonly AssignmentStatus[] = [
  AssignmentStatus.Replied,
  AssignmentStatus.FeedbackReceived,
  AssignmentStatus.Closed,
];

function createdEvent(assignment: Assignment) {
  return {
    name: DomainEventName.AssignmentCreated,
    aggregateType: 'assignment' as const,
    aggregateId: assignment.id,
    payload: { proposalId: assignment.proposalId, bureauId: assignment.bureauId, dueOn: assignment.dueOn },
  };
}

export interface StepResult {
  changes?: AssignmentChanges;
  reason?: string | null;
  data?: Record<string, unknown>;
  /** Writes that need the new status in place, e.g. the replacement of an ended lead assignment. */
  afterTransition?: (manager: EntityManager) => Promise<void>;
}

export interface ActionOutcome {
  assignment: Assignment;
  rules: HandlingRules;
  today: LocalDate;
}

@Injectable()
export class HandlingService {
  constructor(
    private readonly repository: HandlingRepository,
    private readonly proposalsRepository: ProposalsRepository,
    private readonly proposals: ProposalsService,
    private readonly identity: IdentityRepository,
    private readonly deadlines: DeadlinesService,
  ) {}

  today(): LocalDate {
    return this.deadlines.today();
  }

  async listAssignments(actor: Actor, filter: AssignmentFilter): Promise<AssignmentView[]> {
    return this.standingOf(await this.repository.listAssignments(filter, readScopeOf(actor)));
  }

  /** Where each assignment stands today: the same days left and 默认签收 in lists and on one assignment. */
  private async standingOf(assignments: NamedAssignment[]): Promise<AssignmentView[]> {
    if (assignments.length === 0) return [];
    const calendar = await this.deadlines.calendar();
    const today = this.today();
    return assignments.map((assignment) => ({
      ...assignment,
      daysLeft: daysBetween(today, assignment.dueOn),
      workingDaysLeft: calendar.workingDaysBetween(today, assignment.dueOn),
      acceptedByDefault: isAcceptedByDefault(assignment.status, today <= assignment.acknowledgeBy),
    }));
  }

  /** The assignment's audit trail in order, as sentences a clerk reads. */
  async timeline(actor: Actor, id: string): Promise<TimelineEntry[]> {
    await this.getAssignment(actor, id);
    const events = await this.repository.transaction((manager) => listAuditEvents(manager, 'assignment', id));
    const actors = new Set(events.map((e) => e.actorUserId).filter((u): u is string => u !== null));
    const names = new Map((await this.identity.findUsers([...actors])).map((user) => [user.id, user.displayName]));
    return events.map((event) => ({
      at: event.occurredAt,
      actorUserId: event.actorUserId,
      actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
      action: event.action,
      fromState: event.fromState,
      toState: event.toState,
      reason: event.reason,
      text: describeAssignmentEvent(event.action, event.data, event.reason),
    }));
  }

  async listAssignmentsOfProposal(actor: Actor, proposalId: string): Promise<AssignmentView[]> {
    await this.proposals.getProposal(actor, proposalId);
    return this.standingOf(await this.repository.listAssignments({ proposalId }, readScopeOf(actor)));
  }

  /** Another bureau's assignment reads as "not found": its existence is not disclosed. */
  async getAssignment(actor: Actor, id: string): Promise<AssignmentView> {
    const assignment = await this.repository.findAssignment(id, readScopeOf(actor));
    if (!assignment) throw new AssignmentNotFoundError(id);
    const [view] = await this.standingOf([assignment]);
    return view;
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
    const rules = await this.repository.rulesFor(manager, await this.repository.bodyOfProposal(manager, proposal.id));
    const acknowledgeBy = (await this.deadlines.calendar()).addWorkingDays(assignedOn, rules.acknowledgeWorkingDays);
    try {
      const assignments = await this.repository.insertAssignments(
        manager,
        planned.map((p) => ({
          proposalId: proposal.id,
          bureauId: p.bureauId,
          role: p.role,
          assignedOn,
          dueOn: assignmentDueOn(p.role, assignedOn, rules),
          acknowledgeBy,
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
          data: {
            proposalId: proposal.id,
            bureauId: a.bureauId,
            role: a.role,
            assignedOn,
            dueOn: a.dueOn,
            acknowledgeBy,
          },
        })),
      );
      await recordDomainEvents(manager, assignments.map(createdEvent));
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

  /** 签收. */
  async acknowledge(actor: Actor, id: string): Promise<AssignmentView> {
    await this.applyAction(actor, id, AssignmentAction.Acknowledge, () => ({
      changes: { acknowledgedAt: new Date() },
    }));
    return this.getAssignment(actor, id);
  }

  /** 申请调整: only through the registrar, and only within the acknowledgement window. */
  async requestReassignment(
    actor: Actor,
    id: string,
    reason: string,
    suggestedBureauId?: string,
  ): Promise<AssignmentView> {
    if (suggestedBureauId) await this.assertAllBureaus([suggestedBureauId]);
    await this.applyAction(actor, id, AssignmentAction.RequestReassignment, async (manager, { assignment }) => {
      if (suggestedBureauId === assignment.bureauId) throw new DafuError(ErrorCode.ReassignmentToSameBureau);
      await this.repository.insertReassignmentRequest(manager, {
        assignmentId: id,
        requestedBy: actor.userId,
        reason,
        suggestedBureauId: suggestedBureauId ?? null,
      });
      return { reason, data: { suggestedBureauId: suggestedBureauId ?? null } };
    });
    return this.getAssignment(actor, id);
  }

  /** The registrar approves: this assignment ends and the other bureau gets a fresh one. */
  async approveReassignment(
    actor: Actor,
    id: string,
    newBureauId: string | undefined,
    note?: string,
  ): Promise<AssignmentView> {
    let newAssignmentId = '';
    await this.applyAction(actor, id, AssignmentAction.ApproveReassignment, async (manager, { assignment }) => {
      const request = await this.repository.pendingReassignmentRequest(manager, id);
      const bureauId = newBureauId ?? request?.suggestedBureauId;
      if (!bureauId) {
        throw new DafuError(ErrorCode.ValidationFailed, {
          fields: [
            {
              field: 'bureauId',
              constraints: ['isDefined'],
              zh: 'bureauId：请指定新的承办单位',
              en: 'bureauId: name the new bureau',
            },
          ],
        });
      }
      if (bureauId === assignment.bureauId) throw new DafuError(ErrorCode.ReassignmentToSameBureau);
      await this.assertAllBureaus([bureauId]);
      const data: Record<string, unknown> = { newBureauId: bureauId };
      return {
        reason: note ?? null,
        data,
        afterTransition: async (after) => {
          const replacement = await this.replaceAssignment(after, actor, assignment, bureauId);
          newAssignmentId = replacement.id;
          data.newAssignmentId = replacement.id;
          if (request) {
            await this.repository.decideReassignmentRequest(after, request.id, {
              status: RequestStatus.Approved,
              decidedBy: actor.userId,
              decisionReason: note ?? null,
              newAssignmentId: replacement.id,
            });
          }
        },
      };
    });
    return this.getAssignment(actor, newAssignmentId);
  }

  /** The registrar refuses: back to assigned, with the reason the bureau will read. */
  async rejectReassignment(actor: Actor, id: string, reason: string): Promise<AssignmentView> {
    await this.applyAction(actor, id, AssignmentAction.RejectReassignment, async (manager) => {
      const request = await this.repository.pendingReassignmentRequest(manager, id);
      if (request) {
        await this.repository.decideReassignmentRequest(manager, request.id, {
          status: RequestStatus.Rejected,
          decidedBy: actor.userId,
          decisionReason: reason,
          newAssignmentId: null,
        });
      }
      return { reason };
    });
    return this.getAssignment(actor, id);
  }

  /** The registrar moves an item without a request, e.g. after the acknowledgement window. */
  async reassign(actor: Actor, id: string, bureauId: string, reason: string): Promise<AssignmentView> {
    let newAssignmentId = '';
    await this.assertAllBureaus([bureauId]);
    await this.applyAction(actor, id, AssignmentAction.Reassign, (_manager, { assignment }) => {
      if (bureauId === assignment.bureauId) throw new DafuError(ErrorCode.ReassignmentToSameBureau);
      const data: Record<string, unknown> = { newBureauId: bureauId };
      return {
        reason,
        data,
        afterTransition: async (after) => {
          const replacement = await this.replaceAssignment(after, actor, assignment, bureauId);
          newAssignmentId = replacement.id;
          data.newAssignmentId = replacement.id;
        },
      };
    });
    return this.getAssignment(actor, newAssignmentId);
  }

  /** 申请延期, checked against the cap from 交办 before anyone has to decide. */
  async requestExtension(actor: Actor, id: string, reason: string, requestedDueOn: LocalDate): Promise<AssignmentView> {
    await this.applyAction(
      actor,
      id,
      AssignmentAction.RequestExtension,
      async (manager, { assignment, rules, today }) => {
        const check = checkExtension(assignment.assignedOn, assignment.dueOn, requestedDueOn, today, rules);
        if (check.problem) throw extensionError(check.problem, check.latestAllowed);
        await this.repository.insertExtensionRequest(manager, {
          assignmentId: id,
          requestedBy: actor.userId,
          reason,
          previousDueOn: assignment.dueOn,
          requestedDueOn,
        });
        return { reason, data: { previousDueOn: assignment.dueOn, requestedDueOn } };
      },
    );
    return this.getAssignment(actor, id);
  }

  /** Approval moves the stored due date; reminders follow it through the event in the audit trail. */
  async approveExtension(actor: Actor, id: string, note?: string): Promise<AssignmentView> {
    await this.applyAction(
      actor,
      id,
      AssignmentAction.ApproveExtension,
      async (manager, { assignment, rules, today }) => {
        const request = await this.repository.pendingExtensionRequest(manager, id);
        if (!request)
          throw new DafuError(ErrorCode.AssignmentTransitionRefused, {
            from: assignment.status,
            reason: 'no_pending_request',
          });
        const check = checkExtension(assignment.assignedOn, assignment.dueOn, request.requestedDueOn, today, rules);
        if (check.problem) throw extensionError(check.problem, check.latestAllowed);
        await this.repository.decideExtensionRequest(manager, request.id, {
          status: RequestStatus.Approved,
          decidedBy: actor.userId,
          decisionReason: note ?? null,
        });
        return {
          changes: { dueOn: request.requestedDueOn },
          reason: note ?? null,
          data: { previousDueOn: assignment.dueOn, dueOn: request.requestedDueOn },
        };
      },
    );
    return this.getAssignment(actor, id);
  }

  async rejectExtension(actor: Actor, id: string, reason: string): Promise<AssignmentView> {
    await this.applyAction(actor, id, AssignmentAction.RejectExtension, async (manager) => {
      const request = await this.repository.pendingExtensionRequest(manager, id);
      if (request) {
        await this.repository.decideExtensionRequest(manager, request.id, {
          status: RequestStatus.Rejected,
          decidedBy: actor.userId,
          decisionReason: reason,
        });
      }
      return { reason };
    });
    return this.getAssignment(actor, id);
  }

  async requestsOf(actor: Actor, id: string): Promise<AssignmentRequests> {
    await this.getAssignment(actor, id);
    return this.repository.requestsOf(id);
  }

  rules(): Promise<{ body: SessionBody; rules: HandlingRules }[]> {
    return this.repository.allRules();
  }

  /**
   * Changes a body's rules and, in the same transaction, the stored dates of its open
   * assignments: due dates (unless an approved extension set them) and, for those not yet
   * acknowledged, the acknowledgement deadline. Each moved date is audited and published.
   */
  async updateRules(
    actor: Actor,
    body: SessionBody,
    changes: Partial<HandlingRules>,
  ): Promise<{ rules: HandlingRules; moved: number }> {
    return this.repository.transaction(async (manager) => {
      const current = await this.repository.lockRules(manager, body);
      const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
      const rules: HandlingRules = { ...current, ...given };
      if (rules.coOpinionMonths > rules.replyMonths || rules.extensionCapMonths < rules.replyMonths) {
        throw new DafuError(ErrorCode.HandlingRulesInvalid, { rules });
      }
      await this.repository.saveRules(manager, body, rules);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'handling_rules',
        entityId: HANDLING_RULES_AUDIT_ID[body],
        action: 'handling_rules.updated',
        data: { body, previous: { ...current }, rules: { ...rules } },
      });
      const calendar = await this.deadlines.calendar();
      let moved = 0;
      for (const assignment of await this.repository.openAssignmentsOfBody(manager, body)) {
        // A re-handling's due date counts from the feedback, not from 交办: fixed like an extension.
        const dueOn = recomputedDueOn(
          { ...assignment, extended: assignment.extended || assignment.status === AssignmentStatus.Rehandling },
          rules,
        );
        const acknowledgeBy =
          assignment.status === AssignmentStatus.Assigned
            ? calendar.addWorkingDays(assignment.assignedOn, rules.acknowledgeWorkingDays)
            : assignment.acknowledgeBy;
        if (!dueOn && acknowledgeBy === assignment.acknowledgeBy) continue;
        const written = await this.repository.updateAssignment(manager, assignment.id, assignment.version, {
          ...(dueOn ? { dueOn } : {}),
          acknowledgeBy,
        });
        if (!written) throw new StaleVersionError(assignment.version);
        await recordAuditEvent(manager, {
          actor,
          entityType: 'assignment',
          entityId: assignment.id,
          action: 'assignment.dates_recomputed',
          data: { previousDueOn: assignment.dueOn, dueOn: dueOn ?? assignment.dueOn, acknowledgeBy },
        });
        await recordDomainEvents(manager, [
          {
            name: DomainEventName.AssignmentDueDateChanged,
            aggregateType: 'assignment',
            aggregateId: assignment.id,
            payload: {
              previousDueOn: assignment.dueOn,
              dueOn: dueOn ?? assignment.dueOn,
              previousAcknowledgeBy: assignment.acknowledgeBy,
              acknowledgeBy,
            },
          },
        ]);
        moved += 1;
      }
      await recordDomainEvents(manager, [
        {
          name: DomainEventName.HandlingRulesChanged,
          aggregateType: 'handling_rules',
          aggregateId: HANDLING_RULES_AUDIT_ID[body],
          payload: { body },
        },
      ]);
      return { rules, moved };
    });
  }

  /**
   * The system's step when a bureau's reply is issued, inside that transaction: the assignment
   * moves to replied and, once every lead and separate bureau has replied, so does the proposal.
   */
  async recordReplyWithin(manager: EntityManager, assignmentId: string): Promise<Assignment> {
    const assignment = await this.systemActionWithin(manager, assignmentId, AssignmentAction.RecordReply);
    const live = await this.repository.liveAssignmentsOf(manager, assignment.proposalId);
    if (allRepliesIn(live.map((a) => ({ role: a.role, replied: ANSWERED.includes(a.status) })))) {
      const proposal = await this.proposalsRepository.lockProposal(manager, assignment.proposalId, { kind: 'city' });
      if (proposal) await this.proposals.applyEventWithin(manager, null, proposal, ProposalEvent.RecordReplies);
    }
    return assignment;
  }

  /**
   * A signed reply was voided: the assignment owes a new one, and a proposal counted as answered
   * goes back to handling. Runs in the voiding transaction.
   */
  async reopenForReplyWithin(manager: EntityManager, assignmentId: string): Promise<Assignment> {
    const assignment = await this.systemActionWithin(manager, assignmentId, AssignmentAction.ReopenForReply);
    const proposal = await this.proposalsRepository.lockProposal(manager, assignment.proposalId, { kind: 'city' });
    if (proposal?.status === ProposalStatus.Replied) {
      await this.proposals.applyEventWithin(manager, null, proposal, ProposalEvent.Reopen);
    }
    return assignment;
  }

  /**
   * 反馈, inside the transaction that stores the feedback: the assignment moves to
   * feedback_received, then either reopens for 重新办理 with a new due date (not satisfied) or
   * closes (satisfied or basically so), closing the proposal once all its replying assignments
   * are closed. Each move has its audit event and outbox entry; the due-date entry moves the
   * reminders. `actor` null: the proposer answered through the link.
   */
  async recordFeedbackWithin(
    manager: EntityManager,
    actor: Actor | null,
    assignmentId: string,
    feedback: {
      replyId: string;
      feedbackId: string;
      rehandle: boolean;
      /** The due date a re-handling runs against, from the feedback date and the body's rules. */
      dueOn: (rules: HandlingRules) => LocalDate;
      data: Record<string, unknown>;
    },
  ): Promise<Assignment> {
    const locked = await this.repository.lockAssignment(manager, assignmentId, { kind: 'city' });
    if (!locked) throw new AssignmentNotFoundError(assignmentId);
    const received = await this.stepWithin(manager, actor, locked, AssignmentAction.RecordFeedback, {
      data: { replyId: feedback.replyId, feedbackId: feedback.feedbackId, ...feedback.data },
    });
    if (feedback.rehandle) {
      const rules = await this.repository.rulesFor(
        manager,
        await this.repository.bodyOfProposal(manager, locked.proposalId),
      );
      const dueOn = feedback.dueOn(rules);
      const reopened = await this.stepWithin(manager, actor, received, AssignmentAction.StartRehandling, {
        changes: { dueOn },
        data: {
          previousDueOn: locked.dueOn,
          dueOn,
          rehandlingMonths: rules.rehandlingMonths,
          replyId: feedback.replyId,
        },
      });
      const proposal = await this.proposalsRepository.lockProposal(manager, locked.proposalId, { kind: 'city' });
      if (proposal?.status === ProposalStatus.Replied) {
        await this.proposals.applyEventWithin(manager, null, proposal, ProposalEvent.Reopen);
      }
      return reopened;
    }
    const closed = await this.stepWithin(manager, actor, received, AssignmentAction.Close, {
      data: { replyId: feedback.replyId },
    });
    const live = await this.repository.liveAssignmentsOf(manager, locked.proposalId);
    const replying = live.filter((a) => a.role !== AssignmentRole.Co);
    if (replying.every((a) => a.status === AssignmentStatus.Closed)) {
      const proposal = await this.proposalsRepository.lockProposal(manager, locked.proposalId, { kind: 'city' });
      if (proposal?.status === ProposalStatus.Replied) {
        await this.proposals.applyEventWithin(manager, null, proposal, ProposalEvent.Close);
      }
    }
    return closed;
  }

  /** One lifecycle step on a locked assignment inside the caller's transaction, audited and published. */
  private async stepWithin(
    manager: EntityManager,
    actor: Actor | null,
    assignment: Assignment,
    action: AssignmentAction,
    step: { changes?: AssignmentChanges; data?: Record<string, unknown> },
  ): Promise<Assignment> {
    const result = transitionAssignment(
      assignment.status,
      action,
      actor ? { kind: 'user', roles: actor.roles, organisationId: actor.organisationId } : { kind: 'system' },
      { role: assignment.role, bureauId: assignment.bureauId, withinAcknowledgementWindow: true },
    );
    if (!result.ok) throw refusalError(result.reason, assignment.status, action);
    const written = await this.repository.updateAssignment(manager, assignment.id, assignment.version, {
      ...step.changes,
      status: result.to,
    });
    if (!written) throw new StaleVersionError(assignment.version);
    await recordAuditEvent(manager, {
      actor,
      entityType: 'assignment',
      entityId: assignment.id,
      action: `assignment.${action}`,
      fromState: result.from,
      toState: result.to,
      data: step.data,
    });
    const dueOn = step.changes?.dueOn;
    await recordDomainEvents(manager, [
      {
        name: DomainEventName.AssignmentStateChanged,
        aggregateType: 'assignment',
        aggregateId: assignment.id,
        payload: { action, from: result.from, to: result.to },
      },
      ...(dueOn && dueOn !== assignment.dueOn
        ? [
            {
              name: DomainEventName.AssignmentDueDateChanged,
              aggregateType: 'assignment' as const,
              aggregateId: assignment.id,
              payload: { previousDueOn: assignment.dueOn, dueOn },
            },
          ]
        : []),
    ]);
    return { ...assignment, ...step.changes, status: result.to, version: assignment.version + 1 };
  }

  private async systemActionWithin(
    manager: EntityManager,
    assignmentId: string,
    action: AssignmentAction.RecordReply | AssignmentAction.ReopenForReply,
  ): Promise<Assignment> {
    const assignment = await this.repository.lockAssignment(manager, assignmentId, { kind: 'city' });
    if (!assignment) throw new AssignmentNotFoundError(assignmentId);
    const result = transitionAssignment(
      assignment.status,
      action,
      { kind: 'system' },
      { role: assignment.role, bureauId: assignment.bureauId, withinAcknowledgementWindow: true },
    );
    if (!result.ok) throw refusalError(result.reason, assignment.status, action);
    const written = await this.repository.updateAssignment(manager, assignmentId, assignment.version, {
      status: result.to,
    });
    if (!written) throw new StaleVersionError(assignment.version);
    await recordAuditEvent(manager, {
      actor: null,
      entityType: 'assignment',
      entityId: assignmentId,
      action: `assignment.${action}`,
      fromState: result.from,
      toState: result.to,
    });
    await recordDomainEvents(manager, [
      {
        name: DomainEventName.AssignmentStateChanged,
        aggregateType: 'assignment',
        aggregateId: assignmentId,
        payload: { action, from: result.from, to: result.to },
      },
    ]);
    return { ...assignment, status: result.to, version: assignment.version + 1 };
  }

  async assertAllBureaus(organisationIds: readonly string[]): Promise<void> {
    const unique = [...new Set(organisationIds)];
    const found = await Promise.all(unique.map((id) => this.identity.findOrganisation(id)));
    const notBureaus = unique.filter((id, i) => found[i]?.kind !== OrganisationKind.Bureau);
    if (notBureaus.length > 0) throw new NotABureauError(notBureaus);
  }

  /**
   * The one path of every assignment action: lock the row (another bureau's reads as missing),
   * ask the lifecycle, apply the step's own writes, move the status over the version read, and
   * record the audit event, all in one transaction.
   */
  async applyAction(
    actor: Actor,
    id: string,
    action: AssignmentAction,
    step: (manager: EntityManager, outcome: ActionOutcome) => StepResult | Promise<StepResult>,
  ): Promise<Assignment> {
    return this.repository.transaction(async (manager) => {
      const assignment = await this.repository.lockAssignment(manager, id, readScopeOf(actor));
      if (!assignment) throw new AssignmentNotFoundError(id);
      const today = this.today();
      const rules = await this.repository.rulesFor(
        manager,
        await this.repository.bodyOfProposal(manager, assignment.proposalId),
      );
      const result = transitionAssignment(
        assignment.status,
        action,
        { kind: 'user', roles: actor.roles, organisationId: actor.organisationId },
        {
          role: assignment.role,
          bureauId: assignment.bureauId,
          withinAcknowledgementWindow: today <= assignment.acknowledgeBy,
        },
      );
      if (!result.ok) throw refusalError(result.reason, assignment.status, action);
      const { changes, reason, data, afterTransition } = await step(manager, { assignment, rules, today });
      const written = await this.repository.updateAssignment(manager, id, assignment.version, {
        ...changes,
        status: result.to,
      });
      if (!written) throw new StaleVersionError(assignment.version);
      await afterTransition?.(manager);
      await recordDomainEvents(manager, [
        {
          name: DomainEventName.AssignmentStateChanged,
          aggregateType: 'assignment',
          aggregateId: id,
          payload: { action, from: result.from, to: result.to },
        },
        ...(changes?.dueOn && changes.dueOn !== assignment.dueOn
          ? [
              {
                name: DomainEventName.AssignmentDueDateChanged,
                aggregateType: 'assignment' as const,
                aggregateId: id,
                payload: { previousDueOn: assignment.dueOn, dueOn: changes.dueOn },
              },
            ]
          : []),
      ]);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'assignment',
        entityId: id,
        action: `assignment.${action}`,
        fromState: result.from,
        toState: result.to,
        reason: reason ?? null,
        data,
      });
      return { ...assignment, ...changes, status: result.to };
    });
  }

  /** The replacement assignment of a reassignment: same role, fresh dates from today. */
  private async replaceAssignment(
    manager: EntityManager,
    actor: Actor,
    assignment: Assignment,
    bureauId: string,
  ): Promise<Assignment> {
    const rules = await this.repository.rulesFor(
      manager,
      await this.repository.bodyOfProposal(manager, assignment.proposalId),
    );
    const assignedOn = this.today();
    const acknowledgeBy = (await this.deadlines.calendar()).addWorkingDays(assignedOn, rules.acknowledgeWorkingDays);
    const [replacement] = await this.repository.insertAssignments(manager, [
      {
        proposalId: assignment.proposalId,
        bureauId,
        role: assignment.role,
        assignedOn,
        dueOn: assignmentDueOn(assignment.role, assignedOn, rules),
        acknowledgeBy,
        assignedBy: actor.userId,
        reassignedFromId: assignment.id,
      },
    ]);
    await recordAuditEvent(manager, {
      actor,
      entityType: 'assignment',
      entityId: replacement.id,
      action: 'assignment.created',
      toState: replacement.status,
      data: {
        proposalId: assignment.proposalId,
        bureauId,
        role: replacement.role,
        assignedOn,
        dueOn: replacement.dueOn,
        reassignedFromId: assignment.id,
      },
    });
    await recordDomainEvents(manager, [createdEvent(replacement)]);
    return replacement;
  }
}
