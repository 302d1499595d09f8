/** A "failed" badge whose reason shows on hover and on keyboard focus (a tooltip tied by aria-describedby). */
export interface FailureBadgeProps {
  id: string;
  label: string;
  reason: string;
}

export function FailureBadge({ id, label, reason }: FailureBadgeProps) {
  return (
    <span class="badge-wrap">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: focus is how keyboard users read the reason. */}
      <span class="badge badge-failed" tabIndex={0} aria-describedby={id}>
        {label}
      </span>
      <span role="tooltip" id={id} class="tip">
        {reason}
      </span>
    </span>
  );
}
