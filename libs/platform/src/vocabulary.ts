/** Names shared by every context; they match the glossary in design.md and the Postgres enums. */

export enum Role {
  Registrar = 'registrar',
  Clerk = 'clerk',
  Reviewer = 'reviewer',
  Signatory = 'signatory',
  Supervisor = 'supervisor',
  Admin = 'admin',
}
export const ALL_ROLES: readonly Role[] = Object.values(Role);

export enum OrganisationKind {
  Bureau = 'bureau',
  /** 政协提案委: registers CPPCC proposals. */
  CppccCommittee = 'cppcc_committee',
  /** 人大选工委: registers NPC suggestions. */
  NpcCommittee = 'npc_committee',
  /** 督查局 / 督查室. */
  SupervisionOffice = 'supervision_office',
  /** Runs the system itself: where administrators belong. */
  System = 'system',
}

export enum SessionBody {
  Cppcc = 'cppcc',
  Npc = 'npc',
}

export enum ProposalKind {
  /** 提案, from CPPCC members. */
  Proposal = 'proposal',
  /** 建议, from NPC deputies. */
  Suggestion = 'suggestion',
}

export enum AssignmentRole {
  Lead = 'lead',
  Co = 'co',
  Separate = 'separate',
}

/** How a user wants notifications by e-mail: each at once, one digest a day, or none (in-app only). */
export enum NotificationEmailMode {
  Immediate = 'immediate',
  DailyDigest = 'daily_digest',
  Off = 'off',
}
