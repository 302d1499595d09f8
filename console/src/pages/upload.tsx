/**
 * `#/upload` and `#/sheets/{id}/upload`: choose or paste a fact sheet, preview what it would publish (the
 * parsed sheet and its diff against the latest revision), then publish and follow the upload resource
 * until ingest decides.
 */
import { useState } from 'preact/hooks';
import { type ApiProblem, apiSend } from '../api';
import { ProblemView } from '../components/problem';
import { getToken } from '../token';
import { type Preview, SHEET_ID_PATTERN, type Upload, type UploadAccepted } from './api-types';
import { diffHref } from './figure-format';
import { PreviewView } from './preview-view';
import { type SourceInput, UploadInput } from './upload-input';
import { watchUpload } from './upload-watch';
import { asProblem, enc } from './use-api';

interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

type PreviewState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ok'; preview: Preview }
  | { state: 'failed'; problem: ApiProblem };

type PublishState =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'watching'; upload: Upload | null }
  | { state: 'decided'; upload: Upload }
  | { state: 'failed'; problem: ApiProblem };

function reasonOf(problem: ApiProblem): string | undefined {
  const reason = (problem as unknown as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : undefined;
}

function Outcome({ sheetId, publish }: { sheetId: string; publish: PublishState }) {
  if (publish.state === 'idle') return null;
  if (publish.state === 'sending') return <p>Sending…</p>;
  if (publish.state === 'failed') return <ProblemView problem={publish.problem} />;
  const upload = publish.upload;
  if (!upload || upload.status === 'pending') {
    return (
      <p>
        Upload stored; waiting for ingest to decide (status: pending)
        {publish.state === 'decided' ? '. It is still pending: reload this page’s revisions later.' : '…'}
      </p>
    );
  }
  const revisions = <a href={`#/sheets/${enc(sheetId)}/revisions`}>revisions of {sheetId}</a>;
  switch (upload.status) {
    case 'published': {
      const r = upload.revision ?? 0;
      return (
        <div class="outcome published">
          <p>
            <strong>Published</strong>: revision {r}.{' '}
            {r > 1 ? <a href={diffHref(sheetId, r - 1, r)}>See what changed ({r - 1} → {r})</a> : null} See
            all {revisions}.
          </p>
        </div>
      );
    }
    case 'unchanged':
      return (
        <p class="outcome unchanged">
          <strong>Unchanged</strong>: identical to revision {upload.revision}; nothing was published. See {revisions}.
        </p>
      );
    case 'superseded':
      return (
        <p class="outcome superseded">
          <strong>Superseded</strong>: a newer upload{upload.supersededBy ? ` (${upload.supersededBy})` : ''} won
          before this one was decided.
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
  const [sheetId, setSheetId] = useState(params.id ?? '');
  const [touched, setTouched] = useState(false);
  const [input, setInput] = useState<SourceInput | null>(null);
  const [preview, setPreview] = useState<PreviewState>({ state: 'idle' });
  const [publish, setPublish] = useState<PublishState>({ state: 'idle' });

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
    apiSend<Preview>('POST', `/sheets/${enc(sheetId)}/preview`, input.bytes, input.contentType).then(
      (result) => setPreview({ state: 'ok', preview: result }),
      (err: unknown) => setPreview({ state: 'failed', problem: asProblem(err) }),
    );
  };

  const runPublish = async () => {
    setTouched(true);
    if (!ready || !input) return;
    setPublish({ state: 'sending' });
    try {
      const accepted = await apiSend<UploadAccepted>(
        'PUT',
        `/sheets/${enc(sheetId)}/source`,
        input.bytes,
        input.contentType,
      );
      setPublish({ state: 'watching', upload: null });
      const upload = await watchUpload(sheetId, accepted.uploadId, {
        onStatus: (u) => setPublish({ state: 'watching', upload: u }),
      });
      setPublish({ state: 'decided', upload });
    } catch (err) {
      setPublish({ state: 'failed', problem: asProblem(err) });
    }
  };

  const rejectedReason = preview.state === 'failed' ? reasonOf(preview.problem) : undefined;
  return (
    <div class="upload-page">
      <h1>Upload a fact sheet</h1>
      {!getToken() && (
        <p class="token-hint">Previewing and publishing need the write token: set it with the token control above.</p>
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
          {touched && input === null && <span class="field-error">Choose a file or paste the text first.</span>}
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
            <ProblemView problem={preview.problem} />
          </div>
        )}
        <Outcome sheetId={sheetId} publish={publish} />
      </div>
      {preview.state === 'ok' && <PreviewView preview={preview.preview} />}
    </div>
  );
}
