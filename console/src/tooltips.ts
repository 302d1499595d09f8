/**
 * Escape hides the tooltip of the focused or hovered figure or badge (WCAG 1.4.13: content shown on hover
 * or focus can be dismissed without moving focus); it shows again once focus or the pointer moves on.
 */
const DISMISSED = 'data-tip-dismissed';

function wrapperOf(element: Element | null): Element | null {
  return element?.closest('.fig-wrap, .badge-wrap') ?? null;
}

export function installTooltipDismissal(root: Document = document): void {
  let hovered: Element | null = null;
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const wrapper = wrapperOf(root.activeElement) ?? hovered;
    wrapper?.setAttribute(DISMISSED, '');
  });
  const reset = (target: EventTarget | null) => {
    const wrapper = target instanceof Element ? wrapperOf(target) : null;
    for (const dismissed of root.querySelectorAll(`[${DISMISSED}]`)) {
      if (dismissed !== wrapper) dismissed.removeAttribute(DISMISSED);
    }
    return wrapper;
  };
  root.addEventListener('focusin', (event) => {
    reset(event.target);
  });
  root.addEventListener('mouseover', (event) => {
    hovered = reset(event.target);
  });
}
