/**
 * `#/sources`: the URLs the scheduled refresh fetches sheets from, with each one's last check; add,
 * pause/resume, refresh now and remove (with a confirm step). Writes need the token.
 */
import { useState } from 'preact/hooks';
import { apiSend } from '../api';
import { ProblemView } from '../components/problem';
import { formatTime } from '../format';
import { href } from '../router';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import { type Page, SHEET_ID_PATTERN, type Source } from './api-types';
import { ConfirmButton } from './confirm-button';
import { enc } from './links';
import { useFreshApi } from './use-fresh-api';
import { useHasToken } from './use-has-token';

type ActionState = { message: string | null; problem: unknown; busy: boolean };

function AddSource({ onAdded, run }: { onAdded: () => void; run: Runner }) {
  const [id, setId] = useState('');
  const [url, setUrl] = useState('');
  const [paused, setPaused] = useState(false);
  const [tried, setTried] = useState(false);
  const idError =
    tried && !SHEET_ID_PATTERN.test(id) ? 'A sheet id is 1–64 characters of a-z, 0-9 and -.' : null;
  return (
    <form
      class="add-form"
      aria-labelledby="add-source-heading"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!SHEET_ID_PATTERN.test(id)) return;
        run(`Registered ${id}.`, () =>
          apiSend(
            'PUT',
            `/sources/${enc(id)}`,
            JSON.stringify({ url, enabled: !paused }),
            'application/json',
          ),
        ).then((ok) => {
          if (!ok) return;
          setId('');
          setUrl('');
          setTried(false);
          onAdded();
        });
      }}
    >
      <h2 id="add-source-heading">Add a source</h2>
      <label for="source-id">Sheet id</label>
      <input
        id="source-id"
        value={id}
        autocomplete="off"
        aria-invalid={idError ? 'true' : undefined}
        aria-describedby="source-id-help"
        onInput={(e) => setId((e.currentTarget as HTMLInputElement).value.trim())}
      />
      <p id="source-id-help" class={idError ? 'field-error' : 'field-help'}>
        {idError ?? 'The sheet this URL refreshes, e.g. mali.'}
      </p>
      <label for="source-url">URL</label>
      <input
        id="source-url"
        type="url"
        required
        value={url}
        placeholder="https://www.state.gov/…"
        onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
      />
      <label class="inline">
        <input type="checkbox" checked={paused} onChange={(e) => setPaused(e.currentTarget.checked)} /> Add it
        paused
      </label>
      <button type="submit">Add source</button>
    </form>
  );
}

/** Runs a write, reports its outcome on the page, and resolves whether it succeeded. */
type Runner = (done: string, write: () => Promise<unknown>) => Promise<boolean>;

function SourceRow({ source, run, reload }: { source: Source; run: Runner; reload: () => void }) {
  const path = `/sources/${enc(source.id)}`;
  const toggle = () =>
    run(source.enabled ? `Paused ${source.id}.` : `Resumed ${source.id}.`, () =>
      apiSend('PUT', path, JSON.stringify({ url: source.url, enabled: !source.enabled }), 'application/json'),
    ).then(reload);
  const refresh = () => run(`Checked ${source.id}.`, () => apiSend('POST', `${path}/refresh`)).then(reload);
  const remove = () => run(`Removed ${source.id}.`, () => apiSend('DELETE', path)).then(reload);
  return (
    <tr data-source={source.id}>
      <th scope="row">
        <a href={href('sheets', source.id)}>{source.id}</a>
      </th>
      <td class="url">{source.url}</td>
      <td>{source.enabled ? 'active' : 'paused'}</td>
      <td>{source.lastCheckedAt ? formatTime(source.lastCheckedAt) : 'never'}</td>
      <td class={source.lastStatus === 'failed' ? 'status-failed' : undefined}>{source.lastStatus ?? '—'}</td>
      <td class="error">{source.lastError ?? ''}</td>
      <td class="row-actions">
        <button type="button" onClick={toggle}>
          {source.enabled ? 'Pause' : 'Resume'}
          <span class="visually-hidden"> {source.id}</span>
        </button>{' '}
        <button type="button" onClick={refresh}>
          Refresh now<span class="visually-hidden"> {source.id}</span>
        </button>{' '}
        <ConfirmButton
          label={`Remove ${source.id}`}
          question={`Remove source ${source.id}?`}
          onConfirm={remove}
        />
      </td>
    </tr>
  );
}

export function SourcesPage(_props: PageProps) {
  usePageTitle('Sources');
  const hasToken = useHasToken();
  const loaded = useFreshApi<Page<Source>>('/sources?limit=100');
  const { reload } = loaded;
  const [action, setAction] = useState<ActionState>({ message: null, problem: null, busy: false });

  const run: Runner = async (done, write) => {
    setAction({ message: null, problem: null, busy: true });
    try {
      await write();
      setAction({ message: done, problem: null, busy: false });
      return true;
    } catch (err) {
      setAction({ message: null, problem: err, busy: false });
      return false;
    }
  };

  return (
    <div class="sources-page">
      <h1>Sources</h1>
      <p>URLs the scheduled refresh checks (conditional GET); changed content is ingested like an upload.</p>
      {!hasToken && (
        <p class="token-hint">Changing sources needs the write token: set it with the token control above.</p>
      )}
      <div aria-live="polite" class="action-status">
        {action.busy && <p>Working…</p>}
        {action.message && <p class="done">{action.message}</p>}
        {action.problem !== null && <ProblemView problem={action.problem} />}
      </div>
      {loaded.state === 'loading' && <p aria-busy="true">Loading sources…</p>}
      {loaded.state === 'failed' && <ProblemView problem={loaded.error} context="Loading the sources" />}
      {loaded.state === 'done' &&
        (loaded.data.items.length === 0 ? (
          <p>No source is registered.</p>
        ) : (
          <table class="sources">
            <caption class="visually-hidden">Registered sources</caption>
            <thead>
              <tr>
                <th scope="col">Sheet</th>
                <th scope="col">URL</th>
                <th scope="col">State</th>
                <th scope="col">Last checked</th>
                <th scope="col">Last status</th>
                <th scope="col">Last error</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((source) => (
                <SourceRow key={source.id} source={source} run={run} reload={reload} />
              ))}
            </tbody>
          </table>
        ))}
      {loaded.state === 'done' && loaded.data.nextCursor && <p>Showing the first 100 sources.</p>}
      <AddSource onAdded={reload} run={run} />
    </div>
  );
}
