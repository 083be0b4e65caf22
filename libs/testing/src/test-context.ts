import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import Redis from 'ioredis';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { Clock } from '@dafu/platform/clock/clock';
import { OrganisationKind, Role, SessionBody } from '@dafu/platform/vocabulary';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import type { Organisation, User } from '@dafu/identity/identity.types';
import { PasswordHasher } from '@dafu/identity/password-hasher';
import { createFileDatabase, dropDatabase } from './test-database';

export const TEST_PASSWORD = 'Test-password-2026';

let counter = 0;
/** Unique within a run, short enough for usernames. */
export function uniqueName(stem: string): string {
  counter += 1;
  return `${stem}${counter}${randomBytes(2).toString('hex')}`;
}

export interface TestUser extends User {
  token: string;
  organisation: Organisation;
}

/**
 * One test file's world: its own database cloned from the migrated template, its own Redis
 * prefix, the real API on Fastify, and factories that build fresh tenants instead of truncating.
 */
export class TestContext {
  private worker?: INestApplicationContext;
  private extraWorkers: INestApplicationContext[] = [];
  private pinned: Date | null = null;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly databaseName: string,
    readonly redisPrefix: string,
    readonly storageDir: string,
  ) {}

  static async start(options: { env?: Record<string, string> } = {}): Promise<TestContext> {
    const { name, settings } = await createFileDatabase();
    const redisPrefix = `dafu_test:${process.env.DAFU_TEST_RUN_ID}:${randomBytes(4).toString('hex')}`;
    process.env.DATABASE_URL = settings.url;
    process.env.REDIS_PREFIX = redisPrefix;
    const storageDir = await mkdtemp(join(tmpdir(), 'dafu-test-storage-'));
    process.env.STORAGE_DIR = storageDir;
    for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;

    const { ApiModule } = await import('../../../apps/api/src/api.module');
    const { configureApi, createFastifyAdapter } = await import('../../../apps/api/src/configure-api');
    const app = await NestFactory.create<NestFastifyApplication>(ApiModule, createFastifyAdapter(), { logger: false });
    await configureApi(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return new TestContext(app, name, redisPrefix, storageDir);
  }

  http(): TestAgent {
    return request(this.app.getHttpServer());
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  /** The worker app context on the same database and Redis prefix, started on first use. */
  async startWorker(): Promise<INestApplicationContext> {
    this.worker ??= await this.newWorker();
    return this.worker;
  }

  /** Another worker on the same database and Redis, as a second machine would run one. */
  async startExtraWorker(): Promise<INestApplicationContext> {
    const worker = await this.newWorker();
    this.extraWorkers.push(worker);
    return worker;
  }

  /** Stops a worker started by startExtraWorker. */
  async stopExtraWorker(worker: INestApplicationContext): Promise<void> {
    this.extraWorkers = this.extraWorkers.filter((w) => w !== worker);
    await worker.close();
  }

  private async newWorker(): Promise<INestApplicationContext> {
    const { WorkerModule } = await import('../../../apps/worker/src/worker.module');
    const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    this.applyClock(worker);
    await worker.init();
    return worker;
  }

  /**
   * Makes the API (and the worker, if started) believe today is `date` (Asia/Shanghai noon),
   * e.g. to sign a seed letter on its own date; null returns to the real clock.
   */
  pinToday(date: string | null): void {
    this.pinNow(date === null ? null : new Date(`${date}T12:00:00+08:00`));
  }

  /** Pins "now" for the API and every worker, those started later included; null: the real clock. */
  pinNow(instant: Date | null): void {
    this.pinned = instant;
    for (const context of [this.app, ...(this.worker ? [this.worker] : []), ...this.extraWorkers]) {
      this.applyClock(context);
    }
  }

  private applyClock(context: INestApplicationContext): void {
    const clock = context.get(Clock) as { now: () => Date };
    const pinned = this.pinned;
    if (pinned === null) delete (clock as Partial<typeof clock>).now;
    else clock.now = () => new Date(pinned);
  }

  async close(): Promise<void> {
    for (const worker of this.extraWorkers) await worker.close();
    await this.worker?.close();
    await this.app.close();
    await dropDatabase(this.databaseName);
    await rm(this.storageDir, { recursive: true, force: true });
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
  }

  async newOrganisation(
    kind: OrganisationKind,
    name = uniqueName(kind === OrganisationKind.Bureau ? '测试局' : '测试单位'),
  ): Promise<Organisation> {
    const identity = this.app.get(IdentityRepository);
    return identity.transaction((manager) =>
      identity.insertOrganisation(manager, {
        name,
        shortName: null,
        kind,
        // Unique per bureau, so each test's 文号 series starts at 1.
        documentNumberPrefix: kind === OrganisationKind.Bureau ? `${name.slice(0, 1)}${name.slice(3)}文` : null,
      }),
    );
  }

  newBureau(name?: string): Promise<Organisation> {
    return this.newOrganisation(OrganisationKind.Bureau, name);
  }

  /** A user with a role, in a fresh organisation of the kind that role belongs to unless one is given; logged in. */
  async newUser(role: Role, organisation?: Organisation, options: { login?: boolean } = {}): Promise<TestUser> {
    const org = organisation ?? (await this.newOrganisation(organisationKindFor(role)));
    const identity = this.app.get(IdentityRepository);
    const passwordHash = await this.app.get(PasswordHasher).hash(TEST_PASSWORD);
    const user = await identity.transaction((manager) =>
      identity.insertUser(manager, {
        username: uniqueName(role),
        displayName: `测试${role}`,
        organisationId: org.id,
        roles: [role],
        passwordHash,
        email: null,
        phone: null,
      }),
    );
    const token = options.login === false ? '' : await this.login(user.username);
    return { ...user, token, organisation: org };
  }

  async login(username: string, password = TEST_PASSWORD): Promise<string> {
    const response = await this.http().post('/auth/login').send({ username, password });
    if (response.status !== 200)
      throw new Error(`Login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken as string;
  }

  async newSession(registrar: TestUser, body = SessionBody.Cppcc): Promise<{ id: string; name: string }> {
    // A random term and sitting, drawn again when a file's earlier session already took them.
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.http()
        .post('/sessions')
        .set('authorization', `Bearer ${registrar.token}`)
        .send({
          body,
          term: 1 + Math.floor(Math.random() * 98),
          sitting: 1 + Math.floor(Math.random() * 19),
          year: 2023,
        });
      if (response.status === 201) return response.body;
      if (response.body?.code !== 'SESSION_ALREADY_EXISTS' || attempt === 5)
        throw new Error(`Session creation failed: ${JSON.stringify(response.body)}`);
    }
  }

  async newProposal(
    registrar: TestUser,
    sessionId: string,
    overrides: Record<string, unknown> = {},
  ): Promise<{ id: string; number: number; version: number; status: string }> {
    const response = await this.http()
      .post('/proposals')
      .set('authorization', `Bearer ${registrar.token}`)
      .send({
        sessionId,
        number: 1 + Math.floor(Math.random() * 900_000),
        title: uniqueName('关于测试的提案'),
        proposers: [{ name: '张三' }],
        ...overrides,
      });
    if (response.status !== 201) throw new Error(`Proposal creation failed: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /**
   * A new proposal assigned by the registrar to the given bureaus in the given roles; the
   * assignments come back in the order the bureaus were given.
   */
  async newProposalAssignedTo(
    registrar: TestUser,
    sessionId: string,
    bureaus: { bureauId: string; role: 'lead' | 'co' | 'separate' }[],
    assignedOn?: string,
  ) {
    const proposal = await this.newProposal(registrar, sessionId);
    const response = await this.http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set('authorization', `Bearer ${registrar.token}`)
      .send({ assignments: bureaus, ...(assignedOn ? { assignedOn } : {}) });
    if (response.status !== 201) throw new Error(`Assignment failed: ${JSON.stringify(response.body)}`);
    const made = response.body as { id: string; bureauId: string; dueOn: string; acknowledgeBy: string }[];
    return {
      proposal,
      assignments: bureaus.map((b) => made.find((a) => a.bureauId === b.bureauId) as (typeof made)[number]),
    };
  }

  /** A proposal assigned to the given bureau (lead) by a registrar, on 1 March 2023 unless told otherwise. */
  async newAssignedProposal(registrar: TestUser, sessionId: string, bureauId: string, assignedOn = '2023-03-01') {
    const { proposal, assignments } = await this.newProposalAssignedTo(
      registrar,
      sessionId,
      [{ bureauId, role: 'lead' }],
      assignedOn,
    );
    return { proposal, assignment: assignments[0] };
  }
}

export function organisationKindFor(role: Role): OrganisationKind {
  switch (role) {
    case Role.Registrar:
      return OrganisationKind.CppccCommittee;
    case Role.Clerk:
    case Role.Reviewer:
    case Role.Signatory:
      return OrganisationKind.Bureau;
    case Role.Supervisor:
      return OrganisationKind.SupervisionOffice;
    case Role.Admin:
      return OrganisationKind.System;
  }
}

export function bearer(user: { token: string }): [string, string] {
  return ['authorization', `Bearer ${user.token}`];
}

/** Today as the server reckons it (Asia/Shanghai), for dates tests expect. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
