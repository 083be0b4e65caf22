import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SessionBody } from '@dafu/platform/vocabulary';

/** 会议届次, e.g. 市政协八届一次会议. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: SessionBody, enumName: 'session_body' })
  body: SessionBody;

  @Column({ type: 'smallint' })
  term: number;

  @Column({ type: 'smallint' })
  sitting: number;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'opened_on', type: 'date', nullable: true })
  openedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
