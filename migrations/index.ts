import { CreateOrganisationsAndUsers1795300000000 } from './1795300000000-CreateOrganisationsAndUsers';
import { CreateSessionsAndProposals1795300000001 } from './1795300000001-CreateSessionsAndProposals';
import { CreateAssignments1795300000002 } from './1795300000002-CreateAssignments';
import { CreateAuditEvents1795300000003 } from './1795300000003-CreateAuditEvents';
import { CreateWorkCalendar1795300000004 } from './1795300000004-CreateWorkCalendar';
import { SeedWorkCalendar2020To20261795300000005 } from './1795300000005-SeedWorkCalendar2020To2026';
import { CreateHandlingRulesAndRequests1795300000006 } from './1795300000006-CreateHandlingRulesAndRequests';
import { CreateCoOpinionsAndContacts1795300000007 } from './1795300000007-CreateCoOpinionsAndContacts';
import { CreateOutbox1795300000008 } from './1795300000008-CreateOutbox';
import { CreateAttachments1795300000009 } from './1795300000009-CreateAttachments';
import { CreateDocumentNumberCounters1795300000010 } from './1795300000010-CreateDocumentNumberCounters';
import { CreateReplyConfiguration1795300000011 } from './1795300000011-CreateReplyConfiguration';
import { CreateReplies1795300000012 } from './1795300000012-CreateReplies';
import { AllowAttachmentsOnReplies1795300000013 } from './1795300000013-AllowAttachmentsOnReplies';
import { AddEmailToProposersAndOrganisations1795300000014 } from './1795300000014-AddEmailToProposersAndOrganisations';
import { CreateLetterSettingsAndSigningCredentials1795300000015 } from './1795300000015-CreateLetterSettingsAndSigningCredentials';
import { CreateReplyDocumentsAndDeliveries1795300000016 } from './1795300000016-CreateReplyDocumentsAndDeliveries';
import { AddReminderRulesToHandlingRules1795300000017 } from './1795300000017-AddReminderRulesToHandlingRules';
import { CreateNotifications1795300000018 } from './1795300000018-CreateNotifications';
import { CreateFeedback1795300000019 } from './1795300000019-CreateFeedback';
import { AddRehandlingNotificationKind1795300000020 } from './1795300000020-AddRehandlingNotificationKind';
import { CreateFollowUps1795300000021 } from './1795300000021-CreateFollowUps';
import { AddDueOnToReplies1795300000022 } from './1795300000022-AddDueOnToReplies';
import { AddSupervisionIndexes1795300000030 } from './1795300000030-AddSupervisionIndexes';
import { EnablePgTrgm1795300000040 } from './1795300000040-EnablePgTrgm';
import { CreateArchive1795300000041 } from './1795300000041-CreateArchive';
import { CreateSearchDocuments1795300000042 } from './1795300000042-CreateSearchDocuments';
import { AddPublicationToSearchDocuments1795300000043 } from './1795300000043-AddPublicationToSearchDocuments';
import { AddPublicationDelayToHandlingRules1795300000050 } from './1795300000050-AddPublicationDelayToHandlingRules';
import { AddMayReadDraftsToUsers1795300000051 } from './1795300000051-AddMayReadDraftsToUsers';
import { IndexIssuedReplies1795300000052 } from './1795300000052-IndexIssuedReplies';
import { IndexOpenAssignmentsByBureau1795300000053 } from './1795300000053-IndexOpenAssignmentsByBureau';
import { AddSignedDisclosureToReplies1795300000054 } from './1795300000054-AddSignedDisclosureToReplies';
import { CreateStatisticsRollup1795300000055 } from './1795300000055-CreateStatisticsRollup';
import { IndexAnswersForOverdueTrend1795300000056 } from './1795300000056-IndexAnswersForOverdueTrend';

/** Every migration in order. A spec checks that each file in this folder is listed here. */
export const ALL_MIGRATIONS = [
  CreateOrganisationsAndUsers1795300000000,
  CreateSessionsAndProposals1795300000001,
  CreateAssignments1795300000002,
  CreateAuditEvents1795300000003,
  CreateWorkCalendar1795300000004,
  SeedWorkCalendar2020To20261795300000005,
  CreateHandlingRulesAndRequests1795300000006,
  CreateCoOpinionsAndContacts1795300000007,
  CreateOutbox1795300000008,
  CreateAttachments1795300000009,
  CreateDocumentNumberCounters1795300000010,
  CreateReplyConfiguration1795300000011,
  CreateReplies1795300000012,
  AllowAttachmentsOnReplies1795300000013,
  AddEmailToProposersAndOrganisations1795300000014,
  CreateLetterSettingsAndSigningCredentials1795300000015,
  CreateReplyDocumentsAndDeliveries1795300000016,
  AddReminderRulesToHandlingRules1795300000017,
  CreateNotifications1795300000018,
  CreateFeedback1795300000019,
  AddRehandlingNotificationKind1795300000020,
  CreateFollowUps1795300000021,
  AddDueOnToReplies1795300000022,
  AddSupervisionIndexes1795300000030,
  EnablePgTrgm1795300000040,
  CreateArchive1795300000041,
  CreateSearchDocuments1795300000042,
  AddPublicationToSearchDocuments1795300000043,
  AddPublicationDelayToHandlingRules1795300000050,
  AddMayReadDraftsToUsers1795300000051,
  IndexIssuedReplies1795300000052,
  IndexOpenAssignmentsByBureau1795300000053,
  AddSignedDisclosureToReplies1795300000054,
  CreateStatisticsRollup1795300000055,
  IndexAnswersForOverdueTrend1795300000056,
];
