/** A subscription's recent delivery attempts, newest first, reloadable (a test ping lands in a moment). */
import { ProblemView } from '../components/problem';
import { formatTime } from '../format';
import type { DeliveryList } from './api-types';
import { enc } from './links';
import { useFreshApi } from './use-fresh-api';

export function Deliveries({ id }: { id: string }) {
  const loaded = useFreshApi<DeliveryList>(`/subscriptions/${enc(id)}/deliveries?limit=20`);
  return (
    <div class="deliveries">
      <h3>Recent deliveries to {id}</h3>
      <button type="button" onClick={loaded.reload}>
        Reload deliveries<span class="visually-hidden"> of {id}</span>
      </button>
      {loaded.state === 'loading' && <p aria-busy="true">Loading deliveries…</p>}
      {loaded.state === 'failed' && <ProblemView problem={loaded.error} context="Loading the deliveries" />}
      {loaded.state === 'done' &&
        (loaded.data.items.length === 0 ? (
          <p>No delivery yet.</p>
        ) : (
          <table class="delivery-list">
            <thead>
              <tr>
                <th scope="col">At</th>
                <th scope="col">Event</th>
                <th scope="col">Attempt</th>
                <th scope="col">HTTP status</th>
                <th scope="col">Outcome</th>
                <th scope="col">Took</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.items.map((d) => (
                <tr key={`${d.eventId}-${d.attempt}`} data-outcome={d.outcome}>
                  <td>{formatTime(d.at)}</td>
                  <td>{d.eventType}</td>
                  <td>{d.attempt}</td>
                  <td>{d.status ?? 'no answer'}</td>
                  <td>{d.outcome}</td>
                  <td>{Math.round(d.durationMs)} ms</td>
                  <td>{d.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </div>
  );
}
