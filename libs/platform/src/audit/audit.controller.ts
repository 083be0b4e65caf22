import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Permission } from '../auth/access';
import { RequirePermission } from '../auth/auth.decorators';
import { AuditEntityType, AuditEvent, listAuditEvents } from './audit';

const ENTITY_TYPES: AuditEntityType[] = [
  'organisation',
  'user',
  'session',
  'proposal',
  'assignment',
  'calendar',
  'handling_rules',
];

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
    return listAuditEvents(this.dataSource.manager, query.entityType, query.entityId);
  }
}
