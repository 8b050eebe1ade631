/** Number and date formats of the user's language (VS Code's display language). */
export class Formats {
  readonly money: Intl.NumberFormat;
  readonly number: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly date: Intl.DateTimeFormat;

  constructor(readonly language: string) {
    this.money = new Intl.NumberFormat(language, { style: 'currency', currency: 'BRL' });
    this.number = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    this.percent = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    // Four-digit years: a reset watermark (1900-01-01) must not read as 2000.
    const day = { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' } as const;
    this.dateTime = new Intl.DateTimeFormat(language, { ...day, hour: '2-digit', minute: '2-digit' });
    this.date = new Intl.DateTimeFormat(language, day);
  }

  pct(v: number): string {
    return `${this.percent.format(v)}%`;
  }

  when(iso: string | null): string {
    return iso === null ? '—' : `${this.dateTime.format(new Date(iso))} UTC`;
  }

  day(iso: string | null): string {
    return iso === null ? '—' : this.date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
  }
}

type DatePart = 'day' | 'month' | 'year';

/**
 * How a language writes a date (order of day, month and year, and the separator), so a typed
 * date follows VS Code's display language rather than the browser's: 31/12/2025 in pt-BR,
 * 12/31/2025 in en-US.
 */
export class DateFormat {
  readonly order: readonly DatePart[];
  readonly separator: string;

  constructor(language: string) {
    const parts = new Intl.DateTimeFormat(language, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2025, 11, 31)));
    const order = parts.map((p) => p.type).filter((p): p is DatePart => p === 'day' || p === 'month' || p === 'year');
    this.order = order.length === 3 ? order : ['year', 'month', 'day'];
    this.separator = parts.find((p) => p.type === 'literal')?.value.trim() || '-';
  }

  /** An ISO day (YYYY-MM-DD) as this language writes it. */
  format(iso: string): string {
    const [year = '', month = '', day = ''] = iso.slice(0, 10).split('-');
    const v: Record<DatePart, string> = { year, month, day };
    return this.order.map((p) => v[p]).join(this.separator);
  }

  /** The pattern shown as a placeholder, with the words of the language (`dd/mm/aaaa`). */
  pattern(words: Record<DatePart, string>): string {
    return this.order.map((p) => words[p]).join(this.separator);
  }

  /**
   * A typed date as an ISO day, or null unless it is complete and real: day, month and a
   * four-digit year from 1900 to 2999 in this language's order, with any separator or none
   * (`31122025`). An ISO day (2025-12-31) is accepted in every language.
   */
  parse(text: string): string | null {
    const s = text.trim();
    let fields: string[] | undefined;
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    const v: Partial<Record<DatePart, number>> = {};
    if (iso !== null) {
      [v.year, v.month, v.day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    } else {
      if (/^\d{8}$/.test(s)) {
        const widths: Record<DatePart, number> = { day: 2, month: 2, year: 4 };
        let at = 0;
        fields = this.order.map((p) => { const f = s.slice(at, at + widths[p]); at += widths[p]; return f; });
      } else {
        fields = s.split(/[^\d]+/);
      }
      if (fields.length !== 3 || fields.some((f) => f === '')) return null;
      this.order.forEach((p, i) => { v[p] = Number(fields?.[i]); });
      if ((fields[this.order.indexOf('year')] ?? '').length !== 4) return null;
    }
    const { year = 0, month = 0, day = 0 } = v;
    if (year < 1900 || year > 2999) return null;
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
    return d.toISOString().slice(0, 10);
  }
}
