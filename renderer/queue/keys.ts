// Single-key shortcuts must not steal keystrokes from a field the rep is typing in.
export const isTextEntry = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)));

// Enter on a button, link or summary already means "press this": leave it to the element.
export const isActivatable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && target.closest('button, a, summary') !== null;

// The digit of a number key (top row or keypad), also under Alt, where some layouts change `key`.
export const digitOf = (event: { code: string; key: string }): number | null => {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match ? Number(match[1]) : null;
};
