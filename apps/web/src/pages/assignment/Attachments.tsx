import { useRef } from 'react';
import { App as AntApp, Button, Space } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../auth/session';
import { useI18n, useMessages } from '../../i18n/i18n';
import { assignmentMessages } from './messages';
import type { Attachment } from './model';

/** The files, each a button that downloads it with the session's token. */
export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  const { download } = useSession();
  const { message } = AntApp.useApp();
  const { t, lang } = useI18n();
  const m = useMessages(assignmentMessages);
  if (attachments.length === 0) return null;
  return (
    <Space wrap size={4}>
      {attachments.map((file) => (
        <Button
          key={file.id}
          type="link"
          size="small"
          icon={<PaperClipOutlined aria-hidden />}
          aria-label={m.download(file.filename)}
          onClick={() =>
            void download(`/attachments/${file.id}`, file.filename).catch((error: unknown) =>
              message.error(errorMessage(error, lang, t, m.failed)),
            )
          }
        >
          {file.filename}
        </Button>
      ))}
    </Space>
  );
}

/** A button that picks a file and hands it over; the input it drives is labelled for screen readers. */
export function UploadButton({
  label,
  uploading,
  onFile,
}: {
  label: string;
  uploading: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        aria-label={label}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button
        size="small"
        icon={<UploadOutlined aria-hidden />}
        loading={uploading}
        onClick={() => input.current?.click()}
      >
        {label}
      </Button>
    </>
  );
}

/** The multipart body of an upload (the API reads the part named `file`). */
export function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}
