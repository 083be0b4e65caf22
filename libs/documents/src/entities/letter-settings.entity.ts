import { Column, Entity, PrimaryColumn } from 'typeorm';
import { LetterFormat } from '../domain/letter';

/** How a bureau sets its letters; a bureau without a row gets the document format under its name. */
@Entity('letter_settings')
export class LetterSettingsEntity {
  @PrimaryColumn({ name: 'bureau_id', type: 'uuid' }) bureauId: string;
  @Column({ type: 'enum', enum: LetterFormat, enumName: 'letter_format', default: LetterFormat.Document })
  format: LetterFormat;
  @Column({ name: 'header_title', type: 'text' }) headerTitle: string;
  @Column({ name: 'prints_grade_mark', type: 'boolean', default: true }) printsGradeMark: boolean;
  @Column({ name: 'seal_content', type: 'bytea', nullable: true }) sealContent: Buffer | null;
  @Column({ name: 'seal_content_type', type: 'text', nullable: true }) sealContentType:
    'image/png' | 'image/jpeg' | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
