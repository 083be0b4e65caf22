import { Button, Card, Flex, Form, Input, InputNumber, Radio, Switch, Tag, Typography } from 'antd';
import { useMessages } from '../../i18n/i18n';
import * as draft from './draftState';
import { type FieldNote, FieldItem } from './FieldItem';
import { draftMessages } from './messages';
import type { Disclosure, GradeClass, ReplyContent, ReplySection } from './types';

type Update = (change: (content: ReplyContent) => ReplyContent) => void;

export interface DraftFormProps {
  content: ReplyContent;
  update: Update;
  editable: boolean;
  gradeClasses: readonly GradeClass[];
  notesFor: (field: draft.FieldKey) => FieldNote[];
  commentsOn: (field: draft.FieldKey) => number;
  defaultTitle: '委员' | '代表';
}

const DISCLOSURES: readonly Disclosure[] = ['public', 'on_request', 'not_public'];

/** Every part of the letter the clerk writes, in the letter's order; disabled when read-only. */
export function DraftForm({
  content,
  update,
  editable,
  gradeClasses,
  notesFor,
  commentsOn,
  defaultTitle,
}: DraftFormProps) {
  const m = useMessages(draftMessages);
  const mode = draft.addresseeModeOf(content);
  const { TextArea } = Input;

  const commentTag = (field: draft.FieldKey) => {
    const count = commentsOn(field);
    return count > 0 ? (
      <Tag color="orange" data-testid={`comment-count-${field}`}>
        {m.commentsTitle} {count}
      </Tag>
    ) : null;
  };

  const paragraphList = (
    list: draft.TextList,
    labelOf: (i: number) => string,
    addText: string,
    removeText: (i: number) => string,
  ) => (
    <Flex vertical gap={8}>
      {content[list].map((text, i) => (
        <Flex key={i} gap={8} align="start">
          <TextArea
            id={`${list}-${i}`}
            aria-label={labelOf(i)}
            value={text}
            autoSize={{ minRows: 2 }}
            onChange={(e) => update((c) => draft.setText(c, list, i, e.target.value))}
          />
          {editable && (
            <Button aria-label={removeText(i)} onClick={() => update((c) => draft.removeText(c, list, i))}>
              {m.remove}
            </Button>
          )}
        </Flex>
      ))}
      {editable && (
        <Button type="dashed" onClick={() => update((c) => draft.addText(c, list))}>
          {addText}
        </Button>
      )}
    </Flex>
  );

  const sourceTag = (section: ReplySection) => {
    const source = section.source;
    if (!source) return null;
    const text =
      source.kind === 'co_opinion'
        ? m.sourceCo(source.bureauName ?? '')
        : source.kind === 'past_reply'
          ? m.sourcePastReply(source.sectionIndex)
          : m.sourceArchived(source.sectionIndex);
    return (
      <Tag color="blue" data-testid="section-source">
        {text}
      </Tag>
    );
  };

  return (
    <Form layout="vertical" disabled={!editable} component="div">
      <Card title={m.sectionGrade} size="small" style={{ marginBottom: 16 }} extra={commentTag('grade')}>
        <FieldItem field="grade" label={m.grade} notes={notesFor('grade')}>
          <Radio.Group
            aria-label={m.grade}
            value={content.proposedGrade.grade}
            onChange={(e) => update((c) => draft.setGrade(c, e.target.value as string))}
          >
            <Flex vertical gap={4}>
              {gradeClasses.map((c) => (
                <Radio key={c.grade} value={c.grade} data-testid={`grade-${c.grade}`}>
                  <strong>{c.grade}</strong> {c.label}
                  {c.meaning && (
                    <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                      {c.meaning}
                    </Typography.Text>
                  )}
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </FieldItem>
        <FieldItem
          field="gradeJustification"
          label={m.gradeJustification}
          htmlFor="grade-justification"
          notes={notesFor('gradeJustification')}
        >
          <TextArea
            id="grade-justification"
            value={content.proposedGrade.justification}
            autoSize={{ minRows: 2 }}
            onChange={(e) => update((c) => draft.setGradeJustification(c, e.target.value))}
          />
        </FieldItem>
      </Card>

      <Card
        title={m.sectionHeader}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          <>
            {commentTag('title')}
            {commentTag('addressees')}
            {commentTag('opening')}
          </>
        }
      >
        <FieldItem field="title" label={m.title} htmlFor="reply-title" notes={notesFor('title')}>
          <Input
            id="reply-title"
            value={content.title}
            onChange={(e) => update((c) => ({ ...c, title: e.target.value }))}
          />
        </FieldItem>
        <FieldItem
          field="addressees"
          label={m.addresseeMode}
          notes={notesFor('addressees')}
          extra={
            <span data-testid="addressee-preview">
              {m.addresseePreview}：{draft.addresseeLine(content)}
            </span>
          }
        >
          <Flex vertical gap={8}>
            <Radio.Group
              aria-label={m.addresseeMode}
              value={mode}
              onChange={(e) =>
                update((c) => draft.setAddresseeMode(c, e.target.value as draft.AddresseeMode, defaultTitle))
              }
            >
              <Radio value="people">{m.modePeople}</Radio>
              <Radio value="organisation">{m.modeOrganisation}</Radio>
            </Radio.Group>
            {mode === 'people' ? (
              <>
                {content.addressees.people.map((name, i) => (
                  <Flex key={i} gap={8}>
                    <Input
                      id={`addressee-${i}`}
                      aria-label={m.person(i)}
                      value={name}
                      onChange={(e) => update((c) => draft.setPerson(c, i, e.target.value))}
                    />
                    {editable && (
                      <Button aria-label={m.removePerson(i)} onClick={() => update((c) => draft.removePerson(c, i))}>
                        {m.removePerson(i)}
                      </Button>
                    )}
                  </Flex>
                ))}
                {editable && (
                  <Button type="dashed" onClick={() => update(draft.addPerson)}>
                    {m.addPerson}
                  </Button>
                )}
                <Radio.Group
                  aria-label={m.addresseeTitle}
                  value={content.addressees.title}
                  onChange={(e) =>
                    update((c) => ({ ...c, addressees: { ...c.addressees, title: e.target.value as '委员' | '代表' } }))
                  }
                >
                  <Radio value="委员">委员</Radio>
                  <Radio value="代表">代表</Radio>
                </Radio.Group>
              </>
            ) : (
              <Input
                id="addressee-organisation"
                aria-label={m.organisation}
                value={content.addressees.organisation ?? ''}
                onChange={(e) =>
                  update((c) => ({ ...c, addressees: { ...c.addressees, organisation: e.target.value } }))
                }
              />
            )}
          </Flex>
        </FieldItem>
        <FieldItem field="honorific" label={m.honorific} htmlFor="addressee-honorific">
          <Input
            id="addressee-honorific"
            value={content.addressees.honorific}
            onChange={(e) => update((c) => ({ ...c, addressees: { ...c.addressees, honorific: e.target.value } }))}
          />
        </FieldItem>
        <FieldItem field="opening" label={m.opening} htmlFor="reply-opening" notes={notesFor('opening')}>
          <TextArea
            id="reply-opening"
            value={content.opening}
            autoSize={{ minRows: 2 }}
            onChange={(e) => update((c) => ({ ...c, opening: e.target.value }))}
          />
        </FieldItem>
        <FieldItem field="preamble" label={m.preamble} notes={notesFor('preamble')}>
          {paragraphList('preamble', m.preambleParagraph, m.addPreamble, m.removePreamble)}
        </FieldItem>
      </Card>

      <Card
        title={m.sectionsTitle}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          <Form.Item label={m.headingsOnOwnLine} htmlFor="headings-own-line" style={{ margin: 0 }} colon={false}>
            <Switch
              id="headings-own-line"
              checked={content.headingsOnOwnLine}
              onChange={(checked) => update((c) => ({ ...c, headingsOnOwnLine: checked }))}
            />
          </Form.Item>
        }
      >
        <FieldItem field="body" label={m.bodyMissingHere} notes={notesFor('body')}>
          <Flex vertical gap={12}>
            {content.sections.length === 0 && <Typography.Text type="secondary">{m.noSections}</Typography.Text>}
            {content.sections.map((section, i) => {
              const field: draft.FieldKey = `section:${i}`;
              return (
                <Card
                  key={i}
                  size="small"
                  type="inner"
                  data-testid={`section-${i}`}
                  title={
                    <span>
                      {m.sectionLabel(i)} {sourceTag(section)}
                    </span>
                  }
                  extra={
                    <Flex gap={4} wrap>
                      {commentTag(field)}
                      {editable && (
                        <>
                          <Button
                            size="small"
                            aria-label={m.moveUp(i)}
                            disabled={i === 0}
                            onClick={() => update((c) => draft.moveSection(c, i, -1))}
                          >
                            ↑
                          </Button>
                          <Button
                            size="small"
                            aria-label={m.moveDown(i)}
                            disabled={i === content.sections.length - 1}
                            onClick={() => update((c) => draft.moveSection(c, i, 1))}
                          >
                            ↓
                          </Button>
                          <Button
                            size="small"
                            danger
                            aria-label={m.removeSection(i)}
                            onClick={() => update((c) => draft.removeSection(c, i))}
                          >
                            {m.removeSection(i)}
                          </Button>
                        </>
                      )}
                    </Flex>
                  }
                >
                  <FieldItem
                    field={field}
                    label={m.sectionHeading(i)}
                    htmlFor={`section-${i}-heading`}
                    notes={notesFor(field)}
                  >
                    <Input
                      id={`section-${i}-heading`}
                      value={section.heading}
                      onChange={(e) => update((c) => draft.setSectionHeading(c, i, e.target.value))}
                    />
                  </FieldItem>
                  <Flex vertical gap={8}>
                    {section.paragraphs.map((text, j) => (
                      <Flex key={j} gap={8} align="start">
                        <TextArea
                          id={`section-${i}-paragraph-${j}`}
                          aria-label={m.sectionParagraph(i, j)}
                          value={text}
                          autoSize={{ minRows: 3 }}
                          onChange={(e) => update((c) => draft.setParagraph(c, i, j, e.target.value))}
                        />
                        {editable && (
                          <Button
                            aria-label={m.removeParagraph(i, j)}
                            onClick={() => update((c) => draft.removeParagraph(c, i, j))}
                          >
                            {m.removeParagraph(i, j)}
                          </Button>
                        )}
                      </Flex>
                    ))}
                    {editable && (
                      <Button type="dashed" onClick={() => update((c) => draft.addParagraph(c, i))}>
                        {m.addParagraph(i)}
                      </Button>
                    )}
                  </Flex>
                </Card>
              );
            })}
            {editable && (
              <Button type="dashed" onClick={() => update((c) => draft.addSection(c))}>
                {m.addSection}
              </Button>
            )}
          </Flex>
        </FieldItem>
        <FieldItem field="closing" label={m.closing} notes={notesFor('closing')}>
          {paragraphList('closing', m.closingParagraph, m.addClosing, m.removeClosing)}
        </FieldItem>
      </Card>

      <Card
        title={m.sectionFoot}
        size="small"
        style={{ marginBottom: 16 }}
        extra={
          <>
            {commentTag('issuer')}
            {commentTag('contactName')}
            {commentTag('cc')}
            {commentTag('disclosure')}
          </>
        }
      >
        <FieldItem field="issuer" label={m.issuer} htmlFor="reply-issuer" notes={notesFor('issuer')}>
          <Input
            id="reply-issuer"
            value={content.issuer}
            onChange={(e) => update((c) => ({ ...c, issuer: e.target.value }))}
          />
        </FieldItem>
        <Flex gap={16} wrap>
          <div style={{ flex: 1, minWidth: 200 }}>
            <FieldItem field="contactName" label={m.contactName} htmlFor="contact-name" notes={notesFor('contactName')}>
              <Input
                id="contact-name"
                value={content.contact?.name ?? ''}
                onChange={(e) => update((c) => draft.setContact(c, { name: e.target.value }))}
              />
            </FieldItem>
          </div>
          <div style={{ flex: 1, minWidth: 200 }}>
            <FieldItem
              field="contactPhone"
              label={m.contactPhone}
              htmlFor="contact-phone"
              notes={notesFor('contactPhone')}
            >
              <Input
                id="contact-phone"
                inputMode="tel"
                value={content.contact?.phone ?? ''}
                onChange={(e) => update((c) => draft.setContact(c, { phone: e.target.value }))}
              />
            </FieldItem>
          </div>
        </Flex>
        <FieldItem
          field="cc"
          label={m.cc}
          notes={notesFor('cc')}
          extra={
            <span data-testid="cc-preview">
              {m.ccPreview}：{draft.ccLine(content.cc)}
            </span>
          }
        >
          <Flex vertical gap={8}>
            {content.cc.map((entry, i) => (
              <Flex key={i} gap={8} align="center">
                <Input
                  id={`cc-${i}-recipient`}
                  aria-label={m.ccRecipient(i)}
                  value={entry.recipient}
                  onChange={(e) => update((c) => draft.setCc(c, i, { recipient: e.target.value }))}
                />
                <InputNumber
                  id={`cc-${i}-copies`}
                  aria-label={m.ccCopies(i)}
                  min={1}
                  max={99}
                  precision={0}
                  suffix={m.copiesSuffix}
                  value={entry.copies}
                  style={{ width: 120 }}
                  onChange={(value) =>
                    update((c) => draft.setCc(c, i, { copies: typeof value === 'number' ? value : 1 }))
                  }
                />
                {editable && (
                  <Button aria-label={m.removeCc(i)} onClick={() => update((c) => draft.removeCc(c, i))}>
                    {m.removeCc(i)}
                  </Button>
                )}
              </Flex>
            ))}
            {editable && (
              <Button type="dashed" onClick={() => update((c) => draft.addCc(c))}>
                {m.addCc}
              </Button>
            )}
          </Flex>
        </FieldItem>
        <FieldItem field="disclosure" label={m.disclosure} notes={notesFor('disclosure')}>
          <Radio.Group
            aria-label={m.disclosure}
            value={content.disclosure.level}
            onChange={(e) => update((c) => draft.setDisclosure(c, e.target.value as Disclosure))}
          >
            {DISCLOSURES.map((level) => (
              <Radio key={level} value={level}>
                {m[`disclosureLevel.${level}`]}
              </Radio>
            ))}
          </Radio.Group>
        </FieldItem>
        {content.disclosure.level !== 'public' && (
          <FieldItem
            field="disclosureReason"
            label={m.disclosureReason}
            htmlFor="disclosure-reason"
            required
            notes={notesFor('disclosureReason')}
          >
            <TextArea
              id="disclosure-reason"
              aria-required
              value={content.disclosure.reason ?? ''}
              autoSize={{ minRows: 2 }}
              onChange={(e) => update((c) => draft.setDisclosureReason(c, e.target.value))}
            />
          </FieldItem>
        )}
      </Card>
    </Form>
  );
}
