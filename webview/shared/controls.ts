import { h } from './dom';
import { DateFormat } from './format';
import { t, uiLanguage } from './l10n';

/**
 * Registers the @vscode-elements controls the dashboards use (only these, to keep the bundle
 * small). The package is ESM-only; esbuild inlines these imports into the bundle.
 */
export async function defineControls(): Promise<void> {
  await Promise.all([
    import('@vscode-elements/elements/dist/vscode-button/index.js'),
    import('@vscode-elements/elements/dist/vscode-single-select/index.js'),
    import('@vscode-elements/elements/dist/vscode-option/index.js'),
    import('@vscode-elements/elements/dist/vscode-textfield/index.js'),
  ]);
}

let fieldIds = 0;

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The accessible name of a @vscode-elements control. Its focusable part (the combobox, the
 * input) lives in the shadow DOM, where neither `<label for>` nor `aria-label` on the host
 * reaches; the component's own `label` property is what names it.
 */
function name<E extends HTMLElement>(el: E, label: string): E {
  (el as E & { label: string }).label = label;
  return el;
}

/** A labelled vscode-single-select; `onChange` receives the chosen value ('' = all). */
export function selectField(label: string, testId: string, options: readonly SelectOption[], value: string, onChange: (v: string) => void): HTMLElement {
  const id = `f${++fieldIds}`;
  const select = name(h('vscode-single-select', { id, 'data-testid': testId },
    ...options.map((o) => h('vscode-option', { value: o.value, selected: o.value === value }, o.label))), label);
  select.addEventListener('change', () => onChange((select as HTMLElement & { value: string }).value));
  return h('div', { class: 'field' }, h('label', { for: id }, label), select);
}

/**
 * A labelled date field written in VS Code's display language (not the browser's: a native date
 * input follows the browser). It applies only a complete, real date, when the user commits it
 * (Enter or leaving the field); anything else is marked invalid with the expected pattern.
 */
export function dateField(label: string, testId: string, value: string, onChange: (isoDay: string) => void): HTMLElement {
  const id = `f${++fieldIds}`;
  const format = new DateFormat(uiLanguage());
  const pattern = format.pattern({ day: t('dd'), month: t('mm'), year: t('yyyy') });
  const hint = h('span', { id: `${id}-hint`, class: 'field-hint', 'aria-live': 'polite' });
  const input = name(h('vscode-textfield', {
    id, value: format.format(value), placeholder: pattern, 'data-testid': testId, 'data-value': value, 'aria-describedby': `${id}-hint`,
  }), `${label} (${pattern})`);
  const field = input as HTMLElement & { value: string; invalid: boolean };
  field.addEventListener('change', () => {
    const iso = format.parse(field.value);
    field.invalid = iso === null;
    hint.textContent = iso === null ? t('Type a date as {0}', pattern) : '';
    if (iso !== null && iso !== value) onChange(iso);
  });
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint);
}

/** A filter as text (exported snapshots: the values shown, with nothing to operate). */
export function filterText(label: string, testId: string, value: string): HTMLElement {
  return h('div', { class: 'field static', 'data-testid': testId }, h('span', { class: 'field-label' }, label), h('span', { class: 'field-value' }, value));
}

export interface ButtonOptions {
  readonly secondary?: boolean;
  readonly disabled?: boolean;
  /** Tooltip. */
  readonly title?: string;
  /** Accessible name when the visible text alone is ambiguous; it begins with the visible text. */
  readonly name?: string;
}

export function button(label: string, testId: string, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  return h('vscode-button', {
    'data-testid': testId, secondary: options.secondary === true, disabled: options.disabled === true,
    title: options.title ?? null, 'aria-label': options.name ?? null, onclick: () => onClick(),
  }, label);
}
