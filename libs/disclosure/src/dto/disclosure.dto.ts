import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { SessionBody } from '@dafu/platform/vocabulary';

export class PublicFeedQueryDto {
  @ApiPropertyOptional({
    example: '日间照料',
    description: 'words of the letter or its title (every word must match), or part of a 文号',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() bureauId?: string;
  @ApiPropertyOptional({ example: 'A' }) @IsOptional() @Matches(/^[A-Z]$/) grade?: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class PublicReplySummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '三民文〔2023〕21号' }) documentNumber: string;
  @ApiProperty() sessionId: string;
  @ApiProperty({ example: '市政协八届一次会议' }) sessionName: string;
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) body: SessionBody;
  @ApiProperty({ example: 'proposal' }) proposalKind: string;
  @ApiProperty({ example: 146 }) proposalNumber: number;
  @ApiProperty() proposalTitle: string;
  @ApiProperty() bureauId: string;
  @ApiProperty() bureauName: string;
  @ApiProperty({ nullable: true, type: String, example: 'A' }) grade: string | null;
  @ApiProperty({ example: '2023-07-13', description: 'the date the letter bears' }) letterDate: string;
  @ApiProperty({ example: '2023-07-14' }) issuedOn: string;
}

export class PublicReplyDto extends PublicReplySummaryDto {
  @ApiProperty({ description: 'the letter as plain text, without the contact line' }) text: string;
  @ApiProperty({ nullable: true, type: String }) pdfUrl: string | null;
}

export class PublicReplyPageDto {
  @ApiProperty({ type: [PublicReplySummaryDto] }) items: PublicReplySummaryDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class PublicSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) body: SessionBody;
  @ApiProperty() term: number;
  @ApiProperty() sitting: number;
  @ApiProperty() year: number;
  @ApiProperty() publishedReplies: number;
}
