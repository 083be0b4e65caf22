/** Sample data for the draft editor's tests, shaped like the API's answers (三门峡 第146号). */
import type {
  GradeScale,
  MissingItem,
  ReplyContent,
  ReplySources,
  ReplyView,
  ReviewComment,
  SimilarReply,
} from './types';

export const REPLY_ID = '11111111-1111-4111-8111-111111111111';
export const COMMENT_ID = '22222222-2222-4222-8222-222222222222';

export function sampleContent(): ReplyContent {
  return {
    title: '对市政协八届一次会议第146号提案的答复',
    addressees: { people: ['王丽'], title: '委员', organisation: null, honorific: '' },
    opening: '您提出的“关于积极应对人口老龄化的提案”收悉。现答复如下：',
    preamble: [],
    sections: [
      { heading: '完善政策配套', paragraphs: ['我市相继出台了推进养老服务发展的实施意见。'], source: null },
      { heading: '扩大服务供给', paragraphs: ['新建社区养老服务中心。'], source: null },
    ],
    closing: ['感谢您对我市养老事业的关心和支持。'],
    headingsOnOwnLine: false,
    issuer: '三门峡市民政局',
    contact: null,
    cc: [{ recipient: '市政协提案委', copies: 2 }],
    disclosure: { level: 'public', reason: null },
    proposedGrade: { grade: null, justification: '' },
  };
}

export function sampleReply(overrides: Partial<ReplyView> = {}): ReplyView {
  return {
    id: REPLY_ID,
    assignmentId: 'a1',
    bureauId: 'o1',
    bureauName: '三门峡市民政局',
    proposalId: 'p1',
    proposalNumber: 146,
    proposalTitle: '关于积极应对人口老龄化的提案',
    round: 1,
    status: 'drafting',
    reviewSteps: [{ name: '科室审核', role: 'reviewer' }],
    currentStep: null,
    currentStepName: null,
    waitingFor: 'clerk',
    version: 3,
    content: sampleContent(),
    lastSavedBy: 'u1',
    lastSavedByName: '王丽',
    lastSavedAt: '2026-03-10T02:00:00.000Z',
    grade: null,
    documentNumber: null,
    signatoryName: null,
    signedOn: null,
    dueOn: null,
    signedVersion: null,
    voidReason: null,
    ...overrides,
  };
}

export const GRADE_SCALES: GradeScale[] = [
  {
    body: 'cppcc',
    version: 1,
    classes: [
      { grade: 'A', label: '已解决或基本解决', meaning: '所提问题已经解决或基本解决' },
      { grade: 'B', label: '正在解决或列入计划解决', meaning: '所提问题正在解决或已列入计划逐步解决' },
      { grade: 'C', label: '因条件限制暂时不能解决', meaning: '因目前条件限制或其他原因暂时不能解决' },
    ],
  },
  {
    body: 'npc',
    version: 1,
    classes: [
      { grade: 'A', label: '已解决或基本解决', meaning: '所提问题已经解决或基本解决' },
      { grade: 'D', label: '留作参考', meaning: '所提意见建议留作工作参考' },
    ],
  },
];

export const MISSING: MissingItem[] = [
  { item: 'grade', zh: '尚未填写办理结果（等次）', en: 'The grade is missing' },
  { item: 'contact_phone', zh: '尚未填写联系电话', en: 'The contact phone number is missing' },
];

export function sampleComment(overrides: Partial<ReviewComment> = {}): ReviewComment {
  return {
    id: COMMENT_ID,
    versionNumber: 2,
    stepName: '科室审核',
    anchor: 'section:1',
    body: '请补充养老床位建设的具体数字',
    authorId: 'u9',
    authorName: '赵科长',
    createdAt: '2026-03-09T08:00:00.000Z',
    answer: null,
    answeredBy: null,
    answeredAt: null,
    ...overrides,
  };
}

export function sampleSimilar(): SimilarReply {
  return {
    kind: 'past_reply',
    id: '33333333-3333-4333-8333-333333333333',
    proposalId: 'p0',
    title: '对市政协七届五次会议第88号提案的答复',
    sessionLabel: '市政协七届五次会议',
    documentNumber: '三民文〔2022〕15号',
    grade: 'A',
    datedOn: '2022-07-01',
    score: 0.82,
    sharedTerms: ['养老', '社区'],
    sections: [
      { index: 0, heading: '健全养老政策体系', paragraphs: ['出台养老服务条例实施办法。'] },
      { index: 1, heading: '建设社区养老服务中心', paragraphs: ['2023年新建社区养老服务中心12个。'] },
    ],
  };
}

export function sampleSources(): ReplySources {
  return { coOpinions: [], similarReplies: [sampleSimilar()] };
}
