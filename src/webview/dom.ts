// Tiny DOM helpers for the form page. Text is always set as text, never parsed as HTML.

type Props = Record<string, unknown>;

/** Creates an element, assigns properties (not attributes) and appends children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key.startsWith('attr:')) node.setAttribute(key.slice(5), String(value));
    else (node as unknown as Props)[key] = value;
  }
  for (const child of children)
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** Replaces an element's content with plain text. */
export function setText(node: Element, text: string): void {
  node.textContent = text;
}
