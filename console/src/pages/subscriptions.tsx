/**
 * `#/subscriptions`: webhook subscriptions (reading them needs the token too: they name receivers); add
 * one and see its signing secret once, send a test ping, look at recent deliveries, remove.
 */
import { useState } from 'preact/hooks';
import { apiSend } from '../api';
import { ProblemView } from '../components/problem';
import type { PageProps } from '../routes';
import { usePageTitle } from '../title';
import type { Page, Subscription, SubscriptionCreated } from './api-types';
import { ConfirmButton } from './confirm-button';
import { enc } from './links';
import { Deliveries } from './subscription-deliveries';
import { SubscriptionForm } from './subscription-form';
import { useFreshApi } from './use-fresh-api';
import { useHasToken } from './use-has-token';

type ActionState = { message: string | null; problem: unknown };

function SecretOnce({ created, onDismiss }: { created: SubscriptionCreated; onDismiss: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () => {
    navigator.clipboard?.writeText(created.secret).then(
      () => setCopied('Copied to the clipboard.'),
      () => setCopied('Copying was refused: select the field and copy it yourself.'),
    );
  };
  return (
    <section class="secret-once" aria-labelledby="secret-heading">
      <h2 id="secret-heading">Signing secret of {created.id}</h2>
      <p>
        Copy it now: it is shown this once and never again. The receiver verifies every delivery with it
        (Standard Webhooks).
      </p>
      <label for="subscription-secret">Signing secret</label>
      <input
        id="subscription-secret"
        readOnly
        value={created.secret}
        size={Math.min(created.secret.length, 60)}
        onFocus={(e) => e.currentTarget.select()}
      />{' '}
      <button type="button" onClick={copy}>
        Copy secret
      </button>{' '}
      <button type="button" onClick={onDismiss}>
        I have copied it
      </button>
      <p aria-live="polite">{copied}</p>
    </section>
  );
}

function SubscriptionRow(props: {
  subscription: Subscription;
  act: (done: string, write: () => Promise<unknown>) => Promise<boolean>;
  reload: () => void;
  open: boolean;
  onToggle: () => void;
}) {
  const { subscription: s, act, reload } = props;
  const path = `/subscriptions/${enc(s.id)}`;
  return (
    <>
      <tr data-subscription={s.id}>
        <th scope="row">{s.id}</th>
        <td class="url">{s.url}</td>
        <td>{s.events.join(', ')}</td>
        <td>{s.sheets?.join(', ') ?? 'all'}</td>
        <td>{s.enabled ? 'enabled' : `disabled${s.disabledReason ? `: ${s.disabledReason}` : ''}`}</td>
        <td class="row-actions">
          <button
            type="button"
            onClick={() => act(`Test event queued for ${s.id}.`, () => apiSend('POST', `${path}/test`))}
          >
            Test<span class="visually-hidden"> {s.id}</span>
          </button>{' '}
          <button type="button" aria-expanded={props.open} onClick={props.onToggle}>
            Deliveries<span class="visually-hidden"> of {s.id}</span>
          </button>{' '}
          <ConfirmButton
            label={`Remove ${s.id}`}
            question={`Remove subscription ${s.id}?`}
            onConfirm={() => act(`Removed ${s.id}.`, () => apiSend('DELETE', path)).then(reload)}
          />
        </td>
      </tr>
      {props.open && (
        <tr class="deliveries-row">
          <td colSpan={6}>
            <Deliveries id={s.id} />
          </td>
        </tr>
      )}
    </>
  );
}

export function SubscriptionsPage(_props: PageProps) {
  usePageTitle('Subscriptions');
  const hasToken = useHasToken();
  // The list needs the token: read it again once one is set.
  const loaded = useFreshApi<Page<Subscription>>(hasToken ? '/subscriptions?limit=100' : null);
  const { reload } = loaded;
  const [action, setAction] = useState<ActionState>({ message: null, problem: null });
  const [created, setCreated] = useState<SubscriptionCreated | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const act = async (done: string, write: () => Promise<unknown>) => {
    setAction({ message: null, problem: null });
    try {
      await write();
      setAction({ message: done, problem: null });
      return true;
    } catch (err) {
      setAction({ message: null, problem: err });
      return false;
    }
  };

  return (
    <div class="subscriptions-page">
      <h1>Subscriptions</h1>
      <p>Webhook receivers of the pipeline's events, signed with Standard Webhooks.</p>
      {!hasToken && (
        <p class="token-hint">
          Subscriptions are read and changed with the write token: set it with the token control above.
        </p>
      )}
      <div aria-live="polite" class="action-status">
        {action.message && <p class="done">{action.message}</p>}
        {action.problem !== null && <ProblemView problem={action.problem} />}
      </div>
      {created && <SecretOnce created={created} onDismiss={() => setCreated(null)} />}
      {hasToken && loaded.state === 'loading' && <p aria-busy="true">Loading subscriptions…</p>}
      {loaded.state === 'failed' && (
        <ProblemView problem={loaded.error} context="Loading the subscriptions" />
      )}
      {loaded.state === 'done' &&
        (loaded.data.items.length === 0 ? (
          <p>No subscription yet.</p>
        ) : (
          <table class="subscriptions">
            <caption class="visually-hidden">Subscriptions</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Sheets</th>
                <th scope="col">State</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((s) => (
                <SubscriptionRow
                  key={s.id}
                  subscription={s}
                  act={act}
                  reload={reload}
                  open={open === s.id}
                  onToggle={() => setOpen(open === s.id ? null : s.id)}
                />
              ))}
            </tbody>
          </table>
        ))}
      <SubscriptionForm
        onCreated={(result) => {
          setAction({ message: null, problem: null });
          if ('secret' in result) setCreated(result as SubscriptionCreated);
          reload();
        }}
        onProblem={(problem) => setAction({ message: null, problem })}
      />
    </div>
  );
}
