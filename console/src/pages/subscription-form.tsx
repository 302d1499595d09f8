/** Registering a webhook subscription: id, receiver URL, which events, and optionally which sheets. */
import { useState } from 'preact/hooks';
import { apiSend } from '../api';
import { EVENT_TYPES, SHEET_ID_PATTERN, type Subscription, type SubscriptionCreated } from './api-types';
import { enc } from './links';

interface Props {
  onCreated: (result: Subscription | SubscriptionCreated) => void;
  onProblem: (problem: unknown) => void;
}

function sheetList(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function SubscriptionForm({ onCreated, onProblem }: Props) {
  const [id, setId] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['sheet.revision.published']);
  const [sheets, setSheets] = useState('');
  const [tried, setTried] = useState(false);

  const badSheets = sheetList(sheets).filter((s) => !SHEET_ID_PATTERN.test(s));
  const idError = tried && !SHEET_ID_PATTERN.test(id) ? 'An id is 1–64 characters of a-z, 0-9 and -.' : null;
  const eventsError = tried && events.length === 0 ? 'Choose at least one event.' : null;
  const sheetsError = tried && badSheets.length > 0 ? `Not sheet ids: ${badSheets.join(', ')}.` : null;

  const submit = (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (!SHEET_ID_PATTERN.test(id) || events.length === 0 || badSheets.length > 0) return;
    const chosen = sheetList(sheets);
    const body = { url, events, ...(chosen.length > 0 && { sheets: chosen }) };
    apiSend<Subscription | SubscriptionCreated>(
      'PUT',
      `/subscriptions/${enc(id)}`,
      JSON.stringify(body),
      'application/json',
    ).then(
      (result) => {
        setId('');
        setUrl('');
        setSheets('');
        setEvents(['sheet.revision.published']);
        setTried(false);
        onCreated(result);
      },
      (err: unknown) => onProblem(err),
    );
  };

  return (
    <form class="add-form" aria-labelledby="add-subscription-heading" onSubmit={submit}>
      <h2 id="add-subscription-heading">Add a subscription</h2>
      <label for="subscription-id">Id</label>
      <input
        id="subscription-id"
        value={id}
        autocomplete="off"
        aria-invalid={idError ? 'true' : undefined}
        aria-describedby="subscription-id-help"
        onInput={(e) => setId((e.currentTarget as HTMLInputElement).value.trim())}
      />
      <p id="subscription-id-help" class={idError ? 'field-error' : 'field-help'}>
        {idError ?? 'A name for this receiver, e.g. newsroom.'}
      </p>
      <label for="subscription-url">Receiver URL</label>
      <input
        id="subscription-url"
        type="url"
        required
        value={url}
        placeholder="https://hooks.example.org/factsheets"
        onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
      />
      <fieldset aria-describedby={eventsError ? 'subscription-events-error' : undefined}>
        <legend>Events</legend>
        {EVENT_TYPES.map((type) => (
          <label class="inline" key={type}>
            <input
              type="checkbox"
              name="events"
              value={type}
              checked={events.includes(type)}
              onChange={(e) =>
                setEvents((now) => (e.currentTarget.checked ? [...now, type] : now.filter((t) => t !== type)))
              }
            />{' '}
            {type}
          </label>
        ))}
        {eventsError && (
          <p id="subscription-events-error" class="field-error">
            {eventsError}
          </p>
        )}
      </fieldset>
      <label for="subscription-sheets">Only these sheets (optional)</label>
      <input
        id="subscription-sheets"
        value={sheets}
        aria-invalid={sheetsError ? 'true' : undefined}
        aria-describedby="subscription-sheets-help"
        onInput={(e) => setSheets((e.currentTarget as HTMLInputElement).value)}
      />
      <p id="subscription-sheets-help" class={sheetsError ? 'field-error' : 'field-help'}>
        {sheetsError ?? 'Sheet ids separated by commas or spaces; empty: every sheet.'}
      </p>
      <button type="submit">Add subscription</button>
    </form>
  );
}
