/**
 * `#/upload` and `#/sheets/{id}/upload`: choose or paste a fact sheet, preview what it would publish (the
 * parsed sheet and its diff against the latest revision), then publish and follow the upload resource
 * until ingest decides.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, apiSend } from '../api';
import { ProblemView } from '../components/problem';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import { type Preview, SHEET_ID_PATTERN, type Upload, type UploadAccepted } from './api-types';
import { diffHref, revisionsHref, sheetPath } from './links';
import { PreviewView } from './preview-view';
import { type SourceInput, UploadInput } from './upload-input';
import { watchUpload } from './upload-watch';
import { useHasToken } from './use-has-token';

type PreviewState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ok'; preview: Preview }
  | { state: 'failed'; problem: unknown };

type PublishState =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'watching'; upload: Upload | null }
  | { state: 'decided'; upload: Upload }
  | { state: 'failed'; problem: unknown };

/** The ingest reason code of a refused preview (422 `reason`), e.g. `no-content`. */
function reasonOf(problem: unknown): string | undefined {
  if (!(problem instanceof ApiProblem)) return undefined;
  const reason = problem.member('reason');
  return typeof reason === 'string' ? reason : undefined;
}

function bodyOf(input: SourceInput): Blob {
  return new Blob([input.bytes as BlobPart], { type: input.contentType });
}

/** Files are sent as chosen; pasted text was encoded as UTF-8. Both are what the API accepts. */
function typeOf(input: SourceInput): string {
  return `${input.contentType}; charset=utf-8`;
}

function Outcome({ sheetId, publish }: { sheetId: string; publish: PublishState }) {
  if (publish.state === 'idle') return null;
  if (publish.state === 'sending') return <p>Sending…</p>;
  if (publish.state === 'failed') return <ProblemView problem={publish.problem} context="Publishing" />;
  const upload = publish.upload;
  if (!upload || upload.status === 'pending') {
    return (
      <p>
        Upload stored; waiting for ingest to decide (status: pending)
        {publish.state === 'decided' ? '. It is still pending: reload this page’s revisions later.' : '…'}
      </p>
    );
  }
  const revisions = <a href={revisionsHref(sheetId)}>revisions of {sheetId}</a>;
  switch (upload.status) {
    case 'published': {
      const r = upload.revision ?? 0;
      return (
        <div class="outcome published">
          <p>
            <strong>Published</strong>: revision {r}.{' '}
            {r > 1 ? (
              <a href={diffHref(sheetId, r - 1, r)}>
                See what changed ({r - 1} → {r})
              </a>
            ) : null}{' '}
            See all {revisions}.
          </p>
        </div>
      );
    }
    case 'unchanged':
      return (
        <p class="outcome unchanged">
          <strong>Unchanged</strong>: identical to revision {upload.revision}; nothing was published. See{' '}
          {revisions}.
        </p>
      );
    case 'superseded':
      return (
        <p class="outcome superseded">
          <strong>Superseded</strong>: a newer upload{upload.supersededBy ? ` (${upload.supersededBy})` : ''}{' '}
          won before this one was decided.
        </p>
      );
    case 'rejected':
      return (
        <div class="outcome rejected" role="alert">
          <p>
            <strong>Rejected</strong>: <code>{upload.reason ?? 'unknown reason'}</code>
          </p>
          {upload.message && <p>{upload.message}</p>}
        </div>
      );
  }
}

export function UploadPage({ params }: PageProps) {
  usePageTitle(params.id ? `Upload to ${params.id}` : 'Upload');
  const hasToken = useHasToken();
  const [sheetId, setSheetId] = useState(params.id ?? '');
  const [touched, setTouched] = useState(false);
  const [input, setInput] = useState<SourceInput | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const [publish, setPublish] = useState<PublishState>({ state: 'idle' });
  // Leaving the page stops following the upload (ingest decides all the same).
  const leaving = useRef(new AbortController());
  useEffect(() => () => leaving.current.abort(), []);

  const idValid = SHEET_ID_PATTERN.test(sheetId);
  const idError = touched && !idValid ? 'A sheet id is 1–64 characters of a-z, 0-9 and -.' : null;
  const ready = idValid && input !== null;
  const busy = preview.state === 'loading' || publish.state === 'sending' || publish.state === 'watching';

  const changed = (next: SourceInput | null) => {
    setInput(next);
    setPreview({ state: 'idle' });
    setPublish({ state: 'idle' });
  };

  const runPreview = () => {
    setTouched(true);
    if (!ready || !input) return;
    setPreview({ state: 'loading' });
    setPublish({ state: 'idle' });
    apiSend<Preview>('POST', sheetPath(sheetId, 'preview'), bodyOf(input), typeOf(input)).then(
      (result) => setPreview({ state: 'ok', preview: result }),
      (err: unknown) => setPreview({ state: 'failed', problem: err }),
    );
  };

  const runPublish = async () => {
    setTouched(true);
    if (!ready || !input) return;
    setPublish({ state: 'sending' });
    try {
      const accepted = await apiSend<UploadAccepted>(
        'PUT',
        sheetPath(sheetId, 'source'),
        bodyOf(input),
        typeOf(input),
      );
      setPublish({ state: 'watching', upload: null });
      const upload = await watchUpload(sheetId, accepted.uploadId, {
        onStatus: (u) => setPublish({ state: 'watching', upload: u }),
        signal: leaving.current.signal,
      });
      setPublish({ state: 'decided', upload });
    } catch (err) {
      setPublish({ state: 'failed', problem: err });
    }
  };

  const rejectedReason = preview.state === 'failed' ? reasonOf(preview.problem) : undefined;
  return (
    <div class="upload-page">
      <h1>Upload a fact sheet</h1>
      {!hasToken && (
        <p class="token-hint">
          Previewing and publishing need the write token: set it with the token control above.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          runPreview();
        }}
      >
        <label for="upload-sheet-id">Sheet id</label>
        <input
          id="upload-sheet-id"
          name="sheetId"
          value={sheetId}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={idError ? 'true' : undefined}
          aria-describedby="upload-sheet-id-help"
          onInput={(e) => {
            setSheetId((e.currentTarget as HTMLInputElement).value.trim());
            setPreview({ state: 'idle' });
            setPublish({ state: 'idle' });
          }}
          onBlur={() => setTouched(true)}
        />
        <p id="upload-sheet-id-help" class={idError ? 'field-error' : 'field-help'}>
          {idError ?? 'Lowercase letters, digits and -, e.g. mali.'}
        </p>
        <UploadInput onChange={changed} />
        <div class="actions">
          <button type="submit" disabled={busy}>
            Preview
          </button>
          <button type="button" disabled={busy} onClick={runPublish}>
            Publish
          </button>
          {touched && input === null && (
            <span class="field-error">Choose a file or paste the text first.</span>
          )}
        </div>
      </form>
      <div aria-live="polite">
        {preview.state === 'loading' && <p>Parsing the preview…</p>}
        {preview.state === 'failed' && (
          <div class="preview-rejected">
            {rejectedReason && (
              <p>
                Ingest would reject this upload: <code>{rejectedReason}</code>
              </p>
            )}
            <ProblemView problem={preview.problem} context="Preview" />
          </div>
        )}
        <Outcome sheetId={sheetId} publish={publish} />
      </div>
      {preview.state === 'ok' && <PreviewView preview={preview.preview} />}
    </div>
  );
}
