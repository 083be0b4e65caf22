import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { postgresOptions } from '@dafu/platform/database/database-settings';
import { AuditEventEntity } from '@dafu/platform/audit/audit-event.entity';
import { OutboxEventEntity } from '@dafu/platform/outbox/outbox-event.entity';
import { OrganisationEntity } from '@dafu/identity/entities/organisation.entity';
import { RefreshTokenEntity } from '@dafu/identity/entities/refresh-token.entity';
import { UserEntity } from '@dafu/identity/entities/user.entity';
import { SessionEntity } from '@dafu/proposals/entities/session.entity';
import { ProposalEntity } from '@dafu/proposals/entities/proposal.entity';
import { ProposerEntity } from '@dafu/proposals/entities/proposer.entity';
import { AssignmentEntity } from '@dafu/handling/entities/assignment.entity';
import { ExtensionRequestEntity, ReassignmentRequestEntity } from '@dafu/handling/entities/handling-requests.entity';
import { HandlingRulesEntity } from '@dafu/handling/entities/handling-rules.entity';
import { AttachmentEntity } from '@dafu/handling/entities/attachment.entity';
import { CoOpinionEntity, ProposerContactEntity } from '@dafu/handling/entities/co-opinion.entity';
import { WorkCalendarDayEntity, WorkCalendarYearEntity } from '@dafu/deadlines/entities/work-calendar.entity';
import { ReplyEntity, ReplyVersionEntity, ReviewCommentEntity } from '@dafu/replies/entities/reply.entity';
import {
  GradeScaleEntity,
  ReplyTemplateEntity,
  ReviewChainEntity,
} from '@dafu/replies/entities/reply-configuration.entity';
import { LetterSettingsEntity } from '@dafu/documents/entities/letter-settings.entity';
import { SigningCredentialEntity } from '@dafu/documents/entities/signing-credential.entity';
import { ReplyDocumentEntity } from '@dafu/documents/entities/reply-document.entity';
import { DeliveryEntity } from '@dafu/documents/entities/delivery.entity';
import {
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationWebhookEntity,
  UrgeEntity,
} from '@dafu/reminders/entities/notification.entity';
import { createEmptyDatabase, dropDatabase, migrationDataSource } from '@dafu/testing';
import { ALL_MIGRATIONS } from '../../migrations';

const ENTITIES = [
  AuditEventEntity,
  OrganisationEntity,
  UserEntity,
  RefreshTokenEntity,
  SessionEntity,
  ProposalEntity,
  ProposerEntity,
  AssignmentEntity,
  WorkCalendarDayEntity,
  WorkCalendarYearEntity,
  HandlingRulesEntity,
  ReassignmentRequestEntity,
  ExtensionRequestEntity,
  CoOpinionEntity,
  ProposerContactEntity,
  OutboxEventEntity,
  AttachmentEntity,
  ReplyEntity,
  ReplyVersionEntity,
  ReviewCommentEntity,
  GradeScaleEntity,
  ReplyTemplateEntity,
  ReviewChainEntity,
  LetterSettingsEntity,
  SigningCredentialEntity,
  ReplyDocumentEntity,
  DeliveryEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationWebhookEntity,
  UrgeEntity,
];

describe('Migrations', () => {
  const name = `dafu_test_${process.env.DAFU_TEST_RUN_ID}_mig_${randomBytes(3).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    const settings = await createEmptyDatabase(name);
    dataSource = migrationDataSource(settings);
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(name);
  });

  async function userObjects(): Promise<string[]> {
    const rows = await dataSource.query<{ name: string }[]>(`
      SELECT 'table ' || tablename AS name FROM pg_tables WHERE schemaname = 'public'
      UNION ALL SELECT 'type ' || typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e'
      UNION ALL SELECT 'function ' || proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prokind = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`);
    return rows.map((r) => r.name).sort();
  }

  it('lists every migration file in migrations/index.ts, in order', () => {
    const files = readdirSync(join(__dirname, '../../migrations'))
      .filter((f) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(f))
      .sort();
    expect(ALL_MIGRATIONS.map((m) => `${/(\d{13})$/.exec(m.name)?.[1]}`)).toEqual(files.map((f) => f.slice(0, 13)));
  });

  it('runs up on an empty database, down to nothing, and up again', async () => {
    expect(await userObjects()).toEqual([]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(ALL_MIGRATIONS.length);
    const afterUp = await userObjects();
    expect(afterUp).toEqual(
      expect.arrayContaining([
        'table assignments',
        'table audit_events',
        'table proposals',
        'table users',
        'type assignment_status',
      ]),
    );

    for (let i = 0; i < ALL_MIGRATIONS.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await userObjects()).toEqual(['table schema_migrations']);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await userObjects()).toEqual(afterUp);
  });

  it('matches the entities: every mapped column exists with the same nullability', async () => {
    const mapped = new DataSource({
      ...postgresOptions({ url: (dataSource.options as { url: string }).url }),
      entities: ENTITIES,
    });
    await mapped.initialize();
    try {
      const columns = await dataSource.query<{ table_name: string; column_name: string; is_nullable: string }[]>(
        `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
      );
      const inDatabase = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c.is_nullable === 'YES']));
      const mismatches = mapped.entityMetadatas.flatMap((entity) =>
        entity.columns
          .filter((column) => inDatabase.get(`${entity.tableName}.${column.databaseName}`) !== column.isNullable)
          .map((column) => `${entity.tableName}.${column.databaseName}`),
      );
      expect(mismatches).toEqual([]);
    } finally {
      await mapped.destroy();
    }
  });

  it('keeps the audit trail append-only', async () => {
    await dataSource.query(
      `INSERT INTO audit_events (entity_type, entity_id, action) VALUES ('proposal', gen_random_uuid(), 'test')`,
    );
    await expect(dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
