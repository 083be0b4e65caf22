import type { TestContext, TestUser } from './test-context';
import { bearer } from './test-context';

/** The text a clerk fills in after starting a draft: everything submitting for review asks for. */
export function completeContent(started: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    ...started,
    preamble: ['近年来，我局高度重视此项工作。'],
    sections: [
      { heading: '完善政策配套，健全工作机制', paragraphs: ['出台了实施意见。', '建立了联席会议制度。'], source: null },
      { heading: '加大财政投入，保障持续发展', paragraphs: ['市财政安排专项资金。'], source: null },
    ],
    contact: { name: '王丽', phone: '0398-2868001' },
    proposedGrade: { grade: 'A', justification: '所提问题已基本解决' },
    ...overrides,
  };
}

export interface DraftedReply {
  replyId: string;
  assignmentId: string;
  proposalId: string;
  version: number;
}

/**
 * A lead assignment of a fresh proposal to the clerk's bureau, acknowledged, with a started and
 * completed draft; submitted too when asked (the bureau's chain decides where it lands).
 */
export async function draftedReply(
  ctx: TestContext,
  registrar: TestUser,
  sessionId: string,
  clerk: TestUser,
  options: { submit?: boolean; content?: Record<string, unknown> } = {},
): Promise<DraftedReply> {
  const { proposal, assignment } = await ctx.newAssignedProposal(registrar, sessionId, clerk.organisation.id);
  const acknowledged = await ctx
    .http()
    .post(`/assignments/${assignment.id}/acknowledge`)
    .set(...bearer(clerk));
  if (acknowledged.status !== 200) throw new Error(`Acknowledge failed: ${JSON.stringify(acknowledged.body)}`);
  const started = await ctx
    .http()
    .post(`/assignments/${assignment.id}/replies`)
    .set(...bearer(clerk));
  if (started.status !== 201) throw new Error(`Starting the reply failed: ${JSON.stringify(started.body)}`);
  const saved = await ctx
    .http()
    .put(`/replies/${started.body.id}/draft`)
    .set(...bearer(clerk))
    .send({ version: 1, content: completeContent(started.body.content, options.content) });
  if (saved.status !== 200) throw new Error(`Saving the draft failed: ${JSON.stringify(saved.body)}`);
  if (options.submit) {
    const submitted = await ctx
      .http()
      .post(`/replies/${started.body.id}/submit`)
      .set(...bearer(clerk))
      .send({ version: 2 });
    if (submitted.status !== 200) throw new Error(`Submitting failed: ${JSON.stringify(submitted.body)}`);
  }
  return { replyId: started.body.id, assignmentId: assignment.id, proposalId: proposal.id, version: 2 };
}
