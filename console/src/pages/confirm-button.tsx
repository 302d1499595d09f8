/** A destructive action in two steps: the first press asks, the second (Confirm) acts; Cancel backs out. */
import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  label: string;
  /** What the confirm step asks, e.g. `Remove source mali?` */
  question: string;
  disabled?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton({ label, question, disabled, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm">
      <span>{question}</span>{' '}
      <button
        type="button"
        class="danger"
        ref={confirmRef}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Confirm
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
