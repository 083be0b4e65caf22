import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Permission } from '../auth/access';
import { RequirePermission } from '../auth/auth.decorators';
import { DafuError } from '../errors/dafu-error';
import { ErrorCode } from '../errors/error-codes';
import { AuditEntityType, AuditEvent, listAuditEvents } from './audit';

/** Every audited kind of record; the Record makes the compiler name a new one here. */
const ENTITY_TYPE_SET: Record<AuditEntityType, true> = {
  organisation: true,
  user: true,
  session: true,
  proposal: true,
  assignment: true,
  calendar: true,
  handling_rules: true,
  notification_webhook: true,
  reply: true,
  review_chain: true,
  reply_template: true,
  grade_scale: true,
  document_number_series: true,
  letter_settings: true,
  signing_credential: true,
  delivery: true,
  archive_import: true,
};
const ENTITY_TYPES = Object.keys(ENTITY_TYPE_SET) as AuditEntityType[];

export class AuditQuery {
  @ApiProperty({ enum: ENTITY_TYPES }) @IsIn(ENTITY_TYPES) entityType: AuditEntityType;
  @ApiProperty() @IsUUID() entityId: string;
}

/** The trail of one record, oldest first; readable by registrars, supervisors and administrators. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission(Permission.AuditRead)
  list(@Query() query: AuditQuery): Promise<AuditEvent[]> {
    // A reply's events carry review comments and reasons of unsigned drafts, which city readers
    // may see only when granted; the replies' own history applies that rule.
    if (query.entityType === 'reply')
      throw new DafuError(ErrorCode.AuditReplyTrailElsewhere, { replyId: query.entityId });
    return listAuditEvents(this.dataSource.manager, query.entityType, query.entityId);
  }
}
