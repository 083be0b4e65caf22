import { useState } from 'react';
import { Button, Card, Col, Row, Skeleton, Space } from 'antd';
import { ArrowLeftOutlined, MessageOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useMessages } from '../../i18n/i18n';
import { AssignmentHeader } from './AssignmentHeader';
import { AssignmentReplies } from './AssignmentReplies';
import { AssignmentTimeline } from './AssignmentTimeline';
import { CoOpinionsOfLead, OwnOpinion } from './CoOpinions';
import { ContactsDrawer } from './ContactsDrawer';
import { keys } from './data';
import { HandlingActions } from './HandlingActions';
import { assignmentMessages } from './messages';
import { abilitiesOf, todayInChina } from './model';
import { PendingRequests } from './PendingRequests';

/** One assignment of the user's bureau (/assignments/:id): what it is, what happened, what to do next. */
export function AssignmentPage() {
  const { id = '' } = useParams();
  const { api, user } = useSession();
  const m = useMessages(assignmentMessages);
  const [contactsOpen, setContactsOpen] = useState(false);
  const path = { params: { path: { id } } };

  const view = useQuery({
    queryKey: keys.view(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}', path)),
  });
  const assignment = view.data;
  const proposalId = assignment?.proposalId ?? '';
  const role = assignment?.role;
  const replying = role === 'lead' || role === 'separate';

  const proposal = useQuery({
    queryKey: keys.proposal(proposalId),
    queryFn: async () => unwrap(await api.GET('/proposals/{id}', { params: { path: { id: proposalId } } })),
    enabled: assignment !== undefined,
  });
  const timeline = useQuery({
    queryKey: keys.timeline(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/timeline', path)),
  });
  const requests = useQuery({
    queryKey: keys.requests(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/requests', path)),
  });
  const attachments = useQuery({
    queryKey: keys.attachments(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/attachments', path)),
  });
  const contacts = useQuery({
    queryKey: keys.contacts(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/contacts', path)),
    enabled: replying,
  });
  const replies = useQuery({
    queryKey: keys.replies(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/replies', path)),
    enabled: replying,
  });
  const opinion = useQuery({
    queryKey: keys.opinion(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/opinion', path)),
    enabled: role === 'co',
  });
  const coOpinions = useQuery({
    queryKey: keys.coOpinions(id),
    queryFn: async () => unwrap(await api.GET('/assignments/{id}/co-opinions', path)),
    enabled: role === 'lead',
  });

  const back = (
    <Link to="/assignments">
      <ArrowLeftOutlined aria-hidden /> {m.back}
    </Link>
  );
  if (view.isError) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {back}
        <LoadError error={view.error} onRetry={() => void view.refetch()} />
      </Space>
    );
  }
  if (!assignment) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  const abilities = abilitiesOf(assignment, user, todayInChina(), replies.data ?? []);
  const contactList = contacts.data ?? [];
  const files = attachments.data ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {back}
      <Card>
        <AssignmentHeader assignment={assignment} proposal={proposal.data} proposalError={proposal.isError} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={m.actions}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <HandlingActions assignment={assignment} abilities={abilities} />
                {replying && (
                  <Button icon={<MessageOutlined aria-hidden />} onClick={() => setContactsOpen(true)}>
                    {m.contactsCount(contactList.length)}
                  </Button>
                )}
                {requests.isError ? (
                  <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
                ) : (
                  <PendingRequests
                    reassignments={requests.data?.reassignments ?? []}
                    extensions={requests.data?.extensions ?? []}
                  />
                )}
              </Space>
            </Card>
            {role === 'co' && (
              <Card title={m.ownOpinion}>
                {opinion.isError ? (
                  <LoadError error={opinion.error} onRetry={() => void opinion.refetch()} />
                ) : opinion.data ? (
                  <OwnOpinion
                    assignmentId={id}
                    opinion={opinion.data}
                    attachments={files}
                    canDraft={abilities.draftOpinion}
                    canSend={abilities.sendOpinion}
                  />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            )}
            {role === 'lead' && (
              <Card title={m.coOpinions}>
                {coOpinions.isError ? (
                  <LoadError error={coOpinions.error} onRetry={() => void coOpinions.refetch()} />
                ) : coOpinions.data ? (
                  <CoOpinionsOfLead assignmentId={id} opinions={coOpinions.data} canWaive={abilities.waiveOpinion} />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            )}
            {replying && (
              <Card title={m.replies}>
                {replies.isError ? (
                  <LoadError error={replies.error} onRetry={() => void replies.refetch()} />
                ) : replies.data ? (
                  <AssignmentReplies assignmentId={id} replies={replies.data} canStart={abilities.startReply} />
                ) : (
                  <Skeleton active />
                )}
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <Card title={m.timeline}>
            {timeline.isError ? (
              <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />
            ) : timeline.data ? (
              <AssignmentTimeline entries={timeline.data} />
            ) : (
              <Skeleton active />
            )}
          </Card>
        </Col>
      </Row>
      {replying && (
        <ContactsDrawer
          assignmentId={id}
          open={contactsOpen}
          onClose={() => setContactsOpen(false)}
          contacts={contactList}
          attachments={files}
          canLog={abilities.logContact}
        />
      )}
    </Space>
  );
}
