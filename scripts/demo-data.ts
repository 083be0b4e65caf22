import { AssignmentRole, OrganisationKind, Role, SessionBody } from '../libs/platform/src/vocabulary';

/** The one password of every demo user; printed by `npm run demo`. Never used outside demo data. */
export const DEMO_PASSWORD = 'Dafu-demo-2026';

export const DEMO_ORGANISATIONS: { name: string; kind: OrganisationKind; documentNumberPrefix?: string }[] = [
  { name: '三门峡市民政局', kind: OrganisationKind.Bureau, documentNumberPrefix: '三民文' },
  // The other letters print no 文号; these prefixes are demo values so sign-off can number them.
  { name: '焦作市民政局', kind: OrganisationKind.Bureau, documentNumberPrefix: '焦民文' },
  { name: '濮阳市民政局', kind: OrganisationKind.Bureau, documentNumberPrefix: '濮民文' },
  { name: '本溪市民政局', kind: OrganisationKind.Bureau, documentNumberPrefix: '本民文' },
  { name: '市卫健委', kind: OrganisationKind.Bureau },
  { name: '市财政局', kind: OrganisationKind.Bureau },
  { name: '市人社局', kind: OrganisationKind.Bureau },
  { name: '市国资委', kind: OrganisationKind.Bureau },
  { name: '市政协提案委', kind: OrganisationKind.CppccCommittee },
  { name: '市人大选工委', kind: OrganisationKind.NpcCommittee },
  { name: '市委市政府督查局', kind: OrganisationKind.SupervisionOffice },
  { name: 'Dafu系统管理', kind: OrganisationKind.System },
];

export const DEMO_USERS: { username: string; displayName: string; organisation: string; roles: Role[] }[] = [
  { username: 'registrar', displayName: '提案委登记员', organisation: '市政协提案委', roles: [Role.Registrar] },
  { username: 'npc-registrar', displayName: '选工委登记员', organisation: '市人大选工委', roles: [Role.Registrar] },
  { username: 'clerk', displayName: '三门峡民政承办人', organisation: '三门峡市民政局', roles: [Role.Clerk] },
  { username: 'reviewer', displayName: '三门峡民政科室负责人', organisation: '三门峡市民政局', roles: [Role.Reviewer] },
  { username: 'signatory', displayName: '李立明', organisation: '三门峡市民政局', roles: [Role.Signatory] },
  { username: 'supervisor', displayName: '督查局督查员', organisation: '市委市政府督查局', roles: [Role.Supervisor] },
  { username: 'admin', displayName: '系统管理员', organisation: 'Dafu系统管理', roles: [Role.Admin] },
  { username: 'puyang-clerk', displayName: '郭振波', organisation: '濮阳市民政局', roles: [Role.Clerk] },
  { username: 'jiaozuo-clerk', displayName: '焦作民政承办人', organisation: '焦作市民政局', roles: [Role.Clerk] },
  { username: 'benxi-clerk', displayName: '本溪民政承办人', organisation: '本溪市民政局', roles: [Role.Clerk] },
  { username: 'finance-clerk', displayName: '市财政局承办人', organisation: '市财政局', roles: [Role.Clerk] },
  { username: 'finance-reviewer', displayName: '市财政局科室负责人', organisation: '市财政局', roles: [Role.Reviewer] },
  {
    username: 'office-reviewer',
    displayName: '三门峡民政办公室主任',
    organisation: '三门峡市民政局',
    roles: [Role.Reviewer],
  },
  {
    username: 'jiaozuo-reviewer',
    displayName: '焦作民政科室负责人',
    organisation: '焦作市民政局',
    roles: [Role.Reviewer],
  },
  {
    username: 'jiaozuo-signatory',
    displayName: '焦作民政分管负责人',
    organisation: '焦作市民政局',
    roles: [Role.Signatory],
  },
  {
    username: 'puyang-reviewer',
    displayName: '濮阳民政科室负责人',
    organisation: '濮阳市民政局',
    roles: [Role.Reviewer],
  },
  {
    username: 'puyang-signatory',
    displayName: '濮阳民政分管负责人',
    organisation: '濮阳市民政局',
    roles: [Role.Signatory],
  },
  {
    username: 'benxi-reviewer',
    displayName: '本溪民政科室负责人',
    organisation: '本溪市民政局',
    roles: [Role.Reviewer],
  },
  {
    username: 'benxi-signatory',
    displayName: '本溪民政分管负责人',
    organisation: '本溪市民政局',
    roles: [Role.Signatory],
  },
];

/**
 * How each seed bureau sets its letters: 三门峡 prints a 文件格式 header with its 文号 and grade,
 * 濮阳 heads its letters with its name alone (信函格式); the others print no grade mark.
 */
export const DEMO_LETTER_SETTINGS: {
  bureau: string;
  format: 'document' | 'letter';
  headerTitle: string;
  printsGradeMark: boolean;
}[] = [
  { bureau: '三门峡市民政局', format: 'document', headerTitle: '三门峡市民政局文件', printsGradeMark: true },
  { bureau: '濮阳市民政局', format: 'letter', headerTitle: '濮阳市民政局', printsGradeMark: false },
  { bureau: '焦作市民政局', format: 'document', headerTitle: '焦作市民政局文件', printsGradeMark: false },
  { bureau: '本溪市民政局', format: 'document', headerTitle: '本溪市民政局文件', printsGradeMark: false },
];

/** Demo addresses: letters cc'd to these go by e-mail once SMTP_URL is set, the rest by post. */
export const DEMO_ORGANISATION_EMAILS: Record<string, string> = {
  市政协提案委: 'tiananwei@demo.dafu.local',
  市人大选工委: 'xuangongwei@demo.dafu.local',
};

/** 三门峡 reviews twice before sign-off; the other bureaus keep the default (科室审核 → 签发). */
export const DEMO_REVIEW_CHAINS: { bureau: string; steps: { name: string; role: Role.Reviewer | Role.Signatory }[] }[] =
  [
    {
      bureau: '三门峡市民政局',
      steps: [
        { name: '科室审核', role: Role.Reviewer },
        { name: '办公室审核', role: Role.Reviewer },
      ],
    },
  ];

/** Each bureau's wording as its letters show it (see shared/fixtures/seeds). */
export const DEMO_REPLY_TEMPLATES: {
  bureau: string;
  body: SessionBody;
  titleTemplate: string;
  openingTemplate: string;
  organisationOpeningTemplate: string;
  closing: string[];
  defaultCc: { recipient: string; copies: number }[];
  headingsOnOwnLine: boolean;
  honorific: string;
}[] = [
  {
    bureau: '焦作市民政局',
    body: SessionBody.Cppcc,
    titleTemplate: '第{number}号{kind}的答复',
    openingTemplate: '您提出的“{title}”收悉。现答复如下：',
    organisationOpeningTemplate: '您单位提出的“{title}”收悉。现答复如下：',
    closing: ['感谢您对养老服务工作的关心和支持。'],
    defaultCc: [
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
    ],
    headingsOnOwnLine: false,
    honorific: '尊敬的',
  },
  ...[SessionBody.Cppcc, SessionBody.Npc].map((body) => ({
    bureau: '濮阳市民政局',
    body,
    titleTemplate: '关于对{session}第{number}号{kind}的答复',
    openingTemplate: '您提出的“{title}”已收悉。现答复如下：',
    organisationOpeningTemplate: '您单位提出的“{title}”已收悉。现答复如下：',
    closing: [
      `欢迎各位${body === SessionBody.Npc ? '代表' : '委员'}对我们的工作多提宝贵意见，十分感谢您对养老事业的关心，希望今后能够得到更多关注和支持。`,
    ],
    defaultCc: [
      { recipient: body === SessionBody.Npc ? '市人大选工委' : '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
    ],
    headingsOnOwnLine: true,
    honorific: '',
  })),
  {
    bureau: '本溪市民政局',
    body: SessionBody.Cppcc,
    titleTemplate: '对{session}第{number}号{kind}办理情况的答复',
    openingTemplate: '您提出的《{title}》收悉。现答复如下：',
    organisationOpeningTemplate: '您委提出的《{title}》收悉。现答复如下：',
    closing: [],
    defaultCc: [
      { recipient: '市政协提案委', copies: 2 },
      { recipient: '市委市政府督查局', copies: 2 },
    ],
    headingsOnOwnLine: false,
    honorific: '',
  },
];

export const DEMO_SESSIONS: { key: string; body: SessionBody; term: number; sitting: number; year: number }[] = [
  { key: 'smx', body: SessionBody.Cppcc, term: 8, sitting: 1, year: 2023 },
  { key: 'py-npc', body: SessionBody.Npc, term: 9, sitting: 1, year: 2023 },
  { key: 'py-cppcc', body: SessionBody.Cppcc, term: 9, sitting: 2, year: 2024 },
  // The 焦作 and 本溪 letters do not name their session; these two are demo assumptions.
  { key: 'jz', body: SessionBody.Cppcc, term: 14, sitting: 2, year: 2023 },
  { key: 'bx', body: SessionBody.Cppcc, term: 15, sitting: 1, year: 2021 },
];

export interface DemoProposal {
  session: string;
  number: number;
  title: string;
  category: string;
  proposers: { name: string; kind: 'person' | 'organisation' }[];
  /** 'today' for the demo item still being handled: its deadlines start when the demo is loaded. */
  assignedOn: string;
  bureaus: { name: string; role: AssignmentRole }[];
}

/** The five proposals the seed letters in shared/fixtures/seeds answer (see expected.json). */
export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    session: 'smx',
    number: 146,
    title: '关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案',
    category: '社会事业',
    proposers: [
      { name: '姚峥', kind: 'person' },
      { name: '左锋杰', kind: 'person' },
      { name: '韩冰', kind: 'person' },
    ],
    assignedOn: '2023-04-13',
    bureaus: [{ name: '三门峡市民政局', role: AssignmentRole.Lead }],
  },
  {
    session: 'jz',
    number: 192,
    title: '关于加快推进养老服务体系建设的提案',
    category: '社会事业',
    proposers: [{ name: '岳益民', kind: 'person' }],
    assignedOn: '2023-04-13',
    bureaus: [{ name: '焦作市民政局', role: AssignmentRole.Lead }],
  },
  {
    session: 'py-npc',
    number: 269,
    title: '关于提高社区养老服务水平的几点建议',
    category: '社会建设',
    proposers: [{ name: '鲁法中', kind: 'person' }],
    assignedOn: '2023-04-28',
    bureaus: [{ name: '濮阳市民政局', role: AssignmentRole.Lead }],
  },
  {
    session: 'py-cppcc',
    number: 228,
    title: '关于发展养老事业和养老产业，加强养老服务保障的提案',
    category: '社会事业',
    proposers: [{ name: '刘晓静', kind: 'person' }],
    assignedOn: '2024-03-04',
    bureaus: [{ name: '濮阳市民政局', role: AssignmentRole.Lead }],
  },
  {
    session: 'bx',
    number: 1014,
    title: '关于应对人口老龄化加快我市养老机构发展的提案',
    category: '社会事业',
    proposers: [{ name: '民盟本溪市委', kind: 'organisation' }],
    assignedOn: '2021-11-14',
    bureaus: [
      { name: '本溪市民政局', role: AssignmentRole.Lead },
      { name: '市卫健委', role: AssignmentRole.Co },
      { name: '市财政局', role: AssignmentRole.Co },
      { name: '市人社局', role: AssignmentRole.Co },
    ],
  },
  {
    // Not from the letters: an item in progress, so clerks can try 签收, 会办 and 延期 by hand.
    session: 'smx',
    number: 12,
    title: '关于加强社区老年食堂建设的提案',
    category: '社会事业',
    proposers: [
      { name: '王丽', kind: 'person' },
      { name: '陈刚', kind: 'person' },
    ],
    assignedOn: 'today',
    bureaus: [
      { name: '三门峡市民政局', role: AssignmentRole.Lead },
      { name: '市财政局', role: AssignmentRole.Co },
    ],
  },
];
