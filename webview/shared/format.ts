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
