import { Tag, Typography } from 'antd';
import { Item, Items } from './Items';
import { useMessages } from '../../i18n/i18n';
import { assignmentMessages } from './messages';
import type { ExtensionRequest, ReassignmentRequest, RequestStatus } from './model';
import { formatTime } from './time';

const REQUEST_COLOUR: Record<RequestStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

type Row = { kind: 'reassignment'; request: ReassignmentRequest } | { kind: 'extension'; request: ExtensionRequest };

/** The bureau's requests on this assignment, pending ones first, each with its decision once made. */
export function PendingRequests({
  reassignments,
  extensions,
}: {
  reassignments: readonly ReassignmentRequest[];
  extensions: readonly ExtensionRequest[];
}) {
  const m = useMessages(assignmentMessages);
  const rows: Row[] = [
    ...reassignments.map((request) => ({ kind: 'reassignment' as const, request })),
    ...extensions.map((request) => ({ kind: 'extension' as const, request })),
  ].sort(
    (a, b) =>
      Number(b.request.status === 'pending') - Number(a.request.status === 'pending') ||
      b.request.createdAt.localeCompare(a.request.createdAt),
  );
  if (rows.length === 0) return null;
  return (
    <Items header={m.requests}>
      {rows.map((row) => (
        <Item key={row.request.id} data-testid={`request-${row.request.status}`}>
          <div>
            <Tag color={REQUEST_COLOUR[row.request.status]}>{m[`request.${row.request.status}`]}</Tag>
            <Typography.Text strong>
              {row.kind === 'reassignment'
                ? m.reassignmentRequest
                : m.extensionRequest(row.request.previousDueOn, row.request.requestedDueOn)}
            </Typography.Text>
            <Typography.Text type="secondary"> · {formatTime(row.request.createdAt)}</Typography.Text>
            <div>
              {m.reason}：{row.request.reason}
            </div>
            {row.request.decisionReason && (
              <div>
                {m.decision}：{row.request.decisionReason}
              </div>
            )}
          </div>
        </Item>
      ))}
    </Items>
  );
}
