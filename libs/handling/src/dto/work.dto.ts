import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsISO8601, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { AttachmentOwner } from '../entities/attachment.entity';
import { CoOpinionStatus, ContactMethod } from '../entities/co-opinion.entity';

export class CoOpinionDto {
  @ApiProperty() assignmentId: string;
  @ApiProperty() bureauId: string;
  @ApiProperty({ required: false }) bureauName?: string;
  @ApiProperty({ enum: [...Object.values(CoOpinionStatus), 'missing'] }) status: CoOpinionStatus | 'missing';
  @ApiProperty({ nullable: true, type: String, description: 'Visible to the lead once sent' }) body: string | null;
  @ApiProperty({ nullable: true, type: Date }) sentAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) waivedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) waiveReason: string | null;
  @ApiProperty() dueOn: string;
  @ApiProperty({ nullable: true, type: Number }) version: number | null;
}

export class DraftOpinionDto {
  @ApiProperty({ example: '我委同意主办单位意见，并补充如下：……' })
  @IsString()
  @MaxLength(50_000)
  body: string;
}

export class WaiveOpinionDto {
  @ApiProperty({ example: '会办单位逾期未反馈，已电话沟通同意' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class LogContactDto {
  @ApiProperty({ example: '2023-06-20' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  occurredOn: string;
  @ApiProperty({ enum: ContactMethod, enumName: 'ContactMethod' }) @IsEnum(ContactMethod) method: ContactMethod;
  @ApiProperty({ example: '姚峥委员；市民政局养老服务科王丽' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  participants: string;
  @ApiProperty({ example: '电话沟通办理思路，委员表示认可' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary: string;
}

export class ProposerContactDto {
  @ApiProperty() id: string;
  @ApiProperty() occurredOn: string;
  @ApiProperty({ enum: ContactMethod, enumName: 'ContactMethod' }) method: ContactMethod;
  @ApiProperty() participants: string;
  @ApiProperty() summary: string;
  @ApiProperty() loggedBy: string;
  @ApiProperty() createdAt: Date;
}

export class AttachmentDto {
  @ApiProperty() id: string;
  @ApiProperty() assignmentId: string;
  @ApiProperty({ enum: AttachmentOwner, enumName: 'AttachmentOwner' }) ownerType: AttachmentOwner;
  @ApiProperty() ownerId: string;
  @ApiProperty() filename: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty() uploadedBy: string;
  @ApiProperty() createdAt: Date;
}
