import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A bureau's signing key and certificate; the key is sealed and never leaves the server. */
@Entity('signing_credentials')
export class SigningCredentialEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'bureau_id', type: 'uuid' }) bureauId: string;
  @Column({ name: 'certificate_pem', type: 'text' }) certificatePem: string;
  @Column({ name: 'chain_pem', type: 'text', array: true, default: () => `'{}'` }) chainPem: string[];
  @Column({ name: 'sealed_private_key', type: 'text' }) sealedPrivateKey: string;
  @Column({ name: 'self_signed', type: 'boolean' }) selfSigned: boolean;
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'serial_number', type: 'text' }) serialNumber: string;
  @Column({ name: 'fingerprint_sha256', type: 'text' }) fingerprintSha256: string;
  @Column({ name: 'not_before', type: 'timestamptz' }) notBefore: Date;
  @Column({ name: 'not_after', type: 'timestamptz' }) notAfter: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}
