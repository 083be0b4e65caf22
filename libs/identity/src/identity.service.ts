import { Injectable } from '@nestjs/common';
import type { Actor } from '@dafu/platform/auth/actor';
import { recordAuditEvent } from '@dafu/platform/audit/audit';
import { isUniqueViolation } from '@dafu/platform/database/postgres-errors';
import { NotificationEmailMode, OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { mayHaveDocumentNumberPrefix, rolesNotAllowedIn } from './domain/role-placement';
import {
  CannotDisableSelfError,
  DocumentNumberPrefixNotAllowedError,
  OrganisationNameTakenError,
  OrganisationNotFoundError,
  RoleNotAllowedError,
  UsernameTakenError,
  UserNotFoundError,
} from './errors';
import { IdentityRepository } from './identity.repository';
import type { Organisation, User } from './identity.types';
import { PasswordHasher } from './password-hasher';
import type { CreateOrganisationDto, CreateUserDto, UpdateOrganisationDto, UpdateUserDto } from './dto/identity.dto';

@Injectable()
export class IdentityService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  listOrganisations(kind?: OrganisationKind): Promise<Organisation[]> {
    return this.repository.listOrganisations(kind);
  }

  async getOrganisation(id: string): Promise<Organisation> {
    const organisation = await this.repository.findOrganisation(id);
    if (!organisation) throw new OrganisationNotFoundError(id);
    return organisation;
  }

  async createOrganisation(actor: Actor, dto: CreateOrganisationDto): Promise<Organisation> {
    if (dto.documentNumberPrefix && !mayHaveDocumentNumberPrefix(dto.kind)) {
      throw new DocumentNumberPrefixNotAllowedError();
    }
    try {
      return await this.repository.transaction(async (manager) => {
        const organisation = await this.repository.insertOrganisation(manager, {
          name: dto.name.trim(),
          shortName: dto.shortName?.trim() || null,
          kind: dto.kind,
          documentNumberPrefix: dto.documentNumberPrefix?.trim() ?? null,
          email: dto.email?.trim() || null,
          postalAddress: dto.postalAddress?.trim() || null,
        });
        await recordAuditEvent(manager, {
          actor,
          entityType: 'organisation',
          entityId: organisation.id,
          action: 'organisation.created',
          data: { name: organisation.name, kind: organisation.kind },
        });
        return organisation;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_name_key')) throw new OrganisationNameTakenError(dto.name);
      throw error;
    }
  }

  async updateOrganisation(actor: Actor, id: string, dto: UpdateOrganisationDto): Promise<Organisation> {
    const current = await this.getOrganisation(id);
    if (dto.documentNumberPrefix && !mayHaveDocumentNumberPrefix(current.kind)) {
      throw new DocumentNumberPrefixNotAllowedError();
    }
    try {
      return await this.repository.transaction(async (manager) => {
        const updated = await this.repository.updateOrganisation(manager, id, {
          ...(dto.name !== undefined ? { name: dto.name.trim() } : {}),
          ...(dto.shortName !== undefined ? { shortName: dto.shortName.trim() || null } : {}),
          ...(dto.documentNumberPrefix !== undefined ? { documentNumberPrefix: dto.documentNumberPrefix.trim() } : {}),
          ...(dto.email !== undefined ? { email: dto.email.trim() || null } : {}),
          ...(dto.postalAddress !== undefined ? { postalAddress: dto.postalAddress.trim() || null } : {}),
        });
        await recordAuditEvent(manager, {
          actor,
          entityType: 'organisation',
          entityId: id,
          action: 'organisation.updated',
          data: { ...dto },
        });
        return updated ?? current;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_name_key')) throw new OrganisationNameTakenError(dto.name ?? '');
      throw error;
    }
  }

  listUsers(organisationId?: string): Promise<User[]> {
    return this.repository.listUsers(organisationId);
  }

  async createUser(actor: Actor, dto: CreateUserDto): Promise<User> {
    const organisation = await this.getOrganisation(dto.organisationId);
    this.assertRolesFit(organisation, dto.roles);
    const passwordHash = await this.hasher.hash(dto.password);
    try {
      return await this.repository.transaction(async (manager) => {
        const user = await this.repository.insertUser(manager, {
          username: dto.username,
          displayName: dto.displayName.trim(),
          organisationId: organisation.id,
          roles: dto.roles,
          passwordHash,
          email: dto.email ?? null,
          phone: dto.phone ?? null,
        });
        await recordAuditEvent(manager, {
          actor,
          entityType: 'user',
          entityId: user.id,
          action: 'user.created',
          data: { username: user.username, roles: user.roles, organisationId: organisation.id },
        });
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_username_lower_key')) throw new UsernameTakenError(dto.username);
      throw error;
    }
  }

  async updateUser(actor: Actor, id: string, dto: UpdateUserDto): Promise<User> {
    const current = await this.repository.findUser(id);
    if (!current) throw new UserNotFoundError(id);
    if (dto.disabled === true && id === actor.userId) throw new CannotDisableSelfError();
    if (dto.roles) this.assertRolesFit(await this.getOrganisation(current.organisationId), dto.roles);
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : undefined;

    return this.repository.transaction(async (manager) => {
      const updated = await this.repository.updateUser(manager, id, {
        ...(dto.displayName !== undefined ? { displayName: dto.displayName.trim() } : {}),
        ...(dto.roles !== undefined ? { roles: dto.roles } : {}),
        ...(dto.email !== undefined ? { email: dto.email } : {}),
        ...(dto.phone !== undefined ? { phone: dto.phone } : {}),
        ...(dto.mayReadDrafts !== undefined ? { mayReadDrafts: dto.mayReadDrafts } : {}),
        ...(passwordHash ? { passwordHash } : {}),
        ...(dto.disabled === true && !current.disabled ? { disabledAt: new Date() } : {}),
        ...(dto.disabled === false ? { disabledAt: null } : {}),
      });
      if (dto.disabled === true || passwordHash) await this.repository.revokeAllRefreshTokens(id, manager);
      const action =
        dto.disabled === true && !current.disabled
          ? 'user.disabled'
          : dto.disabled === false && current.disabled
            ? 'user.enabled'
            : 'user.updated';
      await recordAuditEvent(manager, {
        actor,
        entityType: 'user',
        entityId: id,
        action,
        data: {
          ...(dto.roles ? { roles: dto.roles, previousRoles: current.roles } : {}),
          ...(dto.displayName ? { displayName: dto.displayName } : {}),
          ...(passwordHash ? { passwordChanged: true } : {}),
          ...(dto.mayReadDrafts !== undefined && dto.mayReadDrafts !== current.mayReadDrafts
            ? { mayReadDrafts: dto.mayReadDrafts, previousMayReadDrafts: current.mayReadDrafts }
            : {}),
        },
      });
      return updated ?? current;
    });
  }

  private assertRolesFit(organisation: Organisation, roles: Role[]): void {
    const misplaced = rolesNotAllowedIn(organisation.kind, roles);
    if (misplaced.length > 0) throw new RoleNotAllowedError(misplaced, organisation.kind);
  }

  /** How the user wants notifications by e-mail; each change audited. */
  async notificationEmailMode(actor: Actor): Promise<NotificationEmailMode> {
    const mode = await this.repository.notificationEmailMode(actor.userId);
    if (!mode) throw new UserNotFoundError(actor.userId);
    return mode;
  }

  async setNotificationEmailMode(actor: Actor, mode: NotificationEmailMode): Promise<NotificationEmailMode> {
    await this.repository.transaction(async (manager) => {
      const previous = await this.repository.notificationEmailMode(actor.userId, manager);
      if (!previous) throw new UserNotFoundError(actor.userId);
      await this.repository.setNotificationEmailMode(manager, actor.userId, mode);
      await recordAuditEvent(manager, {
        actor,
        entityType: 'user',
        entityId: actor.userId,
        action: 'user.notification_preferences',
        data: { previous, emailMode: mode },
      });
    });
    return mode;
  }
}
