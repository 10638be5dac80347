/**
 * The AWS CLI shorthand syntax (docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html):
 * `Key=Value,Key2=Value2`, nested structures `Key={A=1,B=2}`, lists `Key=[a,b]` or `Key=a,b`, and quoted
 * keys or values (`{"2"=0.1}`). Values stay strings; the command's own validation converts them. A value that
 * starts with `{` or `[` at the top level is JSON, as the CLI decides.
 */
import { UsageError } from './errors';

export type Shorthand = string | Shorthand[] | { [k: string]: Shorthand };

class Parser {
  i = 0;
  constructor(
    readonly s: string,
    readonly option: string,
  ) {}

  fail(expected: string): never {
    const got = this.i >= this.s.length ? 'EOF' : this.s[this.i];
    throw new UsageError(`Error parsing parameter '${this.option}': Expected: '${expected}', received: '${got}' for input:\n${this.s}\n${' '.repeat(this.i)}^`);
  }

  ws(): void {
    while (this.s[this.i] === ' ') this.i++;
  }

  /** key=value pairs until `end` (a closing brace) or the end of input. */
  pairs(end: string | null): Record<string, Shorthand> {
    const out: Record<string, Shorthand> = {};
    let lastKey: string | null = null;
    for (;;) {
      this.ws();
      if (end !== null && this.s[this.i] === end) return out;
      const start = this.i;
      const key = this.key();
      this.ws();
      if (this.s[this.i] !== '=') {
        // `Key=a,b`: a word without "=" after a value continues that value as a list.
        if (lastKey !== null && key !== '') {
          this.i = start;
          const more = this.scalar(end);
          const prev = out[lastKey]!;
          out[lastKey] = Array.isArray(prev) ? [...prev, more] : [prev, more];
        } else this.fail('=');
      } else {
        this.i++;
        this.ws();
        out[key] = this.value(end);
        lastKey = key;
      }
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      if (end === null ? this.i >= this.s.length : this.s[this.i] === end) return out;
      this.fail(end === null ? ',' : `,' or '${end}`);
    }
  }

  key(): string {
    const q = this.s[this.i];
    if (q === '"' || q === "'") return this.quoted();
    const start = this.i;
    while (this.i < this.s.length && !'=,{}[]'.includes(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i).trim();
  }

  quoted(): string {
    const q = this.s[this.i]!;
    let out = '';
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== q) {
      if (this.s[this.i] === '\\' && this.i + 1 < this.s.length) this.i++;
      out += this.s[this.i];
      this.i++;
    }
    if (this.i >= this.s.length) this.fail(q);
    this.i++;
    return out;
  }

  value(end: string | null): Shorthand {
    const c = this.s[this.i];
    if (c === '{') {
      this.i++;
      const v = this.pairs('}');
      this.i++;
      return v;
    }
    if (c === '[') {
      this.i++;
      const items: Shorthand[] = [];
      for (;;) {
        this.ws();
        if (this.s[this.i] === ']') {
          this.i++;
          return items;
        }
        items.push(this.s[this.i] === '{' || this.s[this.i] === '[' ? this.value(']') : this.scalar(']'));
        this.ws();
        if (this.s[this.i] === ',') this.i++;
        else if (this.s[this.i] !== ']') this.fail(", or ]");
      }
    }
    return this.scalar(end);
  }

  scalar(end: string | null): string {
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.quoted();
    const start = this.i;
    const stops = end === ']' ? ',]' : end === '}' ? ',}' : ',';
    while (this.i < this.s.length && !stops.includes(this.s[this.i]!)) this.i++;
    return this.s.slice(start, this.i).trim();
  }
}

/** Parses a shorthand structure (or JSON if it starts with `{` or `[`). `option` names the flag in errors. */
export function parseStructure(text: string, option: string): Shorthand | unknown {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.parse(t) as unknown;
    } catch (err) {
      throw new UsageError(`Error parsing parameter '${option}': Invalid JSON: ${(err as Error).message}\nJSON received: ${text}`);
    }
  }
  const p = new Parser(text, option);
  return p.pairs(null);
}
