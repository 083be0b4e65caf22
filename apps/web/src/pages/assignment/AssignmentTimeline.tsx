import { Empty, Timeline, Typography } from 'antd';
import { useI18n, useMessages } from '../../i18n/i18n';
import { assignmentMessages } from './messages';
import type { TimelineEntry } from './model';
import { formatTime } from './time';

/** Red for what the supervision office sees (overdue, urged), grey for refusals, green for progress. */
function colourOf(action: string): string {
  if (/escalated|urged/.test(action)) return 'red';
  if (/reminded/.test(action)) return 'orange';
  if (/reject|withdraw|void/.test(action)) return 'gray';
  if (/acknowledge|approve|send_opinion|record_reply|close/.test(action)) return 'green';
  return 'blue';
}

/** The assignment's trail, oldest first: when, what (the API's sentence in the user's language), who. */
export function AssignmentTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { lang } = useI18n();
  const m = useMessages(assignmentMessages);
  if (entries.length === 0) return <Empty description={m.noTimeline} />;
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color: colourOf(entry.action),
        content: (
          <div data-testid="timeline-entry">
            <Typography.Text type="secondary">
              {formatTime(entry.at)} · {entry.actorName ?? (entry.actorUserId ? '—' : m.system)}
            </Typography.Text>
            <div>{entry.text[lang]}</div>
          </div>
        ),
      }))}
    />
  );
}
