import { useMemo } from 'react';
import { App, Button, Card, Flex, Skeleton, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, unwrap } from '../../api/errors';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { useI18n, useMessages } from '../../i18n/i18n';
import { reviewMessages } from './messages';

/** One page of the letter's SVG: where it starts and how big it is, in the SVG's units. */
export interface SvgPage {
  top: number;
  width: number;
  height: number;
}

function attribute(tag: string, name: string): string | null {
  return (
    new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`)
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined) ?? null
  );
}

/**
 * The pages Typst laid one under another in the SVG (`<g class="typst-page" transform="translate(0, y)"
 * data-page-width data-page-height>`). A document without such marks is one page, the whole image.
 */
export function svgPages(svg: string): SvgPage[] {
  const pages = [...svg.matchAll(/<g\s[^>]*class=["']typst-page["'][^>]*>/g)].map(([tag]) => ({
    top: Number(/translate\(\s*[-\d.]+\s*,\s*([-\d.]+)\s*\)/.exec(attribute(tag, 'transform') ?? '')?.[1] ?? 0),
    width: Number(attribute(tag, 'data-page-width')),
    height: Number(attribute(tag, 'data-page-height')),
  }));
  if (pages.length > 0 && pages.every((page) => page.width > 0 && page.height > 0)) return pages;
  const root = /<svg\s[^>]*>/.exec(svg)?.[0] ?? '';
  const [, , width, height] = (attribute(root, 'viewBox') ?? '0 0 595 842').split(/\s+/).map(Number);
  return [{ top: 0, width, height }];
}

/**
 * The letter exactly as it will print (GET /replies/{id}/preview, the SVG Typst makes from the
 * same source as the PDF), its A4 pages one under another. Shown as an image: the SVG is never
 * put into the page's DOM.
 */
export function LetterPreview({ replyId, revision }: { replyId: string; revision: string }) {
  const { api, download } = useSession();
  const { message } = App.useApp();
  const { t, lang } = useI18n();
  const w = useMessages(reviewMessages);
  const query = useQuery({
    queryKey: ['replies', replyId, 'preview', revision],
    queryFn: async () =>
      unwrap(
        await api.GET('/replies/{id}/preview', {
          params: { path: { id: replyId }, query: { format: 'svg' } },
          parseAs: 'text',
        }),
      ) as string,
  });
  const svg = query.data;
  const pages = useMemo(() => (svg ? svgPages(svg) : []), [svg]);
  const src = useMemo(() => (svg ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` : ''), [svg]);

  const downloadPdf = () =>
    download(`/replies/${replyId}/preview?format=pdf`, 'preview.pdf').catch((error: unknown) =>
      message.error(errorMessage(error, lang, t, w.downloadFailed)),
    );

  return (
    <Card
      title={w.previewTitle}
      extra={
        <Button icon={<FilePdfOutlined />} onClick={() => void downloadPdf()} data-testid="download-preview-pdf">
          {w.previewPdf}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {w.previewHint} {pages.length > 0 && w.previewPages(pages.length)}
      </Typography.Paragraph>
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Flex
          vertical
          gap={16}
          align="center"
          data-testid="letter-preview"
          data-pages={pages.length}
          style={{ background: '#f0f0f0', padding: 16 }}
        >
          {pages.map((page, i) => (
            <div
              key={page.top}
              data-testid="letter-page"
              style={{
                position: 'relative',
                width: '100%',
                maxWidth: 794,
                aspectRatio: `${page.width} / ${page.height}`,
                overflow: 'hidden',
                background: '#fff',
                boxShadow: '0 1px 4px rgba(0, 0, 0, 0.25)',
              }}
            >
              <img
                src={src}
                alt={w.previewAlt(i + 1)}
                style={{ position: 'absolute', left: 0, top: `${(-page.top / page.height) * 100}%`, width: '100%' }}
              />
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
