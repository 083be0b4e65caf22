import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { defineMessages, useMessages } from '../../i18n/i18n';
import type { CalendarDay, CalendarDayKind } from './admin-types';
import { useApiFailure } from './api-feedback';
import { commonWords } from './common-words';

const words = defineMessages(
  {
    title: '工作日历',
    hint: '办理期限按工作日计算：周一至周五上班，法定节假日休息，调休的周末上班。点击某一天可设置或清除。',
    year: '年份',
    known: '已录入当年的节假日安排',
    unknown: '尚未录入当年的节假日安排：期限按周一至周五计算',
    missing: (years: string) => `以下年份还没有节假日安排：${years}。请按国务院办公厅的通知录入后标记为已录入。`,
    markKnown: '标记为已录入',
    note: '依据（通知名称，可不填）',
    markedKnown: (year: number) => `${year} 年已标记为已录入`,
    month: (m: number) => `${m} 月`,
    weekdays: '一,二,三,四,五,六,日',
    holiday: '节假日',
    workingWeekend: '调休上班',
    weekend: '周末',
    legend: '图例',
    dayTitle: (date: string) => `设置 ${date}`,
    kind: '类型',
    name: '名称',
    nameHelp: '如“国庆节”或“国庆节调休”',
    set: '保存',
    clear: '恢复为普通日',
    daySet: (date: string) => `已设置 ${date}`,
    dayCleared: (date: string) => `已清除 ${date}`,
    workingWeekendOnlyWeekend: '调休上班只能设在周六或周日',
    date: '日期',
    source: '来源',
    'source.chinese-days': '内置数据',
    'source.admin': '管理员设置',
    listTitle: (year: number) => `${year} 年的节假日与调休`,
    empty: '这一年没有设置节假日或调休',
  },
  {
    title: 'Working-day calendar',
    hint: 'Deadlines count working days: Monday to Friday, except public holidays, plus the weekends worked in exchange (调休). Click a day to set or clear it.',
    year: 'Year',
    known: "This year's holiday notice is entered",
    unknown: "This year's holiday notice is not entered: deadlines assume Monday to Friday",
    missing: (years: string) =>
      `No holiday notice yet for: ${years}. Enter the State Council's notice, then mark the year as entered.`,
    markKnown: 'Mark as entered',
    note: 'Source (notice title, optional)',
    markedKnown: (year: number) => `${year} marked as entered`,
    month: (m: number) => new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }),
    weekdays: 'Mo,Tu,We,Th,Fr,Sa,Su',
    holiday: 'Holiday',
    workingWeekend: 'Working weekend',
    weekend: 'Weekend',
    legend: 'Legend',
    dayTitle: (date: string) => `Set ${date}`,
    kind: 'Kind',
    name: 'Name',
    nameHelp: 'e.g. 国庆节 or 国庆节调休',
    set: 'Save',
    clear: 'Make it an ordinary day',
    daySet: (date: string) => `${date} set`,
    dayCleared: (date: string) => `${date} cleared`,
    workingWeekendOnlyWeekend: 'A working weekend must be a Saturday or Sunday',
    date: 'Date',
    source: 'Source',
    'source.chinese-days': 'Built-in data',
    'source.admin': 'Set by an administrator',
    listTitle: (year: number) => `Holidays and working weekends of ${year}`,
    empty: 'No holidays or working weekends set for this year',
  },
);

const COLOURS: Record<CalendarDayKind | 'weekend', { background: string; color: string }> = {
  holiday: { background: '#ffccc7', color: '#a8071a' },
  working_weekend: { background: '#bae0ff', color: '#003eb3' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c' },
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function isoWeekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weeks of a month, Monday first, null where the month has no day. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const cells: (number | null)[] = Array.from({ length: isoWeekday(year, month, 1) - 1 }, () => null);
  for (let d = 1; d <= daysIn(year, month); d++) cells.push(d);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** The admin's calendar: a year of months, special days coloured; a day opens a dialog to set or clear it. */
export function CalendarPage() {
  const { api } = useSession();
  const w = useMessages(words);
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [selected, setSelected] = useState<string | null>(null);

  const status = useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: async () => unwrap(await api.GET('/calendar/status')),
  });
  const calendar = useQuery({
    queryKey: ['calendar', year],
    queryFn: async () => unwrap(await api.GET('/calendar/{year}', { params: { path: { year } } })),
  });
  const byDate = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d] as const)), [calendar.data]);

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {w.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{w.hint}</Typography.Paragraph>
      {status.data && status.data.missingYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={w.missing(status.data.missingYears.join('、'))}
        />
      )}
      <Space wrap align="center" style={{ marginBottom: 16 }}>
        <label htmlFor="calendar-year">{w.year}</label>
        <InputNumber
          id="calendar-year"
          min={1949}
          max={2200}
          value={year}
          onChange={(value) => value && setYear(value)}
        />
        {calendar.data && (
          <Tag color={calendar.data.known ? 'green' : 'orange'}>{calendar.data.known ? w.known : w.unknown}</Tag>
        )}
        <Legend />
      </Space>
      {calendar.data && !calendar.data.known && <MarkKnown year={year} />}
      {calendar.isError ? (
        <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 16 }}>
            {Array.from({ length: 12 }, (_, i) => (
              <Month key={i} year={year} month={i + 1} byDate={byDate} onPick={setSelected} />
            ))}
          </div>
          <DayList year={year} days={calendar.data?.days ?? []} loading={calendar.isPending} onPick={setSelected} />
        </>
      )}
      {selected && <DayDialog date={selected} day={byDate.get(selected)} onClose={() => setSelected(null)} />}
    </Card>
  );
}

function Legend() {
  const w = useMessages(words);
  return (
    <Space aria-label={w.legend}>
      <Tag style={COLOURS.holiday}>{w.holiday}</Tag>
      <Tag style={COLOURS.working_weekend}>{w.workingWeekend}</Tag>
      <Tag style={COLOURS.weekend}>{w.weekend}</Tag>
    </Space>
  );
}

function Month({
  year,
  month,
  byDate,
  onPick,
}: {
  year: number;
  month: number;
  byDate: Map<string, CalendarDay>;
  onPick: (date: string) => void;
}) {
  const w = useMessages(words);
  const captionId = `calendar-${year}-${month}`;
  return (
    <table aria-labelledby={captionId} style={{ borderCollapse: 'collapse', width: '100%', textAlign: 'center' }}>
      <caption id={captionId} style={{ fontWeight: 600, paddingBottom: 4 }}>
        {w.month(month)}
      </caption>
      <thead>
        <tr>
          {w.weekdays.split(',').map((d) => (
            <th key={d} scope="col" style={{ fontWeight: 400, color: '#8c8c8c' }}>
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, i) => (
          <tr key={i}>
            {week.map((d, j) => {
              if (d === null) return <td key={j} />;
              const date = `${year}-${pad(month)}-${pad(d)}`;
              const special = byDate.get(date);
              const look = special ? COLOURS[special.kind] : j >= 5 ? COLOURS.weekend : undefined;
              const kindWord = special
                ? special.kind === 'holiday'
                  ? w.holiday
                  : w.workingWeekend
                : j >= 5
                  ? w.weekend
                  : '';
              return (
                <td key={j} style={{ padding: 1 }}>
                  <button
                    type="button"
                    data-date={date}
                    data-kind={special?.kind ?? (j >= 5 ? 'weekend' : 'workday')}
                    aria-label={[date, kindWord, special?.name].filter(Boolean).join(' ')}
                    title={special ? `${special.name}（${kindWord}）` : undefined}
                    onClick={() => onPick(date)}
                    style={{
                      width: '100%',
                      border: 0,
                      borderRadius: 4,
                      padding: '2px 0',
                      cursor: 'pointer',
                      background: look?.background ?? 'transparent',
                      color: look?.color ?? 'inherit',
                      fontWeight: special ? 600 : 400,
                    }}
                  >
                    {d}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayList({
  year,
  days,
  loading,
  onPick,
}: {
  year: number;
  days: CalendarDay[];
  loading: boolean;
  onPick: (date: string) => void;
}) {
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const columns: ColumnsType<CalendarDay> = [
    { title: w.date, dataIndex: 'date' },
    {
      title: w.kind,
      dataIndex: 'kind',
      render: (kind: CalendarDayKind) => (
        <Tag style={COLOURS[kind]}>{kind === 'holiday' ? w.holiday : w.workingWeekend}</Tag>
      ),
    },
    { title: w.name, dataIndex: 'name' },
    { title: w.source, dataIndex: 'source', render: (source: CalendarDay['source']) => w[`source.${source}`] },
    {
      title: c.actions,
      key: 'actions',
      render: (_: unknown, day) => (
        <Button size="small" onClick={() => onPick(day.date)} aria-label={`${c.edit} ${day.date}`}>
          {c.edit}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {w.listTitle(year)}
      </Typography.Title>
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        columns={columns}
        dataSource={days}
        loading={loading}
        pagination={false}
        locale={{ emptyText: w.empty }}
      />
    </>
  );
}

function MarkKnown({ year }: { year: number }) {
  const { api } = useSession();
  const w = useMessages(words);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const mark = useMutation({
    mutationFn: async ({ note }: { note?: string }) =>
      unwrap(
        await api.PUT('/calendar/years/{year}', {
          params: { path: { year } },
          body: note?.trim() ? { note: note.trim() } : {},
        }),
      ),
    onSuccess: () => {
      void message.success(w.markedKnown(year));
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (error) => fail(error, form),
  });
  return (
    <Form
      form={form}
      layout="inline"
      name={`mark-known-${year}`}
      onFinish={(v) => mark.mutate(v)}
      style={{ marginBottom: 16 }}
    >
      <Form.Item name="note" label={w.note}>
        <Input maxLength={200} style={{ minWidth: 320 }} />
      </Form.Item>
      <Button htmlType="submit" loading={mark.isPending}>
        {w.markKnown}
      </Button>
    </Form>
  );
}

function DayDialog({ date, day, onClose }: { date: string; day: CalendarDay | undefined; onClose: () => void }) {
  const { api } = useSession();
  const w = useMessages(words);
  const c = useMessages(commonWords);
  const { message } = App.useApp();
  const fail = useApiFailure();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ kind: CalendarDayKind; name: string }>();
  const [y, m, d] = date.split('-').map(Number);
  const weekend = isoWeekday(y, m, d) >= 6;

  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    onClose();
  };
  const set = useMutation({
    mutationFn: async (values: { kind: CalendarDayKind; name: string }) =>
      unwrap(
        await api.PUT('/calendar/days/{date}', {
          params: { path: { date } },
          body: { kind: values.kind, name: values.name.trim() },
        }),
      ),
    onSuccess: () => done(w.daySet(date)),
    onError: (error) => fail(error, form, { CALENDAR_WORKING_WEEKEND_NOT_WEEKEND: 'kind' }),
  });
  const clear = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/calendar/days/{date}', { params: { path: { date } } })),
    onSuccess: () => done(w.dayCleared(date)),
    onError: (error) => fail(error),
  });

  return (
    <Modal
      open
      title={w.dayTitle(date)}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {c.cancel}
        </Button>,
        day && (
          <Button key="clear" danger loading={clear.isPending} onClick={() => clear.mutate()}>
            {w.clear}
          </Button>
        ),
        <Button key="set" type="primary" loading={set.isPending} onClick={() => form.submit()}>
          {w.set}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        name="calendar-day"
        initialValues={{ kind: day?.kind ?? (weekend ? 'working_weekend' : 'holiday'), name: day?.name ?? '' }}
        onFinish={(values) => set.mutate(values)}
      >
        <Form.Item
          name="kind"
          label={w.kind}
          rules={[
            {
              validator: (_, kind: CalendarDayKind) =>
                kind === 'working_weekend' && !weekend
                  ? Promise.reject(new Error(w.workingWeekendOnlyWeekend))
                  : Promise.resolve(),
            },
          ]}
        >
          <Radio.Group
            options={[
              { value: 'holiday', label: w.holiday },
              { value: 'working_weekend', label: w.workingWeekend, disabled: !weekend },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={w.name}
          extra={w.nameHelp}
          rules={[{ required: true, whitespace: true, message: c.required }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
