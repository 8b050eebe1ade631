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
    this.dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' });
    this.date = new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' });
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
