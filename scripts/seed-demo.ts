import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { ArchiveService } from '@dafu/archive/archive.service';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { PasswordHasher } from '@dafu/identity/password-hasher';
import { HandlingRepository } from '@dafu/handling/handling.repository';
import { HandlingService } from '@dafu/handling/handling.service';
import { ProposalsService } from '@dafu/proposals/proposals.service';
import { proposalKindOf } from '@dafu/proposals/domain/session-label';
import { ProposerKind } from '@dafu/proposals/entities/proposer.entity';
import { SessionBody } from '@dafu/platform/vocabulary';
import { ReplyConfigurationService } from '@dafu/replies/reply-configuration.service';
import { LetterFormat } from '@dafu/documents/domain/letter';
import { LetterSettingsService } from '@dafu/documents/letter-settings.service';
import {
  DEMO_LETTER_SETTINGS,
  DEMO_ORGANISATION_EMAILS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PROPOSALS,
  DEMO_REPLY_TEMPLATES,
  DEMO_REVIEW_CHAINS,
  DEMO_SESSIONS,
  DEMO_USERS,
} from './demo-data';

export interface SeedReport {
  organisations: number;
  users: number;
  sessions: number;
  proposals: number;
  assignments: number;
  reviewChains: number;
  replyTemplates: number;
  letterSettings: number;
  archivedLetters: number;
}

/** The five real reply letters, imported into the archive so search and similar replies have a past. */
const SEED_LETTERS_DIRECTORY = join(__dirname, '../test/fixtures/seeds');

/**
 * Loads the demo organisations, users, sessions and the five seed-letter proposals. Idempotent:
 * what exists is left alone, so running it twice changes nothing. Sessions, proposals and
 * assignments go through the same services as the API, with the demo registrars as actors.
 */
export async function seedDemo(app: INestApplicationContext): Promise<SeedReport> {
  const identity = app.get(IdentityRepository);
  const hasher = app.get(PasswordHasher);
  const proposals = app.get(ProposalsService);
  const handling = app.get(HandlingService);
  const handlingRepository = app.get(HandlingRepository);
  const replyConfiguration = app.get(ReplyConfigurationService);
  const report: SeedReport = {
    organisations: 0,
    users: 0,
    sessions: 0,
    proposals: 0,
    assignments: 0,
    reviewChains: 0,
    replyTemplates: 0,
    letterSettings: 0,
    archivedLetters: 0,
  };

  const existingOrganisations = await identity.listOrganisations();
  const organisationId = new Map(existingOrganisations.map((o) => [o.name, o.id]));
  for (const organisation of DEMO_ORGANISATIONS) {
    if (organisationId.has(organisation.name)) continue;
    const created = await identity.transaction(async (manager) => {
      const row = await identity.insertOrganisation(manager, {
        name: organisation.name,
        shortName: null,
        kind: organisation.kind,
        documentNumberPrefix: organisation.documentNumberPrefix ?? null,
        email: DEMO_ORGANISATION_EMAILS[organisation.name] ?? null,
      });
      await recordAuditEvent(manager, {
        actor: null,
        entityType: 'organisation',
        entityId: row.id,
        action: 'organisation.seeded',
      });
      return row;
    });
    organisationId.set(created.name, created.id);
    report.organisations += 1;
  }

  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    if (await identity.findCredentialsByUsername(user.username)) continue;
    await identity.transaction(async (manager) => {
      const row = await identity.insertUser(manager, {
        username: user.username,
        displayName: user.displayName,
        organisationId: organisationId.get(user.organisation) as string,
        roles: user.roles,
        passwordHash,
        email: null,
        phone: null,
      });
      await recordAuditEvent(manager, { actor: null, entityType: 'user', entityId: row.id, action: 'user.seeded' });
    });
    report.users += 1;
  }

  const registrars: Record<SessionBody, Actor> = {
    [SessionBody.Cppcc]: await actorFor(identity, 'registrar'),
    [SessionBody.Npc]: await actorFor(identity, 'npc-registrar'),
  };

  const sessions = await proposals.listSessions({});
  const sessionIdByKey = new Map<string, { id: string; body: SessionBody }>();
  for (const demo of DEMO_SESSIONS) {
    let session = sessions.find((s) => s.body === demo.body && s.term === demo.term && s.sitting === demo.sitting);
    if (!session) {
      session = await proposals.createSession(registrars[demo.body], demo);
      report.sessions += 1;
    }
    sessionIdByKey.set(demo.key, { id: session.id, body: session.body });
  }

  for (const demo of DEMO_PROPOSALS) {
    const session = sessionIdByKey.get(demo.session) as { id: string; body: SessionBody };
    const actor = registrars[session.body];
    const found = await proposals.listProposals(actor, { sessionId: session.id, number: demo.number }, 1, 1);
    let proposal = found.items[0];
    if (!proposal) {
      proposal = await proposals.createProposal(actor, {
        sessionId: session.id,
        number: demo.number,
        kind: proposalKindOf(session.body),
        title: demo.title,
        category: demo.category,
        proposers: demo.proposers.map((p) => ({
          name: p.name,
          kind: p.kind === 'organisation' ? ProposerKind.Organisation : ProposerKind.Person,
        })),
      });
      report.proposals += 1;
    }
    const live = await handlingRepository.transaction((manager) =>
      handlingRepository.liveAssignmentsOf(manager, proposal.id),
    );
    const missing = demo.bureaus.filter((b) => !live.some((a) => a.bureauId === organisationId.get(b.name)));
    if (missing.length > 0) {
      const made = await handling.assign(
        actor,
        proposal.id,
        missing.map((b) => ({ bureauId: organisationId.get(b.name) as string, role: b.role })),
        demo.assignedOn === 'today' ? handling.today() : demo.assignedOn,
      );
      report.assignments += made.length;
    }
  }

  const admin = await actorFor(identity, 'admin');
  for (const chain of DEMO_REVIEW_CHAINS) {
    const bureauId = organisationId.get(chain.bureau) as string;
    if ((await replyConfiguration.reviewChain(admin, bureauId)).configured) continue;
    await replyConfiguration.setReviewChain(admin, bureauId, chain.steps);
    report.reviewChains += 1;
  }
  const templates = await replyConfiguration.templates(admin);
  for (const { bureau, ...template } of DEMO_REPLY_TEMPLATES) {
    const bureauId = organisationId.get(bureau) as string;
    if (templates.some((t) => t.bureauId === bureauId && t.body === template.body)) continue;
    await replyConfiguration.setTemplate(admin, { ...template, bureauId });
    report.replyTemplates += 1;
  }
  const letterSettings = app.get(LetterSettingsService);
  for (const { bureau, format, ...settings } of DEMO_LETTER_SETTINGS) {
    const bureauId = organisationId.get(bureau) as string;
    if ((await letterSettings.get(admin, bureauId)).configured) continue;
    await letterSettings.update(admin, bureauId, {
      ...settings,
      format: format === 'letter' ? LetterFormat.Letter : LetterFormat.Document,
      version: 0,
    });
    report.letterSettings += 1;
  }

  const archive = app.get(ArchiveService);
  if ((await archive.listLetters({ page: 1, pageSize: 1 })).total === 0) {
    const files = readdirSync(SEED_LETTERS_DIRECTORY)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => ({ name, content: readFileSync(join(SEED_LETTERS_DIRECTORY, name)), truncated: false }));
    const imported = await archive.import(registrars[SessionBody.Cppcc], files);
    report.archivedLetters = imported.results.filter((r) => r.status === 'imported').length;
  }
  return report;
}

async function actorFor(identity: IdentityRepository, username: string): Promise<Actor> {
  const user = await identity.findCredentialsByUsername(username);
  if (!user) throw new Error(`Demo user ${username} is missing`);
  return {
    userId: user.id,
    username: user.username,
    organisationId: user.organisationId,
    organisationKind: user.organisation.kind,
    roles: user.roles,
    requestId: 'seed-demo',
  };
}
