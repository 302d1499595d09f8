/**
 * The write token control in the header: asks once per browser session (sessionStorage), opens by itself
 * when the API answers 401 or 403, and can forget the token. Reads never need it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onAuthRequired } from '../api';
import { clearToken, getToken, onTokenChange, setToken } from '../token';

export function TokenControl() {
  const [hasToken, setHasToken] = useState(() => getToken() !== null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => onTokenChange(() => setHasToken(getToken() !== null)), []);
  useEffect(
    () =>
      onAuthRequired((problem) => {
        setReason(
          problem.status === 403
            ? 'The API refused this token. Enter a valid write token, then try again.'
            : 'This action needs the write token. Enter it, then try again.',
        );
        setOpen(true);
      }),
    [],
  );
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const save = (event: Event) => {
    event.preventDefault();
    const value = input.current?.value.trim() ?? '';
    if (!value) return;
    setToken(value);
    setOpen(false);
    setReason('');
  };

  if (!open) {
    return (
      <div class="token-control">
        {hasToken ? (
          <>
            <span class="token-state">Write token set</span>
            <button type="button" onClick={() => clearToken()}>
              Forget token
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            Enter write token
          </button>
        )}
      </div>
    );
  }
  return (
    <form class="token-control token-form" onSubmit={save}>
      {reason ? (
        <p class="token-reason" role="alert">
          {reason}
        </p>
      ) : null}
      <label for="token-input">Write token</label>
      <input
        id="token-input"
        ref={input}
        type="password"
        autoComplete="off"
        spellcheck={false}
        aria-describedby="token-help"
        required
      />
      <span id="token-help" class="visually-hidden">
        Kept for this browser session only; sent as a bearer header, never in a URL or a cookie.
      </span>
      <button type="submit">Save token</button>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          setReason('');
        }}
      >
        Cancel
      </button>
    </form>
  );
}
