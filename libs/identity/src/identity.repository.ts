import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OrganisationKind, Role, NotificationEmailMode } from '@dafu/platform/vocabulary';
import { OrganisationEntity } from './entities/organisation.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';
import type { Organisation, User, UserCredentials } from './identity.types';

function toOrganisation(row: OrganisationEntity): Organisation {
  return {
    id: row.id,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    documentNumberPrefix: row.documentNumberPrefix,
    email: row.email,
    postalAddress: row.postalAddress,
  };
}

function toUser(row: UserEntity): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    organisationId: row.organisationId,
    roles: row.roles,
    email: row.email,
    phone: row.phone,
    mayReadDrafts: row.mayReadDrafts,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt,
  };
}

function toCredentials(row: UserEntity | null): UserCredentials | null {
  if (!row?.organisation) return null;
  return { ...toUser(row), passwordHash: row.passwordHash, organisation: toOrganisation(row.organisation) };
}

export interface NewOrganisation {
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  documentNumberPrefix: string | null;
  email?: string | null;
  postalAddress?: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  passwordHash: string;
  email: string | null;
  phone: string | null;
}

/**
 * Organisations and users are directory data every signed-in user may read; writes are the
 * administrator's, so no bureau scope applies here.
 */
@Injectable()
export class IdentityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async listOrganisations(kind?: OrganisationKind): Promise<Organisation[]> {
    const rows = await this.dataSource.getRepository(OrganisationEntity).find({
      where: kind ? { kind } : {},
      order: { kind: 'ASC', name: 'ASC' },
    });
    return rows.map(toOrganisation);
  }

  async findOrganisation(id: string, manager: EntityManager = this.dataSource.manager): Promise<Organisation | null> {
    const row = await manager.findOne(OrganisationEntity, { where: { id } });
    return row ? toOrganisation(row) : null;
  }

  async findOrganisationsByName(names: readonly string[]): Promise<Organisation[]> {
    if (names.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.name IN (:...names) OR o.short_name IN (:...names)', { names })
      .getMany();
    return rows.map(toOrganisation);
  }

  async insertOrganisation(manager: EntityManager, input: NewOrganisation): Promise<Organisation> {
    const row = await manager.save(OrganisationEntity, manager.create(OrganisationEntity, input));
    return toOrganisation(row);
  }

  async updateOrganisation(
    manager: EntityManager,
    id: string,
    changes: Partial<NewOrganisation>,
  ): Promise<Organisation | null> {
    await manager.update(OrganisationEntity, { id }, changes);
    return this.findOrganisation(id, manager);
  }

  async listUsers(organisationId?: string): Promise<User[]> {
    const rows = await this.dataSource.getRepository(UserEntity).find({
      where: organisationId ? { organisationId } : {},
      order: { username: 'ASC' },
    });
    return rows.map(toUser);
  }

  async findUser(id: string, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    const row = await manager.findOne(UserEntity, { where: { id } });
    return row ? toUser(row) : null;
  }

  async findCredentialsByUsername(username: string): Promise<UserCredentials | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    return toCredentials(row);
  }

  /**
   * Every authenticated request asks this. One query: findOne with a relation makes TypeORM
   * run a DISTINCT query for the ids before the one that loads them.
   */
  async findCredentialsById(id: string): Promise<UserCredentials | null> {
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where('u.id = :id', { id })
      .getOne();
    return toCredentials(row);
  }

  /** Several users in one query (a timeline's actors), in no particular order. */
  async findUsers(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(UserEntity, { where: { id: In([...ids]) } });
    return rows.map(toUser);
  }

  async insertUser(manager: EntityManager, input: NewUser): Promise<User> {
    const row = await manager.save(UserEntity, manager.create(UserEntity, input));
    return toUser(row);
  }

  async updateUser(
    manager: EntityManager,
    id: string,
    changes: Partial<Omit<NewUser, 'username'>> & { disabledAt?: Date | null; mayReadDrafts?: boolean },
  ): Promise<User | null> {
    await manager.update(UserEntity, { id }, changes);
    return this.findUser(id, manager);
  }

  async notificationEmailMode(userId: string, manager: EntityManager = this.dataSource.manager) {
    const row = await manager.findOne(UserEntity, {
      where: { id: userId },
      select: { id: true, notificationEmailMode: true },
    });
    return row?.notificationEmailMode ?? null;
  }

  async setNotificationEmailMode(manager: EntityManager, userId: string, mode: NotificationEmailMode): Promise<void> {
    await manager.update(UserEntity, { id: userId }, { notificationEmailMode: mode });
  }

  async saveRefreshToken(token: { id: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.dataSource.getRepository(RefreshTokenEntity).insert(token);
  }

  /** Revokes the token if it is live; false when it was already revoked, expired or unknown. */
  async revokeRefreshToken(id: string, userId: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND user_id = :userId AND revoked_at IS NULL AND expires_at > now()', { id, userId })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async revokeAllRefreshTokens(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
