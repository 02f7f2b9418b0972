/** A form's messages by field: `title`, `tags`, `steps.0.text`, ... */
export type FieldErrors = Readonly<Record<string, string>>;
