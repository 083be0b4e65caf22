import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NotificationEmailMode } from '@dafu/platform/vocabulary';
import { DeadlineKind } from '../domain/reminder-schedule';
import { NotificationChannel, NotificationDeliveryStatus, NotificationKind } from '../entities/notification.entity';

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NotificationKind, enumName: 'NotificationKind' }) kind: NotificationKind;
  @ApiProperty({ example: '【办理提醒】第146号提案答复期限还有3天' }) title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) link: string | null;
  @ApiProperty({ nullable: true, type: String }) assignmentId: string | null;
  @ApiProperty({ nullable: true, enum: DeadlineKind, enumName: 'DeadlineKind' }) deadlineKind: DeadlineKind | null;
  @ApiProperty({ nullable: true, type: String, example: '2025-12-19' }) dueOn: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'before-3' }) milestone: string | null;
  @ApiProperty({ description: 'An overdue item escalated to the supervision office' }) escalation: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) readAt: Date | null;
}

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'Only unread ones' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class UnreadCountDto {
  @ApiProperty() count: number;
}

export class MarkedDto {
  @ApiProperty({ description: 'How many were marked read' }) marked: number;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: NotificationEmailMode, enumName: 'NotificationEmailMode' })
  @IsEnum(NotificationEmailMode)
  emailMode: NotificationEmailMode;
}

export class UrgeInputDto {
  @ApiProperty({ example: '请于本周内答复。', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  message: string;

  @ApiPropertyOptional({ type: [String], description: 'Default: every overdue assignment of the bureau' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  assignmentIds?: string[];
}

export class UrgeDto {
  @ApiProperty() id: string;
  @ApiProperty() bureauId: string;
  @ApiProperty({ type: [String] }) assignmentIds: string[];
  @ApiProperty() message: string;
  @ApiProperty({ description: 'People of the bureau notified' }) notified: number;
  @ApiProperty() createdAt: Date;
}

export class WebhookInputDto {
  @ApiProperty({ example: '市政务协同平台' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;

  @ApiProperty({ example: 'https://im.example.gov.cn/hooks/dafu' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  url: string;
}

export class WebhookDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() url: string;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    description: 'The HMAC key, shown this once: X-Dafu-Signature = sha256=HMAC(secret, timestamp + "." + body)',
  })
  secret: string;
}

export class NotificationDeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NotificationChannel, enumName: 'NotificationChannel' }) channel: NotificationChannel;
  @ApiProperty({ enum: NotificationDeliveryStatus, enumName: 'NotificationDeliveryStatus' })
  status: NotificationDeliveryStatus;
  @ApiProperty() target: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) notificationId: string | null;
  @ApiProperty({ nullable: true, type: String }) digestOn: string | null;
  @ApiProperty() updatedAt: Date;
}
