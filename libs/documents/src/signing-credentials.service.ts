import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { IdentityRepository } from '@dafu/identity/identity.repository';
import { DocumentsRepository, type NewSigningCredential } from './documents.repository';
import type { SigningCredentialSummary } from './documents.types';
import { SigningCredentialInvalidError } from './errors';
import { decryptPrivateKey, encryptPrivateKey, masterKeyFromSecret } from './signing/key-encryption';
import {
  generateSelfSignedCredential,
  parseCertificate,
  SIGNING_CREDENTIAL_MESSAGES,
  SigningCredentialError,
  validateCredential,
  type SigningCredential,
} from './signing/signing-credential';
import { OrganisationNotFoundError } from '@dafu/identity/errors';

/**
 * The keys bureaus sign their letters with. Admins upload a key and certificate; a bureau
 * without one gets a self-signed certificate, labelled as such, the first time it signs.
 * Keys are sealed at rest and only the worker unseals them; the API never returns one.
 */
@Injectable()
export class SigningCredentialsService {
  private readonly logger = new Logger(SigningCredentialsService.name);
  private readonly masterKey: Buffer;

  constructor(
    private readonly repository: DocumentsRepository,
    private readonly identity: IdentityRepository,
    private readonly clock: Clock,
    config: DafuConfig,
  ) {
    this.masterKey = masterKeyFromSecret(config.signingKeySecret);
  }

  async list(bureauId: string): Promise<SigningCredentialSummary[]> {
    await this.bureau(bureauId);
    return this.repository.credentials(bureauId);
  }

  async upload(
    actor: Actor,
    bureauId: string,
    input: { certificatePem: string; privateKeyPem: string; chainPem?: string[] },
  ): Promise<SigningCredentialSummary> {
    await this.bureau(bureauId);
    let credential: SigningCredential;
    try {
      credential = validateCredential(
        { certificatePem: input.certificatePem, privateKeyPem: input.privateKeyPem, chainPem: input.chainPem ?? [] },
        this.clock.now(),
      ).credential;
    } catch (error) {
      if (error instanceof SigningCredentialError) {
        throw new SigningCredentialInvalidError(error.reason, SIGNING_CREDENTIAL_MESSAGES[error.reason]);
      }
      throw error;
    }
    const record = this.recordOf(bureauId, credential, actor.userId);
    return this.repository.transaction(async (manager) => {
      const saved = await this.repository.replaceCredential(manager, record);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'signing_credential',
        entityId: saved.id,
        action: 'signing_credential.uploaded',
        data: {
          bureauId,
          subject: saved.subject,
          fingerprintSha256: saved.fingerprintSha256,
          selfSigned: saved.selfSigned,
        },
      });
      return saved;
    });
  }

  /** The bureau's current key and certificate, unsealed for one signature; made on first use. */
  async forSigning(bureauId: string): Promise<{ id: string; credential: SigningCredential }> {
    let current = await this.repository.currentCredential(bureauId);
    if (!current) {
      const bureau = await this.bureau(bureauId);
      const generated = await generateSelfSignedCredential(
        { organisation: bureau.name, commonName: `${bureau.name}（答复函签名）` },
        this.clock.now(),
      );
      const id = await this.repository.transaction(async (manager) => {
        const inserted = await this.repository.insertFirstCredential(manager, this.recordOf(bureauId, generated, null));
        if (inserted) {
          await recordAuditEvent(manager, {
            actor: null,
            entityType: 'signing_credential',
            entityId: inserted,
            action: 'signing_credential.self_signed',
            data: { bureauId },
          });
        }
        return inserted;
      });
      if (id) this.logger.warn({ bureauId }, 'Generated a self-signed signing certificate for the bureau');
      current = await this.repository.currentCredential(bureauId);
      if (!current) throw new Error(`Bureau ${bureauId} has no signing credential`);
    }
    return {
      id: current.id,
      credential: {
        certificatePem: current.certificatePem,
        privateKeyPem: decryptPrivateKey(current.sealedPrivateKey, this.masterKey),
        chainPem: current.chainPem,
      },
    };
  }

  private recordOf(bureauId: string, credential: SigningCredential, createdBy: string | null): NewSigningCredential {
    const certificate = parseCertificate(credential.certificatePem);
    return {
      bureauId,
      certificatePem: credential.certificatePem,
      chainPem: credential.chainPem ?? [],
      sealedPrivateKey: encryptPrivateKey(credential.privateKeyPem, this.masterKey),
      selfSigned: certificate.selfSigned,
      subject: certificate.subject,
      serialNumber: certificate.serialNumber,
      fingerprintSha256: certificate.sha256Fingerprint,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      createdBy,
    };
  }

  private async bureau(bureauId: string) {
    const bureau = await this.identity.findOrganisation(bureauId);
    if (!bureau || bureau.kind !== 'bureau') throw new OrganisationNotFoundError(bureauId);
    return bureau;
  }
}
