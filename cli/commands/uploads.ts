/** `uploads ID` (recent uploads and their fate) and `upload-status ID UPLOAD_ID` (one of them). */
import { requirePositionals } from '../args';
import type { CommandContext } from '../context';
import { formatJson, formatTable } from '../format';

export interface UploadView {
  sheetId: string;
  uploadId: string;
  status: 'pending' | 'published' | 'unchanged' | 'superseded' | 'rejected';
  uploadedAt: string;
  decidedAt?: string;
  revision?: number;
  reason?: string;
  message?: string;
  supersededBy?: string;
}

/** `rejected: no-content — the page has no text content`, `published 3`, `superseded by 1a2b…`. */
export function describeUpload(
  u: Pick<UploadView, 'status' | 'revision' | 'reason' | 'message' | 'supersededBy'>,
): string {
  switch (u.status) {
    case 'rejected':
      return `rejected: ${u.reason ?? 'unknown'} — ${u.message ?? ''}`.trimEnd();
    case 'superseded':
      return u.supersededBy ? `superseded by ${u.supersededBy.slice(0, 12)}` : 'superseded by a newer upload';
    case 'published':
    case 'unchanged':
      return `${u.status} (revision ${u.revision})`;
    default:
      return u.status;
  }
}

function table(rows: UploadView[]): string {
  return formatTable(rows, [
    { header: 'UPLOAD', value: (u) => u.uploadId.slice(0, 12) },
    { header: 'UPLOADED', value: (u) => u.uploadedAt },
    { header: 'DECIDED', value: (u) => u.decidedAt },
    { header: 'OUTCOME', value: describeUpload, full: true },
  ]);
}

export const uploadPath = (id: string, uploadId: string) =>
  `/sheets/${encodeURIComponent(id)}/uploads/${encodeURIComponent(uploadId)}`;

export async function uploadsCommand(ctx: CommandContext): Promise<number> {
  const [id] = requirePositionals(ctx.positionals, ['ID'], 'factsheet uploads ID');
  const page = await ctx.api.get<{ items: UploadView[] }>(`/sheets/${encodeURIComponent(id!)}/uploads`, {
    limit: 20,
  });
  ctx.io.stdout.write(ctx.flags.json ? formatJson(page.items) : table(page.items));
  return 0;
}

export async function uploadStatusCommand(ctx: CommandContext): Promise<number> {
  const [id, uploadId] = requirePositionals(
    ctx.positionals,
    ['ID', 'UPLOAD_ID'],
    'factsheet upload-status ID UPLOAD_ID',
  );
  const upload = await ctx.api.get<UploadView>(uploadPath(id!, uploadId!));
  ctx.io.stdout.write(ctx.flags.json ? formatJson(upload) : table([upload]));
  return upload.status === 'rejected' || upload.status === 'superseded' ? 1 : 0;
}
