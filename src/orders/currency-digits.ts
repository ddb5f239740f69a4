/** Minor-unit digits of an ISO 4217 currency (EUR 2, JPY 0), as the ICU data Node ships says; 2 when unknown. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
