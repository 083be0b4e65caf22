import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@dafu/platform/auth/actor';
import { DOCUMENT_NUMBER_SERIES_AUDIT_ID, GRADE_SCALE_AUDIT_ID, recordAuditEvent } from '@dafu/platform/audit/audit';
import { DafuError, ForbiddenError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { OrganisationKind, Role, SessionBody } from '@dafu/platform/vocabulary';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { checkDocumentNumberSeries } from './domain/document-number';
import { emptyReplyContent, type CcEntry, type GradeClass } from './domain/reply-content';
import { checkReplyContent } from './domain/reply-checks';
import { checkTemplatePlaceholders, DEFAULT_REPLY_TEMPLATES, type ReplyTemplate } from './domain/reply-template';
import { checkReviewSteps, DEFAULT_REVIEW_STEPS, describeReviewChain, type ReviewStep } from './domain/review-chain';
import { ReplyTemplateEntity } from './entities/reply-configuration.entity';
import { RepliesRepository } from './replies.repository';
import type { DocumentNumberSeries } from './replies.types';

const TEMPLATE_PLACEHOLDERS = ['session', 'number', 'kind', 'title'] as const;

export interface ReviewChainView {
  bureauId: string;
  steps: ReviewStep[];
  configured: boolean;
  description: string;
}

export interface ReplyTemplateView extends ReplyTemplate {
  id: string | null;
  body: SessionBody;
  bureauId: string | null;
  version: number;
}

export interface GradeScaleView {
  body: SessionBody;
  classes: GradeClass[];
  version: number;
}

function templateOf(row: ReplyTemplateEntity): ReplyTemplate {
  return {
    titleTemplate: row.titleTemplate,
    openingTemplate: row.openingTemplate,
    organisationOpeningTemplate: row.organisationOpeningTemplate,
    closing: row.closing,
    defaultCc: row.defaultCc,
    headingsOnOwnLine: row.headingsOnOwnLine,
    honorific: row.honorific,
  };
}

function invalid(code: ErrorCode, field: string, zh: string, en: string): DafuError {
  return new DafuError(code, { problems: [{ field, zh, en }] });
}

/** What shapes every reply of a bureau or body: review chains, templates, grade scales, 文号 series. */
@Injectable()
export class ReplyConfigurationService {
  constructor(
    private readonly repository: RepliesRepository,
    private readonly identity: IdentityRepository,
  ) {}

  async stepsOf(bureauId: string, manager?: EntityManager): Promise<ReviewStep[]> {
    const chain = await this.repository.reviewChain(bureauId, manager);
    return chain ? chain.steps : [...DEFAULT_REVIEW_STEPS];
  }

  async reviewChain(actor: Actor, bureauId: string): Promise<ReviewChainView> {
    await this.assertBureauReachable(actor, bureauId);
    const chain = await this.repository.reviewChain(bureauId);
    const steps = chain ? chain.steps : [...DEFAULT_REVIEW_STEPS];
    return { bureauId, steps, configured: chain !== null, description: describeReviewChain(steps) };
  }

  /** Admins set any bureau's chain, a signatory their own. Replies already in review keep theirs. */
  async setReviewChain(actor: Actor, bureauId: string, steps: ReviewStep[]): Promise<ReviewChainView> {
    await this.assertBureauReachable(actor, bureauId);
    if (!actor.roles.includes(Role.Admin) && actor.organisationId !== bureauId) throw new ForbiddenError();
    const cleaned = steps.map((s) => ({ name: s.name.trim(), role: s.role }));
    const problems = checkReviewSteps(cleaned);
    if (problems.length > 0) throw new DafuError(ErrorCode.ReviewChainInvalid, { problems });
    await this.repository.transaction(async (manager) => {
      await this.repository.saveReviewChain(manager, bureauId, cleaned, actor.userId);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'review_chain',
        entityId: bureauId,
        action: 'review_chain.updated',
        data: { steps: cleaned, description: describeReviewChain(cleaned) },
      });
    });
    return this.reviewChain(actor, bureauId);
  }

  /** The bureau's own template for the body, else the body's, else the built-in default. */
  async effectiveTemplate(body: SessionBody, bureauId: string, manager?: EntityManager): Promise<ReplyTemplate> {
    const rows = await this.repository.templatesFor(body, bureauId, manager);
    const own = rows.find((r) => r.bureauId === bureauId) ?? rows.find((r) => r.bureauId === null);
    return own ? templateOf(own) : DEFAULT_REPLY_TEMPLATES[body];
  }

  /** Stored templates and the built-in defaults; bureau staff see the bodies' and their own. */
  async templates(actor: Actor): Promise<ReplyTemplateView[]> {
    const stored = await this.repository.templates();
    const visible = actor.roles.includes(Role.Admin)
      ? stored
      : stored.filter((t) => t.bureauId === null || t.bureauId === actor.organisationId);
    const defaults = Object.values(SessionBody)
      .filter((body) => !stored.some((t) => t.body === body && t.bureauId === null))
      .map((body) => ({ ...DEFAULT_REPLY_TEMPLATES[body], id: null, body, bureauId: null, version: 0 }));
    return [
      ...defaults,
      ...visible.map((t) => ({ ...templateOf(t), id: t.id, body: t.body, bureauId: t.bureauId, version: t.version })),
    ];
  }

  async setTemplate(
    actor: Actor,
    input: ReplyTemplate & { body: SessionBody; bureauId: string | null },
  ): Promise<ReplyTemplateView> {
    if (input.bureauId) await this.assertIsBureau(input.bureauId);
    const problems = [
      ...(['titleTemplate', 'openingTemplate', 'organisationOpeningTemplate'] as const).flatMap((field) =>
        checkTemplatePlaceholders(input[field], TEMPLATE_PLACEHOLDERS).map((name: string) => ({
          field,
          zh: `${field}：不认识占位符{${name}}，可用的有{session}、{number}、{kind}、{title}`,
          en: `${field}: unknown placeholder {${name}}; use {session}, {number}, {kind} or {title}`,
        })),
      ),
      ...(['titleTemplate', 'openingTemplate', 'organisationOpeningTemplate'] as const)
        .filter((field) => input[field].trim() === '')
        .map((field) => ({ field, zh: `${field}：不能为空`, en: `${field}: must not be blank` })),
      ...this.ccProblems(input.defaultCc).map((p) => ({ ...p, field: p.field.replace(/^cc/, 'defaultCc') })),
    ];
    if (problems.length > 0) throw new DafuError(ErrorCode.ReplyTemplateInvalid, { problems });
    const saved = await this.repository.transaction(async (manager) => {
      const row = await this.repository.saveTemplate(manager, { ...input, updatedBy: actor.userId });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'reply_template',
        entityId: row.id,
        action: 'reply_template.updated',
        data: { body: input.body, bureauId: input.bureauId, version: row.version },
      });
      return row;
    });
    return { ...templateOf(saved), id: saved.id, body: saved.body, bureauId: saved.bureauId, version: saved.version };
  }

  async gradeClassesOf(body: SessionBody, manager?: EntityManager): Promise<GradeClass[]> {
    return (await this.repository.gradeScale(body, manager)).classes;
  }

  async gradeScales(): Promise<GradeScaleView[]> {
    return (await this.repository.gradeScales()).map((s) => ({ body: s.body, classes: s.classes, version: s.version }));
  }

  /** A body's 办理结果 classes, e.g. A/B/C or A/B/C/D. Signed replies keep the grade they were given. */
  async setGradeScale(actor: Actor, body: SessionBody, classes: GradeClass[]): Promise<GradeScaleView> {
    const cleaned = classes.map((c) => ({ grade: c.grade, label: c.label.trim(), meaning: c.meaning.trim() }));
    const grades = cleaned.map((c) => c.grade);
    const repeated = grades.filter((g, i) => grades.indexOf(g) !== i);
    if (repeated.length > 0) {
      throw invalid(
        ErrorCode.GradeScaleInvalid,
        'classes',
        `classes：等次${repeated.join('、')}重复`,
        `classes: grade ${repeated.join(', ')} appears twice`,
      );
    }
    await this.repository.transaction(async (manager) => {
      await this.repository.saveGradeScale(manager, { body, classes: cleaned, updatedBy: actor.userId });
      await recordAuditEvent(manager, {
        actor,
        entityType: 'grade_scale',
        entityId: GRADE_SCALE_AUDIT_ID[body],
        action: 'grade_scale.updated',
        data: { body, grades },
      });
    });
    return (await this.gradeScales()).find((s) => s.body === body) as GradeScaleView;
  }

  documentNumberSeries(): Promise<DocumentNumberSeries[]> {
    return this.repository.documentNumberSeries();
  }

  /**
   * Continues a series begun outside Dafu (a bureau that numbered its letters on paper until
   * now): the next sign-off takes lastNumber + 1. Only forward: a number once used, here or
   * recorded, is never given again.
   */
  async continueSeries(actor: Actor, prefix: string, year: number, lastNumber: number): Promise<DocumentNumberSeries> {
    let trimmed: string;
    try {
      trimmed = checkDocumentNumberSeries(prefix, year);
    } catch {
      throw invalid(ErrorCode.ValidationFailed, 'prefix', 'prefix：文号前缀不能为空', 'prefix: must not be blank');
    }
    await this.repository.transaction(async (manager) => {
      const current = (await this.repository.lockSeries(manager, trimmed, year)) ?? 0;
      const issued = await this.repository.highestIssuedInSeries(manager, trimmed, year);
      const floor = Math.max(current, issued);
      if (lastNumber < floor) throw new DafuError(ErrorCode.DocumentNumberSeriesBackwards, { lastNumber: floor });
      await this.repository.setSeries(manager, trimmed, year, lastNumber);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'document_number_series',
        entityId: DOCUMENT_NUMBER_SERIES_AUDIT_ID,
        action: 'document_number_series.continued',
        data: { prefix: trimmed, year, from: current, to: lastNumber },
      });
    });
    return (await this.repository.documentNumberSeries()).find(
      (s) => s.prefix === trimmed && s.year === year,
    ) as DocumentNumberSeries;
  }

  private ccProblems(cc: CcEntry[]) {
    // The cc rules of a letter apply to a template's default cc list as they are.
    return checkReplyContent({ ...emptyReplyContent(), cc }, []).filter((p) => p.field.startsWith('cc'));
  }

  /** Bureau staff reach their own bureau only; another bureau reads as missing. */
  private async assertBureauReachable(actor: Actor, bureauId: string): Promise<void> {
    if (!actor.roles.includes(Role.Admin) && actor.organisationId !== bureauId) {
      throw new DafuError(ErrorCode.OrganisationNotFound, { organisationId: bureauId });
    }
    await this.assertIsBureau(bureauId);
  }

  private async assertIsBureau(bureauId: string): Promise<void> {
    const organisation = await this.identity.findOrganisation(bureauId);
    if (!organisation) throw new DafuError(ErrorCode.OrganisationNotFound, { organisationId: bureauId });
    if (organisation.kind !== OrganisationKind.Bureau)
      throw new DafuError(ErrorCode.AssignmentNotABureau, { organisationId: bureauId });
  }
}
