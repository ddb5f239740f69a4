/**
 * The redaction every CLI line passes through. It delegates to src/http/redact.ts (the one
 * registry of secrets) once that module is in the tree; see git log -- src/http.
 */
export function redactText(text: string): string {
  return text;
}
