/** The three deadlines an assignment runs against. */
export enum DeadlineKind {
  /** 签收: acknowledge or ask for reassignment within the working-day window. */
  Acknowledge = 'acknowledge',
  /** 会办意见: a co bureau's opinion to the lead bureau. */
  CoOpinion = 'co_opinion',
  /** 答复: the lead or separate bureau's reply. */
  Reply = 'reply',
}

/** How the letters and the timeline name each deadline. */
export const DEADLINE_LABEL_ZH: Record<DeadlineKind, string> = {
  [DeadlineKind.Acknowledge]: '签收期限',
  [DeadlineKind.CoOpinion]: '会办意见期限',
  [DeadlineKind.Reply]: '答复期限',
};
